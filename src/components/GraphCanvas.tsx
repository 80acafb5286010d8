/**
 * The only owner of the Cytoscape instance (loaded lazily through ./GraphView): created in
 * one effect, destroyed in its cleanup, kept in a ref. Store changes reach it through a
 * subscription (no React re-render): the structure is diffed when the graph changes (then,
 * and only then, the layout runs, in a worker: ../graph/layoutRunner.ts) and the classes are
 * patched when filters, the window or the selection change (after a window step, only the
 * elements the visibility delta names).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import cytoscape, {
  type Collection,
  type Core,
  type LayoutOptions,
  type NodeSingular,
} from 'cytoscape';
import { useAtlasStoreApi } from '../store/context';
import type { AtlasState } from '../store/atlasStore';
import { selectVisibility } from '../store/selectors';
import type { GraphIndex } from '../model/graphIndex';
import {
  buildBaseElements,
  classComputer,
  elementClasses,
  isPairEdgeId,
  pairEdgeOfRelation,
  type AtlasElement,
  type ElementOptions,
} from '../graph/elements';
import { mapPositions } from '../graph/mapLayout';
import type { CanvasOptions } from '../model/view';
import {
  applyDiff,
  applyPatches,
  canvasEdgeChange,
  diffClasses,
  diffElements,
  isStructural,
  setCanvasEdges,
  type ElementPatch,
} from '../graph/diff';
import { buildStylesheet, labelTier, type LabelTier } from '../graph/stylesheet';
import {
  LARGE_GRAPH_ABOVE,
  fitViewport,
  layoutInputOf,
  quickPositions,
  type Positions,
} from '../graph/layout';
import { createLayoutRunner } from '../graph/layoutRunner';
import {
  EDGE_BUDGET,
  NODE_BUDGET,
  edgesByActor,
  rankedEdgesOf,
  selectDrawnEdges,
  selectDrawnNodes,
  visibleNeighbours,
  type BudgetEdge,
} from '../graph/edgeBudget';
import { pairsOf } from '../model/pairs';
import { CANVAS_BACKGROUND } from '../graph/tokens';
import { useGraphApi } from './graphApi';

/** Up to this many nodes the worker's positions are eased in; above, they are set at once. */
const ANIMATE_LAYOUT_UP_TO = 300;

const PAN_STEP = 80;

/** Up to this many nodes labels are rescaled to stay readable in the fitted view. */
const READABLE_LABELS_UP_TO = 300;

/** The drawn set follows the viewport this long after the last pan or zoom. */
const LOD_VIEWPORT_DEBOUNCE_MS = 150;

/** What the canvas leaves out on a big graph (in the padded view), for the note over it. */
interface LodNote {
  drawn: number;
  inView: number;
  /** Actors, when the node budget leaves some out. */
  actorsDrawn: number | null;
  actorsInView: number;
}

/**
 * The node budget, overridable in debug builds (`?debug=1&nodes=300`) so the end-to-end tests
 * can exercise it on a graph that lays out quickly.
 */
function nodeBudgetOf(params: URLSearchParams, debug: boolean): number {
  const asked = Number(params.get('nodes'));
  return debug && Number.isInteger(asked) && asked > 0 ? asked : NODE_BUDGET;
}

/**
 * The viewport with a quarter of its size added on each side: edges just outside are drawn
 * too (Cytoscape skips off-screen elements for free), so a small pan changes nothing.
 */
function paddedExtent(cy: Core) {
  const { x1, y1, x2, y2 } = cy.extent();
  const dx = (x2 - x1) / 4;
  const dy = (y2 - y1) / 4;
  return { x1: x1 - dx, y1: y1 - dy, x2: x2 + dx, y2: y2 + dy };
}

function edgeIdsOf(elements: readonly AtlasElement[]): Set<string> {
  const ids = new Set<string>();
  for (const element of elements) if (element.group === 'edges') ids.add(element.data.id);
  return ids;
}

