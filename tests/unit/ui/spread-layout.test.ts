import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePositions } from '../../../src/graph/layoutCompute';
import {
  DRAFT_QUALITY_ABOVE,
  SPREAD_GAP,
  spreadPositions,
  type LayoutInput,
  type Positions,
} from '../../../src/graph/layout';

function inputOf(sizes: number[]): LayoutInput {
  return {
    nodes: sizes.map((size, i) => ({ id: `n${i}`, width: size, height: size })),
    edges: [],
    withLabels: false,
  };
}

/** Pairs of nodes whose boxes overlap or come closer than `gap`. */
function crowded(input: LayoutInput, positions: Positions, gap: number): string[] {
  const found: string[] = [];
  const { nodes } = input;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      const p = a && positions[a.id];
      const q = b && positions[b.id];
      if (!a || !b || !p || !q) continue;
      const apartX = Math.abs(p.x - q.x) - (a.width + b.width) / 2;
      const apartY = Math.abs(p.y - q.y) - (a.height + b.height) / 2;
      if (Math.max(apartX, apartY) < gap - 1e-6) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

describe('spreadPositions', () => {
  it('pulls apart nodes piled on one point, with the gap between every two', () => {
    const input = inputOf(Array.from({ length: 200 }, (_, i) => 26 + (i % 5) * 10));
    const piled: Positions = Object.fromEntries(input.nodes.map((n) => [n.id, { x: 3, y: 4 }]));
    const spread = spreadPositions(input, piled);
    expect(Object.keys(spread).sort()).toEqual(input.nodes.map((n) => n.id).sort());
    expect(crowded(input, spread, SPREAD_GAP)).toEqual([]);
    // The pile's centre stays the middle of the patch.
    const xs = Object.values(spread).map((p) => p.x);
    expect(Math.abs((Math.max(...xs) + Math.min(...xs)) / 2 - 3)).toBeLessThan(60);
  });

  it('never lets two nodes overlap, whatever the sizes and places (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            size: fc.integer({ min: 10, max: 70 }),
            x: fc.integer({ min: -200, max: 200 }),
            y: fc.integer({ min: -200, max: 200 }),
          }),
          { minLength: 2, maxLength: 60 },
        ),
        (nodes) => {
          const input = inputOf(nodes.map((n) => n.size));
          const positions: Positions = Object.fromEntries(
            nodes.map((n, i) => [`n${i}`, { x: n.x, y: n.y }]),
          );
          const spread = spreadPositions(input, positions);
          expect(crowded(input, spread, SPREAD_GAP)).toEqual([]);
          expect(spreadPositions(input, positions)).toEqual(spread);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('barely moves nodes that are already far apart, and keeps their order', () => {
    const input = inputOf(Array.from({ length: 25 }, () => 30));
    const positions: Positions = Object.fromEntries(
      input.nodes.map((n, i) => [n.id, { x: (i % 5) * 1000, y: Math.floor(i / 5) * 1000 }]),
    );
    const spread = spreadPositions(input, positions);
    const cell = 30 + SPREAD_GAP;
    for (const node of input.nodes) {
      const p = positions[node.id];
      const q = spread[node.id];
      expect(Math.hypot((q?.x ?? 0) - (p?.x ?? 0), (q?.y ?? 0) - (p?.y ?? 0))).toBeLessThan(cell);
    }
  });

  it('keeps two far-apart clusters apart, each on its own side', () => {
    const input = inputOf(Array.from({ length: 100 }, () => 40));
    // Fifty nodes piled at x = -100, fifty at x = +100: both piles need room, neither crosses.
    const positions: Positions = Object.fromEntries(
      input.nodes.map((n, i) => [n.id, { x: i < 50 ? -100 : 100, y: 0 }]),
    );
    const spread = spreadPositions(input, positions);
    const left = input.nodes.slice(0, 50).map((n) => spread[n.id]?.x ?? 0);
    const right = input.nodes.slice(50).map((n) => spread[n.id]?.x ?? 0);
    expect(Math.max(...left)).toBeLessThan(Math.min(...right));
    expect(crowded(input, spread, SPREAD_GAP)).toEqual([]);
  });

  it('leaves a single node, and a missing position, alone', () => {
    const one = inputOf([30]);
    expect(spreadPositions(one, { n0: { x: 5, y: 6 } })).toEqual({ n0: { x: 5, y: 6 } });
    const two = inputOf([30, 30, 30]);
    const spread = spreadPositions(two, { n0: { x: 0, y: 0 }, n1: { x: 0, y: 0 } });
    expect(spread.n2).toBeUndefined();
    expect(crowded(two, spread, SPREAD_GAP)).toEqual([]);
  });

  it('the worker layout spreads a graph too big for labels, so no two actors overlap', () => {
    const count = DRAFT_QUALITY_ABOVE + 100;
    const input = inputOf(Array.from({ length: count }, (_, i) => 26 + (i % 7) * 6));
    // A small world: a ring with chords, where every hop count is small.
    for (let i = 0; i < count; i++) {
      input.edges.push([`n${i}`, `n${(i + 1) % count}`], [`n${i}`, `n${(i * 7 + 3) % count}`]);
    }
    const positions = computePositions(input);
    expect(Object.keys(positions)).toHaveLength(count);
    expect(crowded(input, positions, SPREAD_GAP)).toEqual([]);
  });
});
