/**
 * One pipeline measurement, run in its own process so that its peak memory is its own:
 * `tsx bench/pipeline.ts <corpus dir>` prints one JSON line. The files are read into memory
 * first; the timed part is what the CLI does after reading: decode, extract, finish, and
 * serialise. chrono-node alone over the same texts is timed after it, for comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { GraphBuilder } from '../src/pipeline';

export interface PipelineResult {
  articles: number;
  bytes: number;
  addMs: number;
  finishMs: number;
  stringifyMs: number;
  totalMs: number;
  /** CPU time (user + system) of the timed part: steadier than wall time on a shared machine. */
  cpuMs: number;
  chronoMs: number;
  chronoCpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  actors: number;
  relations: number;
  inferred: number;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/pipeline.ts <corpus dir>');
  const names = readdirSync(dir).sort();
  const files = names.map((name) => ({
    file: name,
    content: new Uint8Array(readFileSync(join(dir, name))),
  }));
  const bytes = files.reduce((n, f) => n + f.content.byteLength, 0);
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const h = process.memoryUsage().heapUsed;
    if (h > peakHeap) peakHeap = h;
  };

  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const builder = new GraphBuilder();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (f) builder.add(f);
    if (i % 100 === 0) sample();
  }
  const t1 = performance.now();
  const graph = builder.finish();
  sample();
  const t2 = performance.now();
  const json = JSON.stringify(graph);
  sample();
  const t3 = performance.now();
  const u1 = process.cpuUsage(u0);

  // chrono-node alone: one parse over each file's whole text with a reference date.
  const decoder = new TextDecoder();
  const instant = new Date('2025-04-10T12:00:00Z');
  const v0 = process.cpuUsage();
  const c0 = performance.now();
  let found = 0;
  for (const f of files)
    found += chrono.parse(decoder.decode(f.content), { instant, timezone: 'UTC' }).length;
  const c1 = performance.now();
  const v1 = process.cpuUsage(v0);

  const result: PipelineResult = {
    articles: files.length,
    bytes,
    addMs: t1 - t0,
    finishMs: t2 - t1,
    stringifyMs: t3 - t2,
    totalMs: t3 - t0,
    cpuMs: (u1.user + u1.system) / 1000,
    chronoMs: c1 - c0,
    chronoCpuMs: (v1.user + v1.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1048576,
    actors: graph.actors.length,
    relations: graph.relations.length,
    inferred: graph.articles.filter((a) => a.publishedSource === 'inferred').length,
  };
  if (json.length === 0 || found < 0) throw new Error('unreachable');
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
