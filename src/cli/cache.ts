/**
 * The extraction cache, so a re-run extracts only new or changed files. One packed file per
 * pipeline version, `<dir>/<version>/pack.jsonl`, loaded in one read: a header line, then
 * append-only lines of two kinds:
 *
 * - `E <key> <json>`: one file's extraction under its key, the SHA-256 of (pipeline version,
 *   file name, file content), without its sentence facts. The content hash is what makes an
 *   entry right for a file.
 * - `F <key> <json>`: the sentence facts of that extraction, on a line of their own, decoded
 *   only when asked for: a re-run hands back an unchanged article's evidence as it wrote it
 *   (./blocks), and its facts, the bulk of an extraction, are then never read. The `E` line
 *   records the `F` line's length; a missing or cut one makes the entry a miss.
 * - `S <json>`: a stamp, `[file name, "dev:ino:size:mtimeNs:ctimeNs", key]`: the file with that
 *   name, device, inode, size and times had that key when it was read. A re-run that finds the
 *   same stamp takes the key from it instead of reading and hashing the file again (as git's
 *   index does). A stamp is written only for a file whose times were over two seconds old when
 *   it was read, so a write in the same clock tick as the read cannot hide behind an unchanged
 *   stamp; `--rehash` ignores stamps and hashes every file.
 *
 * The version hashes the pipeline's and the format readers' source, its dictionaries and
 * lexicon (src/pipeline/data), and the versions of the format libraries: any change to any of
 * them is another pack, never a stale hit. A pack that is not ours is ignored with a warning
 * and replaced; a line that does not parse or is not ours is ignored with a warning and its
 * file extracted again. New lines are appended in one write at the end of a run; a pack only
 * grows (superseded entries of changed files stay until the pack is deleted or the version
 * changes); the folders of all but the three most recently used versions are deleted.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleExtraction, SentenceFacts } from '../pipeline';
import { toJson, type ExtractionJson } from './extract-one';

/** A cached extraction, its sentence facts left to be decoded when (and if) they are needed. */
export interface CachedExtraction {
  extraction: ArticleExtraction;
  /** Decodes the facts; throws `DamagedCacheEntry` if the line does not hold them. */
  loadFacts: () => SentenceFacts[];
}

/**
 * An entry whose facts turned out not to parse, found only when they were decoded, late in a
 * run: the command line starts the run again without trusting that entry (its file is
 * extracted again and appended).
 */
export class DamagedCacheEntry extends Error {
  constructor(
    readonly key: string,
    readonly file: string,
  ) {
    super(`the cache entry of ${file} is damaged`);
  }
}

const KIND = 'alliance-atlas/extraction-cache';
const FORMAT = 3;
export const DEFAULT_CACHE_DIR = '.cache/preprocess';
export const PACK_NAME = 'pack.jsonl';
/** A file's times must be this much older than the moment it was read for its stamp to count. */
export const STAMP_MIN_AGE_MS = 2000;

/**
 * Set by the bundle (scripts/cli.mjs): the repository root relative to the bundled file. From
 * the source, this file sits two folders below it.
 */
declare const __ATLAS_ROOT__: string | undefined;
const ROOT = new URL(
  typeof __ATLAS_ROOT__ === 'string' ? __ATLAS_ROOT__ : '../../',
  import.meta.url,
);

/** Every source file that decides what an extraction holds, hashed into one version. */
export function pipelineVersion(): string {
  const h = createHash('sha256');
  h.update(`${KIND}:${FORMAT}\n`);
  const src = new URL('src/', ROOT);
  for (const folder of ['pipeline', 'pipeline/data', 'formats', 'cli']) {
    const dir = new URL(`${folder}/`, src);
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ts|json)$/u.test(name)) continue;
      h.update(`${folder}/${name}\n`);
      h.update(readFileSync(new URL(name, dir)));
    }
  }
  for (const pkg of ['linkedom', '@mozilla/readability', 'pdfjs-dist', 'mammoth', 'chrono-node'])
    h.update(`${pkg}@${packageVersion(pkg)}\n`);
  return h.digest('hex').slice(0, 16);
}

function packageVersion(name: string): string {
  try {
    const json = readFileSync(new URL(`node_modules/${name}/package.json`, ROOT), 'utf8');
    return String((JSON.parse(json) as { version?: unknown }).version ?? '?');
  } catch {
    return '?';
  }
}

