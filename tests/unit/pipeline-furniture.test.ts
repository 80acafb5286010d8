import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/pipeline/article';
import {
  inlineFurniture,
  isCaption,
  isInlineTeaser,
  lineShape,
  isProse,
} from '../../src/pipeline/furniture';
import { graphOf } from './pipeline-helpers';

/** Texts written for these tests; every page is made up. */
const body = [
  'Mali and Niger signed a defence pact in Bamako on Monday, their foreign ministers said.',
  '',
  'The two juntas said the pact would let their armies pursue militants across the border.',
].join('\n');

function actorIds(page: string): string[] {
  return graphOf(page).actors.map((a) => a.id);
}

describe('furniture: related blocks and what follows them', () => {
  it.each([
    ['Next In World'],
    ['RELATED CONTENT'],
    ['Top news'],
    ['Most read'],
    ['Recommended'],
    ['Related'],
    ['More from Example News ›'],
    ['Recommended Stories'],
  ])('drops a "%s" list of headlines and keeps the article around it', (heading) => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      body,
      '',
      heading,
      'Thailand floods leave thousands without power',
      'Venezuela opposition leader detained at airport',
      'IMF cuts growth forecast for emerging economies',
      'Trump says tariffs on steel will stay in place',
    ].join('\n');
    const a = readArticle(page, false);
    expect(a.text).toContain('their foreign ministers said.');
    expect(a.text).not.toMatch(/Thailand|Venezuela|IMF|Trump/);
    expect(actorIds(page)).toEqual(['mli', 'ner']);
  });

  it('ends a related box where the article resumes with two prose paragraphs', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      'Mali and Niger signed a defence pact in Bamako on Monday, their foreign ministers said.',
      'RELATED CONTENT',
      'Chad and Sudan trade blame over border clashes',
      'Chad calls home its envoy to Khartoum after the raids, officials say.',
      'Algeria hosts talks on the Libyan crisis',
      'The pact follows months of talks between the two governments, which have both expelled French troops and turned to new partners for arms, officials said.',
      '"We will defend our borders together," the Nigerien minister said.',
    ].join('\n');
    const a = readArticle(page, false);
    expect(a.text).not.toMatch(/Chad|Sudan|Algeria|Khartoum/);
    expect(a.text).toContain('The pact follows months of talks');
    expect(a.text).toContain('"We will defend our borders together," the Nigerien minister said.');
  });

  it('is not ended by two short teaser summaries', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      body,
      'Most read',
      'Chad and Sudan trade blame over border clashes',
      'Chad recalled its envoy from Khartoum over the attacks.',
      'Talks between the two are due next week, officials said.',
    ].join('\n');
    expect(readArticle(page, false).text).not.toMatch(/Chad|Khartoum/);
  });

  it('drops a one-line teaser and makes no relation from it', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      body,
      'Related Russia to deepen arms ties with Chad after talks in Moscow',
      'Read: Chad accuses Sudan of arming rebels',
      'READ MORE:Algeria recalls envoy from Bamako',
    ].join('\n');
    expect(actorIds(page)).toEqual(['mli', 'ner']);
    expect(isInlineTeaser('Related talks were held in Niamey on Monday.')).toBe(false);
  });

  it('blanks a teaser and an embedded post inside a paragraph, up to where the text resumes', () => {
    // Paragraphs joined into one line, as a page's text often comes.
    const line = [
      'The convoy left at 11 a.m., sources said.',
      'ALSO READ: Bloc asks for safe passage from the east through Rwanda',
      'The initial group comprised 32 soldiers.',
      'ALSO READ: My visit to a force unwelcome in DR Congo Rwanda is escorting the convoys, the minister said.',
      'WATCH: Members of the mission began their withdrawal on Monday, May 5.https://t.co/AbCdEf1234 pic.twitter.com/GhIjKl5678 — The Daily Example (Rwanda) (@DailyExample) May 5, 2025',
      'Read more: U.S. troops leave Niger. The base closes.',
    ].join(' ');
    const kept = inlineFurniture(line).reduceRight(
      (text, [a, b]) => text.slice(0, a) + '|' + text.slice(b),
      line,
    );
    expect(kept).toBe(
      'The convoy left at 11 a.m., sources said. |The initial group comprised 32 soldiers. |Rwanda is escorting the convoys, the minister said. ||The base closes.',
    );
    // Offsets never move: the page's text keeps its sentences where they were.
    const page = [' date 2025-01-02 Mali and Niger sign a pact', '', line].join('\n');
    const text = readArticle(page, false).text;
    expect(text).toContain('The initial group comprised 32 soldiers.');
    expect(text).not.toMatch(/ALSO READ|Bloc asks|unwelcome|twitter|U\.S\. troops/);
    // Not a teaser: a lead word inside a sentence, or without its colon.
    expect(inlineFurniture('Officials said they would watch: the talks go on.')).toEqual([]);
    expect(inlineFurniture('He left. Related talks were held in Niamey.')).toEqual([]);
  });

  it('drops a run of headlines without a heading, and keeps short paragraphs and quotes', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      body,
      'Kenya and Somalia reopen their border',
      'Egypt sends troops to Djibouti',
      'Ethiopia and Eritrea trade accusations',
      '',
      'Mali welcomed the deal.',
      '"It is a historic day," he said.',
    ].join('\n');
    const a = readArticle(page, false);
    expect(a.text).not.toMatch(/Kenya|Egypt|Ethiopia/);
    expect(a.text).toContain('Mali welcomed the deal.');
    expect(a.text).toContain('"It is a historic day," he said.');
  });

  it('keeps one crosshead between paragraphs', () => {
    const page = [' date 2025-01-02 A pact', body, 'Security along the border first', body].join(
      '\n',
    );
    expect(readArticle(page, false).text).toContain('Security along the border first');
  });
});

