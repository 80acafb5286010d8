// Writes src/graph/countryPositions.json: the latitude and longitude of every country in the
// world-countries dataset by lower-case cca3 code (the pipeline's state ids), so the Map
// layout needs a few kB instead of the whole 1.4 MB dataset. Run after upgrading the dataset.
import { writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { createRequire } from 'node:module';

const countries = createRequire(import.meta.url)('world-countries');

const positions = Object.fromEntries(
  countries
    .map((c) => [c.cca3.toLowerCase(), c.latlng.map((v) => Math.round(v * 10) / 10)])
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(
  new URL('../src/graph/countryPositions.json', import.meta.url),
  JSON.stringify(positions) + '\n',
);
