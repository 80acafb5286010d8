import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { buildGraphIndex } from '../../../src/model/graphIndex';
import { parseGraph, type Graph, type Relation } from '../../../src/model/schema';
import {
  changesInWindow,
  combinedPolarity,
  isolatedActorCount,
  pairKey,
  pairSourceCount,
  pairTimeline,
  pairsOf,
} from '../../../src/model/pairs';
import { DEFAULT_FILTERS, selectVisibleRelations, windowInterval } from '../../../src/model/view';
import { buildBaseElements, elementClasses, labelledActors } from '../../../src/graph/elements';
import { applyDiff, diffElements } from '../../../src/graph/diff';
import { buildStylesheet } from '../../../src/graph/stylesheet';
import { mapPositions } from '../../../src/graph/mapLayout';
import { monthIndex } from '../../../src/model/dates';
import {
  parseViewState,
  serializeViewState,
  DEFAULT_VIEW_STATE,
} from '../../../src/model/urlState';

const TEXT = 'Alpha and Beta talked. Alpha armed Beta. Alpha broke with Beta. Gamma met Alpha.';

function relation(
  id: string,
  source: string,
  target: string,
  type: Relation['type'],
  polarity: Relation['polarity'],
  dates: (string | null)[],
  extra: Partial<Relation> = {},
): Relation {
  return {
    id,
    source,
    target,
    type,
    polarity,
    evidence: dates.map((date, i) => ({
      articleId: i % 2 === 0 ? 'a1' : 'a2',
      quote: 'Alpha armed Beta.',
      start: 23,
      end: 40,
      date,
      dateBasis: date ? 'explicit' : null,
    })),
    ...extra,
  };
}

