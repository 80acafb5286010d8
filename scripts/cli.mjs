#!/usr/bin/env node
// `npm run preprocess`: runs the command line (src/cli/preprocess.ts) from a bundle made by
// esbuild, in plain node. Run from source through tsx, every start pays for tsx's loader hooks
// over chrono-node's few hundred modules (~1 s here, ~2 s in each worker thread); a bundle of
// our own code, with the npm packages left to node, starts in a fraction of that.
//
// The bundle sits in .cache/cli/<hash>/, where the hash is that of every source file it was
// built from (esbuild's list of inputs, kept in .cache/cli/inputs.json): any edit to any of
// them gives another hash and a new build (~0.3 s), never a stale bundle. Bundles are written
// to a temporary folder and renamed into place, so two runs at once cannot see half of one.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache/cli');
const INPUTS = join(CACHE, 'inputs.json');
const ENTRIES = {
  preprocess: 'src/cli/preprocess.ts',
  'extract-worker': 'src/cli/extract-worker.ts',
};
/** Old bundles kept besides the one in use (a checkout switched back and forth reuses them). */
const KEEP = 4;
/** npm packages bundled with our code (see `build`); the rest are loaded by node. */
const BUNDLED = ['chrono-node'];

/** An esbuild plugin: every bare import is left to node but those of `bundled` packages. */
function npmExternalBut(bundled) {
  return {
    name: 'npm-external-but',
    setup(b) {
      // Go regular expressions (esbuild), which know no flags.
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        bundled.some((p) => args.path === p || args.path.startsWith(`${p}/`))
          ? undefined
          : { path: args.path, external: true },
      );
    },
  };
}

/** The hash of these files' contents (and of this script), or null when one is missing. */
function hashOf(files) {
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of [...files].sort()) {
    let bytes;
    try {
      bytes = readFileSync(join(ROOT, file));
    } catch {
      return null;
    }
    h.update(`\0${file}\0`);
    h.update(bytes);
  }
  return h.digest('hex').slice(0, 16);
}

function knownInputs() {
  try {
    const list = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return Array.isArray(list) && list.every((f) => typeof f === 'string') ? list : null;
  } catch {
    return null;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // npm packages stay where npm put them, node loads them (wink, pdf.js…), but for those
    // bundled in: chrono-node is a few hundred small modules, ~150 ms of every start (and of
    // every worker's) when node loads them one by one, ~35 ms as part of the bundle.
    plugins: [npmExternalBut(BUNDLED)],
    outdir: 'out',
    // Code loaded by dynamic import (the HTML, PDF and docx readers and their libraries) in
    // chunks of its own: a run over plain text never loads linkedom (~0.1 s of every start).
    splitting: true,
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    // Beside the bundle, read only when node runs with --enable-source-maps.
    sourcemap: true,
    logLevel: 'warning',
    // The source reads its own files relative to itself (the cache version): from here the
    // repository root is three folders up instead of two.
    define: { __ATLAS_ROOT__: JSON.stringify('../../../') },
  });
  // A bundled package is named by its package.json, so that another version of it (npm
  // install) gives another hash, not the old copy.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')),
    ...BUNDLED.map((p) => `node_modules/${p}/package.json`),
  ];
  const hash = hashOf(inputs);
  if (!hash) throw new Error('a source file vanished during the build');
  const dir = join(CACHE, hash);
  if (!existsSync(join(dir, 'preprocess.js'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    for (const file of result.outputFiles)
      writeFileSync(join(tmp, file.path.slice(file.path.lastIndexOf('/') + 1)), file.contents);
    try {
      renameSync(tmp, dir);
    } catch {
      // Another run put the same bundle there first.
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const tmpList = `${INPUTS}.tmp-${process.pid}`;
  writeFileSync(tmpList, JSON.stringify(inputs.sort()));
  renameSync(tmpList, INPUTS);
  prune(hash);
  return dir;
}

function prune(current) {
  const dirs = readdirSync(CACHE)
    .filter((d) => /^[0-9a-f]{16}$/u.test(d) && d !== current)
    .map((d) => ({ d, at: statSync(join(CACHE, d)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { d } of dirs.slice(KEEP)) rmSync(join(CACHE, d), { recursive: true, force: true });
}

export async function bundleDir() {
  const inputs = knownInputs();
  const hash = inputs && hashOf(inputs);
  if (hash && existsSync(join(CACHE, hash, 'preprocess.js'))) return join(CACHE, hash);
  mkdirSync(CACHE, { recursive: true });
  return build();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = await bundleDir();
  await import(pathToFileURL(join(dir, 'preprocess.js')).href);
}
