/**
 * npm run preprocess -- --input <dir> --output <file.json>
 * Reads every article in a folder, one file at a time, and writes graph.json. A user's
 * mistake (a missing folder, an unwritable output) gets one line and a non-zero exit.
 */
import {
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  mkdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GraphBuilder } from '../pipeline';
import { GraphSchema } from '../model/schema';
import { readReviewFile, reviewGraph } from './review';

export const DEFAULT_INPUT = 'seeds';
export const DEFAULT_OUTPUT = 'public/graph.json';
/** Bigger files are skipped with a diagnostic: reading one must not exhaust memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

interface Args {
  input: string;
  output: string;
  focusRegion: string | null;
  quiet: boolean;
  review: string | null;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    input: DEFAULT_INPUT,
    output: DEFAULT_OUTPUT,
    focusRegion: null,
    quiet: false,
    review: null,
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
    else if (flag === '--review') args.review = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        'usage: npm run preprocess -- [--input DIR] [--output FILE.json] [--focus-region CONTINENT] [--review DECISIONS.json] [--quiet]\n',
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

function main(): void {
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
  const builder = new GraphBuilder(args.focusRegion ? { focusRegion: args.focusRegion } : {});
  const started = Date.now();
  let done = 0;
  for (const name of files) {
    const path = join(inputDir, name);
    let bytes: Uint8Array;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) {
        builder.skip(name, 'a folder (sub-folders are not read)', 'info');
        continue;
      }
      if (!stat.isFile()) {
        builder.skip(name, 'not a regular file');
        continue;
      }
      if (stat.size > MAX_FILE_BYTES) {
        builder.skip(
          name,
          `too large (${Math.round(stat.size / 2 ** 20)} MB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MB)`,
        );
        continue;
      }
      bytes = readFileSync(path);
    } catch (error) {
      builder.skip(name, `cannot be read (${errorCode(error)})`);
      continue;
    }
    builder.add({ file: name, content: bytes });
    done++;
    if (!args.quiet && (done % 500 === 0 || files.length < 50))
      process.stderr.write(`  read ${done}/${files.length} ${files.length < 50 ? name : ''}\n`);
  }
  const built = builder.finish();
  const graph = decisions && args.review ? reviewGraph(built, decisions, args.review) : built;
  // The schema is the contract: never write a graph that the app would refuse.
  const checked = GraphSchema.safeParse(graph);
  if (!checked.success)
    fail(
      `internal error: the graph fails its schema (${checked.error.issues[0]?.message ?? 'unknown'})`,
    );

  const output = resolve(args.output);
  const tmp = `${output}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(tmp, JSON.stringify(graph, null, 1) + '\n');
    renameSync(tmp, output);
  } catch (error) {
    // A half-written temporary file (disk full, output is a folder) is not left behind.
    removeQuietly(tmp);
    fail(`cannot write output ${args.output} (${errorCode(error)})`);
  }
  const warnings = graph.diagnostics.filter((d) => d.level !== 'info').length;
  if (!args.quiet)
    for (const d of graph.diagnostics)
      if (d.level !== 'info') process.stderr.write(`  ${d.level}: ${d.file}: ${d.message}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // For the memory test: the peak resident set size of the whole run.
  if (process.env.ATLAS_REPORT_MEMORY)
    process.stderr.write(`peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  process.stderr.write(
    `${graph.articles.length} articles, ${graph.actors.length} actors, ${graph.relations.length} relations, ${warnings} warnings → ${args.output} (${seconds}s)\n`,
  );
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there (its folder is missing or is a file).
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

// Anything unexpected is still one line, never a stack trace (ATLAS_DEBUG=1 shows it).
try {
  main();
} catch (error) {
  if (process.env.ATLAS_DEBUG) throw error;
  const message = error instanceof Error ? error.message : String(error);
  fail(`internal error: ${message.split('\n')[0] ?? ''} (ATLAS_DEBUG=1 shows the stack)`);
}
