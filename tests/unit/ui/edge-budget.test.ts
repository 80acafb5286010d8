import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  rankEdges,
  rankedEdgesOf,
  segmentMeetsExtent,
  selectDrawnEdges,
  type BudgetEdge,
  type EdgeBudgetInput,
  type Extent,
  type Point,
} from '../../../src/graph/edgeBudget';
import { buildGraphIndex } from '../../../src/model/graphIndex';
import { pairEdgeId, pairKey } from '../../../src/model/pairs';
import { loadFixture } from './fixture';

/** A star of hubs and leaves on a line: actor i sits at (i, 0). */
function lineGraph(edges: Array<[number, number, number]>): {
  ranked: ReturnType<typeof rankEdges>;
  positionOf: (id: string) => Point | undefined;
} {
  const list: BudgetEdge[] = edges.map(([s, t, weight], i) => ({
    id: `e${i}`,
    source: `n${s}`,
    target: `n${t}`,
    weight,
  }));
  return {
    ranked: rankEdges(list),
    positionOf: (id) => ({ x: Number(id.slice(1)), y: 0 }),
  };
}

const all = () => true;

/** Ends of visible edges that have no drawn edge. */
function lonelyActors(input: EdgeBudgetInput, drawn: Set<string> | null): string[] {
  const visibleEnds = new Set<string>();
  const drawnEnds = new Set<string>();
  for (const e of input.ranked.edges) {
    if (!input.isVisible(e.id)) continue;
    visibleEnds.add(e.source).add(e.target);
    if (!drawn || drawn.has(e.id)) drawnEnds.add(e.source).add(e.target);
  }
  return [...visibleEnds].filter((id) => !drawnEnds.has(id)).sort();
}

describe('segmentMeetsExtent', () => {
  const box: Extent = { x1: 0, y1: 0, x2: 10, y2: 10 };
  it('counts a segment with an end inside, one crossing the box, and not one passing by', () => {
    expect(segmentMeetsExtent(5, 5, 50, 50, box)).toBe(true);
    expect(segmentMeetsExtent(-5, 5, 15, 5, box)).toBe(true);
    expect(segmentMeetsExtent(-5, -5, 15, 15, box)).toBe(true);
    expect(segmentMeetsExtent(-5, 20, 20, 12, box)).toBe(false);
    expect(segmentMeetsExtent(11, -5, 11, 15, box)).toBe(false);
    expect(segmentMeetsExtent(20, 0, 30, 0, box)).toBe(false);
  });
});