describe('furniture: captions and credits', () => {
  it.each([
    'Kenyan President Jane Doe (L) and her Somali counterpart (R) shake hands in Nairobi.',
    'From left, the ministers of Kenya and Egypt pose before the talks.',
    'A handout picture released by the Kenyan presidency shows the two leaders in Nairobi.',
    'Troops of Kenya patrol the border near Mandera (AFP Photo)',
    'Kenyan soldiers on parade in Nairobi (Photo: Example Agency).',
    'The Kenyan delegation arrives in Addis Ababa. Example Stock Photo',
  ])('drops the caption %j, and its names make no actor', (caption) => {
    expect(isCaption(caption)).toBe(true);
    const page = [' date 2025-01-02 Mali and Niger sign a pact', caption, body].join('\n');
    expect(actorIds(page)).toEqual(['mli', 'ner']);
  });

  it('drops a caption that stands next to its credited copy', () => {
    const caption =
      'Kenyan soldiers guard a checkpoint near the Somali border after an attack on a convoy last week.';
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      caption,
      `Image: EXAMPLE/Jane Doe ${caption}`,
      body,
    ].join('\n');
    expect(readArticle(page, false).text).not.toContain('Kenyan');
  });

  it('drops a caption closed by a day and an agency credit, and the caption title above it', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a pact',
      'Kenyan envoy to the AU Jane Doe',
      '',
      'Kenyan envoy to the AU and trade adviser Jane Doe talks to reporters on March 2, 2024. REUTERS',
      body,
    ].join('\n');
    expect(actorIds(page)).toEqual(['mli', 'ner']);
    expect(isCaption('The minister said the pact would hold, he told Reuters.')).toBe(false);
  });

  it('blanks a dateline that names a country of several words', () => {
    const a = readArticle(
      'Rebels take the city of Bukavu\nBUKAVU, Democratic Republic of Congo - Rebels entered the city on Monday.',
      false,
    );
    expect(a.work).not.toContain('Democratic');
    expect(a.text).toBe('Rebels take the city of Bukavu\nRebels entered the city on Monday.');
  });

  it('gives a name seen only in a caption no alias', () => {
    const page = [
      ' date 2025-06-27 Rwanda and Congo sign a deal',
      'Trump shows a signed map to two envoys (L) and (R) at a dinner in Florida.',
      'Kenya and Somalia signed a border accord in Nairobi on Friday, with the United States as a witness.',
    ].join('\n');
    const us = graphOf(page).actors.find((a) => a.id === 'usa');
    expect(us?.aliases ?? []).not.toContain('Trump');
  });
});

