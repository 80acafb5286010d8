/**
 * The incremental tracker must give exactly the answer of the pure `selectVisibleRelations`
 * after any sequence of window moves, filter changes and focus changes, and its deltas must
 * name every id whose visibility changed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraphIndex, type GraphIndex } from '../../../src/model/graphIndex';
import {
  DEFAULT_FILTERS,
  selectVisibleRelations,
  type Filters,
  type Focus,
  type TimeWindow,
  type Visibility,
} from '../../../src/model/view';
import { createVisibilityTracker } from '../../../src/model/visibilityTracker';
import { ACTOR_TYPES, POLARITIES, RELATION_TYPES, type Graph } from '../../../src/model/schema';
import { loadFixture } from './fixture';

function sorted(v: Visibility) {
  return {
    relationIds: [...v.relationIds].sort(),
    actorIds: [...v.actorIds].sort(),
    evidenceCounts: [...v.evidenceCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  };
}

/** A small random graph with every date precision, undated evidence and several outlets. */
function randomGraph(seed: number): Graph {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const articles = Array.from({ length: 6 }, (_, i) => ({
    id: `p${i}`,
    file: `p${i}.txt`,
    title: null,
    outlet: i % 3 === 0 ? null : `Outlet ${i % 3}`,
    published: null,
    publishedSource: null,
    text: 'x',
  }));
  const actors = Array.from({ length: 12 }, (_, i) => ({
    id: `a${i}`,
    name: `Actor ${i}`,
    type: pick(ACTOR_TYPES),
    aliases: [],
  }));
  const relations: Graph['relations'] = [];
  for (let i = 0; i < 40; i += 1) {
    const s = Math.floor(rand() * 12);
    const t = rand() < 0.05 ? s : Math.floor(rand() * 12);
    relations.push({
      id: `r${i}`,
      source: `a${s}`,
      target: `a${t}`,
      type: pick(RELATION_TYPES),
      polarity: pick(POLARITIES),
      evidence: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
        const y = 2020 + Math.floor(rand() * 4);
        const m = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
        const kind = rand();
        const date =
          kind < 0.15
            ? null
            : kind < 0.3
              ? `${y}`
              : kind < 0.7
                ? `${y}-${m}`
                : `${y}-${m}-${pick(['01', '15', '28'])}`;
        return {
          articleId: pick(articles).id,
          quote: 'x',
          start: 0,
          end: 1,
          date,
          dateBasis: date ? ('explicit' as const) : null,
        };
      }),
    });
  }
  return { schemaVersion: 1, articles, actors, relations, diagnostics: [] } as Graph;
}

type Step =
  | { kind: 'window'; window: TimeWindow | null }
  | { kind: 'filters'; filters: Filters }
  | { kind: 'focus'; focus: Focus | null };

function stepArbitrary(index: GraphIndex): fc.Arbitrary<Step> {
  const span = index.span ?? { startMonth: 2020 * 12, endMonth: 2024 * 12 };
  const month = fc.integer({ min: span.startMonth - 3, max: span.endMonth + 3 });
  const window = fc.option(
    fc
      .tuple(month, month)
      .map(([a, b]) => ({ startMonth: Math.min(a, b), endMonth: Math.max(a, b) })),
    { freq: 6 },
  );
  const filters = fc.record({
    actorTypes: fc.subarray([...ACTOR_TYPES]),
    relationTypes: fc.subarray([...RELATION_TYPES]),
    polarities: fc.subarray([...POLARITIES]),
    hiddenOutlets: fc.subarray(index.outlets),
    articleId: fc.option(fc.constantFrom(...index.graph.articles.map((a) => a.id)), { freq: 3 }),
    minEvidence: fc.integer({ min: 1, max: 3 }),
    minEvidenceBy: fc.constantFrom('sentences' as const, 'sources' as const),
    showUndated: fc.boolean(),
  });
  const focus = fc.option(
    fc.record({
      actorId: fc.constantFrom(...index.graph.actors.map((a) => a.id)),
      depth: fc.constantFrom(1 as const, 2 as const),
    }),
    { freq: 2 },
  );
  return fc.oneof(
    { weight: 6, arbitrary: window.map((w) => ({ kind: 'window' as const, window: w })) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.constant(DEFAULT_FILTERS), filters).map((f) => ({
        kind: 'filters' as const,
        filters: f,
      })),
    },
    { weight: 1, arbitrary: focus.map((f) => ({ kind: 'focus' as const, focus: f })) },
  );
}

function checkSequence(index: GraphIndex, steps: Step[]) {
  const tracker = createVisibilityTracker(index);
  let inputs = {
    filters: DEFAULT_FILTERS,
    window: null as TimeWindow | null,
    focus: null as Focus | null,
  };
  let previous = tracker.visibility(inputs);
  expect(sorted(previous)).toEqual(sorted(selectVisibleRelations(index, inputs)));
  for (const step of steps) {
    if (step.kind === 'window') inputs = { ...inputs, window: step.window };
    else if (step.kind === 'filters') inputs = { ...inputs, filters: step.filters };
    else inputs = { ...inputs, focus: step.focus };
    const next = tracker.visibility(inputs);
    expect(sorted(next)).toEqual(sorted(selectVisibleRelations(index, inputs)));
    expect(tracker.visibility(inputs)).toBe(next);
    if (next.delta && next.delta.from === previous) {
      // Every id whose visibility changed is named in the delta.
      const named = new Set([...next.delta.relationIds, ...next.delta.actorIds]);
      for (const id of new Set([...previous.relationIds, ...next.relationIds])) {
        if (previous.relationIds.has(id) !== next.relationIds.has(id)) expect(named).toContain(id);
      }
      for (const id of new Set([...previous.actorIds, ...next.actorIds])) {
        if (previous.actorIds.has(id) !== next.actorIds.has(id)) expect(named).toContain(id);
      }
    }
    previous = next;
  }
}

describe('visibility tracker', () => {
  it('matches selectVisibleRelations on the fixture after any sequence of changes', () => {
    const index = buildGraphIndex(loadFixture());
    fc.assert(
      fc.property(fc.array(stepArbitrary(index), { maxLength: 25 }), (steps) =>
        checkSequence(index, steps),
      ),
      { numRuns: 150 },
    );
  });

  it('matches on random graphs with self-loops, undated evidence and unknown outlets', () => {
    for (const seed of [1, 2, 3, 4]) {
      const index = buildGraphIndex(randomGraph(seed));
      fc.assert(
        fc.property(fc.array(stepArbitrary(index), { maxLength: 30 }), (steps) =>
          checkSequence(index, steps),
        ),
        { numRuns: 60 },
      );
    }
  });

  it('a one-month step names only the relations that entered or left', () => {
    const index = buildGraphIndex(randomGraph(9));
    const tracker = createVisibilityTracker(index);
    const span = index.span;
    if (!span) throw new Error('no span');
    const first = tracker.visibility({
      filters: DEFAULT_FILTERS,
      window: { startMonth: span.startMonth, endMonth: span.startMonth + 12 },
      focus: null,
    });
    const next = tracker.visibility({
      filters: DEFAULT_FILTERS,
      window: { startMonth: span.startMonth + 1, endMonth: span.startMonth + 13 },
      focus: null,
    });
    expect(next.delta?.from).toBe(first);
    const changed = [...index.relations.map((r) => r.relation.id)].filter(
      (id) => first.relationIds.has(id) !== next.relationIds.has(id),
    );
    expect([...(next.delta?.relationIds ?? [])].sort()).toEqual(changed.sort());
  });
});
