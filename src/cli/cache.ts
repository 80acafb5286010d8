/**
 * The extraction cache, so a re-run extracts only new or changed files. Two append-only files
 * per pipeline version under `<dir>/<version>/`:
 *
 * - `pack.jsonl`, read in one go: a header line, then lines of two kinds.
 *   - `E <key> <json>`: one file's extraction under its key, the SHA-256 of (pipeline version,
 *     file name, file content), without its text and sentence facts, with where those are in
 *     the bulk file. The content hash is what makes an entry right for a file.
 *   - `S <json>`: a stamp, `[file name, "dev:ino:size:mtimeNs:ctimeNs", key]`: the file with
 *     that name, device, inode, size and times had that key when it was read. A re-run that
 *     finds the same stamp takes the key from it instead of reading and hashing the file again
 *     (as git's index does). A stamp is written only for a file whose times were over two
 *     seconds old when it was read, so a write in the same clock tick as the read cannot hide
 *     behind an unchanged stamp; `--rehash` ignores stamps and hashes every file.
 * - `bulk.jsonl`, never read whole: a header line naming its pack, then `F <key> <json>` (an
 *   extraction's sentence facts) and `T <key> <json>` (its text) lines, each read by its
 *   offset only when asked for. A re-run hands back an unchanged article's evidence and entry
 *   in `articles[]` as it wrote them (./blocks): the facts and text, three quarters of an
 *   extraction, are then never read. A read checks that the line it lands on is that entry's,
 *   so a cut or overwritten bulk file is a miss, never another entry's data.
 *
 * The version hashes the pipeline's and the format readers' source, its dictionaries and
 * lexicon (src/pipeline/data), and the versions of the format libraries: any change to any of
 * them is another pack, never a stale hit. A pack that is not ours, or whose bulk file is not
 * its own, is ignored with a warning and replaced; a line that does not parse or is not ours is
 * ignored with a warning and its file extracted again. New lines are appended at the end of a
 * run (the bulk file's first: an entry never names bytes that are not written yet); the files
 * only grow (superseded entries of changed files stay until the version changes); the folders
 * of all but the three most recently used versions are deleted.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleExtraction, LazyParts, SentenceFacts } from '../pipeline';
import { toJson, type ExtractionJson } from './extract-one';

/**
 * A cached extraction, its record's text and sentence facts left out (`record.text` and
 * `record.facts` are absent) and read when (and if) they are needed.
 */
export interface CachedExtraction {
  extraction: ArticleExtraction;
  lazy: LazyParts;
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
const BULK_KIND = 'alliance-atlas/extraction-bulk';
const FORMAT = 4;
export const DEFAULT_CACHE_DIR = '.cache/preprocess';
export const PACK_NAME = 'pack.jsonl';
export const BULK_NAME = 'bulk.jsonl';
/** `F <key> ` / `T <key> `: what precedes the JSON on a bulk line. */
const LINE_HEAD = 67;
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
  private readonly bulkPath: string;
  /** Entries by key: where the loaded pack has them, or the JSON of one made in this run. */
  private readonly entries = new Map<string, readonly [number, number] | string>();
  /** The text and facts of entries made in this run, as JSON, by key. */
  private readonly made = new Map<string, { text: string; facts: string }>();
  private pack: Buffer = Buffer.alloc(0);
  private readonly stamps = new Map<string, string>();
  private readonly pending: string[] = [];
  private readonly pendingBulk: string[] = [];
  /** Both files must be written anew (missing, or not ours), not appended to. */
  private rewrite = true;
  private endsWithNewline = true;
  /** Names the pack's bulk file: a pack and a bulk file of different writes do not pair. */
  private id = randomBytes(8).toString('hex');
  /** The loaded bulk file's size, and where the next line appended to it starts. */
  private bulkSize = 0;
  private bulkEnd = 0;
  private bulkLead = '';
  private fd: number | null = null;

  /** `distrust`: keys whose entries a failed attempt of this run found damaged. */
  constructor(
    dir: string,
    private readonly version: string,
    private readonly distrust: ReadonlySet<string> = new Set(),
  ) {
    this.root = join(dir, version);
    this.path = join(this.root, PACK_NAME);
    this.bulkPath = join(this.root, BULK_NAME);
    this.load();
    if (this.rewrite) this.bulkEnd = Buffer.byteLength(this.bulkHeader()) + 1;
  }

  private header(id = this.id): string {
    return JSON.stringify({ kind: KIND, format: FORMAT, version: this.version, bulk: id });
  }

