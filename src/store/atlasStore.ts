/**
 * The one zustand store of the explorer, made by a factory so every provider (and every test)
 * gets its own. Filters, the time window, the selection and the focus are inputs here; what
 * they leave visible is derived in ./selectors.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { Graph } from '../model/schema';
import type { GraphIndex } from '../model/graphIndex';
import { createReviewSlice, reviewedView, type ReviewSlice } from './reviewStore';
import {
  DEFAULT_CANVAS,
  DEFAULT_FILTERS,
  type CanvasOptions,
  type Filters,
  type Focus,
  type TimeWindow,
  lastTwelveMonths,
} from '../model/view';
import { DEFAULT_VIEW_STATE, type Selection, type ViewState } from '../model/urlState';
import type { ActorType, Polarity, RelationType } from '../model/schema';

export type LoadState =
  | { status: 'loading'; source: string }
  | { status: 'ready'; source: string }
  | { status: 'error'; source: string; message: string; problems: string[] };

export interface DataSlice {
  load: LoadState;
  index: GraphIndex | null;
  setLoading: (source: string) => void;
  setGraph: (graph: Graph, source: string) => void;
  setLoadError: (source: string, message: string, problems?: string[]) => void;
}

export interface FiltersSlice {
  filters: Filters;
  setActorTypeEnabled: (type: ActorType, enabled: boolean) => void;
  setRelationTypeEnabled: (type: RelationType, enabled: boolean) => void;
  setPolarityEnabled: (polarity: Polarity, enabled: boolean) => void;
  setOutletHidden: (outlet: string, hidden: boolean) => void;
  setArticleFilter: (articleId: string | null) => void;
  setMinEvidence: (count: number) => void;
  setMinEvidenceBy: (by: Filters['minEvidenceBy']) => void;
  setShowUndated: (show: boolean) => void;
  resetFilters: () => void;
}

export interface TimeSlice {
  /** null: all time. */
  window: TimeWindow | null;
  playing: boolean;
  setTimeRange: (window: TimeWindow | null) => void;
  showLastTwelveMonths: () => void;
  setPlaying: (playing: boolean) => void;
  /** Moves the window one month on; stops playing at the end of the corpus. */
  stepPlayback: () => void;
}

/** The article the reader shows, and the sentence to highlight in it. */
export interface ReaderTarget {
  articleId: string;
  quote: string | null;
}

export interface SelectionSlice {
  selection: Selection;
  focus: Focus | null;
  reader: ReaderTarget | null;
  selectActor: (actorId: string) => void;
  selectRelation: (relationId: string) => void;
  selectPair: (pairKey: string) => void;
  clearSelection: () => void;
  setFocus: (focus: Focus | null) => void;
  openReader: (target: ReaderTarget) => void;
  closeReader: () => void;
  /** Replaces filters, window, selection and focus at once (URL navigation). */
  applyViewState: (view: ViewState) => void;
}

/** How the canvas draws: edge mode, layout, isolated actors (all mirrored in the URL). */
export interface CanvasSlice {
  canvas: CanvasOptions;
  setCanvas: (patch: Partial<CanvasOptions>) => void;
}

export type AtlasState = DataSlice &
  FiltersSlice &
  TimeSlice &
  SelectionSlice &
  CanvasSlice &
  ReviewSlice;
export type AtlasStore = StoreApi<AtlasState>;

type Slice<T> = StateCreator<AtlasState, [], [], T>;

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}

export const createDataSlice: Slice<DataSlice> = (set) => ({
  load: { status: 'loading', source: '' },
  index: null,
  setLoading: (source) => set({ load: { status: 'loading', source } }),
  setGraph: (graph, source) =>
    set((state) => {
      // What is shown is the graph with the analyst's decisions applied: ./reviewStore.
      const { index, hidden } = reviewedView(graph, state.decisions, state.reviewFilter);
      // A window outside the new corpus would show nothing; start from all time instead.
      const span = index.span;
      const window =
        state.window &&
        span &&
        state.window.endMonth >= span.startMonth &&
        state.window.startMonth <= span.endMonth
          ? state.window
          : null;
      return {
        index,
        baseGraph: graph,
        hiddenByReview: hidden,
        load: { status: 'ready', source },
        window,
        playing: false,
      };
    }),
  setLoadError: (source, message, problems = []) =>
    set({ index: null, load: { status: 'error', source, message, problems } }),
});

