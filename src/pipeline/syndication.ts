/**
 * Independent sources: the same wire story printed by several outlets (other header and
 * footer, a sentence trimmed or reworded) is one source, not several. The last stage of
 * `finish` (./build): articles are grouped by near-duplicate text, `articles[].copyOf` names
 * the first article of each group and `relations[].independentSources` counts groups.
 *
 * Near-duplicates are found the usual way: word 5-gram shingles, a MinHash signature per
 * article, locality-sensitive hashing into bands to find candidate pairs, and the exact
 * Jaccard similarity of the shingle sets to confirm each candidate. No npm package for this
 * is maintained for the browser and Node alike, so this is a small implementation; it is
 * deterministic (fixed hash seeds, no randomness).
 */
import type { Article } from '../model/schema';

/** Words per shingle. */
export const SHINGLE_SIZE = 5;
/** Bands × rows = the signature length. 24 bands of 4 rows find pairs with Jaccard ≥ 0.5 almost surely. */
const BANDS = 24;
const ROWS = 4;
/** Two articles are one story when their shingle sets overlap at least this much (Jaccard). */
export const COPY_THRESHOLD = 0.5;
/** Words read per article: enough for any news story, bounded for giant inputs. */
const MAX_WORDS = 20000;

/** The hashed word 5-grams of a text (lower-cased letters and digits; punctuation ignored). */
export function shingles(text: string): Set<number> {
  const words: string[] = [];
  const lower = text.toLowerCase();
  SHINGLE_WORD.lastIndex = 0;
  for (let m = SHINGLE_WORD.exec(lower); m !== null; m = SHINGLE_WORD.exec(lower)) {
    words.push(m[0]);
    if (words.length >= MAX_WORDS) break;
  }
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) out.add(fnvWords(words, i));
  return out;
}

const SHINGLE_WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a of `words.slice(i, i + SHINGLE_SIZE).join(' ')`, without building the string. */
function fnvWords(words: readonly string[], i: number): number {
  let h = 0x811c9dc5;
  for (let w = i; w < i + SHINGLE_SIZE; w++) {
    if (w > i) h = Math.imul(h ^ 32, 0x01000193) >>> 0;
    const word = words[w] ?? '';
    for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193) >>> 0;
  }
  return h;
}

/** Fixed multipliers and offsets of the signature's hash functions (odd, from an LCG). */
const SEEDS: [number, number][] = (() => {
  const seeds: [number, number][] = [];
  let x = 0x9e3779b9;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < BANDS * ROWS; i++) seeds.push([next() | 1, next()]);
  return seeds;
})();

/** The seeds as flat arrays: the inner loop of `minhash` runs ~100 times per shingle. */
const MULTIPLIERS = Int32Array.from(SEEDS, ([a]) => a);
const OFFSETS = Int32Array.from(SEEDS, ([, b]) => b);

