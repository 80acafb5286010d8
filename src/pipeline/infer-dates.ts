/**
 * Dating undated articles: a corpus stage over what each article reported. A wrong article
 * date is worse than none (every relative date in the article moves with it), so a date is
 * inferred only where the evidence agrees on every count, and the reason is written down:
 * - another, dated article reports the same event: the same actors (two at least), a relation
 *   of the same type, and a weekday or month cue in the undated sentence that agrees with the
 *   day the dated article gives it;
 * - nothing in the undated article contradicts that day: its sentence has no year of its own
 *   ('last year', 'in 2023', 'two years ago' date another event), it reports no year and no
 *   full day after it (an article does not report the future as past), and a day-and-month
 *   dateline without a year ('NIAMEY, March 3 -') is that day or up to a week after it;
 * - the reports that pass agree on one day.
 * Otherwise the article stays undated, and the diagnostic says what its own text bounds.
 */
import * as chrono from './chrono';
import type { Diagnostic, RelationType } from '../model/schema';
import { weekdayOf, type DateExpression } from './dates';

/** One sentence that reports an event between known actors, with its temporal cues. */
export interface EventReport {
  /** The actors the sentence names, sorted. */
  actors: string[];
  types: RelationType[];
  /** The day it gives the event: an explicit full date, or a weekday against the article's date. */
  day: string | null;
  /** A weekday cue ('on Tuesday'), 0 = Sunday. */
  weekday: number | null;
  /** A month cue without a year ('in January', 'on March 3'), 1–12. */
  month: number | null;
  /** The sentence dates its event by year ('last year', 'in 2023', 'two years ago'). */
  yearCue: boolean;
  quote: string;
}

export interface ArticleToDate {
  id: string;
  file: string;
  published: string | null;
  events: EventReport[];
  /** The body text: where the undated article's own bounds are read. */
  text: string;
  /** Month and day of a dateline that gives no year. */
  datelineDay: { month: number; day: number } | null;
  /** `ownBounds(text)`, when the per-article step made it already (it reads with chrono). */
  bounds?: OwnBounds | undefined;
}

/** The latest year and full day an article's own text reports as past. */
export interface OwnBounds {
  year: number | null;
  day: string | null;
}

export interface DateInference {
  id: string;
  /** The inferred day, or null when none can be trusted. */
  date: string | null;
  diagnostic: Diagnostic;
}

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTH_CUE =
  /\b((?:in|on|since|early|late|mid-?|end of|by)\s+)?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?![\p{L}])\.?(\s+\d{1,2}\b)?/giu;
const FULL_MONTH =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/u;
// 'last April' is a month of another year than the article's as often as not.
const YEAR_WORD =
  /\b(?:last|this|next|previous) (?:year|january|february|march|april|may|june|july|august|september|october|november|december)\b|\byears? ago\b|\bdecades? ago\b/iu;

/**
 * The temporal cues of a sentence that reports an event. `dates` are its date expressions
 * against `published` (the article's date, null when it has none).
 */
export function eventReport(
  quote: string,
  actors: string[],
  types: RelationType[],
  dates: DateExpression[],
  published: string | null,
): EventReport {
  const dayExpr = dates.find((d) => d.value?.length === 10 && d.basis === 'explicit');
  const weekdayExpr = dates.find((d) => d.weekday !== null);
  let month: number | null = null;
  for (const m of quote.matchAll(MONTH_CUE)) {
    const name = (m[2] ?? '').toLowerCase();
    const withDay = Boolean(m[3]);
    const abbreviated = !FULL_MONTH.test(name);
    // 'may' and 'march' are also words; 'Jan' needs its dot or a day.
    if ((name === 'may' || name === 'march') && !m[1] && !withDay) continue;
    if (abbreviated && !withDay && !m[0].includes('.')) continue;
    // 'March 2023' dates by year: a month cue is a month without one.
    if (/^,?\s*\d{4}\b/u.test(quote.slice((m.index ?? 0) + m[0].length))) continue;
    month = MONTH_NAMES.indexOf(name.slice(0, 3)) + 1;
    break;
  }
  const yearCue =
    YEAR_WORD.test(quote) ||
    dates.some((d) => d.basis === 'explicit' && d.value !== null && d.value.length === 4);
  return {
    actors,
    types: [...new Set(types)].sort(),
    day: dayExpr?.value ?? (published && weekdayExpr?.value ? weekdayExpr.value : null),
    weekday: weekdayExpr?.weekday ?? (dayExpr?.value ? weekdayOf(dayExpr.value) : null),
    month,
    yearCue,
    quote,
  };
}