export const createFiltersSlice: Slice<FiltersSlice> = (set) => ({
  filters: DEFAULT_FILTERS,
  setActorTypeEnabled: (type, enabled) =>
    set((s) => ({
      filters: { ...s.filters, actorTypes: toggle(s.filters.actorTypes, type, enabled) },
    })),
  setRelationTypeEnabled: (type, enabled) =>
    set((s) => ({
      filters: { ...s.filters, relationTypes: toggle(s.filters.relationTypes, type, enabled) },
    })),
  setPolarityEnabled: (polarity, enabled) =>
    set((s) => ({
      filters: { ...s.filters, polarities: toggle(s.filters.polarities, polarity, enabled) },
    })),
  setOutletHidden: (outlet, hidden) =>
    set((s) => ({
      filters: { ...s.filters, hiddenOutlets: toggle(s.filters.hiddenOutlets, outlet, hidden) },
    })),
  setArticleFilter: (articleId) => set((s) => ({ filters: { ...s.filters, articleId } })),
  setMinEvidence: (count) =>
    set((s) => ({
      filters: { ...s.filters, minEvidence: Math.max(1, Math.floor(count) || 1) },
    })),
  setMinEvidenceBy: (by) => set((s) => ({ filters: { ...s.filters, minEvidenceBy: by } })),
  setShowUndated: (show) => set((s) => ({ filters: { ...s.filters, showUndated: show } })),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
});

export const createTimeSlice: Slice<TimeSlice> = (set, get) => ({
  window: null,
  playing: false,
  setTimeRange: (window) => {
    const span = get().index?.span;
    if (window === null || !span) {
      set({ window: null });
      return;
    }
    const startMonth = Math.max(span.startMonth, Math.min(window.startMonth, span.endMonth));
    const endMonth = Math.max(startMonth, Math.min(window.endMonth, span.endMonth));
    const full = startMonth === span.startMonth && endMonth === span.endMonth;
    set({ window: full ? null : { startMonth, endMonth } });
  },
  showLastTwelveMonths: () => {
    const index = get().index;
    if (!index) return;
    get().setTimeRange(lastTwelveMonths(index));
  },
  setPlaying: (playing) => {
    const span = get().index?.span;
    if (!playing || !span) {
      set({ playing: false });
      return;
    }
    const window = get().window;
    // Starting at the end (or from "all time") replays from the beginning with a 12-month window.
    if (window === null || window.endMonth >= span.endMonth) {
      const width = Math.min(11, span.endMonth - span.startMonth);
      set({
        playing: true,
        window: { startMonth: span.startMonth, endMonth: span.startMonth + width },
      });
      return;
    }
    set({ playing: true });
  },
  stepPlayback: () => {
    const { window, index } = get();
    const span = index?.span;
    if (!span || !window) {
      set({ playing: false });
      return;
    }
    if (window.endMonth >= span.endMonth) {
      set({ playing: false });
      return;
    }
    const next = { startMonth: window.startMonth + 1, endMonth: window.endMonth + 1 };
    set({ window: next, playing: next.endMonth < span.endMonth });
  },
});

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selection: null,
  focus: null,
  reader: null,
  selectActor: (actorId) => set({ selection: { kind: 'actor', id: actorId }, reader: null }),
  selectRelation: (relationId) =>
    set({ selection: { kind: 'relation', id: relationId }, reader: null }),
  selectPair: (pairKey) => set({ selection: { kind: 'pair', id: pairKey }, reader: null }),
  clearSelection: () => set({ selection: null, reader: null }),
  setFocus: (focus) => set({ focus }),
  openReader: (target) => set({ reader: target }),
  closeReader: () => set({ reader: null }),
  applyViewState: (view) =>
    set({
      filters: view.filters,
      window: view.window,
      selection: view.selection,
      focus: view.focus,
      canvas: view.canvas,
      reader: null,
      playing: false,
    }),
});

export const createCanvasSlice: Slice<CanvasSlice> = (set) => ({
  canvas: DEFAULT_CANVAS,
  setCanvas: (patch) => set((s) => ({ canvas: { ...s.canvas, ...patch } })),
});

export function createAtlasStore(initial: Partial<ViewState> = {}): AtlasStore {
  const view = { ...DEFAULT_VIEW_STATE, ...initial };
  const store = createStore<AtlasState>()((...args) => ({
    ...createDataSlice(...args),
    ...createFiltersSlice(...args),
    ...createTimeSlice(...args),
    ...createSelectionSlice(...args),
    ...createCanvasSlice(...args),
    ...createReviewSlice(...args),
  }));
  store.setState({
    filters: view.filters,
    window: view.window,
    selection: view.selection,
    focus: view.focus,
    canvas: view.canvas,
  });
  return store;
}

/** The view state the URL mirrors. */
export function viewStateOf(state: AtlasState): ViewState {
  return {
    filters: state.filters,
    window: state.window,
    selection: state.selection,
    focus: state.focus,
    canvas: state.canvas,
  };
}