function graphOf(relations: Relation[]): Graph {
  const parsed = parseGraph({
    schemaVersion: 1,
    articles: ['a1', 'a2'].map((id) => ({
      id,
      file: `${id}.txt`,
      title: null,
      outlet: null,
      published: '2024-01-01',
      publishedSource: 'header',
      text: TEXT,
    })),
    actors: [
      { id: 'mli', name: 'Mali', type: 'state', aliases: [] },
      { id: 'rus', name: 'Russia', type: 'foreign_power', aliases: [] },
      { id: 'fra', name: 'France', type: 'foreign_power', aliases: [] },
      { id: 'grp', name: 'Some Front', type: 'armed_group', aliases: [] },
      { id: 'lonely', name: 'Lonely Org', type: 'organization', aliases: [] },
    ],
    relations,
    diagnostics: [],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.graph;
}

const graph = graphOf([
  relation('fra-mli-mil', 'fra', 'mli', 'military_support', 'cooperative', ['2013', '2014-05']),
  relation('mli-fra-rup', 'mli', 'fra', 'rupture', 'hostile', ['2022-02-17', null]),
  relation('fra-mli-dip', 'fra', 'mli', 'diplomatic_engagement', 'neutral', ['2023-01']),
  relation('rus-mli-sec', 'rus', 'mli', 'security_cooperation', 'cooperative', ['2021-12']),
  relation('rus-mli-mil', 'rus', 'mli', 'military_support', 'cooperative', ['2022-03']),
  relation('grp-mli-war', 'grp', 'mli', 'armed_conflict', 'hostile', ['2023-06', '2024-02']),
]);
const index = buildGraphIndex(graph);

describe('pairs', () => {
  it('groups relations of both directions into one pair', () => {
    const pairs = pairsOf(index);
    expect([...pairs.keys()].sort()).toEqual(['fra|mli', 'grp|mli', 'mli|rus']);
    expect(pairs.get(pairKey('mli', 'fra'))?.relations).toHaveLength(3);
  });

  it('calls a pair mixed when cooperative meets hostile, and counts sources', () => {
    const fra = pairsOf(index).get('fra|mli')?.relations ?? [];
    expect(combinedPolarity(fra)).toBe('mixed');
    expect(combinedPolarity(pairsOf(index).get('mli|rus')?.relations ?? [])).toBe('cooperative');
    expect(pairSourceCount(fra)).toBe(2); // two distinct articles
    const syndicated = buildGraphIndex(
      graphOf([
        relation('x', 'fra', 'mli', 'rupture', 'hostile', ['2022', '2022'], {
          independentSources: 1,
        }),
      ]),
    );
    expect(pairSourceCount(syndicated.relations)).toBe(1); // independent sources win
  });

  it('orders the timeline, keeps undated evidence apart and finds the turning point', () => {
    const timeline = pairTimeline(pairsOf(index).get('fra|mli')?.relations ?? []);
    expect(timeline.marks.map((m) => m.date)).toEqual(['2013', '2014-05', '2022-02-17', '2023-01']);
    expect(timeline.undated).toHaveLength(1);
    expect(timeline.turningPoints).toEqual([
      expect.objectContaining({
        from: 'cooperative',
        to: 'hostile',
        beforeDate: '2014-05',
        afterDate: '2022-02-17',
      }),
    ]);
    // Neutral evidence after the rupture does not turn the pair back.
    expect(pairTimeline(pairsOf(index).get('mli|rus')?.relations ?? []).turningPoints).toEqual([]);
  });

  it('reads a day with both polarities as continuing the one before it', () => {
    const mixedDay = buildGraphIndex(
      graphOf([
        relation('h1', 'fra', 'mli', 'criticism', 'hostile', ['2020-01']),
        relation('c1', 'fra', 'mli', 'military_support', 'cooperative', ['2021-05']),
        relation('h2', 'fra', 'mli', 'rupture', 'hostile', ['2021-05']),
      ]),
    );
    const turns = pairTimeline(mixedDay.relations).turningPoints;
    expect(turns.map((t) => `${t.from}>${t.to}@${t.afterDate}`)).toEqual([
      'hostile>cooperative@2021-05',
    ]);
  });

  it('lists the pairs that turned inside the window, newest first', () => {
    const all = changesInWindow(index, null);
    expect(all.map((c) => c.pair.key)).toEqual(['fra|mli']);
    const window = { startMonth: monthIndex(2022, 1), endMonth: monthIndex(2022, 12) };
    expect(changesInWindow(index, windowInterval(window))).toHaveLength(1);
    const before = { startMonth: monthIndex(2015, 1), endMonth: monthIndex(2021, 12) };
    expect(changesInWindow(index, windowInterval(before))).toEqual([]);
  });
});

describe('pair elements on the canvas', () => {
  const visibility = selectVisibleRelations(index, {
    filters: DEFAULT_FILTERS,
    window: null,
    focus: null,
  });

  it('draws one edge per pair, with the number of relation types', () => {
    const edges = buildBaseElements(index, { edges: 'pairs' }).filter((e) => e.group === 'edges');
    expect(edges).toHaveLength(3);
    const fra = edges.find((e) => e.data.id === 'pair:fra|mli');
    expect(fra?.data).toMatchObject({ type: 'pair', polarity: 'mixed', label: '3' });
  });

  it('colours a pair by its visible relations and hides it when none is visible', () => {
    const hostileOnly = selectVisibleRelations(index, {
      filters: { ...DEFAULT_FILTERS, polarities: ['hostile'] },
      window: null,
      focus: null,
    });
    const all = elementClasses(index, visibility, null, { edges: 'pairs' });
    const hostile = elementClasses(index, hostileOnly, null, { edges: 'pairs' });
    expect(all.get('pair:fra|mli')).toBe('p-mixed');
    expect(hostile.get('pair:fra|mli')).toBe('p-hostile');
    expect(hostile.get('pair:mli|rus')).toBe('is-hidden');
    expect(all.has('fra-mli-mil')).toBe(false); // per-type edges are not drawn in pair mode
  });

  it('selects the pair edge for a pair or one of its relations', () => {
    const pair = elementClasses(
      index,
      visibility,
      { kind: 'pair', id: 'fra|mli' },
      { edges: 'pairs' },
    );
    expect(pair.get('pair:fra|mli')).toContain('is-selected');
    const rel = elementClasses(
      index,
      visibility,
      { kind: 'relation', id: 'mli-fra-rup' },
      { edges: 'pairs' },
    );
    expect(rel.get('pair:fra|mli')).toContain('is-selected');
    expect(rel.get('pair:mli|rus')).not.toContain('is-selected');
  });

  it('hides actors without any relation when asked, and counts them', () => {
    expect(elementClasses(index, visibility, null, {}).get('lonely')).toBe('');
    expect(elementClasses(index, visibility, null, { hideIsolated: true }).get('lonely')).toBe(
      'is-hidden',
    );
    expect(isolatedActorCount(index, visibility.actorIds)).toBe(1);
  });

  it('keeps labels for the best connected actors beyond the label budget', () => {
    const actors = Array.from({ length: 80 }, (_, i) => ({
      id: `s${i}`,
      name: `State ${String(i).padStart(2, '0')}`,
      type: 'state' as const,
      aliases: [],
    }));
    const big = { ...graph, actors: [...graph.actors, ...actors] };
    const labelled = labelledActors(buildGraphIndex(big));
    expect(labelled.size).toBe(60);
    expect(labelled.has('mli')).toBe(true); // the best connected first
    expect(labelledActors(index).size).toBe(graph.actors.length);
  });

  it('gives Cytoscape a valid style for pair edges', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet({ large: false }),
    });
    applyDiff(cy, diffElements(new Map(), buildBaseElements(index, { edges: 'pairs' })));
    cy.getElementById('pair:fra|mli').classes('p-mixed');
    expect(cy.getElementById('pair:fra|mli').style('line-fill')).toBe('linear-gradient');
    expect(cy.getElementById('pair:fra|mli').style('curve-style')).toBe('straight');
    cy.destroy();
  });
});

