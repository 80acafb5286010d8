/**
 * npm run bench [-- --sizes 100,1000,10000] [--cli-size N] [--no-cli] [--pipeline-only | --explorer-only | --cli-only] [--no-build] [--edges pairs|types]
 *
 * Prints tables: the pipeline over generated corpora (each size in its own process, so peak
 * memory is that size's), chrono-node alone over the same files, the explorer in Debian's
 * chromium, and the bundle's gzip size. A benchmark, not a test: it fails only when it
 * cannot run.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from './generate';
import type { PipelineResult } from './pipeline';
import { runExplorerBench } from './explorer';
import { reportBundle } from './bundle';
import { benchCli } from './cli';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}
const flag = (name: string) => process.argv.includes(name);

function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '| ' +
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ') +
    ' |';
  return [
    line(head),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...cells.slice(1).map(line),
  ].join('\n');
}

function runPipeline(sizes: number[]): void {
  console.log(
    '\n## Pipeline (one core, files read into memory first; decode → extract → finish → JSON)\n',
  );
  const results: PipelineResult[] = [];
  for (const n of sizes) {
    const dir = join(OUT, `corpus-${n}`);
    const bytes = writeCorpus(dir, n);
    process.stderr.write(`bench: ${n} articles (${(bytes / 1e6).toFixed(1)} MB) …\n`);
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'pipeline.ts'), dir],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    results.push(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PipelineResult);
  }
  const rows = results.map((r, i) => {
    const prev = results[i - 1];
    const perArticle = r.totalMs / r.articles;
    const growth = prev ? (perArticle / (prev.totalMs / prev.articles)).toFixed(2) : '–';
    const mbps = r.bytes / 1e6 / (r.totalMs / 1000);
    const chronoMbps = r.bytes / 1e6 / (r.chronoMs / 1000);
    return [
      r.articles,
      (r.bytes / 1e6).toFixed(2),
      (r.totalMs / 1000).toFixed(2),
      `${(r.addMs / 1000).toFixed(2)} / ${(r.finishMs / 1000).toFixed(2)} / ${(r.stringifyMs / 1000).toFixed(2)}`,
      Math.round(r.articles / (r.totalMs / 1000)),
      mbps.toFixed(2),
      chronoMbps.toFixed(2),
      (mbps / chronoMbps).toFixed(2),
      growth,
      Math.round(r.peakRssMb),
      Math.round(r.peakHeapMb),
      `${r.actors} / ${r.relations} / ${r.inferred}`,
    ];
  });
  console.log(
    table(
      [
        'articles',
        'MB',
        's',
        'add / finish / json s',
        'art/s',
        'MB/s',
        'chrono MB/s',
        'ratio',
        'growth',
        'peak RSS MB',
        'peak heap MB',
        'actors / rels / inferred',
      ],
      rows,
    ),
  );
  console.log(
    '\ngrowth: time per article divided by that of the previous size (1.00 = linear). ratio: pipeline MB/s over chrono-node alone (chrono.parse over each whole file with a reference date). Targets: ≥ 1.5 MB/s, ratio ≥ 0.33.',
  );
}

function runCliBench(n: number): void {
  console.log(
    `\n## Command line at ${n} articles: cores and cache (whole processes, wall clock)\n`,
  );
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  const dir = join(OUT, `corpus-${n}`);
  writeCorpus(dir, n);
  const runs = benchCli(ROOT, OUT, dir);
  const [one, all, cold, warm] = runs;
  console.log(
    table(
      ['run', 'wall s', 'CPU s', 'reused / extracted'],
      runs.map((r) => [r.label, r.wallS.toFixed(1), r.cpuS.toFixed(1), r.reused]),
    ),
  );
  if (one && all && cold && warm) {
    console.log(
      `\nall cores / one core: ${(one.wallS / all.wallS).toFixed(2)}× (target ≥ 1.7×). warm re-run after +1 %: ${((100 * warm.wallS) / cold.wallS).toFixed(1)} % of the cold run with cache (CPU ${((100 * warm.cpuS) / cold.cpuS).toFixed(1)} %), ${((100 * warm.wallS) / one.wallS).toFixed(1)} % of one core (target ≤ 10 %). Outputs of one core, all cores and the cold cached run are byte-identical, and the warm run equals a warm --rehash run and a run without the cache over the grown folder (checked); both pass the graph schema.`,
    );
    if (warm.timings) console.log(`\nWarm run, ${warm.timings}`);
  }
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
}

async function main(): Promise<void> {
  const sizes = (arg('--sizes') ?? '100,1000,10000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (!flag('--explorer-only') && !flag('--cli-only')) runPipeline(sizes);
  if (!flag('--explorer-only') && !flag('--no-cli'))
    runCliBench(Number(arg('--cli-size') ?? Math.max(...sizes)));
  if (!flag('--pipeline-only') && !flag('--cli-only')) {
    const edges = arg('--edges');
    await runExplorerBench({
      root: ROOT,
      build: !flag('--no-build'),
      table,
      ...(edges === 'pairs' || edges === 'types' ? { edges } : {}),
    });
    reportBundle(ROOT, table);
  }
}

await main();
