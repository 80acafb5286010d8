/**
 * Sentence splitting with offsets into the file. Lines are paragraphs (headlines and
 * bullets stand alone); inside a line a sentence ends at . ! ? followed by a capital,
 * a digit or a quote, unless the dot ends a known abbreviation or an initial.
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt maj capt sgt adm gov sen rep pres st jr sr vs etc inc ltd co corp dept no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e approx est fig'.split(
    ' ',
  ),
);
/** Longest sentence kept whole; longer runs without an end are cut at a space. */
export const MAX_SENTENCE = 1000;

export function splitSentences(work: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= work.length) {
    let lineEnd = work.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = work.length;
    splitLine(work, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

// The look-behind starts a match only at the first mark of a run: without it a long run of
// dots ('......') was tried from every position, quadratic in the run's length.
const END = /(?<![.!?…])[.!?…]+["'”’)\]]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;

function splitLine(work: string, from: number, to: number, out: Sentence[]): void {
  let start = skipSpace(work, from, to);
  // A bullet marker is not part of the sentence.
  const bullet = /^[-–—•*·]\s+/u.exec(work.slice(start, Math.min(to, start + 4)));
  if (bullet) start += bullet[0].length;
  const line = work.slice(0, to);
  END.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = END.exec(line)) !== null) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(work, m.index)) continue;
    push(work, start, end, out);
    start = skipSpace(work, end, to);
    END.lastIndex = start;
  }
  push(work, start, to, out);
}

/**
 * Words that open a sentence and are no one's surname: after one, a single letter and its dot
 * ended a sentence ('… the minister said on X. The presence …'), they were no initial.
 */
const OPENER_AFTER =
  /^\s+["“‘(]?(?:The|A|An|He|She|It|They|We|This|That|These|Those|His|Her|Its|Their|In|On|At|But|However|Meanwhile)\s/u;

function isAbbreviation(work: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(work[i - 1] ?? '')) i--;
  const word = work.slice(i, dot).toLowerCase();
  if (word.length === 1) return !OPENER_AFTER.test(work.slice(dot + 1, dot + 16));
  return ABBREVIATIONS.has(word);
}

function skipSpace(work: string, i: number, to: number): number {
  while (i < to && /\s/u.test(work[i] ?? '')) i++;
  return i;
}

function push(work: string, start: number, end: number, out: Sentence[]): void {
  while (end > start && /\s/u.test(work[end - 1] ?? '')) end--;
  while (end - start > MAX_SENTENCE) {
    const cut = cutPoint(work, start);
    push(work, start, cut, out);
    start = skipSpace(work, cut, end);
  }
  if (end - start >= 2 && /[\p{L}]/u.test(work.slice(start, end)))
    out.push({ start, end, text: work.slice(start, end) });
}

/**
 * Where to cut a run longer than MAX_SENTENCE: the last space inside it, else a hard cut that
 * never splits a surrogate pair. The search stays inside the run (`lastIndexOf` would scan
 * back to the start of the file when the run has no space: quadratic on a long run).
 */
function cutPoint(work: string, start: number): number {
  for (let i = start + MAX_SENTENCE; i > start; i--) if (work[i] === ' ') return i;
  const hard = start + MAX_SENTENCE;
  const code = work.charCodeAt(hard);
  return code >= 0xdc00 && code <= 0xdfff ? hard - 1 : hard;
}
