// @vitest-environment node
/**
 * A 20 MB article through the command line, generated into a temporary folder (never
 * committed): it finishes, its peak memory stays bounded (the CLI reports its peak RSS when
 * ATLAS_REPORT_MEMORY is set), and every sentence-level step is linear.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/schema';
import { writeBigFixtures } from '../../scripts/make-bad-fixtures';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'atlas-robust-big-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Generous: the machine may be shared. The figure is printed, not asserted tightly. */
const MAX_SECONDS = 150;
const MAX_RSS_MB = 1536;

function runCli(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'src/cli/preprocess.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ATLAS_REPORT_MEMORY: '1' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stderr }));
  });
}

describe('a 20 MB article', () => {
  it(
    'is read in bounded memory and time',
    async () => {
      const input = join(tmp, 'in');
      writeBigFixtures(input);
      const out = join(tmp, 'big.json');
      const started = performance.now();
      const r = await runCli(['--input', input, '--output', out, '-q']);
      const seconds = (performance.now() - started) / 1000;
      expect(r.status, r.stderr).toBe(0);
      const rss = Number(/peak rss (\d+) MB/u.exec(r.stderr)?.[1]);
      console.info(`20 MB article: ${seconds.toFixed(1)} s, peak RSS ${rss} MB`);
      expect(rss).toBeGreaterThan(0);
      expect(rss).toBeLessThan(MAX_RSS_MB);
      expect(seconds).toBeLessThan(MAX_SECONDS);

      const parsed = parseGraph(JSON.parse(readFileSync(out, 'utf8')));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const big = parsed.graph.articles.find((a) => a.file === 'big-20mb.txt');
      expect(big?.text.length).toBeGreaterThan(19_000_000);
      const pact = parsed.graph.relations.find(
        (rel) => rel.id === 'mli--alliance--cooperative--rus',
      );
      // One piece of evidence per paragraph that states it (every 5th of ~200,000), once each.
      expect(pact?.evidence.length).toBeGreaterThan(30_000);
      const starts = new Set(pact?.evidence.map((e) => `${e.articleId}@${e.start}`));
      expect(starts.size).toBe(pact?.evidence.length);
    },
    (MAX_SECONDS + 60) * 1000,
  );
});
