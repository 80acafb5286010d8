import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/pipeline/article';
import { splitSentences } from '../../src/pipeline/sentences';
import { findDates } from '../../src/pipeline/dates';
import { graphOf } from './pipeline-helpers';

describe('reading: header dates, title, outlet', () => {
  it.each([
    [' date 2025-04-10 Body text here.', '2025-04-10'],
    ['Fri Dec 26 19:00:00 UTC 2025: Okay.\nBody text here.', '2025-12-26'],
  ])('reads %j', (text, date) => {
    const a = readArticle(text, false);
    expect(a.published).toBe(date);
    expect(a.publishedSource).toBe('header');
  });

  it('reads a stamp the page prints as a date from the text', () => {
    const a = readArticle(
      'Title line\nNews Desk | Paris | Updated: 07-11-2025 00:11 IST\nBody text here.',
      false,
    );
    expect(a.published).toBe('2025-11-07');
    expect(a.publishedSource).toBe('text');
  });

  it('leaves an undated page undated', () => {
    expect(readArticle('Some headline\nSomething happened on Monday.', false).published).toBeNull();
  });

  it('takes the first short line as the title and the outlet from the page', () => {
    const a = readArticle(
      'Support The Daily Planet!\n\nMali and Niger sign pact\nMali and Niger signed a pact.',
      false,
    );
    expect(a.title).toBe('Mali and Niger sign pact');
    expect(a.outlet).toBe('The Daily Planet');
  });
});

describe('reading: boilerplate', () => {
  const page = [
    ' date 2025-01-02 Mali and Niger sign pact',
    'Mali and Niger signed a defence pact on Monday.',
    'The head of the junta Jane Doe / EPA / TASS',
    'This image is AI-generated and does not depict any real-life event.',
    'Read more',
    'TRENDING',
    '1',
    'Israel strikes Gaza as Brazil hosts talks with China',
    '© Copyright 2025 Example Media',
  ].join('\n');

  it('blanks boilerplate but keeps the body at its offsets', () => {
    const a = readArticle(page, false);
    expect(a.work).toHaveLength(page.length);
    expect(a.text).toContain('Mali and Niger signed a defence pact on Monday.');
    expect(a.text).not.toMatch(/TRENDING|Israel|EPA|AI-generated|Copyright|Read more/);
  });

  it('makes no actor or relation from boilerplate', () => {
    const g = graphOf(page);
    const ids = g.actors.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['mli', 'ner']));
    expect(ids).not.toEqual(expect.arrayContaining(['isr']));
    expect(ids.some((id) => ['isr', 'bra', 'chn'].includes(id))).toBe(false);
  });

  it('strips HTML markup and keeps offsets into the file', () => {
    const html =
      '<html><head><script>var Russia = 1;</script></head><body><nav>France Germany</nav><p>Russia attacked Ukraine.</p></body></html>';
    const g = graphOf(html);
    const ev = g.relations[0]?.evidence[0];
    expect(g.relations.map((r) => r.id)).toEqual(['rus--armed_conflict--hostile--ukr']);
    expect(ev && html.slice(ev.start, ev.end)).toBe(ev?.quote);
  });
});

