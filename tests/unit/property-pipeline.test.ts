// @vitest-environment node
/**
 * Properties of the pipeline for any input text: arbitrary unicode mixed with news-like
 * sentences about Sahel actors. The graph passes the schema, every quote is the file's text at
 * its offsets, ids are unique, and the output depends on neither file order nor the run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, type InputFile } from '../../src/pipeline';
import { GraphSchema, type Graph } from '../../src/model/schema';

// Modest so the suite stays fast; PROPERTY_RUNS=1000 for a deeper search.
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const ACTORS = ['Russia', 'Mali', 'Burkina Faso', 'Niger', 'France', 'ECOWAS', 'Wagner', 'the AES'];
const TRIGGERS = [
  'signed a defence pact with',
  'attacked',
  'cut ties with',
  'met',
  'criticised',
  'did not agree with',
  'may seek talks with',
];
const FILLERS = [
  'on Tuesday',
  'in 2023',
  'last year',
  'in Bamako',
  ', which seized power in 2021,',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
];

const sentence = fc
  .tuple(
    fc.constantFrom(...ACTORS),
    fc.constantFrom(...TRIGGERS),
    fc.constantFrom(...ACTORS),
    fc.option(fc.constantFrom(...FILLERS), { nil: undefined }),
    fc.constantFrom('.', '!', '?', '', '...', '\n', '\r\n'),
  )
  .map(([a, t, b, f, end]) => `${a} ${t} ${b}${f ? ' ' + f : ''}${end}`);

const fragment = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\n\n',
      '\uFEFF',
      'date 2025-04-10\n',
      'TRENDING\n',
      '<p>',
      '</p>',
      '\u2028',
      '😀',
      '\uD800',
      ' ',
    ),
  },
);

const articleText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(' '));

const fileName = fc.oneof(
  fc.constantFrom('a.txt', 'b.md', 'page.html', '__proto__.txt', 'constructor.txt', 'é è.txt'),
  fc.string({ maxLength: 12 }).map((s) => `${s}.txt`),
);

/** Up to 4 articles with distinct file names. */
const corpus = fc.uniqueArray(fc.tuple(fileName, articleText), {
  minLength: 1,
  maxLength: 4,
  selector: ([name]) => name,
});

/** What String.prototype.toWellFormed (ES2024, beyond the configured lib) replaces. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const toFiles = (entries: Array<[string, string]>): InputFile[] =>
  entries.map(([file, content]) => ({ file, content }));

/** What the pipeline treats as the file's text for string input: one leading BOM dropped. */
const fileText = (content: string) => content.replace(/^\uFEFF/u, '');

function checkQuotes(graph: Graph, files: InputFile[]): void {
  const byFile = new Map(files.map((f) => [f.file, f.content]));
  const fileOf = new Map(graph.articles.map((a) => [a.id, a.file]));
  for (const r of graph.relations)
    for (const e of r.evidence) {
      const content = byFile.get(fileOf.get(e.articleId) ?? '');
      expect(typeof content).toBe('string');
      expect(fileText(String(content)).slice(e.start, e.end)).toBe(e.quote);
    }
}

describe('pipeline properties', () => {
  it('passes the schema, quotes are verbatim, ids are unique', () => {
    fc.assert(
      fc.property(corpus, (entries) => {
        const files = toFiles(entries);
        const graph = buildGraph(files);
        const parsed = GraphSchema.safeParse(graph);
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
        checkQuotes(graph, files);
        for (const list of [graph.articles, graph.actors, graph.relations])
          expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is the same whatever the file order, and byte-identical across runs', () => {
    fc.assert(
      fc.property(
        corpus.chain((entries) =>
          fc.tuple(
            fc.constant(entries),
            fc.shuffledSubarray(entries, { minLength: entries.length }),
          ),
        ),
        ([entries, shuffled]) => {
          const once = JSON.stringify(buildGraph(toFiles(entries)));
          expect(JSON.stringify(buildGraph(toFiles(entries)))).toBe(once);
          expect(JSON.stringify(buildGraph(toFiles(shuffled)))).toBe(once);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('reads bytes and the same text as a string alike', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD');
        const asString = buildGraph([{ file: 'x.txt', content: wellFormed }]);
        const asBytes = buildGraph([
          { file: 'x.txt', content: new TextEncoder().encode(wellFormed) },
        ]);
        // Bytes get decoding notes (a BOM removed) and may be refused as binary; the
        // relations of what is read must agree.
        if (asBytes.articles.length)
          expect(JSON.stringify(asBytes.relations)).toBe(JSON.stringify(asString.relations));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
