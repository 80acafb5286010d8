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
  next: Map<string, TrieNode<T>>;
  values: Array<{ value: T; alias: string; exactCase: boolean }>;
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
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.values.push({ value, alias, exactCase: isAcronym(alias) });
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
      const f = foldChar(text[j] ?? '');
      if (f === ' ') {
        pendingSpace = true;
        j++;
        continue;
      }
      if (pendingSpace) {
        node = node.next.get(' ');
        pendingSpace = false;
        if (!node) break;
      }
      node = node.next.get(f);
      j++;
      if (node && node.values.length && !(j < text.length && isWordUnit(text, j))) {
        const surface = text.slice(start, j);
        const hit = node.values.find((v) => caseAgrees(v.alias, v.exactCase, surface));
        if (hit) best = { start, end: j, value: hit.value };
      }
    }
    return best;
  }
}

/** Acronyms match exactly; a capitalised name does not match a lower-case word ('Chad' vs 'chad'). */
function caseAgrees(alias: string, exactCase: boolean, surface: string): boolean {
  if (exactCase) return surface === alias;
  const a = alias[0] ?? '';
  const s = surface[0] ?? '';
  return a === a.toLowerCase() || s !== s.toLowerCase();
}