  private bulkHeader(): string {
    return JSON.stringify({ kind: BULK_KIND, format: FORMAT, version: this.version, id: this.id });
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
    const header = pack.toString('utf8', 0, first);
    const id = /"bulk":"([0-9a-f]{16})"\}$/u.exec(header)?.[1];
    if (!id || header !== this.header(id)) {
      this.warn(`ignored a foreign or damaged cache file ${this.path}; it is written anew`);
      return;
    }
    this.id = id;
    if (!this.openBulk()) {
      this.id = randomBytes(8).toString('hex');
      this.warn(
        `ignored the cache file ${this.path}: its ${BULK_NAME} is missing or not its own; both are written anew`,
      );
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
      if (kind === 0x45 && pack[at + 1] === 32 && pack[at + 66] === 32) {
        const key = pack.toString('latin1', at + 2, at + 66);
        if (KEY.test(key)) {
          this.entries.set(key, [at + 67, stop]);
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

  /** Opens the bulk file if it is the pack's own; its size says what entries can be in it. */
  private openBulk(): boolean {
    let fd: number;
    try {
      fd = openSync(this.bulkPath, 'r');
    } catch {
      return false;
    }
    const header = Buffer.from(this.bulkHeader() + '\n');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(header.length);
    const last = Buffer.alloc(1);
    if (
      size < header.length ||
      readSync(fd, head, 0, head.length, 0) !== head.length ||
      !head.equals(header) ||
      readSync(fd, last, 0, 1, size - 1) !== 1
    ) {
      closeSync(fd);
      return false;
    }
    this.fd = fd;
    this.bulkSize = size;
    // After a run that died mid-write, the last line is cut: appending starts on a new line.
    this.bulkLead = last[0] === 10 ? '' : '\n';
    this.bulkEnd = size + this.bulkLead.length;
    return true;
  }

  /** Closes the bulk file; what is left unread of it can no longer be read. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
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
      bulk?: unknown;
      extraction?: unknown;
    };
    const x = e.extraction as Partial<ArticleExtraction> | undefined;
    const made = this.made.get(key);
    const bulk = e.bulk;
    if (
      e.kind !== KIND ||
      e.version !== this.version ||
      e.key !== key ||
      !Array.isArray(bulk) ||
      bulk.length !== 4 ||
      !bulk.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) ||
      (!made &&
        ((bulk[0] as number) + (bulk[1] as number) >= this.bulkSize ||
          (bulk[2] as number) + (bulk[3] as number) >= this.bulkSize)) ||
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
    const [factsAt, factsBytes, textAt, textBytes] = bulk as [number, number, number, number];
    const read = (kind: 'F' | 'T', offset: number, bytes: number): unknown => {
      const json = made
        ? kind === 'F'
          ? made.facts
          : made.text
        : this.readBulk(kind, key, offset, bytes);
      try {
        return json === null ? undefined : (JSON.parse(json) as unknown);
      } catch {
        return undefined;
      }
    };
    return {
      extraction: x as ArticleExtraction,
      lazy: {
        facts: () => {
          const facts = read('F', factsAt, factsBytes);
          if (!Array.isArray(facts)) throw new DamagedCacheEntry(key, file);
          return facts as SentenceFacts[];
        },
        text: () => {
          const text = read('T', textAt, textBytes);
          if (typeof text !== 'string') throw new DamagedCacheEntry(key, file);
          return text;
        },
      },
    };
  }

  /** The JSON of one bulk line's part, or null when the line there is not that entry's. */
  private readBulk(kind: 'F' | 'T', key: string, offset: number, bytes: number): string | null {
    if (offset < LINE_HEAD) return null;
    this.fd ??= openSync(this.bulkPath, 'r');
    const line = Buffer.allocUnsafe(LINE_HEAD + bytes + 1);
    const got = readSync(this.fd, line, 0, line.length, offset - LINE_HEAD);
    if (
      got !== line.length ||
      line.toString('latin1', 0, LINE_HEAD) !== `${kind} ${key} ` ||
      line[line.length - 1] !== 10
    )
      return null;
    return line.toString('utf8', LINE_HEAD, LINE_HEAD + bytes);
  }

  /** `json`, when given, is the extraction's JSON made elsewhere (a worker; ./extract-one). */
  put(key: string, extraction: ArticleExtraction, json: ExtractionJson | null = null): void {
    const { light, text, facts } = json ?? toJson(extraction);
    const factsBytes = Buffer.byteLength(facts);
    const textBytes = Buffer.byteLength(text);
    const factsAt = this.bulkEnd + LINE_HEAD;
    const textAt = factsAt + factsBytes + 1 + LINE_HEAD;
    this.bulkEnd = textAt + textBytes + 1;
    // The same text as JSON.stringify of the whole entry: its fields in this order.
    const bulk = [factsAt, factsBytes, textAt, textBytes];
    const entry = `${JSON.stringify({ kind: KIND, version: this.version, key, bulk }).slice(0, -1)},"extraction":${light}}`;
    this.entries.set(key, entry);
    this.made.set(key, { text, facts });
    this.pendingBulk.push(`F ${key} ${facts}`, `T ${key} ${text}`);
    this.pending.push(`E ${key} ${entry}`);
  }

  /**
   * Writes what this run added: appended, the bulk file first, or both files anew (through
   * temporary files) when there were none or they were not ours. A failure is a warning: the
   * run's output does not depend on the cache.
   */
  save(): void {
    this.tidy();
    if (!this.pending.length && !this.pendingBulk.length) return;
    try {
      mkdirSync(this.root, { recursive: true });
      const bulk = this.pendingBulk.length ? this.pendingBulk.join('\n') + '\n' : '';
      const pack = this.pending.join('\n') + '\n';
      if (this.rewrite) {
        const tmp = `.tmp-${process.pid}`;
        writeFileSync(this.bulkPath + tmp, Buffer.from(`${this.bulkHeader()}\n${bulk}`));
        writeFileSync(this.path + tmp, Buffer.from(`${this.header()}\n${pack}`));
        renameSync(this.bulkPath + tmp, this.bulkPath);
        renameSync(this.path + tmp, this.path);
      } else {
        if (bulk) appendFileSync(this.bulkPath, Buffer.from(this.bulkLead + bulk));
        // After a run that died mid-write, the last line is cut: start on a line of our own.
        const head = this.endsWithNewline ? '' : '\n';
        appendFileSync(this.path, Buffer.from(head + pack));
      }
      this.pending.length = 0;
      this.pendingBulk.length = 0;
      this.rewrite = false;
      this.endsWithNewline = true;
      this.bulkLead = '';
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
