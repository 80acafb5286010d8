/**
 * Reading one article: markup, header dates, title, outlet, and page boilerplate. The result
 * keeps the file's character positions: `work` is the file text with everything that is not
 * article body blanked to spaces, so every sentence found in it is also, at the same
 * offsets, a verbatim slice of the file.
 */
import { z } from 'zod';
import * as chrono from 'chrono-node';
import boilerplateData from './data/boilerplate.json';
import { asciiOnly, asciiVariant, fastVariant, textMode, type TextMode } from './lexicon';

const BoilerplateSchema = z.object({
  lineDrop: z.array(z.string()),
  cutAfter: z.array(z.string()),
  outlets: z.array(
    z.object({
      pattern: z.string(),
      group: z.number().optional(),
      outlet: z.string().optional(),
      caseSensitive: z.boolean().optional(),
    }),
  ),
});
const boilerplate = BoilerplateSchema.parse(boilerplateData);
/** A line regex with its non-'u' twin, used on lines where both match alike (see `asciiSafe`). */
interface LineRegex {
  regex: RegExp;
  fast: RegExp;
  ascii: RegExp;
}

function lineRegex(pattern: string, flags: string): LineRegex {
  const regex = new RegExp(pattern, flags);
  const fast = fastVariant(pattern, flags) ?? regex;
  return { regex, fast, ascii: asciiVariant(pattern, flags) ?? fast };
}

function pickLine(r: LineRegex, mode: TextMode): RegExp {
  return mode === 2 ? r.ascii : mode === 1 ? r.fast : r.regex;
}

function lineTest(r: LineRegex, line: string, mode: TextMode): boolean {
  return pickLine(r, mode).test(line);
}

const LINE_DROP = boilerplate.lineDrop.map((p) => lineRegex(p, 'iu'));
const CUT_AFTER = boilerplate.cutAfter.map((p) => lineRegex(p, 'iu'));
const OUTLETS = boilerplate.outlets.map((o) => ({
  ...o,
  ...lineRegex(o.pattern, o.caseSensitive ? 'u' : 'iu'),
}));

