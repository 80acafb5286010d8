// @vitest-environment node
/**
 * The command line on every core and with its cache: the output is byte-identical to one
 * core without a cache, a re-run reuses what did not change, and a damaged or foreign cache
 * entry is ignored with a warning.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/preprocess.ts');

let tmp = '';
let input = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-cli-cache-'));
  input = join(tmp, 'in');
  spawnSync('mkdir', ['-p', input]);
  for (const name of readdirSync(join(ROOT, 'seeds')))
    copyFileSync(join(ROOT, 'seeds', name), join(input, name));
  copyFileSync(
    join(ROOT, 'tests/fixtures/formats/saved-page.html'),
    join(input, 'saved-page.html'),
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(out: string, ...args: string[]) {
  const r = spawnSync(TSX, [CLI, '--input', input, '--output', join(tmp, out), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return { stderr: r.stderr, json: readFileSync(join(tmp, out), 'utf8') };
}

describe('parallel and cached runs', () => {
  it('equal a plain one-core run byte for byte', () => {
    const cache = join(tmp, 'cache');
    const plain = run('plain.json', '--jobs', '1', '--no-cache');
    const parallel = run('parallel.json', '--jobs', '2', '--no-cache');
    const cold = run('cold.json', '--jobs', '2', '--cache', cache);
    const warm = run('warm.json', '--jobs', '2', '--cache', cache);
    expect(parallel.json).toBe(plain.json);
    expect(cold.json).toBe(plain.json);
    expect(warm.json).toBe(plain.json);
    expect(cold.stderr).toMatch(/cache: 0 reused, 6 extracted/u);
    expect(warm.stderr).toMatch(/cache: 6 reused, 0 extracted/u);
    expect(JSON.parse(plain.json).articles).toHaveLength(6);

    // One file changed and one added: only those two are extracted again.
    writeFileSync(
      join(input, 'zz-new.txt'),
      'Mali and Niger signed a defence pact on 3 May 2024.\n',
    );
    writeFileSync(
      join(input, 'saved-page.html'),
      readFileSync(join(input, 'saved-page.html'), 'utf8').replace('cordial', 'warm'),
    );
    const again = run('again.json', '--jobs', '2', '--cache', cache);
    expect(again.stderr).toMatch(/cache: 5 reused, 2 extracted/u);
    expect(again.json).toBe(run('again-plain.json', '--jobs', '1', '--no-cache').json);
  }, 300_000);

  it('ignores a corrupt or foreign cache entry with a warning, never trusts it', () => {
    const cache = join(tmp, 'cache2');
    const first = run('first.json', '--jobs', '1', '--cache', cache);
    const entries = spawnSync('find', [cache, '-name', '*.json'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(entries.length).toBeGreaterThanOrEqual(2);
    writeFileSync(entries[0] ?? '', '{ not json');
    const entry = JSON.parse(readFileSync(entries[1] ?? '', 'utf8')) as Record<string, unknown>;
    writeFileSync(entries[1] ?? '', JSON.stringify({ ...entry, kind: 'someone-else' }));
    const second = run('second.json', '--jobs', '1', '--cache', cache);
    expect(second.stderr).toMatch(/cache warning: ignored a corrupt cache entry/u);
    expect(second.stderr).toMatch(/cache warning: ignored a foreign or damaged cache entry/u);
    expect(second.json).toBe(first.json);
  }, 120_000);
});