const PLAN =
  /\b(?:will|would|shall|is (?:set|expected|due|scheduled)|are (?:set|expected|due|scheduled)|plans? to|aims? to)\b/iu;

/**
 * What an undated article's own text bounds: the latest year and full day it reports as past.
 * Sentences about plans ('the force will begin on January 1, 2027', 'by 2030') bound nothing.
 */
export function ownBounds(text: string): OwnBounds {
  let year: number | null = null;
  let day: string | null = null;
  for (const sentence of text.split(/\n|(?<=[.!?])\s+/u)) {
    if (!/\b(?:19[5-9]\d|20[0-4]\d)\b/u.test(sentence) || PLAN.test(sentence)) continue;
    for (const m of sentence.matchAll(/\b(19[5-9]\d|20[0-4]\d)\b/gu)) {
      const before = sentence.slice(Math.max(0, (m.index ?? 0) - 16), m.index).toLowerCase();
      if (/\b(?:by|until|till|before|through|end of|next)\s*$/u.test(before)) continue;
      const y = Number(m[1]);
      if (year === null || y > year) year = y;
    }
    for (const r of chrono.strict.parse(sentence)) {
      if (!r.start.isCertain('year') || !r.start.isCertain('day')) continue;
      const d = isoOf(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
      if (d && (day === null || d > day)) day = d;
    }
  }
  return { year, day };
}

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

interface Candidate {
  day: string;
  shared: number;
  /** The cue that agrees: 'the same weekday (Thursday)', 'the same month'. */
  cue: string;
  file: string;
  quote: string;
  own: string;
}

const PER_PAIR = 50;
/** Actor numbers in a pair key: far more actors than a corpus names. */
const PAIR_BASE = 1 << 20;
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/**
 * Infers the dates of the undated articles among `articles` from the dated ones; returns one
 * result, with its diagnostic, per undated article. Looked up by actor pair, never by
 * comparing all articles with each other.
 */
export function inferArticleDates(articles: ArticleToDate[]): DateInference[] {
  // Actor pairs are numbers, not strings: the index is looked up once per pair of every
  // sentence's actors.
  const actorNumbers = new Map<string, number>();
  const pairKeys = (actors: string[]): number[] => {
    const numbers = actors.map((actor) => {
      let n = actorNumbers.get(actor);
      if (n === undefined) actorNumbers.set(actor, (n = actorNumbers.size));
      return n;
    });
    const keys: number[] = [];
    for (let i = 0; i < numbers.length; i++)
      for (let j = i + 1; j < numbers.length; j++)
        keys.push((numbers[i] as number) * PAIR_BASE + (numbers[j] as number));
    return keys;
  };
  // Relation types as bits: whether two reports share a type is one AND.
  const typeBits = new Map<RelationType, number>();
  const bitsOf = (types: RelationType[]): number => {
    let bits = 0;
    for (const t of types) {
      let bit = typeBits.get(t);
      if (bit === undefined) typeBits.set(t, (bit = 1 << typeBits.size));
      bits |= bit;
    }
    return bits;
  };
  const index = new Map<number, DatedReport[]>();
  // One number per distinct report (file and quote): an undated article meets each report
  // once per actor pair it shares with it, and two reports with one id count as one.
  const quotesByFile = new Map<string, Map<string, number>>();
  let reports = 0;
  for (const a of articles) {
    if (!a.published) continue;
    let quotes = quotesByFile.get(a.file);
    if (!quotes) quotesByFile.set(a.file, (quotes = new Map()));
    for (const e of a.events) {
      if (!e.day) continue;
      let id = quotes.get(e.quote);
      if (id === undefined) quotes.set(e.quote, (id = reports++));
      const entry: DatedReport = {
        report: e,
        types: bitsOf(e.types),
        file: a.file,
        day: e.day,
        id,
        weekday: weekdayOf(e.day),
        month: Number(e.day.slice(5, 7)),
        year: Number(e.day.slice(0, 4)),
      };
      for (const key of pairKeys(e.actors)) {
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        if (list.length < PER_PAIR) list.push(entry);
      }
    }
  }
  const out: DateInference[] = [];
  const seen = new Set<number>();
  for (const a of articles) {
    if (a.published) continue;
    const bounds = a.bounds ?? ownBounds(a.text);
    const candidates: Candidate[] = [];
    // Reasons by file, made into "file (reason)" only when the diagnostic needs them.
    const refused = new Map<string, Set<string>>();
    for (const e of a.events) {
      // A sentence without a weekday or month cannot be matched to a day, and one with a year
      // of its own reports an older event.
      if ((e.weekday === null && e.month === null) || e.yearCue) continue;
      seen.clear();
      const types = bitsOf(e.types);
      for (const key of pairKeys(e.actors)) {
        for (const c of index.get(key) ?? []) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          // Found under a pair of its actors: two in common at least. The count itself is
          // needed only for a report that fits.
          const why = mismatch(e, types, 2, c, bounds, a.datelineDay);
          if (why) {
            // The refusals are reported only when no report fits.
            if (candidates.length) continue;
            const reasons = refused.get(c.file);
            if (reasons) reasons.add(why);
            else refused.set(c.file, new Set([why]));
            continue;
          }
          candidates.push({
            day: datelineDayIn(c.day, a.datelineDay) ?? c.day,
            shared: sharedCount(e.actors, c.report.actors),
            cue:
              e.weekday !== null
                ? `the same weekday (${WEEKDAY_NAMES[e.weekday] ?? ''})`
                : 'the same month',
            file: c.file,
            quote: c.report.quote,
            own: e.quote,
          });
        }
      }
    }
    out.push(decide(a.id, a.file, candidates, refused, bounds));
  }
  return out;
}