describe('sentences', () => {
  it('splits with offsets and keeps abbreviations and initials', () => {
    const text = 'Gen. Smith met the U.S. envoy. He left.\n- A bullet line\nHeadline without stop';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Gen. Smith met the U.S. envoy.',
      'He left.',
      'A bullet line',
      'Headline without stop',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('ends a sentence at a single letter when a sentence opener follows', () => {
    const text = 'The minister said so on X. The convoys left. J. R. Smith met John F. Kennedy.';
    expect(splitSentences(text).map((x) => x.text)).toEqual([
      'The minister said so on X.',
      'The convoys left.',
      'J. R. Smith met John F. Kennedy.',
    ]);
  });

  it('cuts a run without sentence end into bounded pieces', () => {
    const text = 'word '.repeat(5000);
    const s = splitSentences(text);
    expect(s.length).toBeGreaterThan(10);
    expect(Math.max(...s.map((x) => x.end - x.start))).toBeLessThanOrEqual(1000);
  });
});

describe('dates', () => {
  const at = (s: string, ref: string | null = '2025-04-10') =>
    findDates(s, ref).map((d) => [d.value, d.basis]);

  it.each([
    ['They cut ties last year.', [['2024', 'relative']]],
    ['They met on Wednesday.', [['2025-04-09', 'relative']]],
    ['They met on Thursday.', [['2025-04-10', 'relative']]],
    ['The meeting on April 3, 2025 went well.', [['2025-04-03', 'explicit']]],
    ['Troops left in 2022.', [['2022', 'explicit']]],
    ['It happened in July.', [['2024-07', 'relative']]],
    ['France intervened over a decade ago.', [['2015', 'relative']]],
    ['Talks were held last week.', [['2025-04', 'relative']]],
    ['Talks were held in March 2024.', [['2024-03', 'explicit']]],
    // A month or a day whose year the next words give.
    ['Fighting broke out in April last year.', [['2024-04', 'relative']]],
    ['They met on March 3 of last year.', [['2024-03-03', 'relative']]],
    [
      "In March, last year's deal collapsed.",
      [
        ['2025-03', 'relative'],
        ['2024', 'relative'],
      ],
    ],
  ])('%s', (s, expected) => {
    expect(at(s)).toEqual(expected);
  });

  it('cannot resolve a relative date without a reference', () => {
    expect(at('They met on Wednesday.', null)).toEqual([[null, 'relative']]);
  });

  it('gives evidence the article date when the sentence has none, and the nearest date otherwise', () => {
    const g = graphOf(
      ' date 2025-04-10 Mali cut ties with Ukraine. France was forced to withdraw from Mali in 2022 after coups in 2020.',
    );
    const dates = Object.fromEntries(
      g.relations.map((r) => [r.id, r.evidence.map((e) => [e.date, e.dateBasis])]),
    );
    expect(dates['mli--rupture--hostile--ukr']).toEqual([['2025-04-10', 'published']]);
    expect(dates['fra--rupture--hostile--mli']).toEqual([['2022', 'explicit']]);
  });
});

describe('undated articles', () => {
  it('dates an undated article from a dated report of the same event, with the reason', () => {
    const dated =
      ' date 2025-04-10 The foreign ministers of Mali and Niger met Russia in Moscow on April 3, 2025.';
    const undated = 'Mali and Niger met their Russian counterpart on Thursday in Moscow.';
    const g = graphOf(dated, undated);
    const article = g.articles.find((a) => a.file === 'article-1.txt');
    expect(article?.published).toBe('2025-04-03');
    expect(article?.publishedSource).toBe('inferred');
    expect(g.diagnostics.find((d) => d.file === 'article-1.txt')?.message).toMatch(
      /dated 2025-04-03 because/,
    );
  });

  it('does not infer from an event on another weekday', () => {
    const g = graphOf(
      ' date 2025-04-10 Mali and Niger met Russia on April 3, 2025.',
      'Mali and Niger met Russia on Monday.',
    );
    expect(g.articles.find((a) => a.file === 'article-1.txt')?.published).toBeNull();
  });

  it('never invents a date when nothing supports one', () => {
    const g = graphOf('Mali and Niger met Russia on Monday.');
    expect(g.articles[0]?.published).toBeNull();
    expect(g.relations.every((r) => r.evidence.every((e) => e.date === null))).toBe(true);
  });
});

describe('reading: regressions found on unseen articles', () => {
  it('reads a date line under the headline and never dates a page by today', () => {
    const a = readArticle(
      'Headline here\nBy Reuters\nApril 7, 2025 6:45 PM GMT+1 Updated 2 days ago\nBody.',
      false,
    );
    expect(a.published).toBe('2025-04-07');
    const b = readArticle('Headline here\nUpdated 2 days ago\nBody text here.', false);
    expect(b.published).toBeNull();
  });

  it('blanks a dateline with a date and an agency, and names the agency as outlet', () => {
    const a = readArticle(
      'Headline\nBAMAKO, April 6 (Reuters) - Mali cut ties with Ukraine.',
      false,
    );
    expect(a.outlet).toBe('Reuters');
    expect(a.work).not.toContain('BAMAKO');
    expect(a.text).toContain('Mali cut ties with Ukraine.');
  });
});

describe('reading: more page furniture', () => {
  it('reads "Issued on:" and "Published On" stamps and drops them with the widgets', () => {
    const a = readArticle(
      'Headline\nIssued on: 12/01/2025 - 10:32\n2 min Reading time\nNiger met Chad.',
      false,
    );
    expect(a.published).toBe('2025-01-12');
    expect(a.text).toBe('Niger met Chad.');
    const b = readArticle(
      'Headline\nPublished On 31 Jan 2022\nListen to this article\nBody text here.',
      false,
    );
    expect(b.published).toBe('2022-01-31');
    expect(b.text).not.toMatch(/Published On|Listen/);
  });

  it('names the outlet from a closing "Source:" line', () => {
    expect(
      readArticle('Headline\nBody text here.\nSource: Al Jazeera and news agencies', false).outlet,
    ).toBe('Al Jazeera');
  });
});

describe('dates: deadlines are not event dates', () => {
  it('gives "within 72 hours" no date of its own', () => {
    const g = graphOf(
      ' date 2022-01-31 Mali ordered the French ambassador to leave within 72 hours.',
    );
    expect(g.relations[0]?.evidence[0]?.date).toBe('2022-01-31');
  });
});

describe('reading: teaser cards', () => {
  it('drops a headline repeated twice in a row, and keeps a headline repeated further down', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      'Mali and Niger signed a defence pact on Monday.',
      'Mali and Niger sign a pact',
      'Israel and Brazil sign a trade deal',
      'Israel and Brazil sign a trade deal',
    ].join('\n');
    const a = readArticle(page, false);
    expect(a.text).not.toContain('Israel');
    expect(graphOf(page).actors.map((x) => x.id)).toEqual(['mli', 'ner']);
  });
});

describe('reading: a dated dateline names where a story was filed', () => {
  it('makes no actor of the city in "Paris, 3 May 2024:"', () => {
    const g = graphOf('Paris, 3 May 2024: Mali cut diplomatic ties with Ukraine.');
    expect(g.actors.map((a) => a.id).sort()).toEqual(['mli', 'ukr']);
    expect(g.articles[0]?.published).toBe('2024-05-03');
  });
});
