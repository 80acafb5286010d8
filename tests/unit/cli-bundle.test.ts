// @vitest-environment node
/**
 * `npm run preprocess` runs the command line from an esbuild bundle (scripts/cli.mjs): its
 * output, in this thread and on worker threads, is byte-identical to the source run through
 * tsx, and an edit to any file the bundle was built from gives a new bundle, never a stale one.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const LAUNCHER = join(ROOT, 'scripts/cli.mjs');

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-cli-bundle-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function node(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('the bundled command line', () => {
  it('writes the same bytes as the source, on one thread and on two workers', () => {
    const out = (name: string) => join(tmp, name);
    const args = ['--input', join(ROOT, 'seeds'), '--no-cache', '--quiet'];
    node([
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'src/cli/preprocess.ts',
      ...args,
      '--output',
      out('source.json'),
    ]);
    node([LAUNCHER, ...args, '--output', out('bundle.json'), '--jobs', '1']);
    node([LAUNCHER, ...args, '--output', out('workers.json'), '--jobs', '2']);
    const source = readFileSync(out('source.json'), 'utf8');
    expect(JSON.parse(source).relations.length).toBeGreaterThan(20);
    expect(readFileSync(out('bundle.json'), 'utf8')).toBe(source);
    expect(readFileSync(out('workers.json'), 'utf8')).toBe(source);
    // The extraction cache is keyed by the same pipeline version from either.
    const cache = out('cache');
    node([
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'src/cli/preprocess.ts',
      ...args.slice(0, 2),
      '--cache',
      cache,
      '--output',
      out('a.json'),
    ]);
    const warm = node([LAUNCHER, ...args.slice(0, 2), '--cache', cache, '--output', out('b.json')]);
    expect(warm.stderr).toMatch(/cache: 5 reused, 0 extracted/u);
  });

  it('is built again when any file it was built from changes', () => {
    // A repository of three files, with the real launcher and node_modules.
    const repo = join(tmp, 'repo');
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    mkdirSync(join(repo, 'src/cli'), { recursive: true });
    copyFileSync(LAUNCHER, join(repo, 'scripts/cli.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(repo, 'src/cli/preprocess.ts'),
      "import { word } from './word';\nconsole.log(`${word} ${String(__ATLAS_ROOT__)}`);\ndeclare const __ATLAS_ROOT__: string;\n",
    );
    writeFileSync(join(repo, 'src/cli/extract-worker.ts'), 'export {};\n');
    const say = (text: string) =>
      writeFileSync(join(repo, 'src/cli/word.ts'), `export const word = '${text}';\n`);
    const run = () => node([join(repo, 'scripts/cli.mjs')], repo).stdout.trim();
    const bundles = () =>
      readdirSync(join(repo, '.cache/cli')).filter((d) => /^[0-9a-f]{16}$/u.test(d));

    say('one');
    expect(run()).toBe('one ../../../');
    expect(bundles()).toHaveLength(1);
    // The bundled npm package (chrono-node) by its package.json: another version, another bundle.
    expect(JSON.parse(readFileSync(join(repo, '.cache/cli/inputs.json'), 'utf8'))).toEqual([
      'node_modules/chrono-node/package.json',
      'src/cli/extract-worker.ts',
      'src/cli/preprocess.ts',
      'src/cli/word.ts',
    ]);
    expect(run()).toBe('one ../../../');
    expect(bundles()).toHaveLength(1);
    say('two');
    expect(run()).toBe('two ../../../');
    expect(bundles()).toHaveLength(2);
    // Back to the first content: its bundle is still there and used again.
    say('one');
    expect(run()).toBe('one ../../../');
    expect(bundles()).toHaveLength(2);
  });
});
