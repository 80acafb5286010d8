import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../src/model/graphIndex';
import {
  DEFAULT_FILTERS,
  evidenceHistogram,
  lastTwelveMonths,
  selectVisibleRelations,
  type Filters,
  type TimeWindow,
} from '../../../src/model/view';
import {
  dayNumber,
  dayToIso,
  formatPartialDate,
  monthIndex,
  partialDateInterval,
} from '../../../src/model/dates';
import { loadFixture } from './fixture';

const index = buildGraphIndex(loadFixture());
const all = (filters: Partial<Filters> = {}, window: TimeWindow | null = null) =>
  selectVisibleRelations(index, {
    filters: { ...DEFAULT_FILTERS, ...filters },
    window,
    focus: null,
  });
const month = (text: string) => {
  const [y, m] = text.split('-').map(Number);
  return monthIndex(y ?? 0, m ?? 1);
};
const win = (from: string, to: string): TimeWindow => ({
  startMonth: month(from),
  endMonth: month(to),
});

describe('partial dates', () => {
  it('a year covers 1 January to 31 December, a month its days, a day itself', () => {
    const year = partialDateInterval('2024');
    expect(year && [dayToIso(year.start), dayToIso(year.end)]).toEqual([
      '2024-01-01',
      '2024-12-31',
    ]);
    const feb = partialDateInterval('2024-02');
    expect(feb && [dayToIso(feb.start), dayToIso(feb.end)]).toEqual(['2024-02-01', '2024-02-29']);
    expect(partialDateInterval('2025-04-10')).toEqual({
      start: dayNumber(2025, 4, 10),
      end: dayNumber(2025, 4, 10),
    });
    expect(partialDateInterval('April 2024')).toBeNull();
  });

  it('formats partial dates at their own precision', () => {
    expect(formatPartialDate('2024')).toBe('2024');
    expect(formatPartialDate('2024-09')).toBe('Sep 2024');
    expect(formatPartialDate('2024-09-03')).toBe('3 Sep 2024');
    expect(formatPartialDate(null)).toBe('undated');
  });
});

