import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../src/model/graphIndex';
import { DEFAULT_FILTERS, selectVisibleRelations } from '../../../src/model/view';
import {
  DEFAULT_VIEW_STATE,
  parseViewState,
  serializeViewState,
  type ViewState,
} from '../../../src/model/urlState';
import { findQuote, highlightQuote } from '../../../src/model/highlight';
import {
  csvCell,
  graphToGexf,
  relationsToCsv,
  relationsToJson,
} from '../../../src/model/exporters';
import { parseGraph, type Evidence } from '../../../src/model/schema';
import { parseGraphText } from '../../../src/model/loadGraph';
import { searchActors } from '../../../src/model/search';
import { loadFixture } from './fixture';

const graph = loadFixture();
const index = buildGraphIndex(graph);

describe('URL state', () => {
  it('round-trips a full view and keeps foreign parameters', () => {
    const view: ViewState = {
      filters: {
        ...DEFAULT_FILTERS,
        actorTypes: ['state', 'alliance'],
        relationTypes: ['rupture'],
        polarities: ['hostile', 'neutral'],
        hiddenOutlets: ['Le Quotidien', 'A, B & "C"'],
        articleId: 'a2',
        minEvidence: 3,
        minEvidenceBy: 'sources',
        showUndated: false,
      },
      window: { startMonth: 2024 * 12, endMonth: 2024 * 12 + 11 },
      selection: { kind: 'relation', id: 'mali--rupture--france' },
      focus: { actorId: 'mali', depth: 2 },
      canvas: { edges: 'types', layout: 'map', showIsolated: true },
    };
    const params = serializeViewState(view, new URLSearchParams('data=x.json&debug=1'));
    expect(params.get('data')).toBe('x.json');
    expect(params.get('from')).toBe('2024-01');
    expect(params.get('to')).toBe('2024-12');
    expect(parseViewState(`?${params.toString()}`)).toEqual(view);
  });

  it('writes nothing for the default view', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE).toString()).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('drops bad parameters one by one instead of trusting them', () => {
    const view = parseViewState(
      '?types=state,dragon&rels=rupture&pol=&min=-4&from=2024-13&to=2024-02&depth=9&focus=mali&actor=',
    );
    expect(view.filters.actorTypes).toEqual(DEFAULT_FILTERS.actorTypes); // one bad member: default
    expect(view.filters.relationTypes).toEqual(['rupture']);
    expect(view.filters.polarities).toEqual([]); // explicitly none
    expect(view.filters.minEvidence).toBe(1);
    expect(view.window).toBeNull();
    expect(view.focus).toEqual({ actorId: 'mali', depth: 1 });
    expect(view.selection).toBeNull();
  });
});

describe('highlighting', () => {
  const evidence = (overrides: Partial<Evidence>): Evidence => ({
    articleId: 'a',
    quote: 'Moscow pledged to train Malian soldiers.',
    start: 100,
    end: 140,
    date: null,
    dateBasis: null,
    ...overrides,
  });
  const actors = graph.actors.filter((a) => a.id === 'russia' || a.id === 'mali');

  it('uses mention offsets relative to the quote start', () => {
    const segments = highlightQuote(
      evidence({ mentions: [{ actorId: 'russia', start: 100, end: 106 }] }),
      actors,
    );
    expect(segments[0]).toEqual({ text: 'Moscow', actorId: 'russia' });
    expect(segments.filter((s) => s.actorId)).toHaveLength(1);
    expect(segments.map((s) => s.text).join('')).toBe('Moscow pledged to train Malian soldiers.');
  });

  it('falls back to aliases as whole words', () => {
    const segments = highlightQuote(evidence({}), actors);
    expect(segments.filter((s) => s.actorId).map((s) => [s.text, s.actorId])).toEqual([
      ['Moscow', 'russia'],
      ['Malian', 'mali'],
    ]);
    const inside = highlightQuote(evidence({ quote: 'Somalia is not Mali.' }), actors);
    expect(inside.filter((s) => s.actorId).map((s) => s.text)).toEqual(['Mali']);
  });

  it('finds a quote in cleaned text, whitespace-insensitively if needed', () => {
    const text = 'Intro.\n\nRussia   pledged\nto train troops. End.';
    expect(findQuote(text, 'Intro.')).toEqual({ start: 0, end: 6 });
    const found = findQuote(text, 'Russia pledged to train troops.');
    expect(found && text.slice(found.start, found.end)).toBe('Russia   pledged\nto train troops.');
    expect(findQuote(text, 'not there')).toBeNull();
  });
});

describe('exporters', () => {
  const visibility = selectVisibleRelations(index, {
    filters: DEFAULT_FILTERS,
    window: null,
    focus: null,
  });

  it('quotes CSV cells that need it and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });

  it('writes one CSV row per evidence of each visible relation', () => {
    const csv = relationsToCsv(index, visibility);
    const lines = csv.trimEnd().split('\r\n');
    const evidenceCount = graph.relations.reduce((n, r) => n + r.evidence.length, 0);
    expect(lines).toHaveLength(1 + evidenceCount);
    expect(lines[0]?.split(',')).toContain('quote');
    expect(csv).toContain(
      '"Russia delivered 25,000 tonnes of wheat to Burkina Faso in December 2024."',
    );
  });

  it('writes JSON that is itself a valid graph of the visible part', () => {
    const hostileOnly = selectVisibleRelations(index, {
      filters: { ...DEFAULT_FILTERS, polarities: ['hostile'] },
      window: null,
      focus: null,
    });
    const parsed = parseGraph(JSON.parse(relationsToJson(index, hostileOnly)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.graph.relations.every((r) => r.polarity === 'hostile')).toBe(true);
      expect(parsed.graph.relations).toHaveLength(hostileOnly.relationIds.size);
    }
  });

  it('writes well-formed GEXF with escaped labels', () => {
    const planted = buildGraphIndex(loadFixture('planted'));
    const v = selectVisibleRelations(planted, {
      filters: DEFAULT_FILTERS,
      window: null,
      focus: null,
    });
    const gexf = graphToGexf(planted, v, new Map([['mali', { x: 1, y: 2, color: '#2563eb' }]]));
    const doc = new DOMParser().parseFromString(gexf, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('node')).toHaveLength(2);
    expect(doc.getElementsByTagName('edge')).toHaveLength(1);
    expect(gexf).toContain('label="Mali &lt;img src=x');
  });
});

describe('loading and search', () => {
  it('names what is wrong with a graph file', () => {
    const notJson = parseGraphText('{nope', 'x.json');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.message).toContain('not valid JSON');
    const wrong = parseGraphText(JSON.stringify({ schemaVersion: 2 }), 'y.json');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems.join('\n')).toMatch(/schemaVersion/);
  });

  it('finds actors by any alias, accents and case ignored, prefix matches first', () => {
    expect(searchActors(graph.actors, 'moscow').map((m) => m.actor.name)).toEqual(['Russia']);
    expect(searchActors(graph.actors, 'BURKINABÉ')[0]?.actor.id).toBe('burkina-faso');
    const ni = searchActors(graph.actors, 'ni').map((m) => m.actor.name);
    expect(ni[0]).toBe('Niger');
    expect(searchActors(graph.actors, '   ')).toEqual([]);
  });
});
