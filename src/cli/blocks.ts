/**
 * The output file, written in blocks, and the evidence blocks of the last run kept for the next.
 *
 * `graph.json` is `JSON.stringify(graph, null, 1)`; at 10,000 articles it is ~80 MB, most of it
 * evidence, and serialising and writing it was a third of a warm re-run. An article's evidence
 * depends on nothing but its extraction, its id and its date (`GraphBuilder.finishWith`), so a
 * re-run can copy the bytes it wrote for an article in the same state instead of making them
 * again: the writer below produces exactly the bytes of `JSON.stringify`, with each evidence
 * item as a block of its own, and records where each article's blocks went. After a run the
 * output is kept in the cache (`evidence-<folder>.bin`, a hard link or a copy) beside an index
 * (`evidence-<folder>.json`): for each article's state (extraction key, id, date and its
 * source), its evidence as (relation, start, offset, length), and each `articles[]` entry's
 * (offset, length) by its extraction key and its other fields.
 *
 * The index names the copy's stamp (device, inode, size and times, as ./cache's stamps of input
 * files): a copy changed or replaced since, or an index that is not ours, is ignored with a
 * warning, never trusted. Entries keyed by another state are simply not found: a changed file,
 * a new id or an inferred date that moved makes its article's evidence anew. Both files are
 * written to temporary names and renamed into place.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writevSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  Contributed,
  EvidenceRef,
  GraphWith,
  RelationHead,
  ResolvedArticle,
} from '../pipeline';
import type { Article, Evidence } from '../model/schema';
import { stampOf } from './cache';

const KIND = 'alliance-atlas/evidence-blocks';
const FORMAT = 1;
/** Indentation of an evidence item in the output: graph › relations › relation › evidence. */
const EVIDENCE_INDENT = '    ';
const FIRST_ITEM = Buffer.from(EVIDENCE_INDENT);
const FIRST_ARTICLE = Buffer.from('  ');
const NEXT_ARTICLE = Buffer.from(',\n  ');
const NEXT_ITEM = Buffer.from(`,\n${EVIDENCE_INDENT}`);
/** Buffers handed to one writev call (Linux's IOV_MAX is 1024). */
const WRITEV_BATCH = 1024;
/** The buffer kept bytes are copied through. */
const COPY_BUFFER = 4 << 20;

/** Where bytes written by an earlier run are in its output (the kept copy): copied from there. */
export interface KeptBytes {
  at: number;
  length: number;
}

/**
 * Evidence written by an earlier run: where its bytes are in the kept copy of the output (flat:
 * a warm run holds one per kept item, 110,000 at 10,000 articles).
 */
export interface KeptEvidence extends EvidenceRef {
  keptAt: number;
  keptLength: number;
}

export type OutputEvidence = Evidence | KeptEvidence;

/**
 * What an article's entry in `articles[]` is made of: its text comes from its extraction, the
 * rest is written out here (its id, date, copy and duplicate links, sources).
 */
export function articleKeyOf(extractionKey: string, article: Article): string {
  // Every field but the text, which is not even read for this (the cache may hold it back,
  // behind an accessor: a destructuring would read it).
  const rest: Record<string, unknown> = {};
  for (const field of Object.keys(article) as Array<keyof Article>)
    if (field !== 'text') rest[field] = article[field];
  return JSON.stringify([extractionKey, rest]);
}

/** What an article's evidence depends on: the extraction it came from and its settled state. */
export function stateOf(extractionKey: string, article: ResolvedArticle): string {
  return JSON.stringify([extractionKey, article.id, article.published, article.publishedSource]);
}

function isKept(e: OutputEvidence): e is KeptEvidence {
  return 'keptAt' in e;
}

interface Index {
  kind: string;
  format: number;
  version: string;
  size: number;
  /** The copy's stamp (./cache's `stampOf`) when it was written. */
  stamp: string;
  /** Relations as [source, target, type, polarity]. */
  heads: Array<[string, string, string, string]>;
  /** State → its evidence items, four numbers each: head, start, offset, length. */
  states: Record<string, number[]>;
  /** Article key (`articleKeyOf`) → its entry in `articles[]` as [offset, length]. */
  articles: Record<string, [number, number]>;
}

export class EvidenceBlocks {
  /** Articles whose evidence was copied from the last run, and those made anew. */
  kept = 0;
  made = 0;
  readonly warnings: string[] = [];
  private readonly bin: string;
  private readonly index: string;
  /** Each state's items as the index has them: (head, start, offset, length) in a row. */
  private readonly states = new Map<string, number[]>();
  private heads: RelationHead[] = [];
  private readonly articles = new Map<string, KeptBytes>();
  /** The kept copy's size, when it matches its index: what the offsets may point into. */
  private size = 0;

