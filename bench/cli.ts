/**
 * The command line at corpus scale: one core, every core, and a warm re-run after 1 % of the
 * files are added to the folder of a cold cached run (as a folder that grows every day). Each
 * is a whole CLI process, start-up included, timed by wall clock; CPU time is reported beside
 * it because the machine is shared. The warm run prints its phases (`--timings`), and a second
 * warm run with `--rehash` (every file read and hashed, no stamps trusted) and an untimed run
 * without the cache over the grown folder must give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { GraphSchema } from '../src/model/schema';

export interface CliRun {
  label: string;
  wallS: number;
  cpuS: number;
  reused: string;
  /** The run's `--timings` block, when it was asked for. */
  timings: string | null;
}

function runCli(root: string, label: string, args: string[]): CliRun {
  const c0 = childCpuS();
  const t0 = performance.now();
  // As `npm run preprocess` runs it: the bundled command line (scripts/cli.mjs), built before
  // the first timed run (bench/run.ts).
  const r = spawnSync(process.execPath, [join(root, 'scripts/cli.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`preprocess failed: ${r.stderr}`);
  const cpuS = childCpuS() - c0;
  const reused = /cache: (\d+) reused, (\d+) extracted/u.exec(r.stderr);
  const timings = /^timings \(wall ms \/ CPU ms\):\n(?: {2}.*\n)+/mu.exec(r.stderr);
  return {
    label,
    wallS,
    cpuS,
    reused: reused ? `${reused[1]} / ${reused[2]}` : '–',
    timings: timings ? timings[0] : null,
  };
}

/** CPU seconds of this process's waited-for children (cutime + cstime), from /proc. */
function childCpuS(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs the four measurements over `corpus` (n files) and returns them with their outputs checked equal. */
export function benchCli(root: string, out: string, corpus: string): CliRun[] {
  const cores = availableParallelism();
  const cache = join(out, 'cli-cache');
  const grown = join(out, 'cli-grown');
  rmSync(cache, { recursive: true, force: true });
  rmSync(grown, { recursive: true, force: true });
  // The bundle is built (when stale) outside the timed runs, as after any first `npm run preprocess`.
  const built = spawnSync(process.execPath, [join(root, 'scripts/cli.mjs'), '--help'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`cannot build the command line: ${built.stderr}`);
  // The folder that grows: a copy made now, minutes before the cached runs read it.
  cpSync(corpus, grown, { recursive: true });
  const o = (name: string) => join(out, name);
  const runs = [
    runCli(root, 'one core, no cache', [
      '--input',
      corpus,
      '--output',
      o('cli-1.json'),
      '--jobs',
      '1',
      '--no-cache',
    ]),
    runCli(root, `all cores (${cores}), no cache`, [
      '--input',
      corpus,
      '--output',
      o('cli-n.json'),
      '--jobs',
      String(cores),
      '--no-cache',
    ]),
    runCli(root, `all cores, cold cache`, [
      '--input',
      grown,
      '--output',
      o('cli-cold.json'),
      '--cache',
      cache,
    ]),
  ];
  // 1 % more files: copies of the first files with one more sentence, under new names.
  const names = readdirSync(corpus).sort();
  const extra = Math.max(1, Math.round(names.length / 100));
  mkdirSync(grown, { recursive: true });
  for (const name of names.slice(0, extra))
    writeFileSync(
      join(grown, `new-${name}`),
      readFileSync(join(corpus, name), 'utf8') +
        '\nMali and Niger signed a new defence accord on Monday.\n',
    );
  runs.push(
    runCli(root, `+1 % files (${extra}), warm cache`, [
      '--input',
      grown,
      '--output',
      o('cli-warm.json'),
      '--cache',
      cache,
      '--timings',
    ]),
    runCli(root, `+1 % files, warm cache, --rehash`, [
      '--input',
      grown,
      '--output',
      o('cli-rehash.json'),
      '--cache',
      cache,
      '--rehash',
    ]),
  );
  const a = readFileSync(o('cli-1.json'), 'utf8');
  for (const f of ['cli-n.json', 'cli-cold.json'])
    if (readFileSync(o(f), 'utf8') !== a) throw new Error(`${f} differs from the one-core output`);
  const warm = readFileSync(o('cli-warm.json'), 'utf8');
  if (readFileSync(o('cli-rehash.json'), 'utf8') !== warm)
    throw new Error('the warm run trusting stamps differs from the one that hashed every file');
  // Untimed: the grown folder read afresh, without the cache and the evidence it kept.
  runCli(root, 'check', ['--input', grown, '--output', o('cli-grown-plain.json'), '--no-cache']);
  if (readFileSync(o('cli-grown-plain.json'), 'utf8') !== warm)
    throw new Error('the warm run differs from a run without the cache over the same folder');
  // Runs skip the schema check unless asked (--validate): the benchmark checks, untimed.
  for (const [name, json] of [
    ['cli-1.json', a],
    ['cli-warm.json', warm],
  ] as const) {
    const checked = GraphSchema.safeParse(JSON.parse(json));
    if (!checked.success) throw new Error(`${name} fails the graph schema`);
  }
  return runs;
}
