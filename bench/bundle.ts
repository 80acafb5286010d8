/** The built bundle: every chunk in dist/assets with its raw and gzip size. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type Table = (head: string[], rows: Array<Array<string | number>>) => string;

export function reportBundle(root: string, table: Table): void {
  console.log('\n## Bundle (dist/assets, gzip level 9 with node:zlib)\n');
  const dir = join(root, 'dist', 'assets');
  if (!existsSync(dir)) {
    console.log('skipped: no dist/assets — run `npm run build` first.');
    return;
  }
  const index = existsSync(join(root, 'dist', 'index.html'))
    ? readFileSync(join(root, 'dist', 'index.html'), 'utf8')
    : '';
  const rows = readdirSync(dir)
    .filter((f) => /\.(?:js|css)$/u.test(f))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const entry = index.includes(`assets/${f}`);
      return { f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length, entry };
    })
    .sort((a, b) => Number(b.entry) - Number(a.entry) || b.gz - a.gz);
  console.log(
    table(
      ['chunk', 'loaded at start', 'raw kB', 'gzip kB'],
      rows.map((r) => [
        r.f,
        r.entry ? 'yes' : 'lazy',
        (r.raw / 1024).toFixed(1),
        (r.gz / 1024).toFixed(1),
      ]),
    ),
  );
  const initial = rows.filter((r) => r.entry && r.f.endsWith('.js')).reduce((n, r) => n + r.gz, 0);
  console.log(`\nmain bundle (JS loaded by index.html): ${(initial / 1024).toFixed(1)} kB gzip`);
}
