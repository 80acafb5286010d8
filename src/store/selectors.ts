/**
 * Derived data, memoised on the identity of its inputs so selectors return the same object
 * until an input changes (zustand v5 re-renders forever on fresh objects).
 */
import type { GraphIndex } from '../model/graphIndex';
import {
  type Filters,
  type Focus,
  type Histogram,
  type TimeWindow,
  type Visibility,
  evidenceHistogram,
  selectVisibleRelations,
} from '../model/view';
import type { AtlasState } from './atlasStore';

const EMPTY_VISIBILITY: Visibility = {
  relationIds: new Set(),
  actorIds: new Set(),
  evidenceCounts: new Map(),
};

function memoizeLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R | undefined;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => a === args[i])) {
      return lastResult as R;
    }
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}

const visibilityOf = memoizeLast(
  (index: GraphIndex | null, filters: Filters, window: TimeWindow | null, focus: Focus | null) =>
    index ? selectVisibleRelations(index, { filters, window, focus }) : EMPTY_VISIBILITY,
);

export function selectVisibility(state: AtlasState): Visibility {
  return visibilityOf(state.index, state.filters, state.window, state.focus);
}

const histogramOf = memoizeLast((index: GraphIndex | null, filters: Filters) =>
  index ? evidenceHistogram(index, filters) : null,
);

export function selectHistogram(state: AtlasState): Histogram | null {
  return histogramOf(state.index, state.filters);
}