  constructor(
    dir: string,
    folderKey: string,
    private readonly version: string,
  ) {
    const name = `evidence-${createHash('sha256').update(folderKey).digest('hex').slice(0, 16)}`;
    this.bin = join(dir, `${name}.bin`);
    this.index = join(dir, `${name}.json`);
    this.load();
  }

  private load(): void {
    let index: Index;
    try {
      index = JSON.parse(readFileSync(this.index, 'utf8')) as Index;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.warnings.push(`ignored a damaged evidence index ${this.index}`);
      return;
    }
    // Only its stamp is read here: the bytes are copied from it as the output is written.
    let stamp: string;
    let size: number;
    try {
      const stat = statSync(this.bin, { bigint: true });
      stamp = stampOf(stat);
      size = Number(stat.size);
    } catch {
      this.warnings.push(`ignored the evidence index ${this.index}: its copy cannot be read`);
      return;
    }
    if (
      index.kind !== KIND ||
      index.format !== FORMAT ||
      index.version !== this.version ||
      index.stamp !== stamp ||
      typeof index.size !== 'number' ||
      index.size !== size ||
      !Array.isArray(index.heads) ||
      typeof index.states !== 'object' ||
      typeof index.articles !== 'object'
    ) {
      this.warnings.push(
        `ignored the kept evidence ${this.bin}: it is not ours or does not match its index`,
      );
      return;
    }
    const heads = index.heads.map(
      ([source, target, type, polarity]) => ({ source, target, type, polarity }) as RelationHead,
    );
    const damaged = () => {
      this.warnings.push(`ignored the kept evidence ${this.bin}: its index is damaged`);
      this.states.clear();
      this.articles.clear();
    };
    // Checked here, made into items when taken.
    for (const [state, items] of Object.entries(index.states)) {
      if (!Array.isArray(items) || items.length % 4 !== 0) {
        damaged();
        return;
      }
      for (let i = 0; i < items.length; i += 4) {
        const offset = items[i + 2] as number;
        if (!heads[items[i] as number] || !(offset + (items[i + 3] as number) <= size)) {
          damaged();
          return;
        }
      }
      this.states.set(state, items);
    }
    this.heads = heads;
    for (const [key, [offset, length]] of Object.entries(index.articles)) {
      if (offset + length > size) {
        damaged();
        return;
      }
      this.articles.set(key, { at: offset, length });
    }
    this.size = size;
  }

  /** The kept copy of the last output, to copy kept bytes from (null: nothing is kept). */
  get copy(): string | null {
    return this.size ? this.bin : null;
  }

  /** The entry kept for an article with this key (`articleKeyOf`), or null. */
  article(key: string): KeptBytes | null {
    return this.articles.get(key) ?? null;
  }

  /** The evidence kept for an article (by its id) in this state, or null. */
  take(state: string, articleId: string): Array<Contributed<KeptEvidence>> | null {
    const items = this.states.get(state);
    if (!items) {
      this.made++;
      return null;
    }
    this.kept++;
    const kept: Array<Contributed<KeptEvidence>> = [];
    for (let i = 0; i < items.length; i += 4)
      kept.push({
        relation: this.heads[items[i] as number] as RelationHead,
        evidence: {
          articleId,
          start: items[i + 1] as number,
          keptAt: items[i + 2] as number,
          keptLength: items[i + 3] as number,
        },
      });
    return kept;
  }

  /**
   * Keeps the output just written, and where each article's evidence is in it, for the next
   * run. A failure is a warning: the output does not depend on it.
   */
  save(output: string, layout: Layout): void {
    const suffix = `.tmp-${process.pid}`;
    try {
      mkdirSync(dirname(this.bin), { recursive: true });
      // A second name for the output's file when both are on one file system (free), else a
      // copy. Either way the index names the stamp: an output changed in place since (which
      // changes the one file both names share) is then not trusted.
      try {
        linkSync(output, this.bin + suffix);
      } catch {
        copyFileSync(output, this.bin + suffix);
      }
      renameSync(this.bin + suffix, this.bin);
      const index: Index = {
        kind: KIND,
        format: FORMAT,
        version: this.version,
        size: layout.size,
        stamp: stampOf(statSync(this.bin, { bigint: true })),
        heads: layout.heads,
        states: layout.states,
        articles: layout.articles,
      };
      writeFileSync(this.index + suffix, JSON.stringify(index));
      renameSync(this.index + suffix, this.index);
    } catch (error) {
      for (const f of [this.bin, this.index]) rmSync(f + suffix, { force: true });
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      this.warnings.push(`cannot keep the evidence for the next run (${code})`);
    }
  }
}

