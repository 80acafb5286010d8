/**
 * A deterministic generator of news-like corpora for the benchmark: articles of 15–30
 * sentences drawn from varied patterns, actor names the dictionary knows (states, blocs,
 * armed groups, leaders, capitals, unknown organisations), calendar and relative dates.
 * Most articles carry a ' date YYYY-MM-DD Outlet' header; about one in eight has none, and
 * those often report an event that a dated article also reports, so date inference has work.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so the same seed always gives the same corpus. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = [
  'Mali',
  'Burkina Faso',
  'Niger',
  'Chad',
  'Senegal',
  'Nigeria',
  'Algeria',
  'Morocco',
  'Guinea',
  'Ghana',
  'Mauritania',
  'Togo',
  'Benin',
  'Libya',
  'Sudan',
  'Cameroon',
];
const POWERS = [
  'Russia',
  'France',
  'the United States',
  'China',
  'Turkey',
  'Ukraine',
  'Germany',
  'Iran',
  'India',
  'Italy',
];
const BLOCS = [
  'ECOWAS',
  'the African Union',
  'the Alliance of Sahel States',
  'the European Union',
  'the United Nations',
];
const GROUPS = ['JNIM', 'the Wagner Group', 'Africa Corps', 'ISWAP', 'Boko Haram', 'AQIM'];
const LEADERS = [
  'Vladimir Putin',
  'Assimi Goita',
  'Ibrahim Traoré',
  'Abdourahamane Tchiani',
  'Emmanuel Macron',
  'Sergey Lavrov',
  'Bola Tinubu',
  'Abdelmadjid Tebboune',
];
const CAPITALS = ['Bamako', 'Moscow', 'Paris', 'Niamey', 'Ouagadougou', 'Abuja', 'Dakar'];
const PLACES = ['Gao', 'Timbuktu', 'Kidal', 'Menaka', 'Djibo', 'Tillaberi', 'Mopti', 'Diffa'];
const ORG_NAMES = [
  'Sahel Peace Network',
  'Dakar Policy Institute',
  'West African Security Observatory',
  'Bamako Civic Coalition',
  'Niger Delta Research Centre',
  'Pan African Lawyers Association',
];
const OUTLETS = ['Sahel Wire', 'Reuters', 'Africa Daily', 'Left Menu', 'The Observer', 'RFI'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RELATIVE = [
  'last week',
  'last year',
  'two years ago',
  'earlier this month',
  'last month',
  'yesterday',
  'on Tuesday',
  'on Friday',
  'in July',
  'in 2022',
  'since 2021',
];

const ACTOR_PATTERNS: string[] = [
  '{S} and {P} signed a security agreement in {CAP} on {DAY}.',
  '{P} pledged to supply weapons and train troops for {S}, officials said.',
  '{S} accused {P} of backing armed groups in the north.',
  'Fighters from {G} attacked army positions held by {S} near {PLACE} {REL}.',
  '{L} met the foreign minister of {S} in {CAP} on {WEEKDAY} to discuss energy cooperation.',
  '{S} cut diplomatic ties with {P} {REL}, citing interference.',
  '{S} expelled the ambassador of {P} in {MONTH} {YEAR}.',
  'The strategic partnership between {S} and {P} has deepened since {YEAR}.',
  '{B} condemned the attack by {G} on a convoy near {PLACE}.',
  '{S} withdrew from {B} in {YEAR}, after months of sanctions.',
  '{S2} and {S} held talks on {WEEKDAY} about the fight against terrorism.',
  '{P} deployed troops to {S} in {MONTH}, according to a statement.',
  '{G} claimed responsibility for the ambush that killed soldiers from {S}.',
  'Analysts at the {ORG} criticised {S} for its reliance on {G}.',
  '{S} is a member of {B} and a close ally of {P}.',
  '{B} imposed sanctions on {S} {REL}.',
  '{P} announced new investment in mining projects in {S}.',
  'In {CAP}, officials from {S} welcomed a delegation from {P} on {DAY}.',
  '{S} and {S2} agreed to form a joint force against {G}.',
  'Officials in {CAP} said {G} had blockaded roads into {PLACE} for weeks.',
];
const FILLER: string[] = [
  'Prices of fuel and food have risen sharply in recent months.',
  'Thousands of people have fled their homes since the violence began.',
  'The situation remains tense, residents told reporters.',
  'Officials did not respond to requests for comment.',
  'Schools in the area have been closed for weeks.',
  'The road linking the two towns is often cut by floods in the rainy season.',
  'Markets reopened {REL} after a long pause.',
  'Farmers say rainfall was poor this season and harvests will be small.',
  '"We will not bow to pressure," a spokesman said at a press conference.',
  'Humanitarian workers describe shortages of medicine and clean water.',
  'The curfew was lifted on {DAY}, local radio reported.',
  'Electricity cuts now last up to twenty hours a day in some districts.',
  'Young men in the region face few prospects beyond farming and herding.',
  'A government spokesman said more details would follow.',
  'The population of the region has doubled in two decades.',
];
const TITLES = [
  '{S} and {P} deepen ties amid regional tensions',
  'Attack near {PLACE} raises fears for {S}',
  '{S} turns to {P} as Western partners step back',
  'Talks in {CAP} end without agreement',
  '{B} weighs response to crisis in {S}',
];

export interface GeneratedArticle {
  file: string;
  text: string;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fill(rand: () => number, pattern: string, refYear: number): string {
  const s = pick(rand, STATES);
  let s2 = pick(rand, STATES);
  if (s2 === s) s2 = STATES[(STATES.indexOf(s) + 1) % STATES.length] ?? 'Mali';
  const capFirst = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const out = pattern
    .replace(/\{S\}/g, s)
    .replace(/\{S2\}/g, s2)
    .replace(/\{P\}/g, pick(rand, POWERS))
    .replace(/\{B\}/g, pick(rand, BLOCS))
    .replace(/\{G\}/g, pick(rand, GROUPS))
    .replace(/\{L\}/g, pick(rand, LEADERS))
    .replace(/\{CAP\}/g, pick(rand, CAPITALS))
    .replace(/\{PLACE\}/g, pick(rand, PLACES))
    .replace(/\{ORG\}/g, pick(rand, ORG_NAMES))
    .replace(/\{REL\}/g, pick(rand, RELATIVE))
    .replace(/\{WEEKDAY\}/g, pick(rand, WEEKDAYS))
    .replace(/\{MONTH\}/g, pick(rand, MONTHS))
    .replace(/\{YEAR\}/g, String(refYear - 1 - Math.floor(rand() * 6)))
    .replace(/\{DAY\}/g, () => {
      const m = pick(rand, MONTHS);
      const d = 1 + Math.floor(rand() * 28);
      return rand() < 0.5 ? `${m} ${d}, ${refYear}` : `${d} ${m} ${refYear}`;
    });
  return capFirst(out);
}

/** One article; `index` and `seed` fix its content. */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  const rand = createRandom(seed * 1_000_003 + index);
  const year = 2022 + Math.floor(rand() * 4);
  const published = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  const dated = rand() >= 0.12;
  const sentences = 15 + Math.floor(rand() * 16);
  const body: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const pattern = rand() < 0.55 ? pick(rand, ACTOR_PATTERNS) : pick(rand, FILLER);
    paragraph.push(fill(rand, pattern, year));
    if (paragraph.length >= 2 + Math.floor(rand() * 3)) {
      body.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) body.push(paragraph.join(' '));
  const title = fill(rand, pick(rand, TITLES), year);
  const header = dated ? ` date ${published} ${pick(rand, OUTLETS)}\n\n` : '';
  return {
    file: `article-${String(index).padStart(5, '0')}.txt`,
    text: `${header}${title}\n\n${body.join('\n\n')}\n`,
  };
}

/** Writes `count` articles into `dir` (emptied first) and returns the total size in bytes. */
export function writeCorpus(dir: string, count: number, seed = 42): number {
  if (existsSync(dir)) for (const f of readdirSync(dir)) rmSync(join(dir, f));
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const a = generateArticle(seed, i);
    writeFileSync(join(dir, a.file), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  return bytes;
}