describe('selectVisibleRelations', () => {
  it('shows everything by default, with a span over the dated evidence', () => {
    const v = all();
    expect(v.relationIds.size).toBe(index.relations.length);
    expect(v.actorIds.size).toBe(index.graph.actors.length);
    expect(index.span).toEqual({ startMonth: month('2021-01'), endMonth: month('2025-11') });
  });

  it('keeps an edge dated only to a year for any window touching that year', () => {
    // 'aes--security_cooperation--russia' is dated '2024'.
    const id = 'aes--security_cooperation--russia';
    expect(all({}, win('2024-12', '2025-03')).relationIds.has(id)).toBe(true);
    expect(all({}, win('2023-01', '2024-01')).relationIds.has(id)).toBe(true);
    expect(all({}, win('2025-01', '2025-12')).relationIds.has(id)).toBe(false);
    expect(all({}, win('2023-01', '2023-12')).relationIds.has(id)).toBe(false);
  });

  it('keeps an edge while at least one evidence date overlaps the window', () => {
    // wagner→mali: evidence '2021' and '2024-03-02'.
    const id = 'wagner--military_support--mali';
    expect(all({}, win('2021-06', '2021-06')).relationIds.has(id)).toBe(true);
    expect(all({}, win('2024-03', '2024-03')).relationIds.has(id)).toBe(true);
    expect(all({}, win('2022-01', '2023-12')).relationIds.has(id)).toBe(false);
  });

  it('relations with only undated evidence follow their own toggle, not the window', () => {
    const undated = index.relations.filter((r) => !r.dated).map((r) => r.relation.id);
    expect(undated).toHaveLength(3);
    const narrow = all({}, win('2022-01', '2022-01'));
    for (const id of undated) expect(narrow.relationIds.has(id)).toBe(true);
    const off = all({ showUndated: false });
    for (const id of undated) expect(off.relationIds.has(id)).toBe(false);
    expect(off.relationIds.size).toBe(index.relations.length - 3);
  });

  it('filters by actor type on both ends and hides actors left without edges', () => {
    const v = all({ actorTypes: ['state', 'alliance', 'armed_group', 'organization'] });
    for (const id of v.relationIds) {
      const r = index.relationsById.get(id)?.relation;
      expect([r?.source, r?.target]).not.toContain('russia');
      expect([r?.source, r?.target]).not.toContain('france');
    }
    expect(v.actorIds.has('russia')).toBe(false);
    expect(v.actorIds.has('mali')).toBe(true);
  });

  it('filters by relation type and polarity', () => {
    const hostile = all({ polarities: ['hostile'] });
    for (const id of hostile.relationIds) {
      expect(index.relationsById.get(id)?.relation.polarity).toBe('hostile');
    }
    const ruptures = all({ relationTypes: ['rupture'] });
    expect(ruptures.relationIds.size).toBe(4);
  });

  it('filters evidence by outlet and article, and counts what is left', () => {
    const id = 'russia--military_support--mali'; // a1 (Sahel Monitor) and a5 (Eastern Wire)
    expect(all().evidenceCounts.get(id)).toBe(2);
    expect(all({ hiddenOutlets: ['Eastern Wire'] }).evidenceCounts.get(id)).toBe(1);
    const onlyA2 = all({ articleId: 'a2' });
    expect([...onlyA2.relationIds].sort()).toEqual(
      [
        'algeria--criticism--mali',
        'france--criticism--russia',
        'jnim--armed_conflict--mali',
        'mali--rupture--france',
      ].sort(),
    );
    expect(
      all({ hiddenOutlets: [''] }).relationIds.has('algeria--diplomatic_engagement--niger'),
    ).toBe(false);
  });

  it('applies the minimum evidence count to the evidence in view', () => {
    const two = all({ minEvidence: 2 });
    expect([...two.relationIds].sort()).toEqual(
      ['russia--military_support--mali', 'wagner--military_support--mali'].sort(),
    );
    expect(all({ minEvidence: 2 }, win('2025-01', '2025-12')).relationIds.size).toBe(0);
  });

  it('can count independent sources instead of sentences', () => {
    // Two sentences of one relation from two copies of one story: one independent source.
    const graph = loadFixture();
    const copied = graph.relations.map((r) =>
      r.id === 'russia--military_support--mali' ? { ...r, independentSources: 1 } : r,
    );
    const copies = buildGraphIndex({ ...graph, relations: copied });
    const by = (minEvidenceBy: Filters['minEvidenceBy']) =>
      selectVisibleRelations(copies, {
        filters: { ...DEFAULT_FILTERS, minEvidence: 2, minEvidenceBy },
        window: null,
        focus: null,
      }).relationIds;
    expect(by('sentences').has('russia--military_support--mali')).toBe(true);
    expect(by('sources').has('russia--military_support--mali')).toBe(false);
  });

  it('focus keeps the actors one or two steps out', () => {
    const one = selectVisibleRelations(index, {
      filters: DEFAULT_FILTERS,
      window: null,
      focus: { actorId: 'hrw', depth: 1 },
    });
    expect([...one.actorIds].sort()).toEqual(['hrw', 'mali', 'wagner']);
    // wagner→mali links two neighbours, so it stays.
    expect(one.relationIds.has('wagner--military_support--mali')).toBe(true);
    const two = selectVisibleRelations(index, {
      filters: DEFAULT_FILTERS,
      window: null,
      focus: { actorId: 'hrw', depth: 2 },
    });
    expect(two.actorIds.has('russia')).toBe(true);
    expect(two.actorIds.has('algeria')).toBe(true);
    // Niger is three steps away (hrw → mali → ecowas → niger).
    expect(two.actorIds.has('niger')).toBe(false);
  });
});

describe('histogram and presets', () => {
  it('spreads year-only evidence over its months and counts the rest in their month', () => {
    const h = evidenceHistogram(index, DEFAULT_FILTERS);
    expect(h?.startMonth).toBe(month('2021-01'));
    const total = (h?.counts ?? []).reduce((a, b) => a + b, 0);
    const dated = index.relations.flatMap((r) => r.relation.evidence).filter((e) => e.date).length;
    expect(total).toBeCloseTo(dated, 6);
    const at = (m: string) => h?.counts[month(m) - month('2021-01')] ?? 0;
    expect(at('2021-05')).toBeCloseTo(1 / 12, 6); // wagner '2021'
    expect(at('2025-01')).toBe(2); // two '2025-01' ruptures
  });

  it('last 12 months ends at the corpus end', () => {
    expect(lastTwelveMonths(index)).toEqual(win('2024-12', '2025-11'));
  });
});