/** MinHash signature: per hash function the smallest value over the shingles. */
export function minhash(set: ReadonlySet<number>): Uint32Array {
  const k = MULTIPLIERS.length;
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const s of set) {
    const x = s ^ (s >>> 15);
    for (let i = 0; i < k; i++) {
      // A second mix so that the linear map does not keep the FNV structure.
      let h = (Math.imul(x, MULTIPLIERS[i] as number) + (OFFSETS[i] as number)) >>> 0;
      h = (h ^ (h >>> 13)) >>> 0;
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Below this share of agreeing signature rows a pair is not confirmed (well under 0.5). */
const SCREEN_THRESHOLD = 0.3;

/** The share of signature rows two articles agree on: an estimate of their Jaccard similarity. */
function estimate(
  a: ArrayLike<number> | null | undefined,
  b: ArrayLike<number> | null | undefined,
): number {
  if (!a || !b) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/**
 * A number for one band of a signature: equal rows give equal numbers (not the reverse). 30
 * bits, so that it is a small integer to V8 and a map keyed by it hashes it without a heap
 * number (240,000 keys at 10,000 articles).
 */
function bandHash(sig: ArrayLike<number>, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = band * ROWS; r < band * ROWS + ROWS; r++)
    h = Math.imul(h ^ (sig[r] as number), 0x01000193);
  return h & 0x3fffffff;
}

/** Articles are numbered below this in a band's sort key, `bandHash × SLOT + article`: 30 + 23 bits, exact in a double. */
const SLOT = 2 ** 23;

/** Whether two signatures agree on every row of at least one band: an LSH candidate pair. */
function sharesBand(
  a: ArrayLike<number> | null | undefined,
  b: ArrayLike<number> | null | undefined,
): boolean {
  if (!a || !b) return false;
  for (let band = 0; band < BANDS; band++) {
    let same = true;
    for (let r = band * ROWS; r < band * ROWS + ROWS && same; r++) same = a[r] === b[r];
    if (same) return true;
  }
  return false;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * An article's MinHash signature (`minhash(shingles(text))`), or null when its text has no
 * shingle. Computed once per article in the per-article step, so that it is made on every core
 * and cached with the extraction; `syndicationGroups` takes it from there.
 */
export function textSignature(text: string): number[] | null {
  const set = shingles(text);
  return set.size ? Array.from(minhash(set)) : null;
}

/**
 * For each article the id of the first article (in graph order) of its syndication group, or
 * null when it is the first of its group. Byte-identical duplicates join their original's group.
 * `signatures[i]`, when given, is `textSignature(articles[i].text)` made earlier; shingle sets
 * are then built only for the pairs whose signatures agree enough to be checked exactly.
 */
export function syndicationGroups(
  articles: ReadonlyArray<Pick<Article, 'id' | 'duplicateOf' | 'text'>>,
  phase: (name: string) => void = () => {},
  signatures?: ReadonlyArray<ArrayLike<number> | null | undefined>,
): Map<string, string | null> {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  // Shingle sets are made on demand: with signatures given, only for screened candidates.
  const sets = new Map<number, Set<number>>();
  const setOf = (i: number): Set<number> => {
    let set = sets.get(i);
    if (!set) {
      set = shingles(articles[i]?.text ?? '');
      sets.set(i, set);
    }
    return set;
  };
  const sigs: (ArrayLike<number> | null)[] = articles.map((a, i) => {
    if (a.duplicateOf) return null;
    if (signatures) return signatures[i] ?? null;
    const set = setOf(i);
    return set.size ? minhash(set) : null;
  });
  phase('finish: syndication signatures');
  // Candidates share a band: each (band number, article) is one number in a typed array,
  // sorted, and a run of one band number is a bucket (the band number is made of the band's
  // rows; two articles in a bucket are candidates only where their rows are the same, checked
  // below, so the candidates are exactly those of string keys). One sort instead of a map of
  // 240,000 lists at 10,000 articles. Which pairs are looked at first changes nothing: the
  // groups are the connected parts of the confirmed pairs.
  if (articles.length >= SLOT) throw new Error('too many articles to look for syndicated copies');
  let count = 0;
  for (const sig of sigs) if (sig) count++;
  const keys = new Float64Array(count * BANDS);
  let k = 0;
  sigs.forEach((sig, i) => {
    if (!sig) return;
    for (let band = 0; band < BANDS; band++) keys[k++] = bandHash(sig, band) * SLOT + i;
  });
  keys.sort();
  phase('finish: syndication bands');
  // Texts written from common phrases share many bands without being copies, so a candidate
  // is first screened by its signatures' agreement (an estimate of the Jaccard similarity, ~96
  // comparisons) and only then confirmed on the shingle sets.
  const n = articles.length;
  const checked = new Set<number>();
  for (let start = 0; start < keys.length; ) {
    const bucket = Math.floor((keys[start] as number) / SLOT);
    let end = start + 1;
    while (end < keys.length && Math.floor((keys[end] as number) / SLOT) === bucket) end++;
    // In a bucket, articles are in ascending order: i < j.
    for (let x = start; x < end; x++) {
      for (let y = x + 1; y < end; y++) {
        const i = (keys[x] as number) % SLOT;
        const j = (keys[y] as number) % SLOT;
        if (find(i) === find(j)) continue;
        const pair = i * n + j;
        if (checked.has(pair)) continue;
        if (!sharesBand(sigs[i], sigs[j])) continue;
        checked.add(pair);
        if (estimate(sigs[i], sigs[j]) < SCREEN_THRESHOLD) continue;
        if (jaccard(setOf(i), setOf(j)) >= COPY_THRESHOLD) union(i, j);
      }
    }
    start = end;
  }
  phase('finish: syndication candidate pairs');
  articles.forEach((a, i) => {
    const original = a.duplicateOf ? indexOf.get(a.duplicateOf) : undefined;
    if (original !== undefined) union(i, original);
  });
  const out = new Map<string, string | null>();
  articles.forEach((a, i) => {
    const root = find(i);
    out.set(a.id, root === i ? null : (articles[root]?.id ?? null));
  });
  return out;
}

/** A relation as the count needs it: whatever its evidence is, each item names its article. */
interface WithEvidence {
  evidence: ReadonlyArray<{ articleId: string }>;
  independentSources?: number | undefined;
}

/** A graph as the count needs it; the command line's has evidence it wrote before as bytes. */
interface GraphLike {
  articles: ReadonlyArray<Pick<Article, 'id' | 'copyOf'>>;
  relations: readonly WithEvidence[];
}

/** How many syndication groups the relation's evidence comes from. */
export function independentSourcesOf(
  relation: WithEvidence,
  copyOf: ReadonlyMap<string, string | null | undefined>,
): number {
  const groups = new Set(relation.evidence.map((e) => copyOf.get(e.articleId) ?? e.articleId));
  return Math.max(1, groups.size);
}

/** Recounts `independentSources` from the articles' `copyOf` (after review changed evidence). */
export function countIndependentSources<G extends GraphLike>(graph: G): G {
  const copyOf = new Map(graph.articles.map((a) => [a.id, a.copyOf]));
  return {
    ...graph,
    relations: graph.relations.map((r) => ({
      ...r,
      independentSources: independentSourcesOf(r, copyOf),
    })),
  };
}
