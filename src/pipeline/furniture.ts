/**
 * Page furniture found by the shape of lines and blocks rather than by site: in the spirit of
 * jusText, every line is classed by its length, whether it ends like a sentence, and its
 * density of function words; then blocks are judged in context (what a "Related" or "Next In
 * World" heading is followed by, runs of headlines, captions beside their credit lines). The
 * caller blanks what is marked, so offsets never move.
 */
import { z } from 'zod';
import boilerplateData from './data/boilerplate.json';
import { anyOfRegex, textMode, type TextMode } from './lexicon';

const FurnitureSchema = z.object({
  stopWords: z.array(z.string()),
  blockHeadings: z.array(z.string()),
  teaserLead: z.string(),
  inlineTeaserLead: z.string(),
  sentenceOpeners: z.array(z.string()),
  finiteVerbs: z.array(z.string()),
  captionCues: z.array(z.string()),
  fileCaption: z.string(),
  appealCues: z.array(z.string()),
});
const data = FurnitureSchema.parse(boilerplateData);

const STOP_WORDS = new Set(data.stopWords);
const BLOCK_HEADING = new RegExp(`^(?:${data.blockHeadings.join('|')})[\\s:|›»>→•-]*$`, 'iu');
const TEASER_LEAD = new RegExp(data.teaserLead, 'iu');
/** At a paragraph's or a sentence's start: what follows the lead is a headline, then the text resumes. */
const INLINE_TEASER = new RegExp(
  `(?<=^|[.!?…]["'”’)\\]]*\\s+)(?:${data.inlineTeaserLead})\\s*`,
  'gu',
);
/** The same lead right where an embedded post ends (its credit ends with a year, no stop). */
const TEASER_LEAD_AT = new RegExp(`\\s*(?:${data.inlineTeaserLead})\\s*`, 'uy');
const OPENERS = new Set(data.sentenceOpeners);
const FINITE = new Set(data.finiteVerbs);
const CAPTION_CUES = anyOfRegex(data.captionCues, 'iu');
const FILE_CAPTION = new RegExp(data.fileCaption, 'iu');
const APPEAL_CUES = anyOfRegex(data.appealCues, 'iu');

