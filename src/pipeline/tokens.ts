/**
 * The token layer: a sentence read once by wink-nlp's English model into tokens with their
 * part-of-speech tag, lemma and character offsets into the article. The clause reader
 * (`relations.ts`) works on these and never re-reads the string.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

export interface Token {
  /** The text as it stands in the article. */
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  lemma: string;
  pos: Pos;
  /** Offsets into the article text (the same frame as the mentions). */
  start: number;
  end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function getNlp(): Nlp {
  // The model is loaded on first use: the CLI pays for it once, the app only when it reads.
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

const APOSTROPHES = /[’‘`]/gu;

/** Tags `work[start, end)`; every token's offsets point into `work`. */
export function tagSentence(work: string, start: number, end: number): Token[] {
  const original = work.slice(start, end);
  // A headline in title case ('Sahel States Deepen Ties with Russia') tags as a run of proper
  // nouns; read it in lower case, which keeps every offset.
  const lowered = original.toLowerCase();
  const text = isTitleCase(original) && lowered.length === original.length ? lowered : original;
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  // Whole columns at once: several times cheaper than one item object per token.
  const all = doc.tokens();
  const spacesOf = all.out(its.precedingSpaces) as string[];
  const values = all.out() as string[];
  const lemmas = all.out(its.lemma as never) as unknown[];
  const tags = all.out(its.pos) as string[];
  const tokens: Token[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    pos += (spacesOf[i] ?? '').length;
    // wink reproduces the text exactly; if it ever does not, find the token again.
    const at = text.startsWith(value, pos) ? pos : text.indexOf(value, pos);
    if (at < 0) continue;
    const lower = value.toLowerCase().replace(APOSTROPHES, "'");
    tokens.push({
      text: original.slice(at, at + value.length),
      lower,
      lemma: String(lemmas[i]).toLowerCase().replace(APOSTROPHES, "'"),
      pos: tags[i] as Pos,
      start: start + at,
      end: start + at + value.length,
    });
    pos = at + value.length;
  }
  // 'rejected help from France', 'sought help from Egypt': a bare verb form right after a verb,
  // with no object of its own, is that verb's object noun.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (!t || before?.pos !== 'VERB' || t.pos !== 'VERB' || t.lower !== t.lemma) continue;
    if (!after || after.pos === 'ADP' || after.pos === 'PUNCT') t.pos = 'NOUN';
  }
  // 'Togo mediated between …', 'Qatar brokered a deal', 'Russia armed Mali': a past form
  // tagged as an adjective right after a name, before a preposition, a determiner or a name,
  // is the name's verb.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t?.pos !== 'ADJ' || !/[^e]ed$/u.test(t.lower)) continue;
    if (tokens[i - 1]?.pos !== 'PROPN' || !/^(?:ADP|DET|PROPN)$/u.test(tokens[i + 1]?.pos ?? ''))
      continue;
    t.pos = 'VERB';
  }
  // 'to help fight attacks', 'helped Chad fight Boko Haram': after 'help' (and a name) a word
  // with an object of its own is a bare verb.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    let h = i - 1;
    while (h > 0 && tokens[h]?.pos === 'PROPN') h--;
    if (tokens[h]?.lemma !== 'help' || tokens[h]?.pos !== 'VERB') continue;
    if (
      t?.pos === 'NOUN' &&
      t.lower === t.lemma &&
      /^(?:NOUN|DET|PROPN|ADJ)$/u.test(next?.pos ?? '')
    )
      t.pos = 'VERB';
  }
  return tokens;
}

const WORD = /\p{L}[\p{L}'’-]*/gu;
const MINOR = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'as',
  'amid',
  'over',
  'vs',
]);

function isTitleCase(text: string): boolean {
  const words = text.match(WORD) ?? [];
  if (words.length < 3) return false;
  const major = words.filter((w) => !MINOR.has(w.toLowerCase()));
  const capital = major.filter((w) => /^\p{Lu}/u.test(w)).length;
  return major.length >= 3 && capital / major.length >= 0.8;
}
