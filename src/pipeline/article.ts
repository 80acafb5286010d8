/**
 * Reading one article: markup, header dates, title, outlet, and page boilerplate. The result
 * keeps the file's character positions: `work` is the file text with everything that is not
 * article body blanked to spaces, so every sentence found in it is also, at the same
 * offsets, a verbatim slice of the file.
 */
import { z } from 'zod';
import * as chrono from './chrono';
import boilerplateData from './data/boilerplate.json';
import {
  anyOfRegex,
  asciiOnly,
  modeRegex,
  pickRegex,
  textMode,
  type ModeRegex,
  type TextMode,
} from './lexicon';
import {
  furnitureBlocks,
  isAppeal,
  isCaption,
  isFileCaption,
  inlineFurniture,
  isInlineTeaser,
  isProse,
  lineShape,
  type FurnitureLine,
} from './furniture';

const BoilerplateSchema = z.looseObject({
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
function lineTest(r: ModeRegex, line: string, mode: TextMode): boolean {
  return pickRegex(r, mode).test(line);
}

const LINE_DROP = anyOfRegex(boilerplate.lineDrop, 'iu');
const CUT_AFTER = boilerplate.cutAfter.map((p) => modeRegex(p, 'iu'));
const OUTLETS = boilerplate.outlets.map((o) => ({
  ...o,
  ...modeRegex(o.pattern, o.caseSensitive ? 'u' : 'iu'),
}));

export interface ReadArticle {
  /** The file text with markup and boilerplate blanked (same length as the file text). */
  work: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  publishedSource: 'header' | 'text' | null;
  /** Month and day of a dateline that gives no year ('NIAMEY, March 3 (Reuters) -'). */
  datelineDay: { month: number; day: number } | null;
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

/**
 * The stamps a line prints: 'Updated: 07-11-2025 00:11 IST' (day first), 'Published on 3 May
 * 2024', 'LAST UPDATE | 9 Aug 2024', several on one line. Only at the start of a line or after
 * a separator, on a short line: 'the report, published on March 3, 2023, found …' is a
 * sentence, not a stamp. `updated` marks a revision's date, which is later than the story's.
 */
function stampDates(line: string): Array<{ date: string; updated: boolean }> {
  if (line.length > 160 || isProse(lineShape(line))) return [];
  const out: Array<{ date: string; updated: boolean }> = [];
  const lead =
    /(?:^|[|·•]\s*)(last updated?|first published|updated|published|posted|created|issued|modified)(?:\s+on)?\s*[:|]?\s*/giu;
  for (const m of line.matchAll(lead)) {
    const date = stampDay(line.slice(m.index + m[0].length));
    if (date) out.push({ date, updated: /update|modified/iu.test(m[1] ?? '') });
  }
  return out;
}

function stampDay(rest: string): string | null {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/u.exec(rest);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Numeric stamps are day-first unless that cannot be a date.
    return isoDay(Number(m[3]), b, a) ?? isoDay(Number(m[3]), a, b);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/u.exec(rest);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return absoluteDay(rest.slice(0, 40), 0);
}

/**
 * A day written out in full ('April 7, 2025', '7 April 2025') within the first `maxIndex`
 * characters. Never a relative expression: a page's date must not depend on today's.
 */
function absoluteDay(text: string, maxIndex: number): string | null {
  const r = chrono.strict.parse(text)[0];
  if (!r || r.index > maxIndex) return null;
  return fullDay(r);
}

function fullDay(r: chrono.ParsedResult): string | null {
  if (!/\b\d{4}\b/u.test(r.text)) return null;
  if (!r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day'))
    return null;
  return isoDay(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

/** Every full day ('Sept. 12, 2023', 'March 4 2022') a line writes out, in order. */
function fullDays(text: string): string[] {
  if (!/\b\d{4}\b/u.test(text)) return [];
  const out: string[] = [];
  for (const r of chrono.strict.parse(text)) {
    const d = fullDay(r);
    if (d) out.push(d);
  }
  return out;
}

/**
 * A line that is only a date, perhaps with a time, a weekday, a stamp word or an outlet:
 * 'March 4, 2024 at 09:30 AM UTC', 'Tuesday May 14, 2024', '09 June 2022 - 10:05',
 * 'November 12, 2025 | The Daily Planet'. Returns the day and the outlet if one follows a '|'.
 */
function dateOnlyLine(line: string): { date: string; outlet: string | null } | null {
  if (line.length > 100 || /[.!?]$/u.test(line) || line.split(/\s+/u).length > 14) return null;
  if (!/\b\d{4}\b/u.test(line)) return null;
  const r = chrono.strict.parse(line)[0];
  if (!r || r.index > 80) return null;
  const date = fullDay(r);
  if (!date) return null;
  // A weekday or a byline may come first: 'Tuesday May 14, 2024', 'By Jane Doe | May 3, 2024'.
  const before = line.slice(0, r.index).replace(/^\s*by\s+[^|·•,]{2,60}?\s*[|·•,–—]/iu, '');
  if (
    !/^[\s|·•,:–—-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?[\s|·•,:–—-]*$/iu.test(
      before,
    )
  )
    return null;
  const after = line
    .slice(r.index + r.text.length)
    .replace(
      /^[\s,]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?/iu,
      '',
    )
    .trim();
  const outlet = /^[|·•]\s*((?:The )?[\p{Lu}][\p{L}\d.&'’-]*(?: [\p{L}\d.&'’-]+){0,4})\s*$/u.exec(
    after,
  );
  if (outlet) return { date, outlet: outlet[1] ?? null };
  if (!after || /^[|·•–—-]?\s*(?:updated|published)\b/iu.test(after) || /^[–—-]\s*\d/u.test(after))
    return { date, outlet: null };
  return null;
}

/** A dateline at the start of the body: 'BAMAKO, April 3, 2025 (Reuters) -', 'London, 14 May 2021:'. */
function datelineDate(line: string): string | null {
  const m =
    /^\s*(?:[A-Z][A-Za-z.' /-]{1,30},\s+)?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\s*(?:\([^)]*\)\s*)?[-–—:]/iu.exec(
      line,
    );
  if (!m?.[1]) return null;
  const r = chrono.strict.parse(m[1])[0];
  if (!r) return null;
  return isoDay(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

/** The day and month of a dateline without a year: 'NIAMEY, March 3 (Reuters) -'. */
function datelineMonthDay(line: string): { month: number; day: number } | null {
  const m =
    /^\s*[A-Z][A-Za-z.' /-]{1,30},\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\s*(?:\([^)]*\)\s*)?[-–—:]/iu.exec(
      line,
    );
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
  const day = Number(m[2]);
  return isoDay(2000, month, day) ? { month, day } : null;
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

/** A date the page prints, by how much it is to be trusted (lower first). */
type PageDateKind = 'stamp' | 'date line' | 'update stamp' | 'dateline' | 'caption';
const PAGE_DATE_ORDER: PageDateKind[] = [
  'stamp',
  'date line',
  'update stamp',
  'dateline',
  'caption',
];

const WEEKDAY_WORD = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/giu;
const WEEKDAY_STEMS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];

/**
 * Whether a photo's date can stand for the article's. Agencies reuse old photos without
 * saying so, so the body must confirm the day: it names the photo's weekday ('landed on
 * Tuesday' under a photo of Tuesday, March 5) and no other, and it reports no year and no
 * full day after the photo's (then the photo is older than the story).
 */
function captionFitsBody(day: string, body: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const named = new Set<number>();
  for (const m of body.matchAll(WEEKDAY_WORD))
    named.add(WEEKDAY_STEMS.indexOf((m[1] ?? '').toLowerCase()));
  if (named.size !== 1 || !named.has(weekday)) return false;
  const year = Number(day.slice(0, 4));
  for (const m of body.matchAll(/\b(?:19|20)\d\d\b/gu)) if (Number(m[0]) > year) return false;
  return fullDays(body).every((d) => d <= day);
}

/**
 * Reads an article: finds its header date, title and outlet, and blanks markup and page
 * boilerplate. `isHtml` strips markup first. Boilerplate is judged line by line (menus,
 * credits, stamps, captions, appeals, one-line teasers) and then block by block in context
 * (see `furnitureBlocks`).
 */
export function readArticle(fileText: string, isHtml: boolean): ReadArticle {
  let work = isHtml ? blankMarkup(fileText) : fileText;
  let outlet: string | null = null;
  const pageDates = new Map<PageDateKind, string>();
  const notePageDate = (kind: PageDateKind, date: string | null) => {
    if (date && !pageDates.has(kind)) pageDates.set(kind, date);
  };

  const lead = leadingDate(work);
  if (lead) work = blank(work, lead.start, lead.end);

  const lines = splitLines(work);
  const blanks: Array<readonly [number, number]> = [];
  const seen = new Set<string>();
  const furniture: FurnitureLine[] = [];
  const captionDays: string[] = [];
  let cut = false;
  let kept = 0;
  let dropped = 0;
  let nonEmpty = 0;
  let datelineDay: ReadArticle['datelineDay'] = null;
  const teasers = teaserLines(lines);
  for (const [index, line] of lines.entries()) {
    const trimmed = line.text.trim();
    if (!trimmed) {
      furniture.push({ text: '', dropped: false });
      continue;
    }
    nonEmpty++;
    const mode = textMode(trimmed);
    for (const stamp of stampDates(trimmed))
      notePageDate(stamp.updated ? 'update stamp' : 'stamp', stamp.date);
    // A photo credit names who took the picture, not who published the story.
    const caption = isCaption(trimmed, mode);
    if (!outlet && !caption) {
      for (const o of OUTLETS) {
        const m = pickRegex(o, mode).exec(trimmed);
        if (m) {
          outlet =
            (o.outlet ?? (o.group !== undefined ? m[o.group] : undefined) ?? '').trim() || null;
          if (outlet) break;
        }
      }
    }
    if (caption && !isFileCaption(trimmed)) captionDays.push(...fullDays(trimmed));
    let drop = cut;
    if (!drop && kept >= 1 && index >= 3 && CUT_AFTER.some((r) => lineTest(r, trimmed, mode))) {
      cut = true;
      drop = true;
    }
    const key = trimmed.replace(/\s+/g, ' ').toLowerCase();
    if (
      !drop &&
      (LINE_DROP.test(trimmed, mode) ||
        seen.has(key) ||
        teasers.has(index) ||
        isMenuItem(trimmed) ||
        caption ||
        isAppeal(trimmed, mode) ||
        isInlineTeaser(trimmed))
    )
      drop = true;
    if (!drop && nonEmpty <= 15) {
      // A line that is just a date under the headline or beside a byline.
      const d = dateOnlyLine(trimmed);
      if (d) {
        notePageDate('date line', d.date);
        if (!outlet && d.outlet) outlet = d.outlet;
        drop = true;
      }
    }
    if (drop) {
      blanks.push([line.start, line.end]);
      furniture.push({ text: trimmed, dropped: true });
      dropped++;
      continue;
    }
    furniture.push({ text: trimmed, dropped: false });
    seen.add(key);
    if (kept < 4) {
      notePageDate('dateline', datelineDate(trimmed));
      datelineDay ??= datelineMonthDay(trimmed);
    }
    kept++;
  }

  let title = findTitle(furniture, new Map());
  const blocks = furnitureBlocks(furniture, title);
  if (title !== null && blocks.has(title)) title = findTitle(furniture, blocks);
  const body: string[] = [];
  for (const [index, line] of lines.entries()) {
    const f = furniture[index];
    if (!f?.text || f.dropped) continue;
    if (blocks.has(index)) {
      blanks.push([line.start, line.end]);
      dropped++;
      continue;
    }
    body.push(f.text);
    const at = line.start + line.text.indexOf(f.text);
    const dateline = DATELINE.exec(f.text) ?? DATED_DATELINE.exec(f.text);
    if (dateline) blanks.push([at, at + dateline[0].length]);
    for (const [start, end] of inlineFurniture(f.text)) blanks.push([at + start, at + end]);
  }
  work = blankAll(work, blanks);

  const bodyText = body.join('\n');
  for (const day of captionDays)
    if (captionFitsBody(day, bodyText)) {
      notePageDate('caption', day);
      break;
    }
  let published: string | null = lead?.date ?? null;
  let publishedSource: ReadArticle['publishedSource'] = lead ? 'header' : null;
  if (!published)
    for (const kind of PAGE_DATE_ORDER) {
      const d = pageDates.get(kind);
      if (d) {
        published = d;
        publishedSource = 'text';
        break;
      }
    }

  const text = splitLines(work)
    .map((l) => l.text.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const titleText = title === null ? null : (furniture[title]?.text ?? null);
  return {
    work,
    title: titleText?.replace(/^[-–—•]\s*/u, '') ?? null,
    outlet,
    published,
    publishedSource,
    datelineDay: published ? null : datelineDay,
    text,
    droppedLines: dropped,
  };
}

/**
 * The headline: the first headline-shaped line the page keeps before its first prose line
 * (never a date, a caption, a credit or an appeal: those are dropped before). Where three or
 * more headlines stand in a row above the body, the others are a list of links and the
 * headline is the last one, just above the article.
 */
function findTitle(lines: FurnitureLine[], blocks: Map<number, unknown>): number | null {
  const run: number[] = [];
  let seenLines = 0;
  for (const [i, l] of lines.entries()) {
    if (!l.text || l.dropped || blocks.has(i)) continue;
    if (++seenLines > 8) break;
    const shape = lineShape(l.text);
    if (isProse(shape)) break;
    if (l.text.length <= 200 && !/[.!?]["”’]?$/u.test(l.text) && shape.words >= 2) run.push(i);
    else if (run.length) break;
  }
  return (run.length >= 3 ? run[run.length - 1] : run[0]) ?? null;
}

/**
 * 'BAMAKO, Mali –', 'BUKAVU, Democratic Republic of Congo -' or 'Paris (AFP) -' opening a
 * paragraph: a place, not a mention.
 */
/** 'London, 21 June 2020:', 'BAMAKO, April 3, 2025 (Reuters) -': the place it was filed from. */
const DATED_DATELINE =
  /^\s*[A-Z][A-Za-z.' /-]{1,30},\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\s*(?:\([^)]*\)\s*)?[-–—:]/iu;
const DATELINE =
  /^(?:\p{Lu}[\p{L}'.-]*(?:\s\p{Lu}[\p{L}'.-]*){0,2})(?:,\s*\p{Lu}[\p{L}'.-]*(?:\s(?:(?:of|the|and|de|du|des)\s)?[\p{Lu}\d][\p{L}\d'.-]*){0,4},?)?\s*(?:\([^)]{1,30}\)\s*)?[–—-]{1,2}\s+/u;

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
