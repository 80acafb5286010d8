/**
 * The view as URL query parameters and back. Parsing never trusts the URL: each parameter is
 * validated on its own and a bad one falls back to its default instead of breaking the view.
 */
import { z } from 'zod';
import { ActorTypeSchema, PolaritySchema, RelationTypeSchema } from './schema';
import { isoMonth, parseIsoMonth } from './dates';
import {
  DEFAULT_CANVAS,
  DEFAULT_FILTERS,
  type CanvasOptions,
  type Filters,
  type Focus,
  type TimeWindow,
} from './view';

/** A pair's id is its `pairKey` (../model/pairs.ts): the two actor ids, sorted, joined by '|'. */
export type Selection =
  | { kind: 'actor'; id: string }
  | { kind: 'relation'; id: string }
  | { kind: 'pair'; id: string }
  | null;

export interface ViewState {
  filters: Filters;
  window: TimeWindow | null;
  selection: Selection;
  focus: Focus | null;
  canvas: CanvasOptions;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  filters: DEFAULT_FILTERS,
  window: null,
  selection: null,
  focus: null,
  canvas: DEFAULT_CANVAS,
};

/** Parameters this codec owns; any other parameter (data, debug) is left alone. */
const VIEW_PARAMS = [
  'types',
  'rels',
  'pol',
  'hideOutlet',
  'article',
  'min',
  'minBy',
  'undated',
  'from',
  'to',
  'actor',
  'relation',
  'focus',
  'depth',
  'pair',
  'edges',
  'layout',
  'isolated',
] as const;

function parseList<T>(params: URLSearchParams, key: string, schema: z.ZodType<T>, fallback: T[]) {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if (raw === '') return [];
  const parsed = z.array(schema).safeParse(raw.split(','));
  return parsed.success ? [...new Set(parsed.data)] : fallback;
}

const IdSchema = z.string().min(1).max(500);
const PairIdSchema = IdSchema.regex(/^[^|]+\|[^|]+$/);
const MinEvidenceSchema = z.coerce.number().int().min(1).max(10_000);

export function parseViewState(search: string | URLSearchParams): ViewState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const article = IdSchema.safeParse(params.get('article'));
  const min = MinEvidenceSchema.safeParse(params.get('min') ?? undefined);
  const filters: Filters = {
    actorTypes: parseList(params, 'types', ActorTypeSchema, DEFAULT_FILTERS.actorTypes),
    relationTypes: parseList(params, 'rels', RelationTypeSchema, DEFAULT_FILTERS.relationTypes),
    polarities: parseList(params, 'pol', PolaritySchema, DEFAULT_FILTERS.polarities),
    hiddenOutlets: [...new Set(params.getAll('hideOutlet'))],
    articleId: article.success ? article.data : null,
    minEvidence: min.success ? min.data : DEFAULT_FILTERS.minEvidence,
    minEvidenceBy: params.get('minBy') === 'sources' ? 'sources' : 'sentences',
    showUndated: params.get('undated') !== '0',
  };
  const from = parseIsoMonth(params.get('from') ?? '');
  const to = parseIsoMonth(params.get('to') ?? '');
  const window =
    from !== null && to !== null && from <= to ? { startMonth: from, endMonth: to } : null;
  const actor = IdSchema.safeParse(params.get('actor'));
  const relation = IdSchema.safeParse(params.get('relation'));
  const pair = PairIdSchema.safeParse(params.get('pair'));
  const selection: Selection = relation.success
    ? { kind: 'relation', id: relation.data }
    : pair.success
      ? { kind: 'pair', id: pair.data }
      : actor.success
        ? { kind: 'actor', id: actor.data }
        : null;
  const focusId = IdSchema.safeParse(params.get('focus'));
  const focus: Focus | null = focusId.success
    ? { actorId: focusId.data, depth: params.get('depth') === '2' ? 2 : 1 }
    : null;
  const canvas: CanvasOptions = {
    edges: params.get('edges') === 'types' ? 'types' : 'pairs',
    layout: params.get('layout') === 'map' ? 'map' : 'force',
    showIsolated: params.get('isolated') === '1',
  };
  return { filters, window, selection, focus, canvas };
}

function sameMembers<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Writes the view into `base` (keeping its other parameters); defaults are left out. */
export function serializeViewState(state: ViewState, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of VIEW_PARAMS) params.delete(key);
  const { filters } = state;
  if (!sameMembers(filters.actorTypes, DEFAULT_FILTERS.actorTypes)) {
    params.set('types', filters.actorTypes.join(','));
  }
  if (!sameMembers(filters.relationTypes, DEFAULT_FILTERS.relationTypes)) {
    params.set('rels', filters.relationTypes.join(','));
  }
  if (!sameMembers(filters.polarities, DEFAULT_FILTERS.polarities)) {
    params.set('pol', filters.polarities.join(','));
  }
  for (const outlet of filters.hiddenOutlets) params.append('hideOutlet', outlet);
  if (filters.articleId !== null) params.set('article', filters.articleId);
  if (filters.minEvidence > 1) params.set('min', String(filters.minEvidence));
  if (filters.minEvidenceBy === 'sources') params.set('minBy', 'sources');
  if (!filters.showUndated) params.set('undated', '0');
  if (state.window) {
    params.set('from', isoMonth(state.window.startMonth));
    params.set('to', isoMonth(state.window.endMonth));
  }
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  if (state.focus) {
    params.set('focus', state.focus.actorId);
    if (state.focus.depth === 2) params.set('depth', '2');
  }
  if (state.canvas.edges !== DEFAULT_CANVAS.edges) params.set('edges', state.canvas.edges);
  if (state.canvas.layout !== DEFAULT_CANVAS.layout) params.set('layout', state.canvas.layout);
  if (state.canvas.showIsolated) params.set('isolated', '1');
  return params;
}
