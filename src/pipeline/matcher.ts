/**
 * One pass over a text for every alias at once: a character trie walked from each word
 * start. Matching folds case, accents, curly apostrophes, hyphens and runs of white space,
 * so 'al Qaeda', 'al-Qaeda' and 'AL-QAEDA' all reach the same entry. All-capital acronyms
 * ('IS', 'US', 'AES') must match exactly, or they would fire on ordinary words.
 */

export interface AliasMatch<T> {
  start: number;
  end: number;
  value: T;
}

interface TrieNode<T> {
  /** Children by the UTF-16 code of one folded character. */
  next: Map<number, TrieNode<T>>;
  values: Array<{ value: T; alias: string; exactCase: boolean; lowerFirst: boolean }>;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** WORD_CHAR.test on one UTF-16 unit, without a regex call for ASCII (most of the text). */
function isWordUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[i] ?? '');
}

/** Folds one character for matching: lower case, no accents, straight apostrophe, '-' as ' '. */
export function foldChar(ch: string): string {
  if (ch === '’' || ch === '‘' || ch === '`') return "'";
  if (ch === '-' || ch === '‐' || ch === '‑' || ch === '–') return ' ';
  if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0') return ' ';
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  return ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `foldChar` of one UTF-16 unit as one code: SPACE for ' ', NO_EDGE when it is not one unit. */
const SPACE = 32;
const NO_EDGE = -1;
const foldCache = new Map<number, number>();

function foldCode(unit: number): number {
  let f = foldCache.get(unit);
  if (f === undefined) {
    const folded = foldChar(String.fromCharCode(unit));
    f = folded.length === 1 ? folded.charCodeAt(0) : NO_EDGE;
    foldCache.set(unit, f);
  }
  return f;
}

/** The same for ASCII, by table. */
const ASCII_FOLD = Int32Array.from({ length: 128 }, (_, c) => foldCode(c));

export function foldText(text: string): string {
  let out = '';
  let lastSpace = false;
  for (const ch of text.trim()) {
    const f = foldChar(ch);
    if (f === ' ') {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += f;
      lastSpace = false;
    }
  }
  return out;
}

function isAcronym(alias: string): boolean {
  return /^[A-Z][A-Z0-9.]{1,5}$/.test(alias) && /[A-Z].*[A-Z]/.test(alias);
}

export class AliasMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };

  add(alias: string, value: T): void {
    const key = foldText(alias);
    if (!key) return;
    let node = this.root;
    for (const ch of key) {
      // A character outside the BMP is never one folded unit: such an alias cannot match.
      const code = ch.length === 1 ? ch.charCodeAt(0) : NO_EDGE - 1;
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(code, child);
      }
      node = child;
    }
    const first = alias[0] ?? '';
    node.values.push({
      value,
      alias,
      exactCase: isAcronym(alias),
      lowerFirst: first === first.toLowerCase(),
    });
  }

  /** Longest, left-most, non-overlapping matches that start and end on word boundaries. */
  findAll(text: string, from = 0, to = text.length): Array<AliasMatch<T>> {
    const out: Array<AliasMatch<T>> = [];
    let i = from;
    while (i < to) {
      if (!isWordUnit(text, i) || (i > 0 && isWordUnit(text, i - 1))) {
        i++;
        continue;
      }
      const match = this.longestAt(text, i, to);
      if (match) {
        out.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return out;
  }

  private longestAt(text: string, start: number, to: number): AliasMatch<T> | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: AliasMatch<T> | null = null;
    let j = start;
    let pendingSpace = false;
    while (node && j < to) {
      const unit = text.charCodeAt(j);
      const f = unit < 128 ? (ASCII_FOLD[unit] ?? NO_EDGE) : foldCode(unit);
      if (f === SPACE) {
        pendingSpace = true;
        j++;
        continue;
      }
      if (pendingSpace) {
        node = node.next.get(SPACE);
        pendingSpace = false;
        if (!node) break;
      }
      node = f === NO_EDGE ? undefined : node.next.get(f);
      j++;
      if (node && node.values.length && !(j < text.length && isWordUnit(text, j))) {
        const hit = node.values.find((v) => caseAgrees(v, text, start, j));
        if (hit) best = { start, end: j, value: hit.value };
      }
    }
    return best;
  }
}

/** Acronyms match exactly; a capitalised name does not match a lower-case word ('Chad' vs 'chad'). */
function caseAgrees(
  v: { alias: string; exactCase: boolean; lowerFirst: boolean },
  text: string,
  start: number,
  end: number,
): boolean {
  if (v.exactCase) return end - start === v.alias.length && text.startsWith(v.alias, start);
  if (v.lowerFirst) return true;
  const s = text[start] ?? '';
  return s !== s.toLowerCase();
}