describe('furniture: appeals and titles', () => {
  it('drops a donation appeal at the top and takes the headline as the title', () => {
    const page = [
      ' date 2025-01-02',
      'We need your help today',
      'Readers like you keep The Example Journal free for all.',
      'Please donate today so our newsroom can keep going.',
      'Jane Doe addresses a rally in the capital. Example Stock Photo',
      'Mali and Niger sign a defence pact',
      body,
    ].join('\n');
    const a = readArticle(page, false);
    expect(a.title).toBe('Mali and Niger sign a defence pact');
    expect(a.text).not.toMatch(/Readers like you|donate|Stock Photo/);
  });

  it('drops the heading of an appeal with it', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign a defence pact',
      body,
      'A message from our editors',
      'Readers like you keep The Example Journal free for all.',
    ].join('\n');
    expect(readArticle(page, false).text).not.toContain('A message from our editors');
  });

  it('takes the headline just above the body after a list of links', () => {
    const page = [
      'Trump says tariffs on steel will stay in place',
      'Thailand floods leave thousands without power',
      'IMF cuts growth forecast for emerging economies',
      'Mali and Niger sign a defence pact',
      body,
    ].join('\n');
    const a = readArticle(page, false);
    expect(a.title).toBe('Mali and Niger sign a defence pact');
    expect(a.text).not.toMatch(/Trump|Thailand|IMF/);
    expect(actorIds(page)).toEqual(['mli', 'ner']);
  });

  it('never takes a date line or a caption as the title', () => {
    const a = readArticle(
      ['Monday 12 February 2024 - 10:15', 'Mali scraps a peace deal with rebels', body].join('\n'),
      false,
    );
    expect(a.title).toBe('Mali scraps a peace deal with rebels');
  });

  it('tells prose from headlines by shape', () => {
    expect(isProse(lineShape(body.split('\n')[0] ?? ''))).toBe(true);
    expect(isProse(lineShape('Mali and Niger sign a defence pact'))).toBe(false);
  });
});

