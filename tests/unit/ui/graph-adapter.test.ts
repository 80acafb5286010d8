import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { buildGraphIndex } from '../../../src/model/graphIndex';
import { DEFAULT_FILTERS, selectVisibleRelations, type Filters } from '../../../src/model/view';
import { buildBaseElements, buildElements, elementClasses } from '../../../src/graph/elements';
import {
  applyDiff,
  applyPatches,
  diffClasses,
  diffElements,
  isStructural,
} from '../../../src/graph/diff';
import { buildStylesheet } from '../../../src/graph/stylesheet';
import {
  fitViewport,
  quickPositions,
  runLayout,
  type LayoutInput,
} from '../../../src/graph/layout';
import { computePositions } from '../../../src/graph/layoutCompute';
import { buildSvg, collectSvgScene } from '../../../src/graph/svgExport';
import { ACTOR_TYPE_TOKENS, edgeWidth } from '../../../src/graph/tokens';
import type { AtlasElement } from '../../../src/graph/elements';
import type { Graph } from '../../../src/model/schema';
import { loadFixture } from './fixture';

cytoscape.use(fcose);
const graph = loadFixture();
const index = buildGraphIndex(graph);
const visibilityFor = (filters: Partial<Filters> = {}) =>
  selectVisibleRelations(index, {
    filters: { ...DEFAULT_FILTERS, ...filters },
    window: null,
    focus: null,
  });

function headless() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet({ large: false }),
  });
  applyDiff(cy, diffElements(new Map(), buildBaseElements(index)));
  return cy;
}

describe('element builder', () => {
  it('builds every actor and relation, hiding (not dropping) what is filtered', () => {
    const elements = buildElements(index, visibilityFor({ actorTypes: ['state'] }), null);
    expect(elements).toHaveLength(graph.actors.length + graph.relations.length);
    const russia = elements.find((e) => e.data.id === 'russia');
    expect(russia?.classes).toContain('is-hidden');
    expect(elements.find((e) => e.data.id === 'mali')?.classes).not.toContain('is-hidden');
  });

  it('sizes edges by distinct articles', () => {
    const edge = buildBaseElements(index).find(
      (e) => e.data.id === 'russia--military_support--mali',
    );
    expect(edge?.group === 'edges' && edge.data.articleCount).toBe(2);
    expect(edge?.group === 'edges' && edge.data.width).toBe(edgeWidth(2));
    expect(edgeWidth(2)).toBeGreaterThan(edgeWidth(1));
  });

  it('marks the selection and dims what is not next to a selected actor', () => {
    const classes = elementClasses(index, visibilityFor(), { kind: 'actor', id: 'hrw' });
    expect(classes.get('hrw')).toBe('is-selected');
    expect(classes.get('mali')).toBe('');
    expect(classes.get('russia')).toBe('is-dimmed');
    expect(classes.get('hrw--criticism--mali')).toBe('');
    expect(classes.get('russia--military_support--mali')).toBe('is-dimmed');
    const edge = elementClasses(index, visibilityFor(), {
      kind: 'relation',
      id: 'mali--rupture--france',
    });
    expect(edge.get('mali--rupture--france')).toBe('is-selected');
  });
});

describe('diff', () => {
  it('adds, removes and patches by id', () => {
    const before = new Map<string, AtlasElement>(
      buildBaseElements(index).map((e) => [e.data.id, e]),
    );
    const smaller: Graph = {
      ...graph,
      actors: graph.actors.map((a) => (a.id === 'mali' ? { ...a, name: 'Republic of Mali' } : a)),
      relations: graph.relations.filter((r) => r.id !== 'mali--rupture--france'),
    };
    const diff = diffElements(before, buildBaseElements(buildGraphIndex(smaller)));
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual(['mali--rupture--france']);
    // Mali is renamed; Mali and France each lose a relation, so their size changes too.
    expect(diff.patch.map((p) => p.id).sort()).toEqual(['france', 'mali']);
    expect(diff.patch.find((p) => p.id === 'mali')?.data).toEqual(
      expect.objectContaining({ label: 'Republic of Mali' }),
    );
    expect(diff.patch.every((p) => p.classes === undefined)).toBe(true);
    expect(isStructural(diff)).toBe(true);
  });

  it('re-classes only the elements whose classes changed', () => {
    const all = elementClasses(index, visibilityFor(), null);
    const noOrgs = elementClasses(
      index,
      visibilityFor({ actorTypes: ['state', 'foreign_power', 'alliance', 'armed_group'] }),
      null,
    );
    const patches = diffClasses(all, noOrgs);
    // hrw and its two criticism edges, and nothing else.
    expect(patches.map((p) => p.id).sort()).toEqual([
      'hrw',
      'hrw--criticism--mali',
      'hrw--criticism--wagner',
    ]);
  });
});