/** What a line looks like: the features the classes below are made of. */
export interface LineShape {
  words: number;
  chars: number;
  /** Ends like a sentence: . ! ? or an ellipsis, perhaps inside closing quotes or brackets. */
  sentenceEnd: boolean;
  /** Share of words that are function words ('the', 'of', 'said'): high in prose, low in headlines. */
  stopDensity: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;

export function lineShape(line: string): LineShape {
  const words = line.match(WORD) ?? [];
  let stops = 0;
  for (const w of words) if (STOP_WORDS.has(w.toLowerCase().replace(/[’']s$/u, ''))) stops++;
  return {
    words: words.length,
    chars: line.length,
    sentenceEnd: SENTENCE_END.test(line),
    stopDensity: words.length ? stops / words.length : 0,
  };
}

/** A headline or link title: a few words that do not end like a sentence. */
export function isHeadlineShaped(s: LineShape): boolean {
  return !s.sentenceEnd && s.words >= 2 && s.words <= 22 && s.chars <= 170;
}

/** Prose: a sentence-shaped line long enough, with the function words that prose has. */
export function isProse(s: LineShape): boolean {
  return s.sentenceEnd && s.words >= 8 && s.stopDensity >= 0.18;
}

function lastNonEmptyBefore(lines: FurnitureLine[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (lines[j]?.text) return j;
  return -1;
}

/** Whether two lines open with the same four words. */
function sameOpening(a: string, b: string): boolean {
  const words = (t: string) => t.toLowerCase().split(/\s+/u).slice(0, 4).join(' ');
  return a.split(/\s+/u).length >= 4 && words(a) === words(b);
}

/** 'Related', 'RELATED CONTENT', 'Top news', 'Next In World', 'Most read' on a line of its own. */
export function isBlockHeading(line: string): boolean {
  return line.length <= 40 && BLOCK_HEADING.test(line);
}

/**
 * A teaser on one line: 'Related Mali to deepen ties with X', 'Read: Talks stall …',
 * 'READ MORE:Envoys meet …' — a lead word and a headline that does not end like a
 * sentence (a sentence that starts with 'Read' or 'Related' ends with a full stop).
 */
export function isInlineTeaser(line: string): boolean {
  const m = TEASER_LEAD.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length).trim();
  return rest.length > 0 && isHeadlineShaped(lineShape(rest));
}

/** A teaser's headline is at most this many words; past them, the sentence it sits in goes too. */
const TEASER_WORDS = 25;

/**
 * An embedded post's credit, as a page's text keeps it: '— The New Times (Rwanda)
 * (@NewTimesRwanda) April 29, 2025'.
 */
const EMBED_CREDIT =
  /[—–]\s*[^—–()\n]{1,80}?\s*(?:\([^()\n]{1,40}\)\s*)?\(@\w{1,30}\)\s+\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}/gu;
/** A link of an embedded post. */
const EMBED_LINK = /https?:\/\/t\.co\/|pic\.twitter\.com\//u;
const SENTENCE_GAP = /[.!?…]["'”’)\]]*\s+/gu;

/**
 * Furniture inside a line, where a page's paragraphs were joined into one: an embedded post
 * (its text, links and credit), and a teaser ('ALSO READ: Headline') that runs into the next
 * sentence without a stop. The headline ends before a capitalised word that opens sentences
 * ('The', 'He', 'According') or that a finite verb follows ('Rwanda is'); when none comes
 * within a headline's length, the rest of the sentence goes with it. Ranges in the line.
 */
export function inlineFurniture(line: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  // Every lead ends with a colon and every credit names a handle: most lines have neither.
  if (!line.includes(':') && !line.includes('@')) return out;
  for (const credit of line.matchAll(EMBED_CREDIT)) {
    const end = (credit.index ?? 0) + credit[0].length;
    const before = line.slice(0, credit.index);
    const link = EMBED_LINK.exec(before);
    if (!link) continue;
    // The post's text: from the last sentence gap before its first link.
    let start = 0;
    for (const gap of before.slice(0, link.index).matchAll(SENTENCE_GAP))
      start = (gap.index ?? 0) + gap[0].length;
    if (start < (out[out.length - 1]?.[1] ?? 0)) continue;
    out.push([start, end]);
  }
  const inside = (at: number) => out.some(([a, b]) => at >= a && at < b);
  const leads: Array<readonly [number, number]> = [];
  for (const lead of line.matchAll(INLINE_TEASER)) {
    const start = lead.index ?? 0;
    if (!inside(start)) leads.push([start, start + lead[0].length]);
  }
  for (const [, end] of out) {
    TEASER_LEAD_AT.lastIndex = end;
    const lead = TEASER_LEAD_AT.exec(line);
    if (lead) leads.push([end, end + lead[0].length]);
  }
  const teasers = leads.map(([start, from]) => [start, headlineEnd(line, from)] as const);
  return [...out, ...teasers].sort((a, b) => a[0] - b[0]);
}

/** Where a teaser's headline that starts at `from` ends: see `inlineFurniture`. */
function headlineEnd(line: string, from: number): number {
  const words = [...line.slice(from).matchAll(/\S+/gu)];
  for (let i = 1; i < words.length && i <= TEASER_WORDS; i++) {
    const w = words[i]?.[0] ?? '';
    const previous = words[i - 1]?.[0] ?? '';
    const at = from + (words[i]?.index ?? 0);
    // The headline ended like a sentence (not an initialism, 'U.S.'): the next one starts here.
    if (/[.!?…]["'”’)\]]*$/u.test(previous) && !/^(?:\p{Lu}\.)+$/u.test(previous)) return at;
    if (i < 2 || !/^\p{Lu}/u.test(w) || /[:;,]$/u.test(previous)) continue;
    const next = (words[i + 1]?.[0] ?? '').replace(/[^\p{L}]/gu, '');
    if (OPENERS.has(w) || FINITE.has(next)) return at;
  }
  for (const gap of line.slice(from).matchAll(SENTENCE_GAP))
    return from + (gap.index ?? 0) + gap[0].length;
  return line.length;
}

/** A photo caption or credit: position marks ('(L)', 'L-R'), 'A handout picture … shows', '(AFP Photo)'. */
export function isCaption(line: string, mode: TextMode = textMode(line)): boolean {
  return line.length <= 700 && (CAPTION_CUES.test(line, mode) || DATED_CREDIT.test(line));
}

/**
 * '… speaks to the Council on April 18, 2024. REUTERS': a day and then an agency's credit in
 * capitals closing the line. Case-sensitive: 'he told Reuters.' is a sentence.
 */
const DATED_CREDIT =
  /\b\p{Lu}\p{Ll}{2,8}\.? \d{1,2},? \d{4}\.\s+(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU|GETTY IMAGES)\b[\p{L}/ .'-]*$/u;

/** An archive photo ('FILE PHOTO:', 'file picture'): its date is not the article's. */
export function isFileCaption(line: string): boolean {
  return FILE_CAPTION.test(line);
}

/** A donation or subscription appeal ('… readers like you …', 'please contribute'). */
export function isAppeal(line: string, mode: TextMode = textMode(line)): boolean {
  return APPEAL_CUES.test(line, mode);
}

export interface FurnitureLine {
  text: string;
  /** Already dropped by a line rule (menus, credits, copies, …). */
  dropped: boolean;
}

/**
 * Words two prose lines need between them to end a related block: teaser cards can carry a
 * one- or two-line summary, an article's paragraphs are longer.
 */
const RESUME_WORDS = 30;

/** Why a block was dropped, for the reader's counts. */
export type BlockReason = 'related-block' | 'headline-run' | 'caption' | 'appeal';

/**
 * Marks the lines that belong to furniture blocks, judged in context:
 * - after a block heading ('Related', 'Top news', 'Next In World', 'Most read'), every line up
 *   to where the article visibly resumes: two prose lines in a row of 30 words or more between
 *   them (a teaser list alternates headlines and short summaries, so one is not enough);
 * - a run of three or more headline-shaped lines with no prose between them (a list of links);
 * - a line that repeats inside a caption next to it (the caption without its credit);
 * - the short heading just above a donation appeal (the appeal's lines are dropped before).
 * `title` is the line index of the headline, which a run never takes.
 */
export function furnitureBlocks(
  lines: FurnitureLine[],
  title: number | null,
): Map<number, BlockReason> {
  const out = new Map<number, BlockReason>();
  const live: number[] = [];
  for (const [i, l] of lines.entries()) if (l.text && !l.dropped) live.push(i);
  const shape = new Map<number, LineShape>();
  const shapeOf = (i: number): LineShape => {
    let s = shape.get(i);
    if (!s) {
      s = lineShape(lines[i]?.text ?? '');
      shape.set(i, s);
    }
    return s;
  };

  // Related blocks. A heading counts where a line rule dropped it too ('TRENDING' is also a
  // menu label): what follows it is what matters.
  // A heading inside a block already walked ends where that block ends: its lines are marked,
  // and walking them again would make a page of many headings quadratic.
  let k = 0;
  let resumeAt = 0;
  for (const [i, l] of lines.entries()) {
    while (k < live.length && (live[k] ?? -1) <= i) k++;
    if (!l.text || !isBlockHeading(l.text)) continue;
    if (!l.dropped) out.set(i, 'related-block');
    if (k < resumeAt) continue;
    let j = k;
    for (; j < live.length; j++) {
      const a = live[j] ?? -1;
      const b = live[j + 1];
      if (
        isProse(shapeOf(a)) &&
        b !== undefined &&
        shapeOf(b).sentenceEnd &&
        shapeOf(a).words + shapeOf(b).words >= RESUME_WORDS &&
        !isBlockHeading(lines[b]?.text ?? '')
      )
        break;
      out.set(a, 'related-block');
    }
    resumeAt = j;
  }

  // Runs of headlines.
  let run: number[] = [];
  const closeRun = () => {
    const members = run.filter((i) => i !== title);
    if (run.length >= 3) for (const i of members) if (!out.has(i)) out.set(i, 'headline-run');
    run = [];
  };
  for (const i of live) {
    if (out.has(i)) {
      closeRun();
      continue;
    }
    if (isHeadlineShaped(shapeOf(i))) run.push(i);
    else closeRun();
  }
  closeRun();

  // Captions whose credited copy stands next to them, and the short caption title above one
  // ('Envoy to the AU Jane Doe' above 'Envoy to the AU and … speaks …').
  for (const [i, l] of lines.entries()) {
    if (!l.text || !isCaption(l.text)) continue;
    for (let j = Math.max(0, i - 2); j <= i + 2 && j < lines.length; j++) {
      const other = lines[j];
      if (j === i || !other || other.dropped || !other.text) continue;
      if (other.text.length >= 40 && l.text.includes(other.text.replace(/\s+$/u, '')))
        out.set(j, 'caption');
      else if (
        j < i &&
        j !== title &&
        isHeadlineShaped(shapeOf(j)) &&
        sameOpening(other.text, l.text)
      )
        out.set(j, 'caption');
    }
  }

  // Appeals (dropped line by line): the short heading right above one goes with it.
  let previousLive = -1;
  for (const [i, l] of lines.entries()) {
    if (!l.text) continue;
    if (isAppeal(l.text)) {
      const above = lines[previousLive];
      if (
        above &&
        previousLive === lastNonEmptyBefore(lines, i) &&
        isHeadlineShaped(shapeOf(previousLive)) &&
        shapeOf(previousLive).words <= 8
      )
        out.set(previousLive, 'appeal');
    }
    if (!l.dropped) previousLive = i;
  }
  return out;
}
