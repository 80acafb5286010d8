/**
 * Derived data, memoised on the identity of its inputs so selectors return the same object
 * until an input changes (zustand v5 re-renders forever on fresh objects).
 */
import type { GraphIndex } from '../model/graphIndex';
import { type Filters, type Histogram, type Visibility, evidenceHistogram } from '../model/view';
import {
  type TrackedVisibility,
  type VisibilityTracker,
  createVisibilityTracker,
} from '../model/visibilityTracker';
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

/** One incremental tracker per loaded graph: a window step re-decides only what enters or leaves. */
const trackers = new WeakMap<GraphIndex, VisibilityTracker>();

/**
 * What the filters, the window and the focus leave visible; the same object until one of them
 * changes. After a window step it carries a `delta` naming the ids that changed.
 */
export function selectVisibility(state: AtlasState): TrackedVisibility {
  const { index, filters, window, focus } = state;
  if (!index) return EMPTY_VISIBILITY;
  let tracker = trackers.get(index);
  if (!tracker) {
    tracker = createVisibilityTracker(index);
    trackers.set(index, tracker);
  }
  return tracker.visibility({ filters, window, focus });
}

const histogramOf = memoizeLast((index: GraphIndex | null, filters: Filters) =>
  index ? evidenceHistogram(index, filters) : null,
);

export function selectHistogram(state: AtlasState): Histogram | null {
  return histogramOf(state.index, state.filters);
}