describe('Cytoscape adapter (headless)', () => {
  it('lays out the same graph at the same positions every time', () => {
    const a = headless();
    const b = headless();
    runLayout(a);
    runLayout(b);
    for (const node of a.nodes().toArray()) {
      const other = b.getElementById(node.id());
      expect(other.position()).toEqual(node.position());
    }
    a.destroy();
    b.destroy();
  });

  it('the worker layout (headless fcose) is deterministic and places every node', () => {
    const input: LayoutInput = {
      nodes: graph.actors.map((a) => ({ id: a.id, width: 30, height: 30 })),
      edges: graph.relations.map((r) => [r.source, r.target]),
      withLabels: true,
    };
    const a = computePositions(input);
    const b = computePositions(structuredClone(input));
    expect(Object.keys(a).sort()).toEqual(graph.actors.map((x) => x.id).sort());
    expect(b).toEqual(a);
    // Connected actors end up nearer each other than the layout's extent.
    const xs = Object.values(a).map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(50);
  });

  it('placeholder positions are instant, distinct and put hubs in the middle', () => {
    const input: LayoutInput = {
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 20, height: 20 })),
      edges: [
        ['d', 'a'],
        ['d', 'b'],
        ['d', 'c'],
      ],
      withLabels: false,
    };
    const quick = quickPositions(input);
    expect(quick.d).toEqual({ x: 0, y: 0 });
    const keys = new Set(Object.values(quick).map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(4);
    const view = fitViewport(quick, { width: 400, height: 300 }, 40, 10);
    expect(view).not.toBeNull();
    // Every position lands inside the padded viewport.
    for (const p of Object.values(quick)) {
      const x = (view?.zoom ?? 0) * p.x + (view?.pan.x ?? 0);
      const y = (view?.zoom ?? 0) * p.y + (view?.pan.y ?? 0);
      expect(x).toBeGreaterThanOrEqual(40);
      expect(x).toBeLessThanOrEqual(360);
      expect(y).toBeGreaterThanOrEqual(40);
      expect(y).toBeLessThanOrEqual(260);
    }
  });

  it('filtering hides elements without moving any node', () => {
    const cy = headless();
    runLayout(cy);
    const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const all = elementClasses(index, visibilityFor(), null);
    applyPatches(cy, diffClasses(new Map(), all));
    const filtered = elementClasses(index, visibilityFor({ polarities: ['hostile'] }), null);
    applyPatches(cy, diffClasses(all, filtered));
    expect(cy.edges(':visible').length).toBe(
      visibilityFor({ polarities: ['hostile'] }).relationIds.size,
    );
    expect(cy.edges('.is-hidden').length).toBeGreaterThan(0);
    for (const node of cy.nodes().toArray()) expect(node.position()).toEqual(before.get(node.id()));
    cy.destroy();
  });

  it('exports visible elements as SVG drawn from the tokens', () => {
    const cy = headless();
    runLayout(cy);
    applyPatches(
      cy,
      diffClasses(new Map(), elementClasses(index, visibilityFor({ actorTypes: ['state'] }), null)),
    );
    const scene = collectSvgScene(cy);
    // Burkina Faso has relations, but none with another state: it is hidden too.
    expect(scene.nodes.map((n) => n.id).sort()).toEqual(['algeria', 'mali', 'niger']);
    expect(scene.edges).toHaveLength(2);
    const svg = buildSvg(scene.nodes, scene.edges);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(svg).toContain(ACTOR_TYPE_TOKENS.state.color);
    expect(doc.getElementsByTagName('text')).toHaveLength(3);
    cy.destroy();
  });

  it('moves a window over a 5,000-actor, 20,000-relation graph by re-classing only what changes', () => {
    const actors = Array.from({ length: 5000 }, (_, i) => ({
      id: `a${i}`,
      name: `Actor ${i}`,
      type: 'state' as const,
      aliases: [],
    }));
    const relations = Array.from({ length: 20000 }, (_, i) => ({
      id: `r${i}`,
      source: `a${i % 5000}`,
      target: `a${(i * 7 + 1) % 5000}`,
      type: 'criticism' as const,
      polarity: 'hostile' as const,
      evidence: [
        {
          articleId: 'x',
          quote: 'q',
          start: 0,
          end: 1,
          date: `${2000 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}`,
          dateBasis: 'explicit' as const,
        },
      ],
    }));
    const big = buildGraphIndex({
      schemaVersion: 1,
      articles: [
        {
          id: 'x',
          file: 'x',
          title: null,
          outlet: null,
          published: null,
          publishedSource: null,
          text: 'q',
        },
      ],
      actors,
      relations,
      diagnostics: [],
    });
    const view = (start: number) =>
      selectVisibleRelations(big, {
        filters: DEFAULT_FILTERS,
        window: { startMonth: 2000 * 12 + start, endMonth: 2000 * 12 + start + 60 },
        focus: null,
      });
    const started = performance.now();
    const a = elementClasses(big, view(0), null);
    const b = elementClasses(big, view(12), null);
    const patches = diffClasses(a, b);
    const elapsed = performance.now() - started;
    // Only edges entering or leaving the window (plus actors) change.
    expect(patches.length).toBeLessThan(25000 / 2);
    expect(elapsed).toBeLessThan(2000);
  });
});
