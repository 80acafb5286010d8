import { describe, expect, it } from 'vitest';
import boilerplate from '../../src/pipeline/data/boilerplate.json';
import { anyOfRegex, textMode } from '../../src/pipeline/lexicon';

/** Lines of every mode: ASCII, curly quotes and dashes, ſ and the Kelvin sign, an emoji. */
const LINES = [
  'Please contribute what you can to keep our reporting free.',
  'Sign up for our daily newsletter.',
  'Soldiers parade in Bamako (L-R) on Friday. REUTERS/Staff',
  'A handout picture released by the presidency shows the two leaders.',
  '“Support independent journalism” — become a member today',
  'Subſcribe now to the newsletter ſtarting at \u212A5 a month',
  'Follow us on our WhatsApp channel 😀 for updates',
  'Mali and Russia signed a defence agreement in Moscow on Tuesday.',
  'Photo: ÉLYSÉE PRESS OFFICE / Handout',
  'Read more: Niger expels French ambassador',
  '',
];

describe('anyOfRegex', () => {
  const lists = {
    lineDrop: boilerplate.lineDrop,
    appealCues: boilerplate.appealCues,
    captionCues: boilerplate.captionCues,
    cutAfter: boilerplate.cutAfter,
  };
  for (const [name, patterns] of Object.entries(lists)) {
    it(`answers as "some pattern of ${name} matches" on text of every mode`, () => {
      const any = anyOfRegex(patterns, 'iu');
      const separate = patterns.map((p) => new RegExp(p, 'iu'));
      // Each line alone, and each pattern's own hits, cased three ways.
      const cased = LINES.flatMap((l) => [l, l.toUpperCase(), l.toLowerCase()]);
      for (const line of cased) {
        const expected = separate.some((r) => r.test(line));
        expect(any.test(line, textMode(line)), `${name}: ${line}`).toBe(expected);
      }
    });
  }

  it('matches something on these lines, so the comparison above can fail', () => {
    const hits = LINES.filter((l) => anyOfRegex(boilerplate.appealCues, 'iu').test(l, textMode(l)));
    expect(hits.length).toBeGreaterThan(1);
    expect(anyOfRegex([], 'iu').test('anything', 2)).toBe(false);
  });
});
