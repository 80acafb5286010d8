// @vitest-environment node
/**
 * Every change to the pipeline's code is a new cache version, and each version's pack holds
 * the whole corpus: a cache folder keeps the three most recently used versions, never a folder
 * that is not one of ours.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractionCache, KEEP_VERSIONS } from '../../src/cli/cache';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeVersion(name: string, usedSecondsAgo: number): void {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, 'pack.jsonl'), '{}\n');
  const at = new Date(Date.now() - usedSecondsAgo * 1000);
  utimesSync(join(dir, name), at, at);
}

describe('cache versions', () => {
  it('keeps the most recently used versions and nothing else of ours', () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-prune-'));
    fakeVersion('aaaaaaaaaaaaaaaa', 500);
    fakeVersion('bbbbbbbbbbbbbbbb', 400);
    fakeVersion('cccccccccccccccc', 300);
    fakeVersion('dddddddddddddddd', 200);
    mkdirSync(join(dir, 'notes'));
    const cache = new ExtractionCache(dir, 'eeeeeeeeeeeeeeee');
    cache.put('f'.repeat(64), { file: 'a.txt', diagnostics: [], record: null, orgs: [] });
    cache.save();
    expect(KEEP_VERSIONS).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([
      'cccccccccccccccc',
      'dddddddddddddddd',
      'eeeeeeeeeeeeeeee',
      'notes',
    ]);
    // A run of an older version marks it used: the least recently used goes instead.
    new ExtractionCache(dir, 'cccccccccccccccc').save();
    new ExtractionCache(dir, 'ffffffffffffffff').save();
    expect(existsSync(join(dir, 'dddddddddddddddd'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['cccccccccccccccc', 'eeeeeeeeeeeeeeee', 'notes']);
  });
});
