/**
 * Where to highlight names in a quote and where a quote sits in an article's cleaned text.
 * Results are plain ranges; the components render them as text nodes, never as HTML.
 */
import type { Actor, Evidence } from './schema';
import { actorNames } from './graphIndex';

export interface Segment {
  text: string;
  /** The actor named by this part of the quote, if any. */
  actorId: string | null;
}

interface Range {
  start: number;
  end: number;
  actorId: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges from the pipeline's mentions, which are offsets into the article file. */
function rangesFromMentions(evidence: Evidence): Range[] {
  const length = evidence.quote.length;
  return (evidence.mentions ?? [])
    .map((m) => ({
      start: Math.max(0, m.start - evidence.start),
      end: Math.min(length, m.end - evidence.start),
      actorId: m.actorId,
    }))
    .filter((r) => r.end > r.start);
}

/** Ranges found by matching each actor's names as whole words, longest names first. */
function rangesFromAliases(quote: string, actors: readonly Actor[]): Range[] {
  const names = actors
    .flatMap((actor) => actorNames(actor).map((name) => ({ name, actorId: actor.id })))
    .filter((n) => n.name.length > 1)
    .sort((a, b) => b.name.length - a.name.length);
  const ranges: Range[] = [];
  for (const { name, actorId } of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of quote.matchAll(pattern)) {
      ranges.push({ start: match.index, end: match.index + match[0].length, actorId });
    }
  }
  return ranges;
}

/** Splits a quote into plain and actor-name segments. */
export function highlightQuote(evidence: Evidence, actors: readonly Actor[]): Segment[] {
  const quote = evidence.quote;
  const fromMentions = rangesFromMentions(evidence);
  const candidates = fromMentions.length > 0 ? fromMentions : rangesFromAliases(quote, actors);
  // Keep the earliest, then longest, range where two overlap.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const range of candidates) {
    if (range.start < cursor) continue;
    if (range.start > cursor)
      segments.push({ text: quote.slice(cursor, range.start), actorId: null });
    segments.push({ text: quote.slice(range.start, range.end), actorId: range.actorId });
    cursor = range.end;
  }
  if (cursor < quote.length) segments.push({ text: quote.slice(cursor), actorId: null });
  return segments;
}

/**
 * Where a quote occurs in a text: exactly if possible, otherwise ignoring differences in
 * whitespace (cleaning may have joined lines or collapsed spaces). Null when it is not there.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const needle = quote.replace(/\s+/g, '');
  if (needle === '') return null;
  // Map each non-space character of the text back to its offset.
  let squeezed = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) continue;
    squeezed += ch;
    offsets.push(i);
  }
  const at = squeezed.indexOf(needle);
  if (at < 0) return null;
  const start = offsets[at];
  const last = offsets[at + needle.length - 1];
  if (start === undefined || last === undefined) return null;
  return { start, end: last + 1 };
}
