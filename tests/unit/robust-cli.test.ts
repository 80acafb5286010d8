// @vitest-environment node
/**
 * The command line on bad input: never a crash or a stack trace, every input file accounted
 * for, a one-line error and a non-zero exit for a user's mistake.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseGraph } from '../../src/model/schema';
import { smallArticle, runWithoutEnd } from '../../scripts/make-bad-fixtures';

// Each case starts a whole CLI process; on a shared 2-core machine that can take tens of seconds.
vi.setConfig({ testTimeout: 180_000 });

const ROOT = join(import.meta.dirname, '../..');
const BAD = join(ROOT, 'tests/fixtures/bad');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/preprocess.ts');

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-robust-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** A user's mistake: exit 1, one line on stderr naming the problem, no stack frames. */
function expectOneLineError(r: ReturnType<typeof run>, pattern: RegExp) {
  expect(r.status).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s+at /mu);
}

describe('a user mistake gets one line and a non-zero exit', () => {
  it('a missing input folder', () => {
    expectOneLineError(
      run('--input', join(tmp, 'no such folder'), '--output', join(tmp, 'g.json')),
      /^preprocess: cannot read input folder .*no such folder: it does not exist$/u,
    );
  });

  it('an input that is a file', () => {
    expectOneLineError(
      run('--input', join(BAD, 'crlf.txt'), '--output', join(tmp, 'g.json')),
      /^preprocess: input .*crlf\.txt is not a folder$/u,
    );
  });

  it('an output that is a folder, leaving no temporary file', () => {
    const out = join(tmp, 'out-dir');
    mkdirSync(out);
    expectOneLineError(
      run('--input', BAD, '--output', out, '-q'),
      /^preprocess: cannot write output .*out-dir \(E[A-Z]+\)$/u,
    );
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('an output under a file', () => {
    const file = join(tmp, 'plain-file');
    writeFileSync(file, 'x');
    expectOneLineError(
      run('--input', BAD, '--output', join(file, 'graph.json'), '-q'),
      /^preprocess: cannot write output .*plain-file\/graph\.json \(E[A-Z]+\)$/u,
    );
  });

  it.skipIf(process.getuid?.() === 0)('an output folder without write permission', () => {
    const locked = join(tmp, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expectOneLineError(
      run('--input', BAD, '--output', join(locked, 'graph.json'), '-q'),
      /^preprocess: cannot write output .*locked\/graph\.json \(EACCES\)$/u,
    );
    chmodSync(locked, 0o700);
  });

  it('an unknown option or a flag without its value', () => {
    expectOneLineError(run('--inptu', BAD), /^preprocess: unknown option --inptu/u);
    expectOneLineError(run('--input'), /^preprocess: --input needs a value$/u);
  });
});

describe('every input file is accounted for', () => {
  it('in graph.articles[].file or graph.diagnostics[].file, and the CLI exits 0', () => {
    const dir = join(tmp, 'all bad');
    mkdirSync(dir);
    for (const name of readdirSync(BAD).filter((n) => !n.startsWith('.')))
      copyFileSync(join(BAD, name), join(dir, name));
    writeFileSync(join(dir, 'run-100k.txt'), runWithoutEnd());
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `many-${i}.txt`), smallArticle(i));
    mkdirSync(join(dir, 'a sub-folder'));
    const out = join(tmp, 'all.json');

    const r = run('--input', dir, '--output', out, '-q');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/^\s+at /mu);
    expect(r.stderr.trim().split('\n').pop()).toMatch(/^\d+ articles, .* → /u);
    expect(existsSync(out)).toBe(true);

    const parsed = parseGraph(JSON.parse(readFileSync(out, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const named = new Set([
      ...parsed.graph.articles.map((a) => a.file),
      ...parsed.graph.diagnostics.map((d) => d.file),
    ]);
    const inputs = readdirSync(dir);
    expect(inputs.length).toBeGreaterThan(320);
    expect(inputs.filter((name) => !named.has(name))).toEqual([]);
    expect(parsed.graph.diagnostics).toContainEqual({
      file: 'a sub-folder',
      level: 'info',
      message: 'skipped: a folder (sub-folders are not read)',
    });
  });
});