describe('metadata: dates the page prints', () => {
  it.each([
    ['Mali and Niger sign a pact\nUpdated 07 June 2025\n' + body, '2025-06-07'],
    ['Mali and Niger sign a pact\nPublished on 3 May 2024\n' + body, '2024-05-03'],
    ['Mali and Niger sign a pact\nLAST UPDATE | 9 Aug 2024\n' + body, '2024-08-09'],
    ['Headline\nNIAMEY, March 3, 2024 (Reuters) - ' + body, '2024-03-03'],
    ['Headline\nBy Jane Doe\nMarch 4, 2024 at 09:30 AM UTC\n' + body, '2024-03-04'],
    ['November 12, 2025 | The Example Review\nHeadline here\n' + body, '2025-11-12'],
    ['Headline here\nBy Jane Doe | May 3, 2024\n' + body, '2024-05-03'],
    ['Headline\nLondon, 14 May 2021:\n' + body, '2021-05-14'],
  ])('reads the date of %j as text', (page, date) => {
    const a = readArticle(page, false);
    expect(a.published).toBe(date);
    expect(a.publishedSource).toBe('text');
    expect(a.text).toContain('Mali and Niger signed');
  });

  it('drops a relative stamp and never dates the page by it', () => {
    const a = readArticle('Mali and Niger sign a pact\nUpdated 3 hours ago\n' + body, false);
    expect(a.published).toBeNull();
    expect(a.text).not.toContain('ago');
  });

  it('prefers the publication stamp to the update stamp', () => {
    const a = readArticle(
      'Mali and Niger sign a pact\nNews Desk | Updated: 07-06-2025 | Published: 03-05-2025\n' +
        body,
      false,
    );
    expect(a.published).toBe('2025-05-03');
  });

  it('keeps the header date line as the header', () => {
    const a = readArticle(' date 2025-04-10 Headline\nUpdated 07 June 2025\n' + body, false);
    expect(a.published).toBe('2025-04-10');
    expect(a.publishedSource).toBe('header');
  });

  it('reads a dated caption whose weekday the body confirms', () => {
    const a = readArticle(
      [
        'A minister visits Kazan',
        'A handout picture shows the minister (C) at an airbase near Kazan on March 5, 2024. (Example Photo)',
        'The minister landed in Kazan on Tuesday for a week of talks, her office said.',
      ].join('\n'),
      false,
    );
    expect(a.published).toBe('2024-03-05');
    expect(a.publishedSource).toBe('text');
  });

  it.each([
    [
      'a weekday the body contradicts',
      'The minister (C) at an airbase near Kazan on March 5, 2024.',
      'The minister landed in Kazan on Friday for a week of talks, her office said.',
    ],
    [
      'no weekday in the body to confirm it',
      'The minister (C) at an airbase near Kazan on March 5, 2024.',
      'The minister landed in Kazan for a week of talks, her office said.',
    ],
    [
      'a later year in the body',
      'The minister (C) at an airbase near Kazan on March 5, 2024.',
      'The minister landed in Kazan on Tuesday for talks on a deal signed in 2025.',
    ],
    [
      'a file photo',
      'FILE PHOTO: The minister (C) at an airbase near Kazan on March 5, 2024.',
      'The minister landed in Kazan for a week of talks, her office said.',
    ],
    [
      'a later full date in the body',
      'The minister (C) at an airbase near Kazan on March 5, 2024.',
      'The minister landed in Kazan on April 9, 2024 for a week of talks, her office said.',
    ],
  ])('does not date the article by a caption with %s', (_, caption, text) => {
    expect(readArticle(['Headline here', caption, text].join('\n'), false).published).toBeNull();
  });

  it.each([
    'The report, published on March 3, 2023, found that Mali and Niger had signed a pact.',
    'Published on March 3, 2023, the report found that Mali and Niger had signed a pact.',
  ])('does not take a date in a sentence for a stamp: %j', (sentence) => {
    expect(readArticle(`Headline here\n${sentence}`, false).published).toBeNull();
  });

  it('keeps the day and month of a dateline without a year, and no date', () => {
    const a = readArticle('Headline\nNIAMEY, March 3 (Reuters) - ' + body, false);
    expect(a.published).toBeNull();
    expect(a.datelineDay).toEqual({ month: 3, day: 3 });
  });
});

describe('metadata: outlets from credits', () => {
  it.each([
    ['Headline\nNIAMEY, March 3 (Reuters) - ' + body, 'Reuters'],
    ['Headline\n(Bloomberg) -- ' + body, 'Bloomberg'],
    ['Headline\nKismayo (XYZ) — ' + body, 'XYZ'],
    ['Headline\n' + body + '\nParis – AFP', 'AFP'],
    ['Headline\nBy Jane Doe | Devdiscourse\n' + body, 'Devdiscourse'],
    ['Headline\n' + body + '\nSource: The Example Times', 'The Example Times'],
    ['Headline\n' + body + ' AFP, REUTERS', 'AFP'],
  ])('names the outlet of %j', (page, outlet) => {
    expect(readArticle(page, false).outlet).toBe(outlet);
  });

  it('does not take a photo credit for the outlet', () => {
    const page = ['Headline', 'Soldiers on parade (L) in Niamey on Monday. REUTERS', body].join(
      '\n',
    );
    expect(readArticle(page, false).outlet).toBeNull();
  });
});
