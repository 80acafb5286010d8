import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  rankEdges,
  selectDrawnEdges,
  selectDrawnNodes,
  visibleNeighbours,
  type BudgetEdge,
  type NodeBudgetInput,
} from '../../../src/graph/edgeBudget';

const all = () => true;

function edgesOf(pairs: Array<[number, number]>): BudgetEdge[] {
  return pairs.map(([s, t], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}`, weight: 1 }));
}

/** Actor i sits at (i, 0). */
const onLine = (id: string) => ({ x: Number(id.slice(1)), y: 0 });

describe('selectDrawnNodes', () => {
  // n0 is a hub of n1..n5; n6–n7 and n8–n9 are pairs.
  const ranked = rankEdges(
    edgesOf([
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [6, 7],
      [8, 9],
      [1, 2],
    ]),
  );
  const actors = Array.from({ length: 10 }, (_, i) => `n${i}`);
  const base: NodeBudgetInput = {
    ranked,
    isVisible: all,
    actors,
    positionOf: onLine,
    viewport: null,
    budget: 4,
  };

  it('draws every actor at or below the budget', () => {
    const result = selectDrawnNodes({ ...base, budget: 10 });
    expect(result.drawn).toBeNull();
    expect(result.visible).toBe(10);
    expect(result.drawnInView).toBe(10);
  });

  it('above the budget draws the best connected visible actors, then the id decides', () => {
    const result = selectDrawnNodes(base);
    // Degrees: n0 5, n1 2, n2 2, then 1 for the rest (n3 first by id).
    expect([...(result.drawn ?? [])].sort()).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(result.inView).toBe(10);
    expect(result.drawnInView).toBe(4);
  });

  it('counts degree over visible edges only', () => {
    const hidden = new Set(['e0', 'e1', 'e2', 'e3', 'e4']);
    const result = selectDrawnNodes({ ...base, isVisible: (id) => !hidden.has(id) });
    // n0 has no visible edge now: n1 and n2 (degree 1 each, plus each other) lead.
    expect(result.drawn?.has('n0')).toBe(false);
    expect(result.drawn?.has('n1')).toBe(true);
    expect(result.drawn?.has('n2')).toBe(true);
  });

  it('always draws pinned actors, beyond the budget if need be', () => {
    const result = selectDrawnNodes({ ...base, budget: 1, pinned: new Set(['n9', 'n7']) });
    expect([...(result.drawn ?? [])].sort()).toEqual(['n6', 'n7', 'n8', 'n9']);
  });

  it('prefers actors in the viewport, and brings a partner for one that would be alone', () => {
    // The view holds n6..n9 only (x from 6 to 9).
    const result = selectDrawnNodes({
      ...base,
      viewport: { x1: 5.5, y1: -1, x2: 9.5, y2: 1 },
      budget: 3,
    });
    const drawn = [...(result.drawn ?? [])].sort();
    // n6..n8 by id among equal degrees, then n9 as n8's partner (n8 has no other edge).
    expect(drawn).toEqual(['n6', 'n7', 'n8', 'n9']);
    expect(result.inView).toBe(4);
    expect(result.drawnInView).toBe(4);
  });

  it('does not depend on the order of the actors', () => {
    const a = selectDrawnNodes(base);
    const b = selectDrawnNodes({ ...base, actors: [...actors].reverse() });
    expect([...(b.drawn ?? [])].sort()).toEqual([...(a.drawn ?? [])].sort());
  });

  it('keeps its invariants with the edge budget on random graphs, viewports and pins', () => {
    const edgeArb = fc.tuple(fc.nat(40), fc.nat(40));
    fc.assert(
      fc.property(
        fc.array(edgeArb, { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.boolean(), { minLength: 150, maxLength: 150 }),
        fc.array(fc.nat(40), { maxLength: 4 }),
        fc.tuple(fc.integer({ min: -2, max: 8 }), fc.integer({ min: 1, max: 8 })),
        (raw, budget, edgeBudget, shown, pins, [x1, w]) => {
          const list = edgesOf(raw.filter(([s, t]) => s !== t));
          const ranked = rankEdges(list);
          const isVisible = (id: string) => shown[Number(id.slice(1))] ?? true;
          const visibleActors = Array.from({ length: 41 }, (_, i) => `n${i}`).filter(
            (_, i) => i % 7 !== 3,
          );
          const pinned = new Set(pins.map((p) => `n${p}`));
          const positionOf = (id: string) => {
            const n = Number(id.slice(1));
            return { x: n % 7, y: Math.floor(n / 7) };
          };
          const viewport = { x1, y1: x1, x2: x1 + w, y2: x1 + w };
          const input: NodeBudgetInput = {
            ranked,
            isVisible,
            actors: visibleActors,
            positionOf,
            viewport,
            budget,
            pinned,
          };
          const result = selectDrawnNodes(input);
          const again = selectDrawnNodes({ ...input, actors: [...visibleActors].reverse() });
          expect(again.drawn && [...again.drawn].sort()).toEqual(
            result.drawn && [...result.drawn].sort(),
          );
          if (visibleActors.length <= budget) {
            expect(result.drawn).toBeNull();
            return;
          }
          const drawn = result.drawn ?? new Set<string>();
          // Only visible actors; every visible pinned one.
          for (const id of drawn) expect(visibleActors).toContain(id);
          for (const id of pinned) if (visibleActors.includes(id)) expect(drawn.has(id)).toBe(true);
          expect(drawn.size).toBeGreaterThanOrEqual(budget);
          // No drawn actor whose visible edges all lead to undrawn actors.
          const visibleSet = new Set(visibleActors);
          const usable = list.filter(
            (e) => isVisible(e.id) && visibleSet.has(e.source) && visibleSet.has(e.target),
          );
          for (const id of drawn) {
            const at = usable.filter((e) => e.source === id || e.target === id);
            if (at.length === 0) continue;
            expect(at.some((e) => drawn.has(e.source) && drawn.has(e.target))).toBe(true);
          }
          // The edge budget among drawn actors: no drawn edge to an undrawn actor, and every
          // drawn actor with a visible edge to another drawn actor gets a drawn edge.
          const edges = selectDrawnEdges({
            ranked,
            isVisible: (id) => {
              const e = list[Number(id.slice(1))];
              return isVisible(id) && !!e && visibleSet.has(e.source) && visibleSet.has(e.target);
            },
            positionOf,
            viewport,
            budget: edgeBudget,
            isDrawnActor: (id) => drawn.has(id),
          });
          const drawnEdges = edges.drawn ?? new Set<string>();
          const byId = new Map(list.map((e) => [e.id, e]));
          for (const id of drawnEdges) {
            const e = byId.get(id);
            expect(e && drawn.has(e.source) && drawn.has(e.target)).toBe(true);
          }
          for (const id of drawn) {
            const between = usable.filter(
              (e) =>
                (e.source === id || e.target === id) && drawn.has(e.source) && drawn.has(e.target),
            );
            if (between.length === 0) continue;
            expect(between.some((e) => drawnEdges.has(e.id))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('visibleNeighbours', () => {
  it('lists the other ends of visible edges at the given actors', () => {
    const ranked = rankEdges(
      edgesOf([
        [0, 1],
        [2, 0],
        [0, 3],
        [4, 5],
      ]),
    );
    const got = visibleNeighbours(ranked, new Set(['n0']), (id) => id !== 'e2');
    expect([...got].sort()).toEqual(['n1', 'n2']);
    expect(visibleNeighbours(ranked, new Set(), all).size).toBe(0);
  });
});
