/**
 * ../../src/pipeline/chrono: chrono's readers with their patterns in Unicode mode read what
 * chrono's own read, case and all.
 */
import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import * as unicode from '../../src/pipeline/chrono';

const REF = new Date('2024-05-01T12:00:00Z');
const SENTENCES = [
  'Talks began Two Years And Three Months Ago, and 5 days later a deal was signed.',
  'The accord was signed on Monday, March 3, 2024 in NIAMEY.',
  'Within two weeks the junta expelled the envoy; THREE DAYS LATER troops left.',
  'Since 12 Sept. 2023 the alliance has met twice, last week in Bamako at 10:30.',
  'Des soldats — « 3 jours plus tard » — arrivèrent: no date here, 🙂 nor here.',
];

function read(results: chrono.ParsedResult[]): unknown[] {
  return results.map((r) => [r.index, r.text, r.start.date().toISOString()]);
}

describe('chrono in Unicode mode', () => {
  it.each(SENTENCES)('casual and strict read the same as chrono: %s', (sentence) => {
    const casual = read(unicode.casual.parse(sentence, { instant: REF, timezone: 'UTC' }));
    expect(casual).toEqual(read(chrono.casual.parse(sentence, { instant: REF, timezone: 'UTC' })));
    expect(read(unicode.strict.parse(sentence, REF))).toEqual(
      read(chrono.strict.parse(sentence, REF)),
    );
    expect(read(unicode.parse(sentence, REF))).toEqual(read(chrono.parse(sentence, REF)));
  });

  it('finds the expressions those sentences hold (the comparison above is not of empty lists)', () => {
    const found = SENTENCES.map((s) => unicode.casual.parse(s, REF).length);
    expect(found.slice(0, 4).every((n) => n > 0)).toBe(true);
  });

  it('keeps reading case-insensitively', () => {
    const [r] = unicode.casual.parse('Two Years Ago', REF);
    expect(r?.text).toBe('Two Years Ago');
    expect(r?.start.get('year')).toBe(2022);
  });
});