export function GraphCanvas() {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const store = useAtlasStoreApi();
  const apiRef = useGraphApi();
  const [lodNote, setLodNote] = useState<LodNote | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const params = new URLSearchParams(window.location.search);
    const debug = params.get('debug') === '1';
    const nodeBudget = nodeBudgetOf(params, debug);
    const cy = cytoscape({
      container,
      // Cytoscape's WebGL renderer, for measuring it (?debug=1&webgl=1); not the default: in
      // headless chromium without a GPU (SwiftShader) it measured slower than the 2D canvas.
      ...(debug && params.get('webgl') === '1'
        ? { renderer: { name: 'canvas', webgl: true } }
        : {}),
      style: buildStylesheet({ large: false }),
      minZoom: 0.03,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autounselectify: true,
    });
    cyRef.current = cy;
    if (debug) window.__cy = cy;

    const layouts = createLayoutRunner();
    let layoutGeneration = 0;
    /** Sets positions in one batch and fits them without measuring every element. */
    const place = (eles: Collection, positions: Positions, margin: number) => {
      cy.batch(() =>
        eles.nodes().positions((node) => positions[node.id()] ?? { ...node.position() }),
      );
      const view = fitViewport(positions, { width: cy.width(), height: cy.height() }, 40, margin);
      if (view) cy.viewport({ zoom: clampZoom(view.zoom), pan: view.pan });
      keepLabelsReadable();
      refreshDrawn();
    };
    /**
     * Labels are sized in model units: when the fitted view is zoomed out, they grow so they
     * still read at about 12 px. Only for graphs small enough to label (a style update
     * restyles every element).
     */
    let labelScale = 1;
    const keepLabelsReadable = () => {
      if (cy.nodes().length > READABLE_LABELS_UP_TO) return;
      const scale = Math.min(2.2, Math.max(1, 1 / cy.zoom()));
      if (Math.abs(scale - labelScale) < 0.05) return;
      labelScale = scale;
      cy.style()
        .selector('node')
        .style({ 'font-size': 12 * scale, 'text-margin-y': 5 * scale })
        .update();
    };
    const clampZoom = (zoom: number) => Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));

    /**
     * Lays out `eles` in the worker and applies the result with the preset layout. With
     * `placeholder`, nodes first go to instant spiral positions so the graph shows at once.
     * `data-layout` on the container says 'running' or 'done' (tests wait for it).
     */
    const startLayout = (eles: Collection, placeholder: boolean, onlyVisible = false) => {
      layoutGeneration += 1;
      const generation = layoutGeneration;
      const input = layoutInputOf(cy, eles, offCanvasEdges(onlyVisible));
      if (input.nodes.length === 0) {
        container.dataset.layout = 'done';
        return;
      }
      container.dataset.layout = 'running';
      const margin = Math.max(...input.nodes.map((n) => Math.max(n.width, n.height) / 2));
      if (placeholder) place(eles, quickPositions(input), margin);
      void layouts.run(input).then((positions: Positions | null) => {
        if (!positions || generation !== layoutGeneration || cy.destroyed()) return;
        const nodes = eles.nodes().filter((node) => node.inside());
        if (nodes.length > ANIMATE_LAYOUT_UP_TO) {
          place(nodes, positions, margin);
          container.dataset.layout = 'done';
          return;
        }
        const layout = nodes.layout({
          name: 'preset',
          positions: (node: NodeSingular) => positions[node.id()] ?? node.position(),
          fit: true,
          padding: 40,
          animate: true,
          animationDuration: 300,
        } as LayoutOptions);
        layout.one('layoutstop', () => {
          keepLabelsReadable();
          refreshDrawn();
          if (generation === layoutGeneration) container.dataset.layout = 'done';
        });
        layout.run();
      });
    };

    /** The Map layout: positions from geography, no worker needed. */
    const placeOnMap = (index: GraphIndex) => {
      layoutGeneration += 1;
      const positions = mapPositions(index);
      const margin = Math.max(20, ...cy.nodes().map((n) => Number(n.data('size')) / 2));
      place(cy.elements(), positions, margin);
      container.dataset.layout = 'done';
    };

    let elements = new Map<string, AtlasElement>();
    /** Classes from the view (filters, window, selection), for every element. */
    let classes = new Map<string, string>();
    /**
     * Big graphs above the node budget: visible actors the level of detail does not draw.
     * They stay in Cytoscape (so positions, layouts and `centerOn` keep working) with
     * `display: none`, which costs the renderer as little per frame as removing them (bench/README.md).
     */
    let undrawnNodes = new Set<string>();
    const appliedClass = (id: string) => {
      const view = classes.get(id) ?? '';
      if (!undrawnNodes.has(id)) return view;
      return view ? `${view} is-undrawn` : 'is-undrawn';
    };
    const isVisible = (id: string) => !(classes.get(id) ?? 'is-hidden').includes('is-hidden');
    /**
     * Big graphs (more edges than the budget): only the edges the level of detail draws are
     * in Cytoscape (`onCanvas`); the others, hidden or undrawn, live in `elements` alone and
     * are added when drawn. Cytoscape walks every element it holds on every frame, drawn or
     * not. Smaller graphs keep every edge in Cytoscape, hidden ones with `is-hidden`.
     */
    let lod = false;
    let onCanvas = new Set<string>();
    /** The actor under the pointer: all of its visible edges are drawn while hovered. */
    let hoveredActor: string | null = null;
    /** Edges not in Cytoscape that a layout must still see (all, or only the visible ones). */
    const offCanvasEdges = (onlyVisible: boolean): Array<[string, string]> => {
      if (!lod) return [];
      const edges: Array<[string, string]> = [];
      for (const element of elements.values()) {
        if (element.group !== 'edges' || onCanvas.has(element.data.id)) continue;
        if (onlyVisible && !isVisible(element.data.id)) continue;
        edges.push([element.data.source, element.data.target]);
      }
      return edges;
    };
    const positionOf = (id: string) => {
      const node = cy.getElementById(id);
      return node.empty() ? undefined : node.position();
    };
    /**
     * Big graphs only: the actors drawn whatever the node budget: the selected actor, pair or
     * relation's ends, the hovered actor, and the visible neighbours of the selected and the
     * hovered actor (their edges are drawn, so their other ends must be).
     */
    const pinnedActors = (state: AtlasState, index: GraphIndex): Set<string> => {
      const ranked = rankedEdgesOf(index, state.canvas.edges);
      const selection = state.selection;
      const around = new Set<string>();
      if (selection?.kind === 'actor') around.add(selection.id);
      if (hoveredActor !== null) around.add(hoveredActor);
      const pinned = visibleNeighbours(ranked, around, isVisible);
      for (const id of around) pinned.add(id);
      if (selection?.kind === 'pair') {
        const pair = pairsOf(index).get(selection.id);
        if (pair) pinned.add(pair.a).add(pair.b);
      } else if (selection?.kind === 'relation') {
        const relation = index.relationsById.get(selection.id)?.relation;
        if (relation) pinned.add(relation.source).add(relation.target);
      }
      return pinned;
    };
    /**
     * Big graphs only: the actors to draw (null: every visible one), and the edges to draw
     * among them, for the current viewport, window, filters, selection and hovered actor
     * (../graph/edgeBudget.ts), all of them visible.
     */
    const drawnFor = (state: AtlasState): { nodes: Set<string> | null; edges: Set<string> } => {
      const index = state.index;
      const drawn = new Set<string>();
      if (!index) return { nodes: null, edges: drawn };
      const ranked = rankedEdgesOf(index, state.canvas.edges);
      const viewport = paddedExtent(cy);
      const visibleActors: string[] = [];
      for (const actor of index.graph.actors) if (isVisible(actor.id)) visibleActors.push(actor.id);
      const nodes = selectDrawnNodes({
        ranked,
        isVisible,
        actors: visibleActors,
        positionOf,
        viewport,
        budget: nodeBudget,
        pinned: pinnedActors(state, index),
      });
      const drawnNodes = nodes.drawn;
      const selection = state.selection;
      const selectedActor = selection?.kind === 'actor' ? selection.id : null;
      const isPinned = (edge: BudgetEdge) =>
        edge.source === selectedActor ||
        edge.target === selectedActor ||
        (classes.get(edge.id) ?? '').includes('is-selected');
      const result = selectDrawnEdges({
        ranked,
        isVisible,
        positionOf,
        viewport,
        budget: EDGE_BUDGET,
        isPinned,
        ...(drawnNodes ? { isDrawnActor: (id: string) => drawnNodes.has(id) } : {}),
      });
      const actorsCut = drawnNodes !== null && nodes.drawnInView < nodes.inView;
      setNote(
        actorsCut || (result.drawn && result.drawnInView < result.inView)
          ? {
              drawn: result.drawnInView,
              inView: result.inView,
              actorsDrawn: actorsCut ? nodes.drawnInView : null,
              actorsInView: nodes.inView,
            }
          : null,
      );
      if (result.drawn) for (const id of result.drawn) drawn.add(id);
      else for (const edge of ranked.edges) if (isVisible(edge.id)) drawn.add(edge.id);
      if (hoveredActor !== null) {
        // Its neighbours are pinned, so all of its visible edges have both ends drawn.
        for (const id of edgesByActor(ranked).get(hoveredActor) ?? []) {
          if (isVisible(id)) drawn.add(id);
        }
      }
      return { nodes: drawnNodes, edges: drawn };
    };
    let lastNote = '';
    const setNote = (note: LodNote | null) => {
      const key = note
        ? `${note.drawn}/${note.inView}/${note.actorsDrawn}/${note.actorsInView}`
        : '';
      if (key === lastNote) return;
      lastNote = key;
      setLodNote(note);
    };
    /**
     * Applies class changes: `changed` are the ids whose view classes changed. On big graphs
     * the drawn edges are recomputed too, and edges enter or leave the canvas, in one batch.
     */
    const applyClasses = (state: AtlasState, changed: Iterable<string>) => {
      const patches: ElementPatch[] = [];
      for (const id of changed) patches.push({ id, classes: appliedClass(id) });
      if (!lod) {
        applyPatches(cy, patches);
        return;
      }
      const { nodes, edges: wanted } = drawnFor(state);
      // Visible actors left out by the node budget; hidden ones are out anyway.
      const nextUndrawn = new Set<string>();
      if (nodes && state.index) {
        for (const actor of state.index.graph.actors) {
          if (!nodes.has(actor.id) && isVisible(actor.id)) nextUndrawn.add(actor.id);
        }
      }
      const flipped: string[] = [];
      for (const id of undrawnNodes) if (!nextUndrawn.has(id)) flipped.push(id);
      for (const id of nextUndrawn) if (!undrawnNodes.has(id)) flipped.push(id);
      undrawnNodes = nextUndrawn;
      for (const id of flipped) patches.push({ id, classes: appliedClass(id) });
      cy.batch(() => {
        // Nodes first: an edge entering the canvas must not meet an end still undrawn.
        applyPatches(cy, patches);
        setCanvasEdges(
          cy,
          canvasEdgeChange(onCanvas, wanted),
          (id) => elements.get(id),
          appliedClass,
        );
      });
      onCanvas = wanted;
    };
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    /** Re-decides the drawn edges after the viewport or the positions changed. */
    const refreshDrawn = () => {
      if (refreshTimer !== undefined) clearTimeout(refreshTimer);
      refreshTimer = undefined;
      if (cy.destroyed()) return;
      followZoomWithLabels();
      if (!lod) return;
      applyClasses(store.getState(), []);
    };
    cy.on('viewport', () => {
      if (refreshTimer !== undefined) clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refreshDrawn, LOD_VIEWPORT_DEBOUNCE_MS);
    });
    let large = false;
    let labels: LabelTier = 'all';
    /** Big graphs: style only the node labels that the zoom lets Cytoscape draw. */
    const followZoomWithLabels = () => {
      if (!large) return;
      const tier = labelTier(cy.zoom());
      if (tier === labels) return;
      labels = tier;
      cy.style(buildStylesheet({ large, labels }));
      labelScale = 1;
      keepLabelsReadable();
    };
    let lastIndex: GraphIndex | null | undefined;
    let lastCanvas: CanvasOptions | undefined;
    let lastVisibility: unknown;
    let lastSelection: unknown;

    const sync = (state: AtlasState) => {
      const index = state.index;
      const canvas = state.canvas;
      const options: ElementOptions = { edges: canvas.edges, hideIsolated: !canvas.showIsolated };
      if (index !== lastIndex || canvas.edges !== lastCanvas?.edges) {
        const newGraph = index !== lastIndex;
        lastIndex = index;
        const base = index ? buildBaseElements(index, options) : [];
        const diff = diffElements(elements, base);
        const nodesChanged =
          newGraph &&
          (diff.add.some((e) => e.group === 'nodes') ||
            diff.remove.some((id) => elements.get(id)?.group === 'nodes'));
        const nowLod =
          index !== null &&
          (rankedEdgesOf(index, canvas.edges).edges.length > EDGE_BUDGET ||
            index.graph.actors.length > nodeBudget);
        // Big graphs add no edge here: the level of detail adds the ones it draws, below.
        applyDiff(cy, diff, nowLod ? () => true : undefined);
        elements = new Map(base.map((e) => [e.data.id, e]));
        if (nowLod) {
          onCanvas = new Set(cy.edges().map((edge) => edge.id()));
        } else if (lod) {
          // Back below the budget: every edge belongs on the canvas again.
          setCanvasEdges(
            cy,
            canvasEdgeChange(new Set(cy.edges().map((edge) => edge.id())), edgeIdsOf(base)),
            (id) => elements.get(id),
            () => '',
          );
          onCanvas = new Set();
        }
        if (!nowLod) setNote(null);
        lod = nowLod;
        if (isStructural(diff)) {
          const nowLarge = base.length > LARGE_GRAPH_ABOVE;
          if (nowLarge !== large) {
            large = nowLarge;
            labels = labelTier(cy.zoom());
            cy.style(buildStylesheet({ large, labels }));
            labelScale = 1;
          }
          classes = new Map();
          undrawnNodes = new Set();
        }
        if (nodesChanged && index) {
          // Lay out everything (nothing hidden) so positions do not depend on the filters.
          cy.batch(() => cy.elements().classes(''));
          if (canvas.layout === 'map') placeOnMap(index);
          else startLayout(cy.elements(), true);
        }
        lastVisibility = undefined;
      }
      if (index && lastCanvas && canvas.layout !== lastCanvas.layout) {
        if (canvas.layout === 'map') placeOnMap(index);
        else startLayout(cy.elements(), false);
      }
      if (canvas.showIsolated !== lastCanvas?.showIsolated) lastVisibility = undefined;
      lastCanvas = canvas;
      const visibility = selectVisibility(state);
      if (visibility === lastVisibility && state.selection === lastSelection) return;
      if (!index) {
        classes = new Map();
        setNote(null);
      } else if (
        state.selection === lastSelection &&
        visibility.delta &&
        visibility.delta.from === lastVisibility
      ) {
        // A window step: re-class only the elements that entered or left, and the ends of
        // changed relations (whether they stay lit around a selected actor may change).
        const classOf = classComputer(index, visibility, state.selection, options);
        const ids = new Set<string>(visibility.delta.actorIds);
        for (const id of visibility.delta.relationIds) {
          ids.add(options.edges === 'pairs' ? (pairEdgeOfRelation(index, id) ?? id) : id);
          const relation = index.relationsById.get(id)?.relation;
          if (relation) ids.add(relation.source).add(relation.target);
        }
        const changed: string[] = [];
        for (const id of ids) {
          const next = classOf(id);
          if (classes.get(id) === next) continue;
          classes.set(id, next);
          changed.push(id);
        }
        applyClasses(state, changed);
      } else {
        const next = elementClasses(index, visibility, state.selection, options);
        const changed = diffClasses(classes, next).map((patch) => patch.id);
        classes = next;
        applyClasses(state, changed);
      }
      lastVisibility = visibility;
      lastSelection = state.selection;
    };
    sync(store.getState());
    const unsubscribe = store.subscribe(sync);

    cy.on('tap', 'node', (event) => store.getState().selectActor(String(event.target.id())));
    cy.on('tap', 'edge', (event) => {
      const id = String(event.target.id());
      if (isPairEdgeId(id)) store.getState().selectPair(id.slice('pair:'.length));
      else store.getState().selectRelation(id);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) store.getState().clearSelection();
    });
    cy.on('mouseover', 'node', (event) => {
      if (lod) {
        // Its undrawn edges enter the canvas first, so the neighbourhood includes them.
        hoveredActor = String(event.target.id());
        applyClasses(store.getState(), []);
      }
      const hood = event.target.closedNeighborhood();
      container.style.cursor = 'pointer';
      cy.batch(() => {
        // Fading means restyling every other element: on big graphs only the neighbourhood
        // is marked, so hovering never stalls the page.
        if (!large) cy.elements().not(hood).addClass('is-faded');
        hood.addClass('is-hovered');
      });
    });
    cy.on('mouseout', 'node', () => {
      container.style.cursor = '';
      cy.batch(() => cy.elements('.is-faded, .is-hovered').removeClass('is-faded is-hovered'));
      if (hoveredActor !== null) {
        hoveredActor = null;
        if (lod) applyClasses(store.getState(), []);
      }
    });
    cy.on('mouseover', 'edge', (event) => {
      container.style.cursor = 'pointer';
      event.target.addClass('is-hovered');
    });
    cy.on('mouseout', 'edge', (event) => {
      container.style.cursor = '';
      event.target.removeClass('is-hovered');
    });

    apiRef.current = {
      fit: () => {
        if (!lod) {
          cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 } }, { duration: 250 });
          return;
        }
        // Every visible actor, drawn or not: fitting the drawn ones only would keep a zoomed-in
        // view zoomed in (zoomed in, the drawn actors are mostly those in view).
        const positions: Positions = {};
        cy.nodes().forEach((node) => {
          if (!node.hasClass('is-hidden')) positions[node.id()] = node.position();
        });
        const view = fitViewport(positions, { width: cy.width(), height: cy.height() }, 40, 20);
        if (view) cy.animate({ zoom: clampZoom(view.zoom), pan: view.pan }, { duration: 250 });
      },
      zoomBy: (factor) => {
        const zoom = cy.zoom() * factor;
        cy.animate(
          { zoom: { level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } },
          { duration: 150 },
        );
      },
      panBy: (dx, dy) => cy.panBy({ x: dx, y: dy }),
      relayout: () => {
        const index = store.getState().index;
        if (store.getState().canvas.layout === 'map' && index) placeOnMap(index);
        // Undrawn actors (node budget) are laid out too: they are visible, only not drawn.
        else startLayout(cy.elements().not('.is-hidden'), false, true);
      },
      centerOn: (actorId) => {
        const node = cy.getElementById(actorId);
        if (node.empty()) return;
        cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.3) }, { duration: 300 });
      },
      png: () => cy.png({ output: 'blob-promise', full: true, scale: 2, bg: CANVAS_BACKGROUND }),
      svg: async () => {
        const { buildSvg, collectSvgScene } = await import('../graph/svgExport');
        const scene = collectSvgScene(cy);
        return buildSvg(scene.nodes, scene.edges);
      },
      nodePositions: () => {
        const positions = new Map<string, { x: number; y: number }>();
        cy.nodes().forEach((n) => {
          positions.set(n.id(), { ...n.position() });
        });
        return positions;
      },
    };

    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => cy.resize());
    observer?.observe(container);

    return () => {
      if (refreshTimer !== undefined) clearTimeout(refreshTimer);
      observer?.disconnect();
      unsubscribe();
      layouts.dispose();
      apiRef.current = null;
      if (window.__cy === cy) delete window.__cy;
      cy.destroy();
      cyRef.current = null;
    };
  }, [store, apiRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy) return;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const pan = pans[event.key];
    if (pan) {
      cy.panBy({ x: pan[0], y: pan[1] });
    } else if (event.key === '+' || event.key === '=') {
      apiRef.current?.zoomBy(1.25);
    } else if (event.key === '-') {
      apiRef.current?.zoomBy(0.8);
    } else if (event.key === '0') {
      apiRef.current?.fit();
    } else {
      return;
    }
    event.preventDefault();
  };

  // Cytoscape makes its container position: relative, so the absolute box is a wrapper.
  return (
    <div className="absolute inset-0">
      <div
        ref={containerRef}
        role="application"
        aria-roledescription="network graph"
        aria-label="Graph of actors and relations. Arrow keys pan, plus and minus zoom, 0 fits the view. The Relations and Actors tables below offer the same items by keyboard."
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="graph-canvas"
        className="h-full w-full outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset"
      />
      {lodNote && (
        <p
          data-testid="lod-note"
          className="pointer-events-none absolute right-2 bottom-2 max-w-sm rounded-md bg-white/90 px-2 py-1 text-xs text-slate-700 tabular-nums shadow-sm"
        >
          {lodNote.actorsDrawn === null ? (
            <>
              Drawing {lodNote.drawn.toLocaleString('en')} of {lodNote.inView.toLocaleString('en')}{' '}
              connections: the strongest, and at least one for every actor. Zoom in for more, or use
              the Relations table for all.
            </>
          ) : (
            <>
              Drawing {lodNote.actorsDrawn.toLocaleString('en')} of{' '}
              {lodNote.actorsInView.toLocaleString('en')} actors and{' '}
              {lodNote.drawn.toLocaleString('en')} of {lodNote.inView.toLocaleString('en')}{' '}
              connections: the best connected actors and the strongest connections between them.
              Zoom in for more, or use the Actors and Relations tables for all.
            </>
          )}
        </p>
      )}
    </div>
  );
}