/** A dated article's report in the index, with what every comparison reads of its day. */
interface DatedReport {
  report: EventReport;
  /** The report's relation types as bits. */
  types: number;
  file: string;
  day: string;
  id: number;
  weekday: number;
  month: number;
  year: number;
}

/** How many of `own`'s actors `other` names too. */
function sharedCount(own: string[], other: string[]): number {
  let n = 0;
  for (const x of own) if (other.includes(x)) n++;
  return n;
}

/** Why a dated report cannot date the undated sentence, or null when everything agrees. */
function mismatch(
  own: EventReport,
  ownTypes: number,
  shared: number,
  dated: DatedReport,
  bounds: { year: number | null; day: string | null },
  dateline: { month: number; day: number } | null,
): string | null {
  if (shared < 2) return 'other actors';
  if ((ownTypes & dated.types) === 0) return 'another kind of event';
  if (own.weekday !== null && dated.weekday !== own.weekday) return 'another weekday';
  if (own.month !== null && dated.month !== own.month) return 'another month';
  if (bounds.year !== null && dated.year < bounds.year) return `the article reports ${bounds.year}`;
  if (bounds.day !== null && dated.day < bounds.day) return `the article reports ${bounds.day}`;
  if (dateline && datelineDayIn(dated.day, dateline) === null)
    return 'its dateline gives another day';
  return null;
}

/** The dateline's day in the year of `day`, when it is that day or up to a week after it. */
function datelineDayIn(
  day: string,
  dateline: { month: number; day: number } | null,
): string | null {
  if (!dateline) return null;
  const d = isoOf(Number(day.slice(0, 4)), dateline.month, dateline.day);
  if (!d) return null;
  const gap = daysBetween(day, d);
  return gap >= 0 && gap <= 7 ? d : null;
}

function decide(
  id: string,
  file: string,
  candidates: Candidate[],
  refused: Map<string, Set<string>>,
  bounds: { year: number | null; day: string | null },
): DateInference {
  const best = Math.max(0, ...candidates.map((c) => c.shared));
  const top = candidates.filter((c) => c.shared === best);
  const days = [...new Set(top.map((c) => c.day))].sort();
  const bound = bounds.day
    ? `; its text reports events up to ${bounds.day}, so it is not older`
    : bounds.year !== null
      ? `; its text reports ${bounds.year}, so it is not older than that year`
      : '';
  if (days.length === 1 && top[0]) {
    const c = top[0];
    return {
      id,
      date: c.day,
      diagnostic: {
        file,
        level: 'info',
        message: `no date in the page; dated ${c.day} because “${clip(c.own)}” reports the event that ${c.file} dates: “${clip(c.quote)}” (${c.shared} actors in common, the same kind of event, ${c.cue}, no year in the article against it)`,
      },
    };
  }
  const why =
    days.length > 1
      ? `reports of the same event in other articles disagree (${days.join(', ')})`
      : refused.size
        ? `reports of its actors elsewhere do not fit: ${refusals(refused).slice(0, 3).join('; ')}`
        : 'none could be inferred from the corpus';
  return {
    id,
    date: null,
    diagnostic: {
      file,
      level: 'warning',
      message: `no date in the page and ${why}${bound}; its evidence is undated unless a sentence gives a date`,
    },
  };
}

/** Every refusal as "file (reason)", sorted. */
function refusals(refused: Map<string, Set<string>>): string[] {
  const all: string[] = [];
  for (const [file, reasons] of refused) for (const why of reasons) all.push(`${file} (${why})`);
  return all.sort();
}

function clip(text: string): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  return t.length > 90 ? t.slice(0, 87) + '…' : t;
}
