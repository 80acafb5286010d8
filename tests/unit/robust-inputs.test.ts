// @vitest-environment node
/**
 * Bad and hostile inputs through the pipeline, in process: every committed fixture under
 * tests/fixtures/bad ends up in the graph or in a diagnostic that says why, and what is
 * read is read right. (The command line over the same folder: robust-cli.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, decodeBytes, GraphBuilder, splitSentences } from '../../src/pipeline';
import { MAX_SENTENCE } from '../../src/pipeline/sentences';
import { GraphSchema, type Graph } from '../../src/model/schema';
import { runWithoutEnd, smallArticle, smallFixtures } from '../../scripts/make-bad-fixtures';

const BAD = join(import.meta.dirname, '../fixtures/bad');
const files = readdirSync(BAD)
  .filter((name) => !name.startsWith('.'))
  .sort()
  .map((file) => ({ file, content: new Uint8Array(readFileSync(join(BAD, file))) }));
const graph = buildGraph(files);

const article = (file: string) => graph.articles.find((a) => a.file === file);
const diagnostics = (file: string) =>
  graph.diagnostics.filter((d) => d.file === file).map((d) => `${d.level}: ${d.message}`);
const edgesOf = (g: Graph, file: string) => {
  const id = g.articles.find((a) => a.file === file)?.id;
  return g.relations
    .filter((r) => r.evidence.some((e) => e.articleId === id))
    .map((r) => `${r.source} ${r.type} ${r.target}`)
    .sort();
};
const PACT_EDGE = 'mli alliance rus';

describe('the committed bad fixtures', () => {
  it('are the ones the generator writes', () => {
    const expected = new Map(smallFixtures());
    expect(files.map((f) => f.file)).toEqual([...expected.keys()].sort());
    for (const f of files)
      expect(Buffer.from(f.content)).toEqual(Buffer.from(expected.get(f.file) ?? []));
  });

  it('give a graph that passes the schema, with unique ids and verbatim quotes', () => {
    expect(GraphSchema.safeParse(graph).success).toBe(true);
    for (const list of [graph.articles, graph.actors, graph.relations])
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    const texts = new Map(
      files.map((f) => {
        const d = decodeBytes(f.content);
        return [f.file, d.ok ? d.text : ''];
      }),
    );
    const fileOf = new Map(graph.articles.map((a) => [a.id, a.file]));
    for (const r of graph.relations)
      for (const e of r.evidence)
        expect(texts.get(fileOf.get(e.articleId) ?? '')?.slice(e.start, e.end)).toBe(e.quote);
  });

  it('are each in the graph or named in a diagnostic', () => {
    const named = new Set([
      ...graph.articles.map((a) => a.file),
      ...graph.diagnostics.map((d) => d.file),
    ]);
    for (const f of files) expect(named, f.file).toContain(f.file);
  });
});

describe('empty and undecodable files are skipped with the reason', () => {
  it.each(['empty.txt', 'whitespace.txt'])('%s', (file) => {
    expect(article(file)).toBeUndefined();
    expect(diagnostics(file)).toEqual(['warning: skipped: the file is empty or only white space']);
  });

  it('a PNG renamed .txt', () => {
    expect(article('image.txt')).toBeUndefined();
    expect(diagnostics('image.txt')).toEqual([
      'warning: skipped: binary file (PNG image), not text',
    ]);
  });

  it('files that are not articles', () => {
    expect(diagnostics('notes.pdf')).toEqual(['info: skipped: not a .txt, .md or .html file']);
    expect(diagnostics('__proto__')).toEqual(['info: skipped: not a .txt, .md or .html file']);
  });

  it('random binary without a known signature', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const g = buildGraph([{ file: 'noise.txt', content: noise }]);
    expect(g.articles).toEqual([]);
    expect(g.diagnostics[0]?.message).toMatch(/^skipped: binary file/);
  });
});

describe('encodings are read, with a note', () => {
  it.each([
    ['utf8-bom.txt', 'info: UTF-8 byte-order mark removed'],
    ['utf16le-bom.txt', 'info: UTF-16 (little-endian) with a byte-order mark'],
    ['utf16be-bom.txt', 'info: UTF-16 (big-endian) with a byte-order mark'],
    ['utf16le-no-bom.txt', 'info: UTF-16 (little-endian) without a byte-order mark'],
  ])('%s', (file, note) => {
    expect(diagnostics(file)).toEqual([note]);
    expect(article(file)?.text).not.toMatch(/[\uFEFF\uFFFD]/u);
    expect(article(file)?.text).not.toContain(String.fromCharCode(0));
    expect(edgesOf(graph, file)).toEqual(['fra rupture ner', PACT_EDGE]);
  });

  it('CRLF line ends read like LF ones, offsets into the CRLF file', () => {
    expect(edgesOf(graph, 'crlf.txt')).toEqual(edgesOf(graph, 'utf8-bom.txt'));
    expect(article('crlf.txt')?.text).not.toContain('\r');
    expect(article('crlf.txt')?.published).toBe('2025-04-10');
  });

  it('invalid UTF-8 is replaced and counted, and the rest still read', () => {
    expect(diagnostics('invalid-utf8.txt')).toEqual([
      'warning: invalid UTF-8: 3 byte sequence(s) replaced with U+FFFD',
    ]);
    expect(article('invalid-utf8.txt')?.title).toBe('Invalid bytes in Ségou');
    expect(edgesOf(graph, 'invalid-utf8.txt')).toEqual([PACT_EDGE]);
  });

  it('an 8-bit (Windows-1252) file is read as such, not as damaged UTF-8', () => {
    expect(diagnostics('latin1.txt')).toEqual([
      'warning: invalid UTF-8: read as Windows-1252 (Latin-1) instead',
    ]);
    expect(article('latin1.txt')?.text).toContain('Côte d’Ivoire');
    expect(edgesOf(graph, 'latin1.txt')).toEqual(['wagner armed_conflict mli']);
  });
});

describe('markup and content', () => {
  it('an HTML page: body read; scripts, styles, navigation, asides and footers not', () => {
    const page = article('page.html');
    expect(page?.title).toBe('Moscow and Bamako seal a pact');
    expect(page?.text).toContain('Russia and Mali signed a defence pact');
    expect(page?.text).not.toMatch(/document\.write|color: red|Home|sidebar|Copyright|console/u);
    expect(edgesOf(graph, 'page.html')).toEqual([PACT_EDGE]);
  });

  it('an article in another language is kept, and says it gave no relation', () => {
    for (const file of ['french.txt', 'russian.txt']) {
      expect(article(file)?.text.length).toBeGreaterThan(40);
      expect(diagnostics(file)).toEqual([
        'info: read, but no relation between known actors was found',
      ]);
    }
    expect(article('russian.txt')?.text).toContain('Россия и Мали подписали');
  });

  it('names only in the boilerplate (a TRENDING list) give no actors', () => {
    const id = article('boilerplate-names.txt')?.id ?? '';
    expect(article('boilerplate-names.txt')?.text).not.toMatch(/Russia|France|Wagner|TRENDING/u);
    expect(graph.actors.filter((a) => a.articleIds?.includes(id))).toEqual([]);
    expect(edgesOf(graph, 'boilerplate-names.txt')).toEqual([]);
  });

  it('the same article under two names: evidence counted once, the copy noted', () => {
    const first = article('duplicate-a.txt');
    const copy = article('duplicate-b copy.txt');
    expect(copy?.duplicateOf).toBe(first?.id);
    expect(first?.duplicateOf).toBeNull();
    expect(diagnostics('duplicate-b copy.txt')).toEqual([
      'info: duplicate of duplicate-a.txt: its evidence is counted once, under duplicate-a.txt',
    ]);
    const rupture = graph.relations.find((r) => r.id === 'ecowas--rupture--hostile--bfa');
    expect(rupture?.evidence.map((e) => e.articleId)).toEqual([first?.id]);
  });

  it('pages with no body left are not duplicates of each other', () => {
    const g = buildGraph([
      { file: 'menu-a.txt', content: 'Home\nNews\nSports\n' },
      { file: 'menu-b.txt', content: 'Home\nNews\nWeather\n' },
    ]);
    expect(g.articles.map((a) => a.duplicateOf)).toEqual([null, null]);
  });
});

describe('hostile text', () => {
  it('<script> and <img onerror> in a .txt stay verbatim text in the body and the quotes', () => {
    const text = article('hostile-markup.txt')?.text ?? '';
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    const quotes = graph.relations.flatMap((r) => r.evidence.map((e) => e.quote));
    expect(quotes).toContain(
      'Russia and Mali signed a defence pact <script>alert("x")</script> in Bamako on Tuesday.',
    );
    expect(quotes).toContain(
      'France attacked Niger <img src=x onerror=alert(1)> near the border on Monday.',
    );
  });

  it('__proto__ and constructor as file names and words pollute nothing', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    for (const file of [
      '__proto__.txt',
      'constructor.txt',
      'constructor.html',
      'hasOwnProperty.md',
    ])
      expect(article(file)?.id).toMatch(/^[a-z0-9-]+$/u);
    expect(article('__proto__.txt')?.text).toContain('The __proto__ of constructor');
    expect(edgesOf(graph, '__proto__.txt')).toEqual([PACT_EDGE]);
    expect(edgesOf(graph, 'constructor.txt')).toEqual(['ner rupture fra']);
    expect(graph.actors.map((a) => a.id)).not.toContain('constructor');
    const json = JSON.parse(JSON.stringify(graph)) as unknown;
    expect(GraphSchema.safeParse(json).success).toBe(true);
  });

  it('file names with spaces and accents keep their name; ids are plain', () => {
    expect(article('Côte d’Ivoire report é.txt')?.id).toMatch(
      /^cote-d-ivoire-report-e-[0-9a-f]{8}$/u,
    );
    expect(article('file with  spaces.txt')?.id).toMatch(/^file-with-spaces-[0-9a-f]{8}$/u);
    expect(edgesOf(graph, 'file with  spaces.txt')).toEqual(['fra rupture ner', PACT_EDGE]);
  });

  it('one file name given twice (two folders) gets two ids, whatever the order', () => {
    const a = { file: 'same.txt', content: 'Russia and Mali signed a defence pact in 2024.' };
    const b = { file: 'same.txt', content: 'France cut ties with Niger in 2023.' };
    const g = buildGraph([a, b]);
    expect(new Set(g.articles.map((x) => x.id)).size).toBe(2);
    expect(GraphSchema.safeParse(g).success).toBe(true);
    expect(JSON.stringify(buildGraph([b, a]))).toBe(JSON.stringify(g));
  });
});

describe('size and shape', () => {
  it('a 100,000-character run with no sentence end is cut, quickly', () => {
    const text = runWithoutEnd();
    const started = performance.now();
    const sentences = splitSentences(text);
    const g = buildGraph([{ file: 'run.txt', content: text }]);
    const ms = performance.now() - started;
    expect(sentences.every((s) => s.end - s.start <= MAX_SENTENCE)).toBe(true);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(edgesOf(g, 'run.txt')).toEqual([PACT_EDGE]);
    expect(ms).toBeLessThan(10_000); // ~50 ms; was minutes before the run-of-dots fix
  });

  it('a run without any space is cut without splitting a surrogate pair', () => {
    const text = 'Mali ' + '😀'.repeat(3000);
    for (const s of splitSentences(text)) {
      expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
    }
  });

  it('5,000 small articles are all read', () => {
    const builder = new GraphBuilder();
    for (let i = 0; i < 5000; i++)
      builder.add({ file: `many-${i}.txt`, content: new TextEncoder().encode(smallArticle(i)) });
    const g = builder.finish();
    expect(g.articles).toHaveLength(5000);
    expect(new Set(g.articles.map((a) => a.id)).size).toBe(5000);
    expect(g.relations.length).toBeGreaterThan(0);
    expect(GraphSchema.safeParse(g).success).toBe(true);
  });
});
