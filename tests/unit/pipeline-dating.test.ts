import { describe, expect, it } from 'vitest';
import { eventReport, ownBounds } from '../../src/pipeline/infer-dates';
import { findDates } from '../../src/pipeline/dates';
import { graphOf } from './pipeline-helpers';

/** Texts written for these tests. article-0 is dated; the others are not. */
const dated =
  ' date 2025-04-10 The foreign ministers of Mali and Niger met Russia in Moscow on April 3, 2025.';

function undatedResult(...texts: string[]) {
  const g = graphOf(dated, ...texts);
  const article = g.articles.find((a) => a.file === 'article-1.txt');
  const message = g.diagnostics.find(
    (d) => d.file === 'article-1.txt' && /date/u.test(d.message),
  )?.message;
  return { published: article?.published ?? null, source: article?.publishedSource, message };
}

describe('dating undated articles from the corpus', () => {
  it('dates from a report of the same event with the same weekday, and says why', () => {
    const r = undatedResult('Mali and Niger met their Russian counterpart on Thursday in Moscow.');
    expect(r.published).toBe('2025-04-03');
    expect(r.source).toBe('inferred');
    expect(r.message).toMatch(
      /dated 2025-04-03 because .* article-0\.txt .*same weekday \(Thursday\)/u,
    );
  });

  it('dates from an agreeing month cue', () => {
    expect(undatedResult('Mali and Niger met their Russian counterpart in April.').published).toBe(
      '2025-04-03',
    );
  });

  it('takes the day of a dateline without a year when it is within a week of the event', () => {
    const r = undatedResult(
      'MOSCOW, April 5 (Reuters) - Mali and Niger met their Russian counterpart on Thursday.',
    );
    expect(r.published).toBe('2025-04-05');
  });

  it.each([
    ['another weekday', 'Mali and Niger met Russia on Monday.'],
    ['another month', 'Mali and Niger met their Russian counterpart in Moscow in June.'],
    ['no weekday or month at all', 'Mali and Niger met their Russian counterpart in Moscow.'],
    ['another kind of event', 'Mali and Niger cut ties with Russia on Thursday.'],
    [
      'a year cue in the sentence',
      'Mali and Niger met their Russian counterpart on Thursday, as they did last year.',
    ],
    [
      'a later year in the article',
      'Mali and Niger met their Russian counterpart on Thursday in Moscow.\nThe juntas left the regional bloc in 2026.',
    ],
    [
      'a later full day in the article',
      'Mali and Niger met their Russian counterpart on Thursday in Moscow.\nThe talks followed a summit held on May 20, 2025.',
    ],
    [
      'a dateline more than a week after the event',
      'MOSCOW, April 25 (Reuters) - Mali and Niger met their Russian counterpart on Thursday.',
    ],
  ])('refuses with %s', (_, text) => {
    const r = undatedResult(text);
    expect(r.published).toBeNull();
    expect(r.message).toMatch(/^no date in the page and /u);
  });

  it('refuses when reports of the event disagree on the day', () => {
    const g = graphOf(
      dated,
      'Mali and Niger met their Russian counterpart on Thursday in Moscow.',
      ' date 2025-03-30 The ministers of Mali and Niger met Russia in Moscow on March 27, 2025.',
    );
    const a = g.articles.find((x) => x.file === 'article-1.txt');
    expect(a?.published).toBeNull();
    expect(g.diagnostics.find((d) => d.file === 'article-1.txt')?.message).toMatch(/disagree/u);
  });

  it('says what the text of an undated article bounds, and never dates it from that', () => {
    const g = graphOf('Mali and Niger cut ties on Monday. France withdrew on March 3, 2024.');
    expect(g.articles[0]?.published).toBeNull();
    expect(g.diagnostics.map((d) => d.message).join('\n')).toMatch(/up to 2024-03-03/u);
  });
});

describe('temporal cues of an event sentence', () => {
  it.each([
    ['They met on Thursday in Moscow.', { weekday: 4, month: null, yearCue: false }],
    ['They met in January.', { weekday: null, month: 1, yearCue: false }],
    ['They met on Sept. 17 in Benghazi.', { weekday: null, month: 9, yearCue: false }],
    ['Mali may seek talks; rebels marched on Monday.', { weekday: 1, month: null, yearCue: false }],
    ['They met in March 2023.', { weekday: null, month: null, yearCue: false }],
    ['They met last year.', { weekday: null, month: null, yearCue: true }],
    ['They met last April.', { weekday: null, month: 4, yearCue: true }],
  ])('%s', (quote, expected) => {
    const weekday = /thursday/iu.test(quote) ? 4 : /monday/iu.test(quote) ? 1 : null;
    const dates =
      weekday === null
        ? []
        : [{ start: 0, end: 1, value: null, basis: 'relative' as const, weekday }];
    const r = eventReport(quote, ['mli', 'ner'], ['diplomatic_engagement'], dates, null);
    expect({ weekday: r.weekday, month: r.month, yearCue: r.yearCue }).toEqual(expected);
  });

  it('reads past years and days as bounds, and plans as none', () => {
    expect(ownBounds('Troops left in 2022. All will leave by 2030.')).toEqual({
      year: 2022,
      day: null,
    });
    expect(
      ownBounds('The force is expected to begin on January 1, 2027.\nTalks ended on May 2, 2024.'),
    ).toEqual({ year: 2024, day: '2024-05-02' });
  });
});

describe('evidence dates: a day without a year', () => {
  const at = (sentence: string) => findDates(sentence, '2024-02-02').map((d) => d.value);

  it('is the last such day before the article, never a later one', () => {
    expect(at('Fighting has raged since Mar 20.')).toEqual(['2023-03-20']);
    expect(at('The envoy was recalled on Jan 28.')).toEqual(['2024-01-28']);
  });

  it('is no event date when the sentence speaks of what is to come', () => {
    expect(at('Talks will resume on March 20.')).toEqual([]);
  });
});

describe('evidence dates: a deadline', () => {
  const dateOf = (text: string) => graphOf(` date 2025-03-10 ${text}`).relations[0]?.evidence[0];

  it('is not the event date when the sentence has another date', () => {
    // Said in October (2024); the end of 2026 is only the deadline.
    const e = dateOf(
      "Chad's president said in October that every French soldier would leave Chad by the end of 2026.",
    );
    expect([e?.date, e?.dateBasis]).toEqual(['2024-10', 'relative']);
  });

  it('is the date when it is the only one', () => {
    expect(dateOf('French troops will leave Chad by March 2026.')?.date).toBe('2026-03');
  });
});