/** Where the writer put each article's evidence. */
export interface Layout {
  size: number;
  heads: Index['heads'];
  states: Index['states'];
  articles: Index['articles'];
}

/**
 * Kept article entries, each article's key (null: not to be kept), and the kept copy of the
 * last output that kept bytes (these and evidence) are copied from.
 */
export interface ArticleBlocks {
  keyOf(article: Article): string | null;
  take(key: string): KeptBytes | null;
  copy: string | null;
}

/**
 * Writes `JSON.stringify(graph, null, 1) + '\n'` to `path` (through a temporary file, renamed
 * into place), byte for byte, copying kept evidence as it is. `stateOfArticle` names each live
 * article's state; the layout returned says where each state's evidence went.
 */
export function writeGraph(
  path: string,
  graph: GraphWith<OutputEvidence>,
  stateOfArticle: ReadonlyMap<string, string>,
  articleBlocks: ArticleBlocks | null = null,
): Layout {
  /** What is written, in order: new bytes, and ranges of the kept copy. */
  const chunks: Array<Uint8Array | KeptBytes> = [];
  let size = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    size += chunk.byteLength;
  };
  /**
   * Kept bytes after their separator. Two that followed each other in the kept copy with the
   * same separator between them (two items of one array there: anywhere else, more than a
   * separator lies between) are one range: a few thousand copies instead of 200,000.
   */
  const pushKept = (separator: Uint8Array, at: number, length: number) => {
    const last = chunks[chunks.length - 1];
    size += separator.byteLength + length;
    if (
      last &&
      !(last instanceof Uint8Array) &&
      last.at + last.length + separator.byteLength === at
    ) {
      last.length += separator.byteLength + length;
      return;
    }
    chunks.push(separator, { at, length });
  };
  const states: Index['states'] = {};
  /** Each live article's items in the layout, found by its id. */
  const itemsOf = new Map<string, number[]>();
  for (const [id, state] of stateOfArticle) {
    const items: number[] = [];
    states[state] = items;
    itemsOf.set(id, items);
  }
  const heads: Index['heads'] = [];
  const articles: Index['articles'] = {};
  const entries = Object.entries(graph).filter(([, v]) => v !== undefined);
  push(Buffer.from('{\n'));
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (key === 'articles' && articleBlocks && graph.articles.length) {
      push(Buffer.from(` "articles": [\n`));
      const keys = graph.articles.map((a) => articleBlocks.keyOf(a));
      const kept = keys.map((k) => (k === null ? null : articleBlocks.take(k)));
      const made = serialised(
        graph.articles.filter((_, j) => !kept[j]),
        2,
      );
      let next = 0;
      graph.articles.forEach((_, j) => {
        const separator = j ? NEXT_ARTICLE : FIRST_ARTICLE;
        const old = kept[j];
        const k = keys[j];
        if (k !== null && k !== undefined)
          articles[k] = [size + separator.length, old ? old.length : (made[next]?.length ?? 0)];
        if (old) pushKept(separator, old.at, old.length);
        else {
          push(separator);
          push(made[next++] as Uint8Array);
        }
      });
      push(Buffer.from(`\n ]${comma}\n`));
      return;
    }
    if (key !== 'relations' || !Array.isArray(value) || value.length === 0) {
      push(Buffer.from(` ${JSON.stringify(key)}: ${atDepth(value, 1)}${comma}\n`));
      return;
    }
    push(Buffer.from(` "relations": [\n`));
    graph.relations.forEach((relation, r) => {
      const head = heads.length;
      heads.push([relation.source, relation.target, relation.type, relation.polarity]);
      // The relation as JSON.stringify writes it, with one placeholder item for its evidence.
      const text = atDepth({ ...relation, evidence: [0] }, 2);
      const marker = `[\n${EVIDENCE_INDENT}0\n   ]`;
      const at = text.indexOf(marker);
      if (at < 0 || text.lastIndexOf(marker) !== at)
        throw new Error(`cannot place the evidence of relation ${relation.id}`);
      push(Buffer.from(`  ${text.slice(0, at)}[\n`));
      const made = serialised(
        relation.evidence.filter((e) => !isKept(e)),
        4,
      );
      let next = 0;
      relation.evidence.forEach((e, j) => {
        const separator = j ? NEXT_ITEM : FIRST_ITEM;
        const length = isKept(e) ? e.keptLength : (made[next]?.length ?? 0);
        itemsOf.get(e.articleId)?.push(head, e.start, size + separator.length, length);
        if (isKept(e)) pushKept(separator, e.keptAt, e.keptLength);
        else {
          push(separator);
          push(made[next++] as Uint8Array);
        }
      });
      const end = text.slice(at + marker.length - '\n   ]'.length);
      push(Buffer.from(`${end}${r < graph.relations.length - 1 ? ',' : ''}\n`));
    });
    push(Buffer.from(` ]${comma}\n`));
  });
  push(Buffer.from('}\n'));

  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    const copy = articleBlocks?.copy ? openSync(articleBlocks.copy, 'r') : null;
    try {
      writeChunks(fd, copy, chunks);
    } finally {
      closeSync(fd);
      if (copy !== null) closeSync(copy);
    }
    renameSync(tmp, path);
  } catch (error) {
    // A half-written temporary file (disk full, output is a folder) is not left behind.
    rmSync(tmp, { force: true });
    throw error;
  }
  return { size, heads, states, articles };
}