/** What `statSync(path, { bigint: true })` says about a file, as the cache compares it. */
export interface FileStat {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export function stampOf(stat: FileStat): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** Whether the file's last change was long enough before `readAtMs` for its stamp to be kept. */
export function settledAt(stat: FileStat, readAtMs: number): boolean {
  const changed = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
  return Number(changed / 1_000_000n) + STAMP_MIN_AGE_MS < readAtMs;
}

const KEY = /^[0-9a-f]{64}$/u;
const VERSION = /^[0-9a-f]{16}$/u;
/** Versions' folders kept in a cache folder, this run's included. */
export const KEEP_VERSIONS = 3;

export class ExtractionCache {
  /** Extractions taken from the cache, and how many of them by stamp (no read, no hash). */
  hits = 0;
  stampHits = 0;
  readonly warnings: string[] = [];
  private readonly root: string;
  private readonly path: string;
  /** Entries by key: where the loaded pack has them, or the JSON of one made in this run. */
  private readonly entries = new Map<string, readonly [number, number] | string>();
  /** The `F` lines: each entry's sentence facts, where the pack has them or as JSON text. */
  private readonly facts = new Map<string, readonly [number, number] | string>();
  private pack: Buffer = Buffer.alloc(0);
  private readonly stamps = new Map<string, string>();
  private readonly pending: string[] = [];
  /** The pack must be written anew (missing, or not ours), not appended to. */
  private rewrite = true;
  private endsWithNewline = true;

  /** `distrust`: keys whose entries a failed attempt of this run found damaged. */
  constructor(
    dir: string,
    private readonly version: string,
    private readonly distrust: ReadonlySet<string> = new Set(),
  ) {
    this.root = join(dir, version);
    this.path = join(this.root, PACK_NAME);
    this.load();
  }

  private header(): string {
    return JSON.stringify({ kind: KIND, format: FORMAT, version: this.version });
  }

  private load(): void {
    let pack: Buffer;
    try {
      pack = readFileSync(this.path);
    } catch {
      return;
    }
    // Lines are cut from the bytes and an entry decoded only when asked for: most entries are
    // ASCII and so become compact one-byte strings, where the whole pack as one string would
    // be two bytes a character as soon as it held one non-ASCII character.
    const end = (from: number) => {
      const i = pack.indexOf(10, from);
      return i < 0 ? pack.length : i;
    };
    const first = end(0);
    if (pack.toString('utf8', 0, first) !== this.header()) {
      this.warn(`ignored a foreign or damaged cache file ${this.path}; it is written anew`);
      return;
    }
    this.pack = pack;
    this.rewrite = false;
    this.endsWithNewline = pack[pack.length - 1] === 10;
    let damaged = 0;
    for (let at = first + 1; at < pack.length; ) {
      const stop = end(at);
      const kind = pack[at];
      if (stop === at) {
        at = stop + 1;
        continue;
      }
      if ((kind === 0x45 || kind === 0x46) && pack[at + 1] === 32 && pack[at + 66] === 32) {
        const key = pack.toString('latin1', at + 2, at + 66);
        if (KEY.test(key)) {
          (kind === 0x45 ? this.entries : this.facts).set(key, [at + 67, stop]);
          at = stop + 1;
          continue;
        }
      } else if (kind === 0x53 && pack[at + 1] === 32) {
        const stamp = parseStamp(pack.toString('utf8', at + 2, stop));
        if (stamp) {
          this.stamps.set(`${stamp[0]}\t${stamp[1]}`, stamp[2]);
          at = stop + 1;
          continue;
        }
      }
      damaged++;
      at = stop + 1;
    }
    if (damaged)
      this.warn(`ignored ${damaged} damaged line(s) of the cache; their files are extracted again`);
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(file)
      .update('\0')
      .update(bytes)
      .digest('hex');
  }

  /** The key recorded for this file name with this stamp, or null. */
  keyByStamp(file: string, stamp: string): string | null {
    return this.stamps.get(`${file}\t${stamp}`) ?? null;
  }

  /** Records that the file with this name and stamp has this key (written on `save`). */
  stamp(file: string, stamp: string, key: string): void {
    const id = `${file}\t${stamp}`;
    if (this.stamps.get(id) === key) return;
    this.stamps.set(id, key);
    this.pending.push(`S ${JSON.stringify([file, stamp, key])}`);
  }

  /** Whether an entry is there under this key (it may still turn out damaged on `get`). */
  has(key: string): boolean {
    return this.entries.has(key) && !this.distrust.has(key);
  }

