/**
 * npm run preprocess -- --input <dir> --output <file.json> [--jobs N] [--no-cache]
 * Reads every article in a folder and writes graph.json. Files are extracted on every core
 * (worker threads) and the extractions cached, then merged in file-name order: the output is
 * byte-identical for any number of workers and with or without the cache. A user's mistake
 * (a missing folder, an unwritable output) gets one line and a non-zero exit.
 */
import { type BigIntStats, readdirSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { GraphBuilder, type ArticleExtraction, type GraphWith } from '../pipeline';
import { GraphSchema, type Article } from '../model/schema';
import { articleKeyOf, EvidenceBlocks, stateOf, writeGraph, type OutputEvidence } from './blocks';
import {
  type CachedExtraction,
  DamagedCacheEntry,
  DEFAULT_CACHE_DIR,
  ExtractionCache,
  pipelineVersion,
  settledAt,
  stampOf,
} from './cache';
import { inlineExtractor, JOBS_PER_WORKER, workerPool, type Extractor } from './pool';
import { readReviewFile, reviewGraph } from './review';
import { PhaseTimer } from './timings';

export const DEFAULT_INPUT = 'seeds';
export const DEFAULT_OUTPUT = 'public/graph.json';
/** Bigger files are skipped with a diagnostic: reading one must not exhaust memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Below this many files to extract the default is this thread. A worker's start (node, tsx,
 * chrono, the dictionaries) costs about 2 s of CPU here and a file about 8 ms, so two workers
 * beat one thread only past a few hundred files.
 */
export const MIN_FILES_FOR_WORKERS = 400;
/** Bytes of files to extract held between the look-up and the extraction; the rest is read again. */
const HELD_BYTES = 256 * 2 ** 20;

/** A file's extraction as it lands: made in this run, or from the cache. */
type Landed = CachedExtraction | { extraction: ArticleExtraction };

interface Todo {
  index: number;
  name: string;
  key: string | null;
  bytes: Uint8Array | null;
}

interface Args {
  input: string;
  output: string;
  focusRegion: string | null;
  quiet: boolean;
  /** Worker threads; null: every core for a big folder, one thread for a small one. */
  jobs: number | null;
  cache: string | null;
  review: string | null;
  timings: boolean;
  /** Hash every file, also those whose stamp (size, times, inode) the cache knows. */
  rehash: boolean;
  /** Check the graph against the zod schema before writing it. */
  validate: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    input: DEFAULT_INPUT,
    output: DEFAULT_OUTPUT,
    focusRegion: null,
    quiet: false,
    jobs: null,
    cache: DEFAULT_CACHE_DIR,
    review: null,
    timings: false,
    rehash: false,
    validate: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--input' || flag === '-i') args.input = value();
    else if (flag === '--output' || flag === '-o') args.output = value();
    else if (flag === '--focus-region') args.focusRegion = value();
    else if (flag === '--quiet' || flag === '-q') args.quiet = true;
    else if (flag === '--no-cache') args.cache = null;
    else if (flag === '--cache') args.cache = value();
    else if (flag === '--review') args.review = value();
    else if (flag === '--timings') args.timings = true;
    else if (flag === '--rehash') args.rehash = true;
    else if (flag === '--validate') args.validate = true;
    else if (flag === '--jobs' || flag === '-j') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a whole number ≥ 1');
      args.jobs = n;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        'usage: npm run preprocess -- [--input DIR] [--output FILE.json] [--focus-region CONTINENT] [--jobs N] [--cache DIR | --no-cache] [--review DECISIONS.json] [--rehash] [--validate] [--timings] [--quiet]\n',
      );
      process.exit(0);
    } else throw new UsageError(`unknown option ${flag} (see --help)`);
  }
  return args;
}

