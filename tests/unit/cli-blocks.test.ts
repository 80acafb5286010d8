// @vitest-environment node
/**
 * The command line's block writer: what it writes is `JSON.stringify(graph, null, 1)` byte for
 * byte, with evidence made now or copied from the bytes of an earlier run, and an earlier run's
 * evidence it keeps is trusted only while its copy is the one its index names.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, type GraphWith } from '../../src/pipeline';
import {
  articleKeyOf,
  EvidenceBlocks,
  stateOf,
  writeGraph,
  type KeptEvidence,
  type OutputEvidence,
} from '../../src/cli/blocks';
import type { Graph } from '../../src/model/schema';

const ROOT = join(import.meta.dirname, '../..');

let tmp = '';
let graph: Graph;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-blocks-'));
  graph = buildGraph(
    readdirSync(join(ROOT, 'seeds'))
      .sort()
      .map((file) => ({ file, content: readFileSync(join(ROOT, 'seeds', file)) })),
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const expected = (g: unknown) => JSON.stringify(g, null, 1) + '\n';
const states = (g: Graph) => new Map(g.articles.map((a) => [a.id, stateOf('k', { ...a })]));

describe('the block writer', () => {
  it('writes what JSON.stringify writes, for the seeds and for awkward values', () => {
    const out = join(tmp, 'a.json');
    writeGraph(out, graph, states(graph));
    expect(readFileSync(out, 'utf8')).toBe(expected(graph));

    // Line breaks, quotes, U+2028, astral characters and optional fields left out.
    const [first] = graph.relations;
    if (!first) throw new Error('the seeds give relations');
    const odd: Graph = {
      ...graph,
      relations: [
        {
          ...first,
          evidence: [
            {
              ...(first.evidence[0] as Graph['relations'][0]['evidence'][0]),
              quote: 'He said "no"\nand\u2028left \u{1F600} \\ ]\n    0\n   ]',
            },
          ],
        },
      ],
    };
    writeGraph(out, odd, states(odd));
    expect(readFileSync(out, 'utf8')).toBe(expected(odd));

    const empty: Graph = { ...graph, relations: [], diagnostics: [] };
    writeGraph(out, empty, states(empty));
    expect(readFileSync(out, 'utf8')).toBe(expected(empty));
  });

  it('copies kept evidence as it was written, and says where each article’s went', () => {
    const out = join(tmp, 'b.json');
    const byArticle = states(graph);
    const layout = writeGraph(out, graph, byArticle);
    expect(layout.size).toBe(readFileSync(out).length);
    const items = Object.values(layout.states).flat();
    expect(items).toHaveLength(4 * graph.relations.reduce((n, r) => n + r.evidence.length, 0));
    // The same graph with every item replaced by its bytes from the first file.
    const kept: GraphWith<OutputEvidence> = {
      ...graph,
      relations: graph.relations.map((relation, head) => ({
        ...relation,
        evidence: relation.evidence.map((e): KeptEvidence => {
          const state = byArticle.get(e.articleId) ?? '';
          const list = layout.states[state] ?? [];
          let i = 0;
          while (i < list.length && (list[i] !== head || list[i + 1] !== e.start)) i += 4;
          if (i >= list.length) throw new Error('every item is in the layout');
          const offset = list[i + 2] ?? 0;
          return {
            articleId: e.articleId,
            start: e.start,
            keptAt: offset,
            keptLength: list[i + 3] ?? 0,
          };
        }),
      })),
    };
    const again = join(tmp, 'c.json');
    // Kept bytes are copied from the first file.
    const fromOut = { keyOf: () => null, take: () => null, copy: out };
    // Items kept side by side are written as one chunk; the layout is the same either way.
    expect(writeGraph(again, kept, byArticle, fromOut)).toEqual(layout);
    expect(readFileSync(again, 'utf8')).toBe(expected(graph));
    // Kept and made items in one relation, as after a day's new articles.
    const mixed: GraphWith<OutputEvidence> = {
      ...kept,
      relations: kept.relations.map((relation, r) => ({
        ...relation,
        evidence: relation.evidence.map((e, j) =>
          j % 2 ? (graph.relations[r]?.evidence[j] ?? e) : e,
        ),
      })),
    };
    expect(mixed.relations.some((r) => r.evidence.length > 2)).toBe(true);
    expect(writeGraph(again, mixed, byArticle, fromOut)).toEqual(layout);
    expect(readFileSync(again, 'utf8')).toBe(expected(graph));

    // Articles' entries too: kept ones copied, the others made, by the article's key.
    const keyOf = (a: Graph['articles'][0]) => articleKeyOf('k', a);
    const fresh = writeGraph(out, graph, byArticle, { keyOf, take: () => null, copy: null });
    expect(readFileSync(out, 'utf8')).toBe(expected(graph));
    expect(Object.keys(fresh.articles)).toHaveLength(graph.articles.length);
    let n = 0;
    const take = (k: string) => {
      const at = fresh.articles[k];
      return at && n++ % 2 === 0 ? { at: at[0], length: at[1] } : null;
    };
    expect(n).toBe(0);
    expect(writeGraph(again, graph, byArticle, { keyOf, take, copy: out })).toEqual(fresh);
    expect(n).toBe(graph.articles.length);
    expect(readFileSync(again, 'utf8')).toBe(expected(graph));
    // Another article (its date moved) has another key.
    const [a0] = graph.articles;
    if (a0) expect(keyOf({ ...a0, published: '1999-01-01' })).not.toBe(keyOf(a0));
    // The key never reads the text: the cache may hold it back behind an accessor.
    if (a0) {
      const held = { ...a0 };
      Object.defineProperty(held, 'text', {
        enumerable: true,
        get: () => {
          throw new Error('the text was read');
        },
      });
      expect(keyOf(held)).toBe(keyOf(a0));
    }
  });

  it('keeps the evidence for the next run, and ignores a copy changed since, with a warning', () => {
    const dir = join(tmp, 'cache');
    const out = join(tmp, 'd.json');
    const byArticle = states(graph);
    const first = new EvidenceBlocks(dir, 'folder', 'v1');
    expect(first.warnings).toEqual([]);
    first.save(out, writeGraph(out, graph, byArticle));
    expect(first.warnings).toEqual([]);

    const [article] = graph.articles;
    const state = byArticle.get(article?.id ?? '') ?? '';
    const second = new EvidenceBlocks(dir, 'folder', 'v1');
    expect(second.warnings).toEqual([]);
    const taken = second.take(state, article?.id ?? '');
    expect(taken?.length).toBe(
      graph.relations.flatMap((r) => r.evidence).filter((e) => e.articleId === article?.id).length,
    );
    expect(second.take('["another state"]', 'x')).toBeNull();
    // Kept bytes are copied from the kept copy of the output, a file of its own.
    expect(second.copy).toMatch(/\.bin$/u);
    expect(readFileSync(second.copy ?? '')).toEqual(readFileSync(out));
    expect([second.kept, second.made]).toEqual([1, 1]);
    // Another pipeline version's index is not ours.
    const other = new EvidenceBlocks(dir, 'folder', 'v2');
    expect(other.take(state, 'x')).toBeNull();
    expect(other.copy).toBeNull();
    expect(other.warnings.join()).toMatch(/not ours or does not match its index/u);

    // The copy rewritten (same size, other bytes): its stamp no longer matches.
    const [bin] = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    const path = join(dir, bin ?? '');
    const copy = readFileSync(path);
    copy[10] = copy[10] === 0x20 ? 0x21 : 0x20;
    writeFileSync(path, copy);
    const changed = new EvidenceBlocks(dir, 'folder', 'v1');
    expect(changed.take(state, 'x')).toBeNull();
    expect(changed.warnings.join()).toMatch(/not ours or does not match its index/u);

    // A damaged index.
    const [index] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    writeFileSync(join(dir, index ?? ''), '{ not json');
    const damaged = new EvidenceBlocks(dir, 'folder', 'v1');
    expect(damaged.take(state, 'x')).toBeNull();
    expect(damaged.warnings.join()).toMatch(/damaged evidence index/u);
  });
});
