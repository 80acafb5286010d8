import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/pipeline';
import {
  jaccard,
  minhash,
  shingles,
  syndicationGroups,
  textSignature,
} from '../../src/pipeline/syndication';
import type { Article } from '../../src/model/schema';

// One wire story, as two outlets print it: other header and footer, one sentence reworded.
const STORY = [
  'Mali and Russia signed a defence pact in Bamako on Tuesday, officials from both governments said.',
  'The agreement covers training for Malian troops and the delivery of helicopters over the coming year.',
  'Niger criticised France for what its foreign ministry called interference in regional affairs.',
  'The ministers met for three hours and promised to meet again before the end of the season.',
  'Observers in the capital said the accord deepened a partnership that began several years ago.',
  'Neither government published the full text of the deal, which will go before parliament next month.',
];
const outletA = [
  'Sahel Daily Wire',
  'date 2025-03-04',
  '',
  ...STORY,
  '',
  'Subscribe to Sahel Daily Wire for more regional news every morning.',
].join('\n');
const reworded = [...STORY];
reworded[4] =
  'Analysts in the city described the accord as the deepening of a partnership years in the making.';
const outletB = [
  'The Dune Courier — World desk',
  'date 2025-03-05',
  '',
  ...reworded,
  '',
  'Copyright The Dune Courier. All rights reserved. Follow us for updates.',
].join('\n');
// Another outlet's own report of the same event, in its own words.
const ownReport = [
  'Evening Ledger',
  'date 2025-03-05',
  '',
  'In Bamako, Malian and Russian officials put their names to a defence pact this week.',
  'Mali and Russia signed the defence pact after months of negotiation, a spokesman confirmed.',
  'Under its terms Moscow is expected to send instructors and aircraft to the Malian army.',
  'Critics abroad warned that the arrangement could isolate the country further from its neighbours.',
].join('\n');

function relationOf(graph: ReturnType<typeof buildGraph>, source: string, target: string) {
  return graph.relations.find(
    (r) =>
      r.type === 'alliance' &&
      ((r.source === source && r.target === target) ||
        (r.source === target && r.target === source)),
  );
}

describe('independent sources', () => {
  it('counts one story printed twice as one source, with the second a copy of the first', () => {
    const graph = buildGraph([
      { file: 'a.txt', content: outletA },
      { file: 'b.txt', content: outletB },
    ]);
    const [a, b] = graph.articles;
    expect(a?.copyOf).toBeNull();
    expect(b?.copyOf).toBe(a?.id);
    const pact = relationOf(graph, 'mli', 'rus');
    expect(pact).toBeDefined();
    expect(new Set(pact?.evidence.map((e) => e.articleId)).size).toBe(2);
    expect(pact?.independentSources).toBe(1);
    for (const r of graph.relations) expect(r.independentSources).toBe(1);
  });

  it('counts two different reports of one event as two sources', () => {
    const graph = buildGraph([
      { file: 'a.txt', content: outletA },
      { file: 'c.txt', content: ownReport },
    ]);
    expect(graph.articles.every((a) => a.copyOf === null)).toBe(true);
    expect(relationOf(graph, 'mli', 'rus')?.independentSources).toBe(2);
  });

  it('groups three outlets and keeps the own report apart', () => {
    const graph = buildGraph([
      { file: 'a.txt', content: outletA },
      { file: 'b.txt', content: outletB },
      { file: 'c.txt', content: ownReport },
      { file: 'd.txt', content: outletB.replace('Dune Courier', 'Oasis Post') },
    ]);
    // d.txt's body is b.txt's byte for byte: a duplicate, and so in a.txt's group too.
    const [a, , c, d] = graph.articles;
    expect(d?.duplicateOf).toBeTruthy();
    expect(d?.copyOf).toBe(a?.id);
    expect(c?.copyOf).toBeNull();
    const pact = relationOf(graph, 'mli', 'rus');
    expect(new Set(pact?.evidence.map((e) => e.articleId)).size).toBe(3);
    expect(pact?.independentSources).toBe(2);
  });

  it('estimates similarity from MinHash signatures close to the exact Jaccard', () => {
    const x = shingles(STORY.join(' '));
    const y = shingles(reworded.join(' '));
    const sx = minhash(x);
    const sy = minhash(y);
    const agree = sx.filter((v, i) => v === sy[i]).length / sx.length;
    expect(Math.abs(agree - jaccard(x, y))).toBeLessThan(0.2);
    expect(jaccard(x, shingles(ownReport))).toBeLessThan(0.1);
  });

  it('hashes each shingle as FNV-1a of its five lower-cased words joined by spaces', () => {
    const fnv = (text: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h;
    };
    const text = 'Mali’s junta — with Niger and Burkina Faso — left ECOWAS in 2024; Ünal said so.';
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const expected = new Set(
      words.slice(0, -4).map((_, i) => fnv(words.slice(i, i + 5).join(' '))),
    );
    expect(shingles(text)).toEqual(expected);
    expect(expected.size).toBe(words.length - 4);
  });

  it('leaves empty and short articles on their own', () => {
    const base: Omit<Article, 'id' | 'text'> = {
      file: 'x',
      title: null,
      outlet: null,
      published: null,
      publishedSource: null,
    };
    const groups = syndicationGroups([
      { ...base, id: 'a', text: '' },
      { ...base, id: 'b', text: '' },
      { ...base, id: 'c', text: 'Too short.' },
    ]);
    expect([...groups.values()]).toEqual([null, null, null]);
  });

  it('groups the same with signatures made in the per-article step as with its own', () => {
    const base: Omit<Article, 'id' | 'text'> = {
      file: 'x',
      title: null,
      outlet: null,
      published: null,
      publishedSource: null,
    };
    // Copies of two stories with a sentence dropped here and there, and unrelated texts.
    const texts: string[] = [];
    for (let k = 0; k < 24; k++) {
      const story = k % 3 === 2 ? ownReport : STORY.join(' ');
      const sentences = story.split(/(?<=\.)\s+/u);
      texts.push(sentences.filter((_, i) => i !== k % sentences.length).join(' '));
      if (k % 5 === 0) texts.push(`Unrelated note number ${k} about the weather in the capital.`);
    }
    const articles: Article[] = texts.map((text, i) => ({ ...base, id: `a${i}`, text }));
    const own = syndicationGroups(articles);
    const given = syndicationGroups(
      articles,
      () => {},
      articles.map((a) => textSignature(a.text)),
    );
    expect([...given]).toEqual([...own]);
    // The copies were grouped: the check above compares real groups, not all nulls.
    expect([...own.values()].filter((v) => v !== null).length).toBeGreaterThan(10);
  });
});