describe('map layout', () => {
  it('puts states at their geographic place, north up, and others beside their partners', () => {
    const positions = mapPositions(index);
    const at = (id: string) => positions[id] ?? { x: NaN, y: NaN };
    expect(at('rus').x).toBeGreaterThan(at('mli').x); // east is right
    expect(at('rus').y).toBeLessThan(at('mli').y); // north is up
    expect(at('fra').y).toBeLessThan(at('mli').y);
    const distance = Math.hypot(at('grp').x - at('mli').x, at('grp').y - at('mli').y);
    expect(distance).toBeLessThan(200); // the armed group sits beside Mali
    expect(mapPositions(buildGraphIndex(graph))).toEqual(positions); // deterministic
  });
});

describe('canvas options in the URL', () => {
  it('round-trips pair selection, edge mode, layout and isolated actors', () => {
    const view = {
      ...DEFAULT_VIEW_STATE,
      selection: { kind: 'pair' as const, id: 'fra|mli' },
      canvas: { edges: 'types' as const, layout: 'map' as const, showIsolated: true },
    };
    const params = serializeViewState(view);
    expect(params.get('pair')).toBe('fra|mli');
    expect(parseViewState(params)).toEqual(view);
  });

  it('falls back to defaults on bad values', () => {
    const view = parseViewState('?pair=onlyone&edges=zigzag&layout=globe&isolated=yes');
    expect(view.selection).toBeNull();
    expect(view.canvas).toEqual(DEFAULT_VIEW_STATE.canvas);
  });
});

describe('SVG export of pair edges', () => {
  it('draws a mixed pair half cooperative, half hostile, without an arrow', async () => {
    const { buildSvg } = await import('../../../src/graph/svgExport');
    const svg = buildSvg(
      [],
      [
        {
          id: 'pair:a|b',
          source: { x: 0, y: 0, size: 10 },
          target: { x: 100, y: 0, size: 10 },
          type: 'pair',
          polarity: 'mixed',
          width: 3,
        },
      ],
    );
    const lines = svg.match(/<line data-id="pair:a\|b"[^>]*>/g) ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('#15803d');
    expect(lines[1]).toContain('#dc2626');
    expect(lines.join('')).not.toContain('marker-end');
  });
});
