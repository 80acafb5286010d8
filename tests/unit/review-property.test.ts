import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph } from '../../src/pipeline';
import {
  applyDecisions,
  articleContentKey,
  decisionFile,
  parseDecisionFile,
  relationKeyOf,
  sentenceKeyOf,
  type Decision,
} from '../../src/pipeline/review';
import type { Graph } from '../../src/model/schema';

const ARTICLES = [
  {
    file: 'one.txt',
    content:
      'date 2025-02-01\n\nMali and Russia signed a defence pact on Monday.\nNiger criticised France over its troops.\nAlgeria condemned the drone strike by Mali near the border.',
  },
  {
    file: 'two.txt',
    content:
      'date 2025-02-09\n\nBurkina Faso and Niger signed a defence pact in Niamey.\nChad criticised Sudan after the border clash.\nRussia delivered helicopters to Mali last week.',
  },
];
const EXTRA = {
  file: 'aa-extra.txt',
  content:
    'date 2025-03-01\n\nSenegal criticised Mali for the closure of the road.\nGhana and Togo signed a defence pact at the summit.',
};

const base = buildGraph(ARTICLES);
const sentences = base.relations.flatMap((r) =>
  r.evidence.map((e) => ({ relation: r, evidence: e })),
);

const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
  fc
    .record({
      i: fc.nat({ max: sentences.length - 1 }),
      status: fc.constantFrom('confirmed' as const, 'rejected' as const, 'unreviewed' as const),
      by: fc.constantFrom('ana', 'bo'),
      minute: fc.nat({ max: 59 }),
      note: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    })
    .map(({ i, status, by, minute, note }) => {
      const s = sentences[i] as (typeof sentences)[number];
      const key = sentenceKeyOf(base, s.relation, s.evidence);
      if (!key) throw new Error('no key');
      return {
        id: `r-${i}-${status}-${by}-${minute}`,
        kind: 'review' as const,
        by,
        at: `2026-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
        ...(note ? { note } : {}),
        status,
        sentence: key,
      };
    }),
  fc
    .record({
      i: fc.nat({ max: base.relations.length - 1 }),
      type: fc.constantFrom('rupture' as const, 'criticism' as const, 'alliance' as const),
      minute: fc.nat({ max: 59 }),
    })
    .map(({ i, type, minute }) => {
      const r = base.relations[i] as Graph['relations'][number];
      return {
        id: `c-${i}-${type}-${minute}`,
        kind: 'correct' as const,
        by: 'ana',
        at: `2026-01-01T10:${String(minute).padStart(2, '0')}:30Z`,
        relation: relationKeyOf(r),
        after: { ...relationKeyOf(r), type },
      };
    }),
);

const strip = (g: Graph) => JSON.stringify(g);

describe('review decisions', () => {
  it('finds sentences in the fixture corpus', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(4);
  });

  it('is idempotent: applying the same decisions twice changes nothing more', () => {
    fc.assert(
      fc.property(fc.array(decisionArb, { maxLength: 8 }), (decisions) => {
        const once = applyDecisions(base, decisions).graph;
        const twice = applyDecisions(once, decisions).graph;
        expect(strip(twice)).toBe(strip(once));
      }),
      { numRuns: 60 },
    );
  });

  it('is order-independent', () => {
    fc.assert(
      fc.property(
        fc
          .array(decisionArb, { maxLength: 8 })
          .chain((d) =>
            fc.tuple(
              fc.constant(d),
              fc.shuffledSubarray(d, { minLength: d.length, maxLength: d.length }),
            ),
          ),
        ([decisions, shuffled]) => {
          expect(strip(applyDecisions(base, shuffled).graph)).toBe(
            strip(applyDecisions(base, decisions).graph),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('survives a re-run with extra articles: every sentence keeps its decision', () => {
    const bigger = buildGraph([...ARTICLES, EXTRA]);
    // The extra article sorts first, so indices and positions in the lists all move.
    expect(bigger.articles[0]?.file).toBe('aa-extra.txt');
    fc.assert(
      fc.property(fc.array(decisionArb, { maxLength: 8 }), (decisions) => {
        const reviewsOf = (g: Graph) =>
          g.relations
            .flatMap((r) =>
              r.evidence
                .filter((e) => e.articleId !== bigger.articles[0]?.id)
                .map((e) => `${r.id}|${e.quote}|${JSON.stringify(e.review ?? null)}`),
            )
            .sort();
        const small = applyDecisions(base, decisions);
        const large = applyDecisions(bigger, decisions);
        expect(large.outcomes.map((o) => o.applied)).toEqual(small.outcomes.map((o) => o.applied));
        expect(reviewsOf(large.graph)).toEqual(reviewsOf(small.graph));
      }),
      { numRuns: 40 },
    );
  });

  it('reports a decision whose sentence is gone, and round-trips through the file schema', () => {
    const s = sentences[0] as (typeof sentences)[number];
    const key = sentenceKeyOf(base, s.relation, s.evidence);
    if (!key) throw new Error('no key');
    const decisions: Decision[] = [
      {
        id: 'ok',
        kind: 'review',
        by: 'ana',
        at: '2026-01-01T00:00:00Z',
        status: 'rejected',
        sentence: key,
      },
      {
        id: 'gone',
        kind: 'review',
        by: 'ana',
        at: '2026-01-01T00:01:00Z',
        status: 'confirmed',
        sentence: { ...key, quote: 'A sentence that was never written.' },
      },
      {
        id: 'other-article',
        kind: 'review',
        by: 'ana',
        at: '2026-01-01T00:02:00Z',
        status: 'confirmed',
        sentence: { ...key, article: articleContentKey('some other text') },
      },
    ];
    const parsed = parseDecisionFile(JSON.parse(JSON.stringify(decisionFile(decisions))));
    expect(parsed.ok).toBe(true);
    const { graph, outcomes } = applyDecisions(base, parsed.ok ? parsed.decisions : []);
    expect(outcomes.map((o) => [o.decision.id, o.applied])).toEqual([
      ['ok', true],
      ['gone', false],
      ['other-article', false],
    ]);
    expect(outcomes[1]?.reason).toMatch(/no longer/);
    const reviewed = graph.relations
      .find((r) => r.id === s.relation.id)
      ?.evidence.find((e) => e.start === s.evidence.start && e.articleId === s.evidence.articleId);
    expect(reviewed?.review).toEqual({ status: 'rejected', by: 'ana', at: '2026-01-01T00:00:00Z' });
    expect(parseDecisionFile({ format: 'x', version: 1, decisions: [] }).ok).toBe(false);
  });

  it('keeps the original of a correction in the history and adds analyst evidence', () => {
    const r = base.relations[0] as Graph['relations'][number];
    const article = base.articles.find((a) => a.id === r.evidence[0]?.articleId);
    if (!article) throw new Error('no article');
    const quote = article.text.split('\n')[0] ?? '';
    const { graph, outcomes } = applyDecisions(base, [
      {
        id: 'fix',
        kind: 'correct',
        by: 'bo',
        at: '2026-01-02T00:00:00Z',
        relation: relationKeyOf(r),
        after: { ...relationKeyOf(r), type: 'rupture', polarity: 'hostile' },
      },
      {
        id: 'add',
        kind: 'add',
        by: 'bo',
        at: '2026-01-03T00:00:00Z',
        article: articleContentKey(article.text),
        quote,
        start: 0,
        end: quote.length,
        relation: {
          source: 'new-group',
          target: r.target,
          type: 'armed_conflict',
          polarity: 'hostile',
        },
        newActors: [{ id: 'new-group', name: 'New Group', type: 'armed_group' }],
      },
    ]);
    expect(outcomes.every((o) => o.applied)).toBe(true);
    expect(graph.relations.find((x) => x.id === r.id)).toBeUndefined();
    const fixed = graph.relations.find(
      (x) => x.id === `${r.source}--rupture--hostile--${r.target}`,
    );
    expect(fixed?.history?.[0]?.before).toEqual(relationKeyOf(r));
    const added = graph.relations.find((x) => x.source === 'new-group');
    expect(added?.evidence[0]?.addedBy).toEqual({ by: 'bo', at: '2026-01-03T00:00:00Z' });
    expect(added?.evidence[0]?.quote).toBe(quote);
    expect(graph.actors.some((a) => a.id === 'new-group')).toBe(true);
  });
});