  /** The cached extraction, or null (a miss, or an entry that cannot be trusted). */
  get(key: string, file: string): CachedExtraction | null {
    const at = this.entries.get(key);
    if (at === undefined || this.distrust.has(key)) return null;
    const text = typeof at === 'string' ? at : this.pack.toString('utf8', at[0], at[1]);
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      this.entries.delete(key);
      this.warn(`ignored a corrupt cache entry for ${file} (not JSON); it is extracted again`);
      return null;
    }
    const e = entry as {
      kind?: unknown;
      version?: unknown;
      key?: unknown;
      factsBytes?: unknown;
      extraction?: unknown;
    };
    const x = e.extraction as Partial<ArticleExtraction> | undefined;
    const facts = this.facts.get(key);
    const factsBytes =
      facts === undefined
        ? -1
        : typeof facts === 'string'
          ? Buffer.byteLength(facts)
          : facts[1] - facts[0];
    if (
      e.kind !== KIND ||
      e.version !== this.version ||
      e.key !== key ||
      e.factsBytes !== factsBytes ||
      !x ||
      x.file !== file ||
      !Array.isArray(x.diagnostics) ||
      !Array.isArray(x.orgs) ||
      (x.record !== null && typeof x.record !== 'object')
    ) {
      this.entries.delete(key);
      this.warn(`ignored a foreign or damaged cache entry for ${file}; it is extracted again`);
      return null;
    }
    this.hits++;
    const loadFacts = () => {
      const json =
        typeof facts === 'string'
          ? facts
          : this.pack.toString('utf8', facts?.[0] ?? 0, facts?.[1] ?? 0);
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        parsed = null;
      }
      if (!Array.isArray(parsed)) throw new DamagedCacheEntry(key, file);
      return parsed as SentenceFacts[];
    };
    return { extraction: x as ArticleExtraction, loadFacts };
  }

  /** `json`, when given, is the extraction's JSON made elsewhere (a worker; ./extract-one). */
  put(key: string, extraction: ArticleExtraction, json: ExtractionJson | null = null): void {
    const { light, facts } = json ?? toJson(extraction);
    // The same text as JSON.stringify of the whole entry: its fields in this order.
    const entry = `${JSON.stringify({ kind: KIND, version: this.version, key, factsBytes: Buffer.byteLength(facts) }).slice(0, -1)},"extraction":${light}}`;
    this.entries.set(key, entry);
    this.facts.set(key, facts);
    // The facts first: a run cut short while appending leaves an entry without its facts line
    // (a miss), never facts without the entry that vouches for them.
    this.pending.push(`F ${key} ${facts}`, `E ${key} ${entry}`);
  }

  /**
   * Writes what this run added: appended in one write, or the whole pack anew (through a
   * temporary file) when there was none or it was not ours. A failure is a warning: the run's
   * output does not depend on the cache.
   */
  save(): void {
    this.tidy();
    if (!this.pending.length) return;
    try {
      mkdirSync(this.root, { recursive: true });
      if (this.rewrite) {
        const lines = [this.header(), ...this.pending];
        const tmp = `${this.path}.tmp-${process.pid}`;
        writeFileSync(tmp, Buffer.from(lines.join('\n') + '\n'));
        renameSync(tmp, this.path);
      } else {
        // After a run that died mid-write, the last line is cut: start on a line of our own.
        const head = this.endsWithNewline ? '' : '\n';
        appendFileSync(this.path, Buffer.from(head + this.pending.join('\n') + '\n'));
      }
      this.pending.length = 0;
      this.rewrite = false;
      this.endsWithNewline = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      this.warn(`cannot write the cache under ${this.root} (${code}); the run goes on without it`);
    }
  }

  /**
   * Marks this version's folder as used now and deletes all but the most recently used
   * `KEEP_VERSIONS - 1` other versions' folders: every change to the pipeline's code is a new
   * version, and each pack holds the whole corpus (~90 MB at 10,000 articles). Only folders
   * named as versions are touched. A failure changes nothing in the run.
   */
  private tidy(): void {
    const parent = dirname(this.root);
    try {
      const now = new Date();
      if (existsSync(this.root)) utimesSync(this.root, now, now);
      const others = readdirSync(parent, { withFileTypes: true })
        .filter(
          (d) => d.isDirectory() && VERSION.test(d.name) && join(parent, d.name) !== this.root,
        )
        .map((d) => ({ path: join(parent, d.name), used: statSync(join(parent, d.name)).mtimeMs }))
        .sort((a, b) => b.used - a.used);
      for (const old of others.slice(KEEP_VERSIONS - 1))
        rmSync(old.path, { recursive: true, force: true });
    } catch {
      // Another run tidying at the same time, or a folder we may not write: nothing is lost.
    }
  }

  private warn(message: string): void {
    if (this.warnings.length < 20) this.warnings.push(message);
    else if (this.warnings.length === 20) this.warnings.push('… more cache warnings left out');
  }
}

function parseStamp(json: string): [string, string, string] | null {
  try {
    const v: unknown = JSON.parse(json);
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      typeof v[2] === 'string' &&
      KEY.test(v[2])
    )
      return [v[0], v[1], v[2]];
  } catch {
    // A damaged line: counted by the caller.
  }
  return null;
}
