// @vitest-environment node
/**
 * The command line on every core and with its cache: the output is byte-identical to one
 * core without a cache (cold, warm, and after files are added or changed), a re-run reuses
 * what did not change, and a damaged or foreign cache pack or entry is ignored with a warning.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate';
import { GraphSchema } from '../../src/model/schema';

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
    const plain = run('plain.json', '--jobs', '1', '--no-cache', '--validate');
    const parallel = run('parallel.json', '--jobs', '2', '--no-cache');
    const cold = run('cold.json', '--jobs', '2', '--cache', cache);
    const warm = run('warm.json', '--jobs', '2', '--cache', cache);
    expect(parallel.json).toBe(plain.json);
    expect(cold.json).toBe(plain.json);
    expect(warm.json).toBe(plain.json);
    expect(cold.stderr).toMatch(/cache: 0 reused, 6 extracted/u);
    expect(warm.stderr).toMatch(/cache: 6 reused, 0 extracted/u);
    // Every article's evidence is copied from the last run's output: none changed its state.
    expect(warm.stderr).toMatch(/evidence: copied for 6 articles from the last run, made for 0/u);
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
    const [, kept = '', made = ''] =
      /evidence: copied for (\d+) articles from the last run, made for (\d+)/u.exec(again.stderr) ??
      [];
    expect(Number(kept)).toBeGreaterThanOrEqual(4);
    expect(Number(made)).toBeGreaterThanOrEqual(2);
    expect(again.json).toBe(run('again-plain.json', '--jobs', '1', '--no-cache').json);
  }, 300_000);

  it('ignores a corrupt or foreign cache entry with a warning, never trusts it', () => {
    const cache = join(tmp, 'cache2');
    const n = readdirSync(input).length;
    const first = run('first.json', '--jobs', '1', '--cache', cache);
    const pack = packOf(cache);
    const lines = readFileSync(pack, 'utf8').split('\n');
    const entries = lines.flatMap((l, i) => (l.startsWith('E ') ? [i] : []));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const [a = 0, b = 0] = entries;
    lines[a] = `${(lines[a] ?? '').slice(0, 67)}{ not json`;
    const entry = JSON.parse((lines[b] ?? '').slice(67)) as Record<string, unknown>;
    lines[b] =
      `${(lines[b] ?? '').slice(0, 67)}${JSON.stringify({ ...entry, kind: 'someone-else' })}`;
    writeFileSync(pack, lines.join('\n'));
    const second = run('second.json', '--jobs', '1', '--cache', cache);
    expect(second.stderr).toMatch(/cache warning: ignored a corrupt cache entry/u);
    expect(second.stderr).toMatch(/cache warning: ignored a foreign or damaged cache entry/u);
    expect(second.stderr).toMatch(new RegExp(`cache: ${n - 2} reused, 2 extracted`, 'u'));
    expect(second.json).toBe(first.json);
    // The two were extracted again and appended: the next run trusts the new lines.
    const third = run('third.json', '--jobs', '1', '--cache', cache);
    expect(third.stderr).not.toMatch(/cache warning/u);
    expect(third.stderr).toMatch(new RegExp(`cache: ${n} reused, 0 extracted`, 'u'));
    expect(third.json).toBe(first.json);
  }, 120_000);

  it('ignores a pack that is not ours, and a line cut short by a crash, with a warning', () => {
    const cache = join(tmp, 'cache3');
    const n = readdirSync(input).length;
    const first = run('p1.json', '--jobs', '1', '--cache', cache);
    const pack = packOf(cache);
    const good = readFileSync(pack, 'utf8');
    // Another program's file under our name: not one of its lines is trusted, and it is replaced.
    writeFileSync(pack, good.replace(/^[^\n]*/u, '{"kind":"someone-else"}'));
    const foreign = run('p2.json', '--jobs', '1', '--cache', cache);
    expect(foreign.stderr).toMatch(/cache warning: ignored a foreign or damaged cache file/u);
    expect(foreign.stderr).toMatch(new RegExp(`cache: 0 reused, ${n} extracted`, 'u'));
    expect(foreign.json).toBe(first.json);
    // Ours again, with a bulk file of its own (another id than the one it replaced).
    const header = (text: string) => JSON.parse(text.split('\n')[0] ?? '') as { bulk?: string };
    expect({ ...header(readFileSync(pack, 'utf8')), bulk: 'x' }).toEqual({
      ...header(good),
      bulk: 'x',
    });
    expect(header(readFileSync(pack, 'utf8')).bulk).not.toBe(header(good).bulk);
    // A run that died while appending leaves its last line cut: that entry is extracted again,
    // and what is appended after it starts on a line of its own.
    const cut = readFileSync(pack, 'utf8');
    writeFileSync(pack, cut.slice(0, cut.length - 40));
    const crashed = run('p3.json', '--jobs', '1', '--cache', cache);
    expect(crashed.stderr).toMatch(/cache warning: ignored a corrupt cache entry/u);
    expect(crashed.stderr).toMatch(new RegExp(`cache: ${n - 1} reused, 1 extracted`, 'u'));
    expect(crashed.json).toBe(first.json);
    const after = run('p4.json', '--jobs', '1', '--cache', cache);
    expect(after.stderr).not.toMatch(/cache warning/u);
    expect(after.stderr).toMatch(new RegExp(`cache: ${n} reused, 0 extracted`, 'u'));
  }, 180_000);
});

