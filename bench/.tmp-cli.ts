import { join, resolve } from 'node:path';
import { writeCorpus } from './generate';
import { benchCli } from './cli';
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const n = Number(process.argv[2] ?? 10000);
const dir = join(OUT, `corpus-${n}`);
writeCorpus(dir, n);
console.log(JSON.stringify(benchCli(ROOT, OUT, dir)));