export interface ReadArticle {
  /** The file text with markup and boilerplate blanked (same length as the file text). */
  work: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  publishedSource: 'header' | 'text' | null;
  /** The body after boilerplate removal, paragraphs kept verbatim. */
  text: string;
  droppedLines: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function blank(text: string, start: number, end: number): string {
  return blankAll(text, [[start, end]]);
}

/**
 * Blanks many ranges in one pass. Blanking line by line with `blank` copied the whole page
 * per dropped line, which made a big page with many dropped lines quadratic.
 */
function blankAll(text: string, ranges: Array<readonly [number, number]>): string {
  if (!ranges.length) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Replaces tags, scripts, styles and comments with spaces (newlines for block tags). */
export function blankMarkup(html: string): string {
  const drop =
    /<(script|style|noscript|template|svg|head|nav|header|footer|aside|form)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/giu;
  return html.replace(drop, (m) => {
    const block =
      /^<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|blockquote|title|body|html|main|nav|header|footer|aside|script|style|head)\b/iu.test(
        m,
      );
    const spaces = m.replace(/[^\n]/g, ' ');
    return block ? '\n' + spaces.slice(1) : spaces;
  });
}

interface HeaderDate {
  date: string;
  start: number;
  end: number;
}

/** Header dates in the forms pages give them: ' date 2025-04-10', 'Fri Dec 26 19:00:00 UTC 2025:'. */
function leadingDate(text: string): HeaderDate | null {
  const iso = /^\s*(?:date|published|dated?)\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b/iu.exec(text);
  if (iso) {
    const d = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (d) return { date: d, start: 0, end: iso[0].length };
  }
  const unix =
    /^\s*(?:mon|tue|wed|thu|fri|sat|sun)\w* (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* (\d{1,2}) \d{1,2}:\d{2}(?::\d{2})? (?:[A-Z]{2,5} )?(\d{4}):?/iu.exec(
      text,
    );
  if (unix) {
    const d = isoDay(
      Number(unix[3]),
      MONTHS.indexOf((unix[1] ?? '').toLowerCase()) + 1,
      Number(unix[2]),
    );
    if (d) return { date: d, start: 0, end: unix[0].length };
  }
  return null;
}

/** A stamp inside the page: 'Updated: 07-11-2025 00:11 IST' (day first), 'Published: May 3, 2024'. */
function stampDate(line: string): string | null {
  const m =
    /\b(?:updated|published|posted|created|issued|last updated|first published)\s*(?:on)?\s*:?\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/iu.exec(
      line,
    );
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Numeric stamps are day-first unless that cannot be a date.
    return isoDay(Number(m[3]), b, a) ?? isoDay(Number(m[3]), a, b);
  }
  const iso =
    /\b(?:updated|published|posted|created|issued)\s*(?:on)?\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b/iu.exec(
      line,
    );
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = /\b(?:updated|published|posted|created|issued)\s*(?:on)?\s*:?\s*(.{6,40})/iu.exec(
    line,
  );
  if (words?.[1]) return absoluteDay(words[1], 0);
  return null;
}

/**
 * A day written out in full ('April 7, 2025', '7 April 2025') within the first `maxIndex`
 * characters. Never a relative expression: a page's date must not depend on today's.
 */
function absoluteDay(text: string, maxIndex: number): string | null {
  const r = chrono.strict.parse(text)[0];
  if (!r || r.index > maxIndex || !/\b\d{4}\b/u.test(r.text)) return null;
  if (!r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day'))
    return null;
  return isoDay(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

/** A dateline at the start of the body: 'BAMAKO, April 3, 2025 (Reuters) -'. */
function datelineDate(line: string): string | null {
  const m =
    /^\s*(?:[A-Z][A-Za-z.' -]{1,30},\s+)?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\s*(?:\([^)]*\)\s*)?[-–—]/iu.exec(
      line,
    );
  if (!m?.[1]) return null;
  const r = chrono.strict.parse(m[1])[0];
  if (!r) return null;
  return isoDay(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/**
 * Reads an article: finds its header date, title and outlet, and blanks markup and page
 * boilerplate. `isHtml` strips markup first.
 */
export function readArticle(fileText: string, isHtml: boolean): ReadArticle {
  let work = isHtml ? blankMarkup(fileText) : fileText;
  let published: string | null = null;
  let publishedSource: 'header' | 'text' | null = null;
  let outlet: string | null = null;

  const lead = leadingDate(work);
  if (lead) {
    published = lead.date;
    publishedSource = 'header';
    work = blank(work, lead.start, lead.end);
  }

  const lines = splitLines(work);
  const blanks: Array<readonly [number, number]> = [];
  const seen = new Set<string>();
  let cut = false;
  let kept = 0;
  let dropped = 0;
  let title: string | null = null;
  const teasers = teaserLines(lines);
  for (const [index, line] of lines.entries()) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    const mode = textMode(trimmed);
    if (!published) {
      const stamp = stampDate(trimmed);
      if (stamp) {
        published = stamp;
        publishedSource = 'header';
      }
    }
    if (!outlet) {
      for (const o of OUTLETS) {
        const m = pickLine(o, mode).exec(trimmed);
        if (m) {
          outlet =
            (o.outlet ?? (o.group !== undefined ? m[o.group] : undefined) ?? '').trim() || null;
          if (outlet) break;
        }
      }
    }
    let drop = cut;
    if (!drop && kept >= 1 && index >= 3 && CUT_AFTER.some((r) => lineTest(r, trimmed, mode))) {
      cut = true;
      drop = true;
    }
    const key = trimmed.replace(/\s+/g, ' ').toLowerCase();
    if (
      !drop &&
      (LINE_DROP.some((r) => lineTest(r, trimmed, mode)) ||
        seen.has(key) ||
        teasers.has(index) ||
        isMenuItem(trimmed))
    )
      drop = true;
    if (drop) {
      blanks.push([line.start, line.end]);
      dropped++;
      continue;
    }
    seen.add(key);
    const dateline = DATELINE.exec(trimmed);
    if (dateline) {
      const at = line.start + line.text.indexOf(trimmed);
      blanks.push([at, at + dateline[0].length]);
    }
    if (!published && kept === 0) {
      const d = datelineDate(trimmed);
      if (d) {
        published = d;
        publishedSource = 'text';
      }
    }
    if (!published && kept <= 3 && trimmed.length <= 80 && trimmed.split(/\s+/u).length <= 12) {
      // A line that is just a date and time under the headline: 'April 7, 2025 6:45 PM GMT+1'.
      const d = absoluteDay(trimmed, 3);
      if (d && !/[.!?]$/u.test(trimmed)) {
        published = d;
        publishedSource = 'header';
        blanks.push([line.start, line.end]);
        continue;
      }
    }
    if (kept === 0 && trimmed.length <= 200 && !/[.!?]["”’]?$/u.test(trimmed))
      title = trimmed.replace(/^[-–—•]\s*/u, '');
    kept++;
  }
  work = blankAll(work, blanks);

  const text = splitLines(work)
    .map((l) => l.text.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { work, title, outlet, published, publishedSource, text, droppedLines: dropped };
}

/** 'BAMAKO, Mali –' or 'Paris (AFP) -' opening a paragraph: a place, not a mention. */
const DATELINE =
  /^(?:\p{Lu}[\p{L}'.-]*(?:\s\p{Lu}[\p{L}'.-]*){0,2})(?:,\s*\p{Lu}[\p{L}'.-]*(?:\s[\p{Lu}\d][\p{L}\d'.-]*){0,3},?)?\s*(?:\([^)]{1,30}\)\s*)?[–—-]{1,2}\s+/u;

/**
 * Teaser cards in related-story lists repeat their headline twice in a row ('Headline',
 * 'Headline'); both copies are page furniture. A headline repeated further down is not.
 */
function teaserLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  let previous = -1;
  for (const [i, line] of lines.entries()) {
    const text = line.text.trim();
    if (!text) continue;
    const prev = previous >= 0 ? lines[previous]?.text.trim() : undefined;
    if (prev === text && !/[.!?]["”’]?$/u.test(text)) {
      out.add(previous);
      out.add(i);
    }
    previous = i;
  }
  return out;
}

/** Short lines without a verb-like shape are menus, tags and widget labels ('SECTORS', '• France'). */
function isMenuItem(line: string): boolean {
  const words = asciiOnly(line)
    ? asciiWordsUpTo4(line)
    : line.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words === 0) return true;
  if (words <= 3 && !/[.!?]$/u.test(line)) return true;
  // Navigation bars: several short items separated by pipes.
  return line.includes('|') && (line.match(/\s\|\s/g) ?? []).length >= 2;
}

/**
 * On ASCII text, the number of white-space separated words with a letter or digit, counted
 * up to 4 (all `isMenuItem` needs): what the split and `\p{L}\p{N}` filter give there.
 */
function asciiWordsUpTo4(line: string): number {
  let words = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) {
      counted = true;
      if (++words > 3) return words;
    }
  }
  return words;
}
