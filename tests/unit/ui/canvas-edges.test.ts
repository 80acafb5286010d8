/**
 * The drawn/undrawn split of big graphs: edges the level of detail leaves undrawn are kept out
 * of Cytoscape and come back, with their current data and classes, when drawn.
 */
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { buildGraphIndex } from '../../../src/model/graphIndex';
import { buildBaseElements, type AtlasElement } from '../../../src/graph/elements';
import {
  applyDiff,
  canvasEdgeChange,
  diffElements,
  removeElements,
  setCanvasEdges,
} from '../../../src/graph/diff';
import { edgesByActor, rankEdges } from '../../../src/graph/edgeBudget';
import { layoutInputOf } from '../../../src/graph/layout';
import { buildStylesheet } from '../../../src/graph/stylesheet';
import { loadFixture } from './fixture';

const index = buildGraphIndex(loadFixture());
const base = buildBaseElements(index, { edges: 'pairs' });
const byId = new Map<string, AtlasElement>(base.map((e) => [e.data.id, e]));
const edgeIds = base.filter((e) => e.group === 'edges').map((e) => e.data.id);

function nodesOnly() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet({ large: true }),
  });
  applyDiff(cy, diffElements(new Map(), base), (e) => e.group === 'edges');
  return cy;
}

const idsOf = (cy: cytoscape.Core) =>
  cy
    .edges()
    .map((e) => e.id())
    .sort();

describe('edges on and off the canvas', () => {
  it('applyDiff leaves out the edges it is told to keep off the canvas', () => {
    const cy = nodesOnly();
    expect(cy.nodes()).toHaveLength(index.graph.actors.length);
    expect(cy.edges()).toHaveLength(0);
    cy.destroy();
  });

  it('canvasEdgeChange lists exactly the edges entering and leaving', () => {
    const change = canvasEdgeChange(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd', 'e']));
    expect(change.remove).toEqual(['a']);
    expect(change.add.sort()).toEqual(['d', 'e']);
    expect(canvasEdgeChange(new Set(['a']), new Set(['a']))).toEqual({ add: [], remove: [] });
  });

  it('setCanvasEdges makes the canvas hold the wanted edges, with current data and classes', () => {
    const cy = nodesOnly();
    const first = new Set(edgeIds.slice(0, 5));
    const classOf = (id: string) => (id === edgeIds[0] ? 'is-selected p-hostile' : 'p-cooperative');
    setCanvasEdges(cy, canvasEdgeChange(new Set(), first), (id) => byId.get(id), classOf);
    expect(idsOf(cy)).toEqual([...first].sort());
    expect(
      cy
        .getElementById(edgeIds[0] ?? '')
        .classes()
        .sort(),
    ).toEqual(['is-selected', 'p-hostile']);
    const edge = byId.get(edgeIds[1] ?? '');
    expect(edge?.group).toBe('edges');
    if (edge?.group === 'edges') {
      expect(cy.getElementById(edgeIds[1] ?? '').data('width')).toBe(edge.data.width);
    }

    const second = new Set(edgeIds.slice(3, 9));
    setCanvasEdges(
      cy,
      canvasEdgeChange(first, second),
      (id) => byId.get(id),
      () => '',
    );
    expect(idsOf(cy)).toEqual([...second].sort());
    // An edge that stayed keeps its classes; one that came back has the classes given now.
    expect(cy.getElementById(edgeIds[3] ?? '').hasClass('p-cooperative')).toBe(true);
    expect(cy.getElementById(edgeIds[8] ?? '').classes()).toEqual([]);
    expect(cy.nodes()).toHaveLength(index.graph.actors.length);
    cy.destroy();
  });

  it('setCanvasEdges skips unknown ids and edges already on the canvas', () => {
    const cy = nodesOnly();
    const some = new Set(edgeIds.slice(0, 3));
    setCanvasEdges(
      cy,
      { add: [...some], remove: [] },
      (id) => byId.get(id),
      () => '',
    );
    setCanvasEdges(
      cy,
      { add: [...some, 'pair:nobody|nothing'], remove: ['pair:not|here'] },
      (id) => byId.get(id),
      () => '',
    );
    expect(idsOf(cy)).toEqual([...some].sort());
    cy.destroy();
  });

  it('removeElements removes every named element in one call, edges of removed nodes too', () => {
    const cy = nodesOnly();
    setCanvasEdges(
      cy,
      { add: edgeIds, remove: [] },
      (id) => byId.get(id),
      () => '',
    );
    const removed: string[] = [];
    cy.on('remove', (event) => removed.push(String(event.target.id())));
    removeElements(cy, [edgeIds[0] ?? '', 'not-there', edgeIds[1] ?? '']);
    expect(removed.sort()).toEqual([edgeIds[0], edgeIds[1]].sort());
    expect(cy.edges()).toHaveLength(edgeIds.length - 2);
    cy.destroy();
  });

  it('a layout sees the edges kept off the canvas', () => {
    const cy = nodesOnly();
    const ends = base.flatMap((e) =>
      e.group === 'edges' ? [[e.data.source, e.data.target] as [string, string]] : [],
    );
    const input = layoutInputOf(cy, cy.elements(), ends);
    expect(input.edges).toHaveLength(edgeIds.length);
    // Edges whose ends are not laid out are left out.
    const some = cy.collection().merge(cy.nodes().slice(0, 2));
    expect(layoutInputOf(cy, some, ends).edges.length).toBeLessThan(edgeIds.length);
    cy.destroy();
  });

  it("edgesByActor lists each actor's edges, strongest first", () => {
    const ranked = rankEdges([
      { id: 'weak', source: 'a', target: 'b', weight: 1 },
      { id: 'strong', source: 'c', target: 'a', weight: 5 },
      { id: 'other', source: 'b', target: 'c', weight: 2 },
    ]);
    const at = edgesByActor(ranked);
    expect(at.get('a')).toEqual(['strong', 'weak']);
    expect(at.get('b')).toEqual(['other', 'weak']);
    expect(at.get('c')).toEqual(['strong', 'other']);
    expect(edgesByActor(ranked)).toBe(at);
  });
});