/**
 * Array items (evidence, articles) as they are written at their depth, each its own view of one
 * buffer: the array is serialised in one call and cut between items, far cheaper than an item
 * at a time (a cold run writes 100,000 evidence items). Between two items of the array, and nowhere else, a
 * line holds only the closing brace at the items' indentation: a line break inside a string is
 * escaped, and deeper lines are indented further.
 */
function serialised(items: readonly unknown[], depth: number): Uint8Array[] {
  if (!items.length) return [];
  // The items' array one level up, so that its items land at their depth:
  // `[\n    {…\n    },\n    {…\n    }\n   ]` (depth 4).
  const json = Buffer.from(atDepth(items, depth - 1));
  const pad = ' '.repeat(depth);
  const between = Buffer.from(`\n${pad}},\n${pad}{`);
  const itemEnd = 1 + depth + 1;
  const out: Uint8Array[] = [];
  let start = 2 + depth;
  for (let at = json.indexOf(between, start); at >= 0; at = json.indexOf(between, start)) {
    out.push(json.subarray(start, at + itemEnd));
    start = at + between.length - 1;
  }
  out.push(json.subarray(start, json.length - (depth + 1)));
  if (out.length !== items.length) throw new Error('cannot cut the array into its items');
  return out;
}

/**
 * Writes the chunks in order: new bytes by writev, kept ranges read from the kept copy through
 * one reused buffer (the copy is never read whole: most of it is the output again).
 */
function writeChunks(
  fd: number,
  copy: number | null,
  chunks: ReadonlyArray<Uint8Array | KeptBytes>,
): void {
  let batch: Uint8Array[] = [];
  let buffer: Buffer | null = null;
  for (const chunk of chunks) {
    if (chunk instanceof Uint8Array) {
      batch.push(chunk);
      if (batch.length === WRITEV_BATCH) {
        writeAll(fd, batch);
        batch = [];
      }
      continue;
    }
    if (batch.length) writeAll(fd, batch);
    batch = [];
    if (copy === null) throw new Error('kept evidence without its kept copy');
    buffer ??= Buffer.allocUnsafe(COPY_BUFFER);
    for (let done = 0; done < chunk.length; ) {
      const want = Math.min(buffer.length, chunk.length - done);
      const got = readSync(copy, buffer, 0, want, chunk.at + done);
      if (got <= 0) throw new Error('the kept copy of the output is shorter than its index says');
      writeAll(fd, [buffer.subarray(0, got)]);
      done += got;
    }
  }
  if (batch.length) writeAll(fd, batch);
}

/** writev, again for what a short write left. */
function writeAll(fd: number, buffers: Uint8Array[]): void {
  let rest = buffers;
  while (rest.length) {
    let written = writevSync(fd, rest);
    let i = 0;
    while (i < rest.length && written >= (rest[i]?.byteLength ?? 0)) {
      written -= rest[i]?.byteLength ?? 0;
      i++;
    }
    rest = rest.slice(i);
    if (written > 0 && rest[0]) rest = [rest[0].subarray(written), ...rest.slice(1)];
  }
}

/**
 * A value's JSON as `JSON.stringify(…, null, 1)` writes it `depth` levels down: every line after
 * the first indented by `depth` spaces. Made by wrapping the value in `depth` arrays and cutting
 * them off again, so that JSON.stringify indents it in one pass (a replace over the text cost
 * as much again): the wrappers are `depth` lines of `[` before it and of `]` after it.
 */
function atDepth(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, 1);
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 1);
  // Before: for each level i, '[' + '\n' + i + 1 spaces; after: for each level, '\n' + spaces + ']'.
  let head = 0;
  let tail = 0;
  for (let i = 0; i < depth; i++) {
    head += 2 + i + 1;
    tail += 2 + i;
  }
  return json.slice(head, json.length - tail);
}