describe('rankEdges', () => {
  it('puts the best sourced first, then edges at hubs, then by id', () => {
    const ranked = rankEdges([
      { id: 'c', source: 'x', target: 'y', weight: 1 },
      { id: 'b', source: 'hub', target: 'y', weight: 1 },
      { id: 'a', source: 'hub', target: 'z', weight: 1 },
      { id: 'd', source: 'hub', target: 'w', weight: 4 },
    ]);
    expect(ranked.edges.map((e) => e.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(ranked.actors[ranked.source[0] ?? -1]).toBe('hub');
    expect(ranked.actors[ranked.target[0] ?? -1]).toBe('w');
  });

  it('ranks the canvas edges of a graph in either mode, with independent sources as weight', () => {
    const index = buildGraphIndex(loadFixture());
    const pairs = rankedEdgesOf(index, 'pairs');
    const types = rankedEdgesOf(index, 'types');
    expect(types.edges).toHaveLength(index.relations.length);
    const keys = new Set(index.relations.map((r) => pairKey(r.relation.source, r.relation.target)));
    expect(new Set(pairs.edges.map((e) => e.id))).toEqual(new Set([...keys].map(pairEdgeId)));
    for (const list of [pairs.edges, types.edges]) {
      for (let i = 1; i < list.length; i++) {
        expect(list[i - 1]?.weight ?? 0).toBeGreaterThanOrEqual(list[i]?.weight ?? 0);
      }
    }
    expect(rankedEdgesOf(index, 'pairs')).toBe(pairs);
  });
});

describe('selectDrawnEdges', () => {
  it('draws everything at or below the budget', () => {
    const { ranked, positionOf } = lineGraph([
      [0, 1, 1],
      [1, 2, 1],
    ]);
    const result = selectDrawnEdges({
      ranked,
      isVisible: all,
      positionOf,
      viewport: null,
      budget: 2,
    });
    expect(result.drawn).toBeNull();
    expect(result).toMatchObject({ visible: 2, inView: 2, drawnInView: 2, drawnTotal: 2 });
  });

  it('above the budget draws the strongest edges and one for every actor left alone', () => {
    // A hub 0 with strong edges to 1..4 and weak ones between leaves 5..8 and the hub.
    const { ranked, positionOf } = lineGraph([
      [0, 1, 5],
      [0, 2, 4],
      [0, 3, 3],
      [0, 4, 3],
      [0, 5, 1],
      [5, 6, 1],
      [0, 6, 1],
      [7, 8, 1],
    ]);
    const input: EdgeBudgetInput = {
      ranked,
      isVisible: all,
      positionOf,
      viewport: null,
      budget: 2,
    };
    const result = selectDrawnEdges(input);
    const drawn = result.drawn ?? new Set();
    // The two strongest, then 3, 4, 5, 6, 7, 8 need a line: 7–8 and 5–6 serve two each.
    expect([...drawn].sort()).toEqual(['e0', 'e1', 'e2', 'e3', 'e5', 'e7']);
    expect(lonelyActors(input, result.drawn)).toEqual([]);
    expect(result.visible).toBe(8);
    expect(result.drawnTotal).toBe(6);
  });

  it('fills the budget from edges crossing the viewport; zooming in brings edges back', () => {
    // Actors 0..19 on a line, each joined to its neighbour and to the one after (weight 1).
    const edges: Array<[number, number, number]> = [];
    for (let i = 0; i < 19; i++) edges.push([i, i + 1, 2]);
    for (let i = 0; i < 18; i++) edges.push([i, i + 2, 1]);
    const { ranked, positionOf } = lineGraph(edges);
    const zoomedOut = selectDrawnEdges({
      ranked,
      isVisible: all,
      positionOf,
      viewport: { x1: -1, y1: -1, x2: 20, y2: 1 },
      budget: 10,
    });
    expect(zoomedOut.inView).toBe(37);
    expect(zoomedOut.drawnInView).toBeLessThan(37);
    // Zoomed in on actors 4..6: every edge that meets that stretch is drawn.
    const viewport = { x1: 3.5, y1: -1, x2: 6.5, y2: 1 };
    const zoomedIn = selectDrawnEdges({ ranked, isVisible: all, positionOf, viewport, budget: 10 });
    const drawn = zoomedIn.drawn ?? new Set();
    const crossing = ranked.edges.filter((e) => {
      const a = positionOf(e.source);
      const b = positionOf(e.target);
      return a && b && segmentMeetsExtent(a.x, a.y, b.x, b.y, viewport);
    });
    expect(crossing.length).toBeGreaterThan(0);
    expect(crossing.length).toBeLessThanOrEqual(10);
    for (const e of crossing) expect(drawn.has(e.id)).toBe(true);
    expect(zoomedIn.drawnInView).toBe(zoomedIn.inView);
  });

  it('always draws pinned edges and never draws hidden ones', () => {
    const { ranked, positionOf } = lineGraph([
      [0, 1, 9],
      [1, 2, 8],
      [2, 3, 7],
      [0, 3, 1],
      [1, 3, 1],
    ]);
    const result = selectDrawnEdges({
      ranked,
      isVisible: (id) => id !== 'e0',
      positionOf,
      viewport: null,
      budget: 1,
      isPinned: (e) => e.id === 'e4',
    });
    const drawn = result.drawn ?? new Set();
    expect(drawn.has('e4')).toBe(true);
    expect(drawn.has('e0')).toBe(false);
  });

  it('keeps its invariants on random graphs, viewports and visibility', () => {
    const edgeArb = fc.tuple(fc.nat(30), fc.nat(30), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(
        fc.array(edgeArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
        fc.tuple(fc.integer({ min: -5, max: 30 }), fc.integer({ min: 1, max: 40 })),
        (raw, budget, shown, [x1, w]) => {
          const edges = raw.filter(([s, t]) => s !== t);
          // Actors on a grid so viewports cut the graph in two dimensions.
          const list: BudgetEdge[] = edges.map(([s, t, weight], i) => ({
            id: `e${i}`,
            source: `n${s}`,
            target: `n${t}`,
            weight,
          }));
          const ranked = rankEdges(list);
          const positionOf = (id: string) => {
            const n = Number(id.slice(1));
            return { x: n % 6, y: Math.floor(n / 6) };
          };
          const input: EdgeBudgetInput = {
            ranked,
            isVisible: (id) => shown[Number(id.slice(1))] ?? true,
            positionOf,
            viewport: { x1, y1: x1, x2: x1 + w / 4, y2: x1 + w / 4 },
            budget,
          };
          const result = selectDrawnEdges(input);
          const again = selectDrawnEdges(input);
          expect(again.drawn && [...again.drawn]).toEqual(result.drawn && [...result.drawn]);
          expect(lonelyActors(input, result.drawn)).toEqual([]);
          const visible = list.filter((e) => input.isVisible(e.id));
          expect(result.visible).toBe(visible.length);
          if (visible.length <= budget) {
            expect(result.drawn).toBeNull();
            return;
          }
          const drawn = result.drawn ?? new Set();
          for (const id of drawn) expect(input.isVisible(id)).toBe(true);
          // The budget: the strongest `budget` edges in view are drawn ...
          const viewport = input.viewport ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
          const inView = ranked.edges.filter((e) => {
            if (!input.isVisible(e.id)) return false;
            const a = positionOf(e.source);
            const b = positionOf(e.target);
            return segmentMeetsExtent(a.x, a.y, b.x, b.y, viewport);
          });
          expect(result.inView).toBe(inView.length);
          const fill = inView.slice(0, budget);
          for (const e of fill) expect(drawn.has(e.id)).toBe(true);
          // ... and every other drawn edge gives a line to an actor the strongest left alone,
          // at most one edge per such actor.
          const filled = new Set(fill.flatMap((e) => [e.source, e.target]));
          const fillIds = new Set(fill.map((e) => e.id));
          const extra = visible.filter((e) => drawn.has(e.id) && !fillIds.has(e.id));
          for (const e of extra) {
            expect(filled.has(e.source) && filled.has(e.target)).toBe(false);
          }
          const alone = new Set(
            visible.flatMap((e) => [e.source, e.target]).filter((id) => !filled.has(id)),
          );
          expect(extra.length).toBeLessThanOrEqual(alone.size);
          expect(result.drawnInView).toBeGreaterThanOrEqual(Math.min(budget, inView.length));
        },
      ),
      { numRuns: 300 },
    );
  });
});
