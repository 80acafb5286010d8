/**
 * Event dates: the date a sentence reports, at the precision the text gives, resolved
 * against the article's date. chrono-node reads the calendar expressions; bare years,
 * decades-ago and 'last week' are read here, because chrono misses the first two and gives
 * the third a falsely exact day.
 */
import * as chrono from './chrono';
import type { DateBasis } from '../model/schema';
import { asciiSafe, withTwin } from './lexicon';

export interface DateExpression {
  start: number;
  end: number;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when it needs a reference date that is missing. */
  value: string | null;
  basis: Extract<DateBasis, 'explicit' | 'relative'>;
  weekday: number | null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  several: 3,
  few: 3,
};

/** A cheap gate: only sentences that could hold a date are given to chrono. */
const MAYBE_DATE = withTwin(
  // Whole words only: 'market' or 'Sunni' hold no date, and chrono is the costliest step.
  '\\d|\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|yesterday|today|tonight|ago|decades?|weeks?|weekend|months?|years?)\\b',
  'iu',
);
const RELATIVE_UNIT = withTwin(
  '\\b(last|this|next|previous|the following|the previous) (year|month|week)\\b',
  'giu',
);
const YEARS_AGO = withTwin(
  '\\b(?:over |more than |nearly |almost |about |some )?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\\d{1,2}) (decades?|years?) ago\\b',
  'giu',
);
const BARE_YEAR = withTwin(
  '\\b(?:in|since|by|from|until|during|early|late|mid|before|after|of|year|between|and|to)[ -](19[5-9]\\d|20[0-4]\\d)\\b(?!s)',
  'giu',
);
const ON_WEEKDAY = withTwin(
  '\\b(?:on|last|this|past) (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b',
  'giu',
);

const NAMED_MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;
const FUTURE_CUE =
  /\b(?:will|would|shall|next|upcoming|due|scheduled|expected|set to|plans? to|until|by|deadline|before)\b/iu;

/** Every match of a global regex, as `matchAll` gives them (these patterns never match ''). */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m);
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

let lastRef: string | null = null;
let lastRefDate: Date | null = null;

/** The reference instant; the last one is kept (it is never mutated: copies are made). */
function parseRef(ref: string | null): Date | null {
  if (!ref) return null;
  if (ref !== lastRef || !lastRefDate) {
    lastRef = ref;
    lastRefDate = new Date(`${ref}T12:00:00Z`);
  }
  return lastRefDate;
}

