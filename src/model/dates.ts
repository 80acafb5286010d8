/**
 * Calendar arithmetic on whole UTC days and months. Days are counted from 1970-01-01 and
 * months as year * 12 + (month - 1), so windows and overlaps are plain integer comparisons.
 */

const MS_PER_DAY = 86_400_000;

export type DayNumber = number;
export type MonthIndex = number;

export interface DayInterval {
  start: DayNumber;
  end: DayNumber;
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayToIso(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

export function monthYear(index: MonthIndex): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthStartDay(index: MonthIndex): DayNumber {
  const { year, month } = monthYear(index);
  return dayNumber(year, month, 1);
}

export function monthEndDay(index: MonthIndex): DayNumber {
  return monthStartDay(index + 1) - 1;
}

export function monthOfDay(day: DayNumber): MonthIndex {
  const date = new Date(day * MS_PER_DAY);
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** 'YYYY-MM' */
export function isoMonth(index: MonthIndex): string {
  const { year, month } = monthYear(index);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function parseIsoMonth(text: string): MonthIndex | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (!match) return null;
  return monthIndex(Number(match[1]), Number(match[2]));
}

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** 'Mar 2025' */
export function formatMonth(index: MonthIndex): string {
  const { year, month } = monthYear(index);
  return `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/**
 * The days a partial date covers: 'YYYY' is the whole year, 'YYYY-MM' the whole month,
 * 'YYYY-MM-DD' that day. Returns null for text that is not such a date.
 */
export function partialDateInterval(date: string): DayInterval | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) - 1 };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) {
    const index = monthIndex(year, month);
    return { start: monthStartDay(index), end: monthEndDay(index) };
  }
  const day = dayNumber(year, month, Number(match[3]));
  return { start: day, end: day };
}

export function intervalsOverlap(a: DayInterval, b: DayInterval): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** How a partial date reads to a person: '2025', 'Mar 2025', '12 Mar 2025'. */
export function formatPartialDate(date: string | null): string {
  if (date === null) return 'undated';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const year = Number(match[1]);
  if (match[2] === undefined) return String(year);
  const month = formatMonth(monthIndex(year, Number(match[2])));
  if (match[3] === undefined) return month;
  return `${Number(match[3])} ${month}`;
}