describe('an entry whose text or facts are damaged', () => {
  // Each kind of bulk line: the facts (F) and the text (T), read only when they are needed.
  it.each([
    ['facts', 'F', '{'],
    ['text', 'T', '1'],
  ])(
    'is found when its %s line is read, and the run starts again without it',
    (_, kind, junk) => {
      const cache = join(tmp, `cache4-${kind}`);
      const first = run('f1.json', '--jobs', '1', '--cache', cache);
      const bulk = join(dirname(packOf(cache)), 'bulk.jsonl');
      // Without the kept evidence and entries, every article's facts and text are read.
      for (const f of readdirSync(dirname(bulk)))
        if (f.startsWith('evidence-')) rmSync(join(dirname(bulk), f));
      const lines = readFileSync(bulk, 'utf8').split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${kind} `) && l.length > 80);
      expect(at).toBeGreaterThan(0);
      // The same length, so that nothing but decoding the line can tell.
      lines[at] = `${(lines[at] ?? '').slice(0, 67)}${junk}${(lines[at] ?? '').slice(68)}`;
      writeFileSync(bulk, lines.join('\n'));
      const second = run('f2.json', '--jobs', '1', '--cache', cache);
      expect(second.stderr).toMatch(
        /cache warning: ignored a damaged cache entry for \S+; the run starts again without it/u,
      );
      expect(second.stderr).toMatch(/cache: \d+ reused, 1 extracted/u);
      expect(second.json).toBe(first.json);
      const third = run('f3.json', '--jobs', '1', '--cache', cache);
      expect(third.stderr).not.toMatch(/cache warning/u);
      expect(third.json).toBe(first.json);
    },
    120_000,
  );

  it('ignores a pack whose bulk file is missing or another pack’s, with a warning', () => {
    const cache = join(tmp, 'cache5');
    const n = readdirSync(input).length;
    const first = run('b1.json', '--jobs', '1', '--cache', cache);
    const bulk = join(dirname(packOf(cache)), 'bulk.jsonl');
    const good = readFileSync(bulk);
    rmSync(bulk);
    const missing = run('b2.json', '--jobs', '1', '--cache', cache);
    expect(missing.stderr).toMatch(/cache warning: ignored the cache file \S+: its bulk\.jsonl/u);
    expect(missing.stderr).toMatch(new RegExp(`cache: 0 reused, ${n} extracted`, 'u'));
    expect(missing.json).toBe(first.json);
    // The bulk file of the pack before: its offsets would point at other lines.
    writeFileSync(bulk, good);
    const stale = run('b3.json', '--jobs', '1', '--cache', cache);
    expect(stale.stderr).toMatch(/its bulk\.jsonl is missing or not its own/u);
    expect(stale.json).toBe(first.json);
    const after = run('b4.json', '--jobs', '1', '--cache', cache);
    expect(after.stderr).not.toMatch(/cache warning/u);
    expect(after.stderr).toMatch(new RegExp(`cache: ${n} reused, 0 extracted`, 'u'));
    expect(after.json).toBe(first.json);
  }, 120_000);
});

function packOf(cache: string): string {
  const [version] = readdirSync(cache);
  return join(cache, version ?? '', 'pack.jsonl');
}

describe('a warm re-run after files are added or changed', () => {
  let dir = '';
  beforeAll(() => {
    dir = join(tmp, 'corpus');
    writeCorpus(dir, 150, 7);
    // Files older than the stamp's two seconds, as a folder of yesterday's articles is.
    const old = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), old, old);
  });

  function runOn(out: string, ...args: string[]) {
    const r = spawnSync(TSX, [CLI, '--input', dir, '--output', join(tmp, out), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    return { stderr: r.stderr, json: readFileSync(join(tmp, out), 'utf8') };
  }

  it('equals a plain one-core run byte for byte, extracting only what is new or changed', async () => {
    const cache = join(tmp, 'cache-grow');
    // The inode's change time is now (utimes sets it): wait until the stamps can be trusted.
    await new Promise((r) => setTimeout(r, 2_500));
    const cold = runOn('grow-cold.json', '--jobs', '2', '--cache', cache);
    expect(cold.stderr).toMatch(/cache: 0 reused, 150 extracted/u);
    const names = readdirSync(dir).sort();
    // +1 %: two new files, one of them a copy of an old one with a sentence more.
    const [firstName = ''] = names;
    const secondName =
      names.find((n) => n !== firstName && readFileSync(join(dir, n), 'utf8').includes('Mali')) ??
      '';
    writeFileSync(
      join(dir, `zz-new-${firstName}`),
      readFileSync(join(dir, firstName), 'utf8') + '\nMali and Niger signed an accord on Monday.\n',
    );
    writeFileSync(
      join(dir, 'zz-new-2.txt'),
      'Niger and Chad held talks in Niamey on 3 May 2024.\n',
    );
    // A changed file that keeps its size and its modification time: its stamp still differs
    // (the inode's change time moved), so it is read, hashed and extracted again.
    const path = join(dir, secondName);
    const before = statSync(path);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('Mali', 'Chad'));
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(text).toContain('Mali');

    const warm = runOn('grow-warm.json', '--cache', cache, '--validate');
    const plain = runOn('grow-plain.json', '--jobs', '1', '--no-cache');
    expect(warm.stderr).toMatch(
      /cache: 149 reused, 3 extracted \(149 known by size, times and inode/u,
    );
    expect(warm.json).toBe(plain.json);
    expect(GraphSchema.safeParse(JSON.parse(plain.json)).success).toBe(true);
    // --rehash reads and hashes every file, and finds the same.
    const rehashed = runOn('grow-rehash.json', '--cache', cache, '--rehash');
    expect(rehashed.stderr).toMatch(/cache: 152 reused, 0 extracted \(0 known/u);
    expect(rehashed.json).toBe(plain.json);
  }, 400_000);
});