function fail(message: string): never {
  process.stderr.write(`preprocess: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const inputDir = resolve(args.input);
  let files: string[];
  try {
    if (!statSync(inputDir).isDirectory()) fail(`input ${args.input} is not a folder`);
    files = readdirSync(inputDir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      `cannot read input folder ${args.input}${code === 'ENOENT' ? ': it does not exist' : code ? ` (${code})` : ''}`,
    );
  }

  // Read before the corpus: a bad decisions file fails fast, with its path.
  const decisions = args.review ? readReviewFile(args.review, fail) : null;
  // An entry whose facts do not decode is found late, when they are needed: the run starts
  // again without trusting it (its file is extracted again), as a damaged entry found early is.
  const distrust = new Set<string>();
  for (;;) {
    try {
      await run(args, inputDir, files, decisions, distrust);
      return;
    } catch (error) {
      if (!(error instanceof DamagedCacheEntry) || distrust.has(error.key)) throw error;
      distrust.add(error.key);
      process.stderr.write(
        `  cache warning: ignored a damaged cache entry for ${error.file}; the run starts again without it\n`,
      );
    }
  }
}

async function run(
  args: Args,
  inputDir: string,
  files: string[],
  decisions: ReturnType<typeof readReviewFile> | null,
  distrust: ReadonlySet<string>,
): Promise<void> {
  const timer = args.timings ? new PhaseTimer() : null;
  const builder = new GraphBuilder({
    ...(args.focusRegion ? { focusRegion: args.focusRegion } : {}),
    ...(timer ? { onPhase: timer.mark } : {}),
  });
  const started = Date.now();
  const version = args.cache ? pipelineVersion() : '';
  const cache = args.cache ? new ExtractionCache(resolve(args.cache), version, distrust) : null;
  // Evidence written by the last run over this folder, copied for articles in the same state.
  // Not with review decisions: those change evidence after it is made.
  const blocks =
    args.cache && !decisions
      ? new EvidenceBlocks(join(resolve(args.cache), version), inputDir, version)
      : null;
  timer?.mark('arguments, lexicon, cache load');
  // Extractions are merged in file order, whatever order they are made or found in (the merge
  // is then the same as one core's), each as soon as every file before it is settled: an entry
  // decoded from the cache is merged and let go at once, not held until the last file is read.
  const extractions: Array<Landed | null> = new Array<null>(files.length).fill(null);
  const settled = new Uint8Array(files.length);
  let merged = 0;
  /** Settles a file: its extraction, or null (skipped, with its diagnostic). */
  const land = (index: number, x: Landed | null) => {
    extractions[index] = x;
    settled[index] = 1;
    for (; merged < files.length && settled[merged]; merged++) {
      const y = extractions[merged];
      if (y) builder.merge(y.extraction, 'lazy' in y ? y.lazy : undefined);
      extractions[merged] = null;
    }
  };
  /** The cache key of each file's extraction, by file name: what its evidence's state names. */
  const keyOfFile = new Map<string, string>();
  let done = 0;
  const report = (name: string) => {
    done++;
    if (!args.quiet && (done % 500 === 0 || files.length < 50))
      process.stderr.write(`  read ${done}/${files.length} ${files.length < 50 ? name : ''}\n`);
  };

  // First every file is looked up in the cache; what is left is then extracted. Knowing how
  // many files that is decides whether workers pay: each costs its start-up (its own copy of
  // the dictionaries), about as much as extracting a few hundred files here.
  const todo: Todo[] = [];
  /** Files known by their stamp whose extraction is in the cache, decoded after the others. */
  const byStamp: Todo[] = [];
  let heldBytes = 0;
  let extractor: Extractor | null = null;
  /** Workers started (0: this thread extracts). */
  let workers = 0;
  const startPool = (size: number) => {
    if (size > 1) {
      workers = size;
      extractor ??= workerPool(size);
    }
    extractor ??= inlineExtractor();
  };
  const inFlight = new Set<Promise<void>>();
  /** Files of `todo` handed to the extractor so far. */
  let sent = 0;
  const dispatch = async (pool: Extractor, item: Todo) => {
    let bytes = item.bytes;
    let key = item.key;
    item.bytes = null;
    if (bytes) heldBytes -= bytes.byteLength;
    else {
      try {
        bytes = readFileSync(join(inputDir, item.name));
      } catch (error) {
        builder.skip(item.name, `cannot be read (${errorCode(error)})`);
        land(item.index, null);
        return;
      }
      // Read twice: what is cached is keyed by what was extracted.
      key = cache?.keyOf(item.name, bytes) ?? null;
    }
    const job = pool.extract(item.name, bytes).then(({ extraction, json }) => {
      land(item.index, { extraction });
      if (key) {
        cache?.put(key, extraction, json);
        keyOfFile.set(item.name, key);
      }
      report(item.name);
    });
    inFlight.add(job);
    const settle = () => inFlight.delete(job);
    job.then(settle, settle);
    // A bounded window: each worker holds as many files as it may (the pool's own bound) and
    // one more waits, without every job queued at once.
    if (inFlight.size >= Math.max(1, workers) * (JOBS_PER_WORKER + 1)) await Promise.race(inFlight);
  };
  try {
    for (const [index, name] of files.entries()) {
      const path = join(inputDir, name);
      const w0 = timer ? performance.now() : 0;
      let stat: BigIntStats;
      try {
        stat = statSync(path, { bigint: true });
      } catch (error) {
        builder.skip(name, `cannot be read (${errorCode(error)})`);
        land(index, null);
        continue;
      }
      if (stat.isDirectory()) {
        builder.skip(name, 'a folder (sub-folders are not read)', 'info');
        land(index, null);
        continue;
      }
      if (!stat.isFile()) {
        builder.skip(name, 'not a regular file');
        land(index, null);
        continue;
      }
      if (stat.size > BigInt(MAX_FILE_BYTES)) {
        builder.skip(
          name,
          `too large (${Math.round(Number(stat.size) / 2 ** 20)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`,
        );
        continue;
      }
      const stamp = cache ? stampOf(stat) : '';
      // Unchanged name, inode, size and times: the key recorded for it, without reading it.
      const known = cache && !args.rehash ? cache.keyByStamp(name, stamp) : null;
      if (timer) timer.add('stat, stamp look-up', performance.now() - w0);
      // Decoded after the loop: new files found meanwhile are already with the workers, once
      // there are enough of them for workers to run.
      if (known && cache?.has(known)) {
        byStamp.push({ index, name, key: known, bytes: null });
        continue;
      }
      const w1 = timer ? performance.now() : 0;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        builder.skip(name, `cannot be read (${errorCode(error)})`);
        land(index, null);
        continue;
      }
      const readAt = Date.now();
      const key = cache?.keyOf(name, bytes) ?? null;
      const cached = key && cache ? cache.get(key, name) : null;
      if (timer) timer.add('read, hash (files without a known stamp)', performance.now() - w1);
      if (key && cache && settledAt(stat, readAt)) cache.stamp(name, stamp, key);
      if (cached && key) {
        land(index, cached);
        keyOfFile.set(name, key);
        report(name);
        continue;
      }
      // Bytes are held for the second pass up to a budget; past it they are read again there.
      const hold = heldBytes + bytes.byteLength <= HELD_BYTES;
      if (hold) heldBytes += bytes.byteLength;
      todo.push({ index, name, key, bytes: hold ? bytes : null });
      // Enough to extract for workers to pay: they start while the rest is looked up, and
      // from then on each file goes to them as it is found.
      if (args.jobs === null && todo.length === MIN_FILES_FOR_WORKERS)
        startPool(Math.min(availableParallelism(), files.length));
      if (extractor) while (sent < todo.length) await dispatch(extractor, todo[sent++] as Todo);
    }
    timer?.mark('files: stat, read, hash, look up (and extract, once workers run)');
    for (const item of byStamp) {
      const cached = cache?.get(item.key ?? '', item.name);
      if (cached) {
        if (cache) cache.stampHits++;
        land(item.index, cached);
        keyOfFile.set(item.name, item.key ?? '');
        report(item.name);
      } else {
        // A damaged entry: the file is read, hashed and extracted again.
        todo.push({ ...item, key: null });
        if (extractor) while (sent < todo.length) await dispatch(extractor, todo[sent++] as Todo);
      }
    }
    timer?.mark('files: decode the cached extractions of files known by their stamp');
    if (todo.length && args.jobs !== null) startPool(Math.min(args.jobs, todo.length));
    const pool: Extractor = extractor ?? inlineExtractor();
    while (sent < todo.length) await dispatch(pool, todo[sent++] as Todo);
    await Promise.all(inFlight);
  } finally {
    await (extractor as Extractor | null)?.close();
  }
  cache?.save();
  timer?.mark(
    `files: extract ${todo.length} (${workers ? `${workers} worker${workers > 1 ? 's' : ''}` : 'this thread'}), cache save`,
  );
  // Every file was merged as it landed (see `land`).
  if (merged !== files.length) throw new Error('a file was neither read nor skipped');
  if (cache) for (const w of cache.warnings) process.stderr.write(`  cache warning: ${w}\n`);
  if (cache && !args.quiet)
    process.stderr.write(
      `  cache: ${cache.hits} reused, ${todo.length} extracted (${cache.stampHits} known by size, times and inode, not read)\n`,
    );
  const warnBlocks = () => {
    for (const w of blocks?.warnings.splice(0) ?? [])
      process.stderr.write(`  cache warning: ${w}\n`);
  };
  warnBlocks();
  // Each live article's evidence: kept from the last run when its state is the same.
  const stateOfArticle = new Map<string, string>();
  const graph: GraphWith<OutputEvidence> = decisions
    ? reviewGraph(builder.finish(), decisions, args.review ?? '')
    : builder.finishWith<OutputEvidence>((article, own) => {
        const key = keyOfFile.get(article.file);
        if (!blocks || !key) return own();
        const state = stateOf(key, article);
        stateOfArticle.set(article.id, state);
        return blocks.take(state, article.id) ?? own();
      });
  timer?.mark(decisions ? 'review' : 'finish: evidence');

  const output = resolve(args.output);
  try {
    mkdirSync(dirname(output), { recursive: true });
    // Articles' entries are kept too, by their extraction and their other fields.
    const articleBlocks = blocks && {
      keyOf: (a: Article) => {
        const key = keyOfFile.get(a.file);
        return key ? articleKeyOf(key, a) : null;
      },
      take: (key: string) => blocks.article(key),
      copy: blocks.copy,
    };
    const layout = writeGraph(output, graph, stateOfArticle, articleBlocks);
    timer?.mark('write');
    if (blocks) {
      blocks.save(output, layout);
      warnBlocks();
      timer?.mark('keep evidence for the next run');
    }
  } catch (error) {
    // A text the cache held back that turns out damaged when it is written: the run restarts.
    if (error instanceof DamagedCacheEntry) throw error;
    fail(`cannot write output ${args.output} (${errorCode(error)})`);
  } finally {
    cache?.close();
  }
  if (blocks && !args.quiet)
    process.stderr.write(
      `  evidence: copied for ${blocks.kept} articles from the last run, made for ${blocks.made}\n`,
    );
  // The schema is the contract. The graph is assembled by our own code from typed parts, so
  // the check runs on request (--validate; the tests and the benchmark ask for it), not on
  // every run; it reads back what was written, the bytes a user gets.
  if (args.validate) {
    const checked = GraphSchema.safeParse(JSON.parse(readFileSync(output, 'utf8')));
    if (!checked.success)
      fail(
        `internal error: the graph fails its schema (${checked.error.issues[0]?.message ?? 'unknown'})`,
      );
    timer?.mark('schema check');
  }
  const warnings = graph.diagnostics.filter((d) => d.level !== 'info').length;
  if (!args.quiet)
    for (const d of graph.diagnostics)
      if (d.level !== 'info') process.stderr.write(`  ${d.level}: ${d.file}: ${d.message}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (timer) process.stderr.write(timer.report() + '\n');
  // For the memory test: the peak resident set size of the whole run.
  if (process.env.ATLAS_REPORT_MEMORY)
    process.stderr.write(`peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  process.stderr.write(
    `${graph.articles.length} articles, ${graph.actors.length} actors, ${graph.relations.length} relations, ${warnings} warnings → ${args.output} (${seconds}s)\n`,
  );
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

// Anything unexpected is still one line, never a stack trace (ATLAS_DEBUG=1 shows it).
main().catch((error: unknown) => {
  if (process.env.ATLAS_DEBUG) throw error;
  const message = error instanceof Error ? error.message : String(error);
  fail(`internal error: ${message.split('\n')[0] ?? ''} (ATLAS_DEBUG=1 shows the stack)`);
});
