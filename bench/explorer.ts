/**
 * The explorer in Debian's chromium: the built app served by `vite preview`, opening
 * synthetic graphs through ?data= with ?debug=1 (window.__cy). Measures the first drawn
 * graph, the longest main-thread task while loading (the layout), one-step slider moves and
 * filter toggles until the next painted frame, and frames per second while the window plays.
 * Skips with a printed note when chromium or one of the UI's hooks is missing.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createRandom } from './generate';
import {
  GraphSchema,
  ACTOR_TYPES,
  RELATION_TYPES,
  POLARITIES,
  type Graph,
} from '../src/model/schema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';

type Table = (head: string[], rows: Array<Array<string | number>>) => string;

/** BENCH_PORT lets two checkouts on one machine run the bench side by side. */
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const CHROMIUM = CHROMIUM_PATH;
const ARGS = CHROMIUM_ARGS;

/** A graph that passes GraphSchema: `actors` actors, `relations` relations over 2019–2025. */
export function syntheticGraph(actors: number, relations: number, seed = 7): Graph {
  const rand = createRandom(seed);
  const articles = Array.from({ length: 200 }, (_, i) => ({
    id: `a${i}`,
    file: `a${i}.txt`,
    title: `Article ${i}`,
    outlet: null,
    published: `202${Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    publishedSource: 'header' as const,
    text: `Article ${i} text.`,
  }));
  const actorList = Array.from({ length: actors }, (_, i) => ({
    id: `x${i}`,
    name: `Actor ${i}`,
    type: ACTOR_TYPES[i % ACTOR_TYPES.length] ?? 'state',
    aliases: [],
  }));
  const seen = new Set<string>();
  const relationList: Graph['relations'] = [];
  while (relationList.length < relations) {
    // A few hubs and many small actors, as in news.
    const s = Math.floor(actors * rand() ** 2);
    const t = Math.floor(actors * rand());
    const type = RELATION_TYPES[Math.floor(rand() * RELATION_TYPES.length)] ?? 'alliance';
    const polarity = POLARITIES[Math.floor(rand() * 2)] ?? 'cooperative';
    const id = `x${s}--${type}--${polarity}--x${t}`;
    if (s === t || seen.has(id)) continue;
    seen.add(id);
    const evidence = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const y = 2019 + Math.floor(rand() * 7);
      const m = 1 + Math.floor(rand() * 12);
      return {
        articleId: `a${Math.floor(rand() * articles.length)}`,
        quote: `Actor ${s} and Actor ${t}.`,
        start: 0,
        end: 10,
        date: `${y}-${String(m).padStart(2, '0')}`,
        dateBasis: 'explicit' as const,
      };
    });
    relationList.push({ id, source: `x${s}`, target: `x${t}`, type, polarity, evidence });
  }
  return GraphSchema.parse({
    schemaVersion: 1,
    articles,
    actors: actorList,
    relations: relationList,
    diagnostics: [],
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function waitForServer(url: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Page-side helpers: long tasks, and "armed" change watchers that resolve after the next painted frame. */
const INIT_SCRIPT = `
window.__bench = { longTasks: [], keyAt: 0, clickAt: 0 };
try {
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
} catch {}
document.addEventListener('keydown', (e) => { window.__bench.keyAt = e.timeStamp; }, true);
document.addEventListener('pointerdown', (e) => { window.__bench.clickAt = e.timeStamp; }, true);
document.addEventListener('click', (e) => { if (!window.__bench.clickAt) window.__bench.clickAt = e.timeStamp; }, true);
window.__frame = () => new Promise((resolve) => requestAnimationFrame(() => {
  const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(0);
}));
window.__arm = (selector) => {
  const b = window.__bench; b.keyAt = 0; b.clickAt = 0; b.changes = 0; b.lastChange = 0;
  const on = () => { b.changes++; b.lastChange = performance.now(); };
  // Class changes, and edges entering or leaving the canvas (the level of detail adds and
  // removes undrawn edges instead of hiding them).
  window.__cy.on('class add remove', on);
  const target = selector ? document.querySelector(selector) : null;
  const mo = new MutationObserver(on);
  if (target) mo.observe(target, { attributes: true });
  b.disarm = () => { window.__cy.removeListener('class add remove', on); mo.disconnect(); };
};
window.__armRedraw = () => {
  const b = window.__bench; b.keyAt = 0; b.clickAt = 0; b.changes = 0; b.lastChange = 0;
  const on = () => { b.changes++; b.lastChange = performance.now(); };
  window.__cy.on('render', on);
  b.disarm = () => { window.__cy.removeListener('render', on); };
};
window.__settle = async () => {
  const b = window.__bench;
  const start = performance.now();
  while (b.changes === 0 && performance.now() - start < 2000) await window.__frame();
  // Paint the frame after the last change; stop once a frame passes with no new change.
  let seen = -1, painted = 0;
  while (seen !== b.changes && performance.now() - start < 4000) { seen = b.changes; painted = await window.__frame(); }
  b.disarm();
  const from = b.keyAt || b.clickAt;
  return { ms: b.changes && from ? painted - from : null, changes: b.changes };
};
`;

async function measureGraph(
  page: Page,
  base: string,
  file: string,
  edges: number,
  query: string,
): Promise<Record<string, string | number>> {
  const row: Record<string, string | number> = {};
  await page.goto(`${base}/?data=/${file}&debug=1${query}`);
  const drawn = await page
    .waitForFunction(
      (n) => {
        const cy = (
          window as unknown as { __cy?: { edges(): { length: number }; extent(): { w: number } } }
        ).__cy;
        return cy && cy.edges().length >= Math.min(n, 1) && cy.extent().w > 0
          ? performance.now()
          : false;
      },
      edges,
      { timeout: 120_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  if (drawn === null) {
    row.note = 'window.__cy never held the graph (is ?debug=1 exposing __cy, ?data= loading?)';
    return row;
  }
  await page.evaluate(() => (window as unknown as { __frame(): Promise<number> }).__frame());
  row.firstDraw = Math.round(drawn);
  const longTasks = await page.evaluate(
    () => (window as unknown as { __bench: { longTasks: number[] } }).__bench.longTasks,
  );
  row.longestTask = Math.round(Math.max(0, ...longTasks));

  row.drawnEdges = await page.evaluate(
    () =>
      (window as unknown as { __cy: { edges(s: string): { length: number } } }).__cy.edges(
        ':visible',
      ).length,
  );

  // A plain redraw of the same canvas: an arrow key on the canvas pans it by a few pixels
  // (no class changes), timed like a slider step from keydown to the painted frame.
  const canvas = page.getByTestId('graph-canvas');
  if ((await canvas.count()) > 0) {
    await canvas.focus();
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      await page.evaluate(() => (window as unknown as { __armRedraw(): void }).__armRedraw());
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      const r = await page.evaluate(() =>
        (window as unknown as { __settle(): Promise<{ ms: number | null }> }).__settle(),
      );
      if (r.ms !== null) times.push(r.ms);
    }
    row.redrawP95 = percentile(times, 95).toFixed(1);
  }

  const slider = page.getByRole('slider', { name: 'Start date' });
  if ((await slider.count()) === 0) row.slider = 'no slider named "Start date"';
  else {
    await slider.focus();
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      await page.evaluate(() =>
        (window as unknown as { __arm(s: string): void }).__arm(
          '[role=slider][aria-label="Start date"]',
        ),
      );
      await page.keyboard.press(i < 25 ? 'ArrowRight' : 'ArrowLeft');
      const r = await page.evaluate(() =>
        (window as unknown as { __settle(): Promise<{ ms: number | null }> }).__settle(),
      );
      if (r.ms !== null) times.push(r.ms);
    }
    row.sliderP50 = percentile(times, 50).toFixed(1);
    row.sliderP95 = percentile(times, 95).toFixed(1);
  }

  const box = page.getByRole('checkbox', { name: 'State', exact: true });
  if ((await box.count()) === 0) row.filter = 'no checkbox named "State"';
  else {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => (window as unknown as { __arm(s: null): void }).__arm(null));
      await box.click();
      const r = await page.evaluate(() =>
        (window as unknown as { __settle(): Promise<{ ms: number | null }> }).__settle(),
      );
      if (r.ms !== null) times.push(r.ms);
    }
    row.filterP50 = percentile(times, 50).toFixed(1);
    row.filterP95 = percentile(times, 95).toFixed(1);
  }

  const play = page.getByRole('button', { name: 'Play', exact: true });
  if ((await play.count()) === 0) row.play = 'no Play button';
  else {
    await play.click();
    const fps = await page.evaluate(async () => {
      const t0 = performance.now();
      let frames = 0;
      let last = t0;
      let worst = 0;
      while (performance.now() - t0 < 5000) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        frames++;
      }
      return { fps: (frames * 1000) / (performance.now() - t0), worst };
    });
    row.playFps = fps.fps.toFixed(0);
    row.playWorstFrame = Math.round(fps.worst);
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.count()) await pause.click();
  }
  return row;
}

export async function runExplorerBench(options: {
  root: string;
  build: boolean;
  table: Table;
  /** Only this edge mode (both by default). */
  edges?: 'pairs' | 'types';
}): Promise<void> {
  const { root, table } = options;
  console.log('\n## Explorer (Debian chromium, headless, software rendering)\n');
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);
    return;
  }
  if (options.build || !existsSync(join(root, 'dist', 'index.html'))) {
    process.stderr.write('bench: vite build …\n');
    // vite build alone: the typecheck is not part of what is measured.
    execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const sizes = [
    { actors: 500, relations: 2000 },
    { actors: 5000, relations: 20000 },
  ];
  for (const s of sizes) {
    const graph = syntheticGraph(s.actors, s.relations);
    writeFileSync(join(root, 'dist', `bench-${s.relations}.json`), JSON.stringify(graph));
  }
  const server: ChildProcess = spawn(
    join(root, 'node_modules', '.bin', 'vite'),
    ['preview', '--port', String(PORT), '--strictPort'],
    { cwd: root, stdio: 'ignore' },
  );
  const base = `http://localhost:${PORT}`;
  try {
    if (!(await waitForServer(base, 20_000))) {
      console.log(`skipped: vite preview did not answer on port ${PORT}.`);
      return;
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const rows: Array<Array<string | number>> = [];
      const notes: string[] = [];
      // Pairs: the default (one edge per actor pair); types: one edge per relation (the toggle,
      // and what the canvas drew before pairs existed).
      const modes = [
        { name: 'pairs', query: '' },
        { name: 'types', query: '&edges=types' },
      ].filter((mode) => !options.edges || mode.name === options.edges);
      for (const mode of modes) {
        const stepP95 = new Map<number, number>();
        for (const s of sizes) {
          const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
          await page.addInitScript(INIT_SCRIPT);
          process.stderr.write(
            `bench: explorer ${s.actors} actors / ${s.relations} relations, ${mode.name} …\n`,
          );
          const r = await measureGraph(
            page,
            base,
            `bench-${s.relations}.json`,
            s.relations,
            mode.query,
          );
          for (const k of ['note', 'slider', 'filter', 'play'])
            if (r[k]) notes.push(`${s.relations} relations, ${mode.name}: ${String(r[k])}`);
          const step = Number(r.sliderP95);
          const redraw = Number(r.redrawP95);
          stepP95.set(s.relations, step);
          const small = stepP95.get(sizes[0]?.relations ?? 0);
          const ratio = (x: number, y: number | undefined) =>
            Number.isFinite(x) && y !== undefined && Number.isFinite(y) && y > 0
              ? `${(x / y).toFixed(2)}×`
              : '–';
          rows.push([
            `${s.actors} / ${s.relations}`,
            mode.name,
            r.drawnEdges ?? '–',
            r.firstDraw ?? '–',
            r.longestTask ?? '–',
            r.redrawP95 ?? '–',
            `${r.sliderP50 ?? '–'} / ${r.sliderP95 ?? '–'}`,
            ratio(step, redraw),
            s === sizes[0] ? '–' : ratio(step, small),
            `${r.filterP50 ?? '–'} / ${r.filterP95 ?? '–'}`,
            `${r.playFps ?? '–'} / ${r.playWorstFrame ?? '–'}`,
          ]);
          await page.close();
        }
      }
      console.log(
        table(
          [
            'actors / relations',
            'edges',
            'drawn edges',
            'first draw ms',
            'longest task ms',
            'redraw p95 ms',
            'slider step p50 / p95 ms',
            'step ÷ redraw',
            'step ÷ 2,000 step',
            'filter toggle p50 / p95 ms',
            'play fps / worst frame ms',
          ],
          rows,
        ),
      );
      for (const n of notes) console.log(`note: ${n}`);
      console.log(
        '\nfirst draw: from navigation start until __cy holds every edge with a non-empty extent. slider: 50 one-step moves (ArrowRight ×25, ArrowLeft ×25) from keydown to the frame painted after the last class change. filter: 10 clicks on "State". redraw: 50 arrow-key pans of the canvas (no class change), keydown to the painted frame after the last render. step ÷ redraw: slider p95 over redraw p95 of the same canvas (target ≤ 2× at 2,000); step ÷ 2,000 step: slider p95 over the 2,000-relation p95 of the same mode (target ≤ 4× at 20,000). drawn edges: edges on the canvas at the fitted view after loading (above 3,000 edges the level of detail draws the strongest and one per actor; the tables list all). Targets: slider p95 < 16 ms at 2,000 and < 50 ms at 20,000 relations; first draw < 2 s at 2,000.',
      );
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}