function day(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The most recent given weekday on or before the reference day. */
export function weekdayOnOrBefore(ref: string, weekday: number): string {
  const d = new Date(`${ref}T12:00:00Z`);
  const back = (d.getUTCDay() - weekday + 7) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return day(d);
}

export function weekdayOf(dayStr: string): number {
  return new Date(`${dayStr}T12:00:00Z`).getUTCDay();
}

/** Adds `x` unless it overlaps one already found (module-level: tsx names closures per call). */
function addDate(out: DateExpression[], x: DateExpression): void {
  for (const d of out) if (!(x.end <= d.start || x.start >= d.end)) return;
  out.push(x);
}

/** Every date expression in a sentence, with its value resolved against `ref` (YYYY-MM-DD). */
export function findDates(sentence: string, ref: string | null): DateExpression[] {
  const fast = asciiSafe(sentence);
  if (!(fast ? MAYBE_DATE.fastRegex : MAYBE_DATE.regex).test(sentence)) return [];
  const out: DateExpression[] = [];
  const refDate = parseRef(ref);
  const refYear = refDate?.getUTCFullYear() ?? null;

  for (const m of allMatches(fast ? RELATIVE_UNIT.fastRegex : RELATIVE_UNIT.regex, sentence)) {
    const which = (m[1] ?? '').toLowerCase();
    const unit = (m[2] ?? '').toLowerCase();
    const shift = which === 'this' ? 0 : which === 'next' || which === 'the following' ? 1 : -1;
    let value: string | null = null;
    if (refDate) {
      const d = new Date(refDate);
      if (unit === 'year') value = String(d.getUTCFullYear() + shift);
      else if (unit === 'month') {
        d.setUTCDate(1);
        d.setUTCMonth(d.getUTCMonth() + shift);
        value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      } else {
        d.setUTCDate(d.getUTCDate() + 7 * shift);
        value = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      }
    }
    addDate(out, {
      start: m.index,
      end: m.index + m[0].length,
      value,
      basis: 'relative',
      weekday: null,
    });
  }
  for (const m of allMatches(fast ? YEARS_AGO.fastRegex : YEARS_AGO.regex, sentence)) {
    const n = NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
    const years = (m[2] ?? '').toLowerCase().startsWith('decade') ? 10 * n : n;
    addDate(out, {
      start: m.index,
      end: m.index + m[0].length,
      value: refYear === null ? null : String(refYear - years),
      basis: 'relative',
      weekday: null,
    });
  }

  const results = refDate
    ? chrono.parse(sentence, { instant: refDate, timezone: 'UTC' })
    : chrono.parse(sentence);
  for (const r of results) {
    const s = r.start;
    const start = r.index;
    const end = r.index + r.text.length;
    if (/^\d{1,4}$/u.test(r.text.trim())) continue;
    // Without the article's date, only a date that names its year can be trusted (never today's).
    if (!refDate && !/\b\d{4}\b/u.test(r.text)) continue;
    // chrono gives a day without a year the year that puts it nearest the reference, so 'since
    // Mar 20' read on February 2 is next March. News reports the past: a named month and day
    // after the article's date is last year's, unless the sentence speaks of what is to come.
    let yearBack = 0;
    if (
      refDate &&
      !/\b\d{4}\b/u.test(r.text) &&
      s.isCertain('day') &&
      s.date().getTime() > refDate.getTime() + 86_400_000
    ) {
      // 'within 72 hours', 'in two weeks': a deadline, not the date of what happened.
      if (!NAMED_MONTH.test(r.text) || FUTURE_CUE.test(sentence)) continue;
      yearBack = 1;
    }
    if (s.isCertain('day') && s.isCertain('month')) {
      const y = (s.get('year') ?? 0) - yearBack;
      if (!s.isCertain('year') && !refDate) continue;
      addDate(out, {
        start,
        end,
        value: `${y}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`,
        basis: s.isCertain('year') ? 'explicit' : 'relative',
        weekday: null,
      });
    } else if (s.isCertain('weekday') && !s.isCertain('day')) {
      const weekday = s.get('weekday') ?? 0;
      addDate(out, {
        start,
        end,
        value: ref ? weekdayOnOrBefore(ref, weekday) : null,
        basis: 'relative',
        weekday,
      });
    } else if (s.isCertain('month')) {
      let y = s.get('year') ?? refYear ?? 0;
      const month = s.get('month') ?? 1;
      if (!s.isCertain('year')) {
        if (!refDate) continue;
        // News reports the past: 'in July' read in April means last July, 'in January' this one.
        y =
          month > refDate.getUTCMonth() + 1
            ? refDate.getUTCFullYear() - 1
            : refDate.getUTCFullYear();
      }
      addDate(out, {
        start,
        end,
        value: `${y}-${pad(month)}`,
        basis: s.isCertain('year') ? 'explicit' : 'relative',
        weekday: null,
      });
    } else if (s.isCertain('year')) {
      addDate(out, { start, end, value: String(s.get('year')), basis: 'relative', weekday: null });
    } else if (refDate && /\b(?:yesterday|today|tonight|last night)\b/iu.test(r.text)) {
      addDate(out, { start, end, value: day(s.date()), basis: 'relative', weekday: null });
    }
  }
  for (const m of allMatches(fast ? BARE_YEAR.fastRegex : BARE_YEAR.regex, sentence)) {
    const yStart = m.index + m[0].length - 4;
    addDate(out, {
      start: yStart,
      end: yStart + 4,
      value: m[1] ?? null,
      basis: 'explicit',
      weekday: null,
    });
  }
  for (const m of allMatches(fast ? ON_WEEKDAY.fastRegex : ON_WEEKDAY.regex, sentence)) {
    const weekday = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
    addDate(out, {
      start: m.index,
      end: m.index + m[0].length,
      value: ref ? weekdayOnOrBefore(ref, weekday) : null,
      basis: 'relative',
      weekday,
    });
  }
  return withRelativeYears(
    sentence,
    out.sort((a, b) => a.start - b.start),
  );
}

/**
 * 'in April last year', 'on March 3 of this year': a month or day whose year the next words
 * give ('last year' read alone is a year), instead of the year nearest the article's date.
 */
function withRelativeYears(sentence: string, dates: DateExpression[]): DateExpression[] {
  const out: DateExpression[] = [];
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i] as DateExpression;
    const next = dates[i + 1];
    if (
      next &&
      d.basis === 'relative' &&
      d.weekday === null &&
      d.value !== null &&
      /^\d{4}-\d{2}(?:-\d{2})?$/u.test(d.value) &&
      next.basis === 'relative' &&
      next.value !== null &&
      /^\d{4}$/u.test(next.value) &&
      /^\s*(?:of\s+)?$/iu.test(sentence.slice(d.end, next.start)) &&
      !/[,;]/u.test(sentence.slice(d.start, next.start)) &&
      /^(?:last|this|next)\s+year$/iu.test(sentence.slice(next.start, next.end).trim())
    ) {
      out.push({ ...d, end: next.end, value: next.value + d.value.slice(4) });
      i++;
    } else out.push(d);
  }
  return out;
}
