/**
 * The extraction cache: one JSON file per (file name, file content, pipeline version), so a
 * re-run extracts only new or changed files. The version hashes the pipeline's and the format
 * readers' source, its dictionaries and lexicon (src/pipeline/data), and the versions of the
 * format libraries: any change to any of them is a different key, never a stale hit. An entry
 * that does not parse or is not ours is ignored with a warning and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleExtraction } from '../pipeline';

const KIND = 'alliance-atlas/extraction-cache';
const FORMAT = 1;
export const DEFAULT_CACHE_DIR = '.cache/preprocess';

/** Every source file that decides what an extraction holds, hashed into one version. */
export function pipelineVersion(): string {
  const h = createHash('sha256');
  h.update(`${KIND}:${FORMAT}\n`);
  const src = new URL('..', import.meta.url);
  for (const folder of ['pipeline', 'pipeline/data', 'formats', 'cli']) {
    const dir = new URL(`${folder}/`, src);
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ts|json)$/u.test(name)) continue;
      h.update(`${folder}/${name}\n`);
      h.update(readFileSync(new URL(name, dir)));
    }
  }
  for (const pkg of ['linkedom', '@mozilla/readability', 'pdfjs-dist', 'mammoth', 'chrono-node'])
    h.update(`${pkg}@${packageVersion(pkg)}\n`);
  return h.digest('hex').slice(0, 16);
}

function packageVersion(name: string): string {
  try {
    const json = readFileSync(
      new URL(`../../node_modules/${name}/package.json`, import.meta.url),
      'utf8',
    );
    return String((JSON.parse(json) as { version?: unknown }).version ?? '?');
  } catch {
    return '?';
  }
}

export class ExtractionCache {
  hits = 0;
  misses = 0;
  readonly warnings: string[] = [];
  private readonly root: string;

  constructor(
    dir: string,
    private readonly version: string,
  ) {
    this.root = join(dir, version);
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(file)
      .update('\0')
      .update(bytes)
      .digest('hex');
  }

  private pathOf(key: string): string {
    return join(this.root, key.slice(0, 2), `${key}.json`);
  }

  /** The cached extraction, or null (a miss, or an entry that cannot be trusted). */
  get(key: string, file: string): ArticleExtraction | null {
    let text: string;
    try {
      text = readFileSync(this.pathOf(key), 'utf8');
    } catch {
      this.misses++;
      return null;
    }
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      this.warn(`ignored a corrupt cache entry for ${file} (not JSON); it is extracted again`);
      return null;
    }
    const e = entry as { kind?: unknown; version?: unknown; key?: unknown; extraction?: unknown };
    const x = e.extraction as Partial<ArticleExtraction> | undefined;
    if (
      e.kind !== KIND ||
      e.version !== this.version ||
      e.key !== key ||
      !x ||
      x.file !== file ||
      !Array.isArray(x.diagnostics) ||
      !Array.isArray(x.orgs) ||
      (x.record !== null && typeof x.record !== 'object')
    ) {
      this.warn(`ignored a foreign or damaged cache entry for ${file}; it is extracted again`);
      return null;
    }
    this.hits++;
    return x as ArticleExtraction;
  }

  put(key: string, extraction: ArticleExtraction): void {
    const path = this.pathOf(key);
    const tmp = `${path}.tmp-${process.pid}`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ kind: KIND, version: this.version, key, extraction }));
      renameSync(tmp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      this.misses--;
      this.warn(`cannot write the cache under ${this.root} (${code}); the run goes on without it`);
    }
  }

  private warn(message: string): void {
    this.misses++;
    if (this.warnings.length < 20) this.warnings.push(message);
    else if (this.warnings.length === 20) this.warnings.push('… more cache warnings left out');
  }
}
