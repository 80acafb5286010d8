/**
 * The review slice: the analyst's decisions over the loaded graph, the reviewer's name, the
 * review-state filter and whether the last write reached storage. The graph the explorer
 * shows is the loaded one with the decisions applied (src/pipeline/review) and, by default,
 * without relations whose evidence is all rejected.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Graph, ReviewStatus } from '../model/schema';
import { relationReviewStatus } from '../model/review';
import { buildGraphIndex, type GraphIndex } from '../model/graphIndex';
import { applyDecisions, sortDecisions, type Decision } from '../pipeline/review';
import { storageErrorMessage, type WorkspaceStorage } from '../persist/workspace';
import type { AtlasState } from './atlasStore';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'error'; message: string };

export interface ImportReport {
  applied: number;
  notApplied: { id: string; reason: string }[];
}

export interface ReviewSlice {
  /** The graph as loaded, before decisions. */
  baseGraph: Graph | null;
  decisions: Decision[];
  reviewer: string | null;
  reviewFilter: ReviewStatus[];
  /** Relations left out by the review filter (all-rejected ones by default). */
  hiddenByReview: number;
  save: SaveState;
  storage: WorkspaceStorage | null;
  setStorage: (storage: WorkspaceStorage | null) => void;
  setReviewer: (name: string) => Promise<void>;
  /** Records a decision: on screen at once, then written; `save` says how the write went. */
  decide: (decision: Decision) => Promise<void>;
  /** Adds decisions from a file; says which found their sentence. */
  importDecisions: (decisions: Decision[]) => Promise<ImportReport>;
  /** Decisions and name read back from storage at start. */
  restoreReview: (decisions: Decision[], reviewer: string | null) => void;
  setReviewStatusEnabled: (status: ReviewStatus, enabled: boolean) => void;
  /** Keeps a corpus opened in the browser for the next visit. */
  rememberCorpus: (graph: Graph, source: string) => Promise<void>;
}

export const DEFAULT_REVIEW_FILTER: ReviewStatus[] = ['unreviewed', 'confirmed'];

export function reviewedView(
  base: Graph,
  decisions: readonly Decision[],
  filter: readonly ReviewStatus[],
): { index: GraphIndex; hidden: number } {
  const reviewed = decisions.length ? applyDecisions(base, decisions).graph : base;
  const kept = reviewed.relations.filter((r) => filter.includes(relationReviewStatus(r)));
  const graph =
    kept.length === reviewed.relations.length ? reviewed : { ...reviewed, relations: kept };
  return { index: buildGraphIndex(graph), hidden: reviewed.relations.length - kept.length };
}

type Slice<T> = StateCreator<AtlasState, [], [], T>;

export const createReviewSlice: Slice<ReviewSlice> = (set, get) => {
  const rederive = (decisions: Decision[], filter: ReviewStatus[]) => {
    const base = get().baseGraph;
    if (!base) {
      set({ decisions, reviewFilter: filter });
      return;
    }
    const { index, hidden } = reviewedView(base, decisions, filter);
    set({ decisions, reviewFilter: filter, index, hiddenByReview: hidden });
  };
  const persist = async (decisions: readonly Decision[]) => {
    const storage = get().storage;
    if (!storage) {
      set({
        save: { status: 'error', message: 'no storage: decisions are kept until the page closes' },
      });
      return;
    }
    set({ save: { status: 'saving' } });
    try {
      await storage.saveDecisions(decisions);
      set({ save: { status: 'saved' } });
    } catch (error) {
      set({ save: { status: 'error', message: storageErrorMessage(error) } });
    }
  };
  return {
    baseGraph: null,
    decisions: [],
    reviewer: null,
    reviewFilter: DEFAULT_REVIEW_FILTER,
    hiddenByReview: 0,
    save: { status: 'idle' },
    storage: null,
    setStorage: (storage) => set({ storage }),
    setReviewer: async (name) => {
      const trimmed = name.trim();
      if (!trimmed) return;
      set({ reviewer: trimmed });
      try {
        await get().storage?.saveReviewer(trimmed);
      } catch (error) {
        set({ save: { status: 'error', message: storageErrorMessage(error) } });
      }
    },
    decide: async (decision) => {
      rederive(sortDecisions([...get().decisions, decision]), get().reviewFilter);
      await persist([decision]);
    },
    importDecisions: async (incoming) => {
      const base = get().baseGraph;
      const report: ImportReport = { applied: 0, notApplied: [] };
      if (base) {
        for (const o of applyDecisions(base, incoming).outcomes) {
          if (o.applied) report.applied++;
          else report.notApplied.push({ id: o.decision.id, reason: o.reason ?? 'unknown' });
        }
      }
      rederive(sortDecisions([...get().decisions, ...incoming]), get().reviewFilter);
      await persist(incoming);
      return report;
    },
    restoreReview: (decisions, reviewer) => {
      set({ reviewer: get().reviewer ?? reviewer });
      rederive(sortDecisions([...decisions, ...get().decisions]), get().reviewFilter);
    },
    rememberCorpus: async (graph, source) => {
      try {
        await get().storage?.saveCorpus({ graph, source });
      } catch (error) {
        set({
          save: {
            status: 'error',
            message: `the opened articles were not kept: ${storageErrorMessage(error)}`,
          },
        });
      }
    },
    setReviewStatusEnabled: (status, enabled) => {
      const without = get().reviewFilter.filter((s) => s !== status);
      rederive(get().decisions, enabled ? [...without, status] : without);
    },
  };
};
