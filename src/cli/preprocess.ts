/**
 * npm run preprocess -- --input <dir> --output <file.json>
 * Reads every article in a folder, one file at a time, and writes graph.json. A user's
 * mistake (a missing folder, an unwritable output) gets one line and a non-zero exit.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GraphBuilder } from '../pipeline';
import { GraphSchema } from '../model/schema';

export const DEFAULT_INPUT = 'seeds';
export const DEFAULT_OUTPUT = 'public/graph.json';

interface Args {
  input: string;
  output: string;
  focusRegion: string | null;
  quiet: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    input: DEFAULT_INPUT,
    output: DEFAULT_OUTPUT,
    focusRegion: null,
    quiet: false,
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
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        'usage: npm run preprocess -- [--input DIR] [--output FILE.json] [--focus-region CONTINENT] [--quiet]\n',
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

  const builder = new GraphBuilder(args.focusRegion ? { focusRegion: args.focusRegion } : {});
  const started = Date.now();
  let done = 0;
  for (const name of files) {
    const path = join(inputDir, name);
    let bytes: Uint8Array;
    try {
      if (!statSync(path).isFile()) continue;
      bytes = readFileSync(path);
    } catch (error) {
      builder.add({ file: name, content: new Uint8Array() });
      process.stderr.write(
        `  ${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`,
      );
      continue;
    }
    builder.add({ file: name, content: bytes });
    done++;
    if (!args.quiet && (done % 500 === 0 || files.length < 50))
      process.stderr.write(`  read ${done}/${files.length} ${files.length < 50 ? name : ''}\n`);
  }
  const graph = builder.finish();
  // The schema is the contract: never write a graph that the app would refuse.
  const checked = GraphSchema.safeParse(graph);
  if (!checked.success)
    fail(
      `internal error: the graph fails its schema (${checked.error.issues[0]?.message ?? 'unknown'})`,
    );

  const output = resolve(args.output);
  try {
    mkdirSync(dirname(output), { recursive: true });
    const tmp = `${output}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(graph, null, 1) + '\n');
    renameSync(tmp, output);
  } catch (error) {
    fail(
      `cannot write output ${args.output} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const warnings = graph.diagnostics.filter((d) => d.level !== 'info').length;
  if (!args.quiet)
    for (const d of graph.diagnostics)
      if (d.level !== 'info') process.stderr.write(`  ${d.level}: ${d.file}: ${d.message}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `${graph.articles.length} articles, ${graph.actors.length} actors, ${graph.relations.length} relations, ${warnings} warnings → ${args.output} (${seconds}s)\n`,
  );
}

main();
