import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/pipeline';
import { createAtlasStore } from '../../src/store/atlasStore';
import { indexedDbStorage, type WorkspaceStorage } from '../../src/persist/workspace';
import { sentenceKeyOf, type ReviewDecision } from '../../src/pipeline/review';

const graph = buildGraph([
  {
    file: 'a.txt',
    content:
      'date 2025-02-01\n\nMali and Russia signed a defence pact on Monday.\nNiger criticised France over its troops.',
  },
]);

function rejectAll(relationIndex: number, id: string): ReviewDecision {
  const relation = graph.relations[relationIndex];
  const evidence = relation?.evidence[0];
  const key = relation && evidence ? sentenceKeyOf(graph, relation, evidence) : null;
  if (!key) throw new Error('fixture has no relation');
  return {
    id,
    kind: 'review',
    by: 'ana',
    at: '2026-01-01T00:00:00Z',
    status: 'rejected',
    sentence: key,
  };
}

describe('review store and workspace', () => {
  it('hides an all-rejected relation, counts it, and keeps the decision in IndexedDB', async () => {
    expect(graph.relations.length).toBe(2);
    const store = createAtlasStore();
    store.getState().setStorage(indexedDbStorage());
    store.getState().setGraph(graph, 'test');
    const pending = store.getState().decide(rejectAll(0, 'd1'));
    // On screen at once, saved only once the write finished.
    expect(store.getState().index?.relations.length).toBe(1);
    expect(store.getState().hiddenByReview).toBe(1);
    expect(store.getState().save.status).toBe('saving');
    await pending;
    expect(store.getState().save.status).toBe('saved');

    const reread = await indexedDbStorage().load();
    expect(reread.decisions.map((d) => d.id)).toEqual(['d1']);

    // A fresh store (a reload) restores the same view.
    const again = createAtlasStore();
    again.getState().restoreReview(reread.decisions, reread.reviewer);
    again.getState().setGraph(graph, 'test');
    expect(again.getState().hiddenByReview).toBe(1);
    again.getState().setReviewStatusEnabled('rejected', true);
    expect(again.getState().index?.relations.length).toBe(2);
    expect(again.getState().hiddenByReview).toBe(0);
  });

  it('shows a failed write and keeps the decision on screen', async () => {
    const failing: WorkspaceStorage = {
      load: async () => ({ decisions: [], reviewer: null, corpus: null }),
      saveDecisions: async () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      saveReviewer: async () => undefined,
      saveCorpus: async () => undefined,
    };
    const store = createAtlasStore();
    store.getState().setStorage(failing);
    store.getState().setGraph(graph, 'test');
    await store.getState().decide(rejectAll(1, 'd2'));
    expect(store.getState().save).toEqual({
      status: 'error',
      message: 'the browser storage is full',
    });
    expect(store.getState().decisions.map((d) => d.id)).toEqual(['d2']);
    expect(store.getState().hiddenByReview).toBe(1);
  });

  it('reports which imported decisions applied', async () => {
    const store = createAtlasStore();
    store.getState().setGraph(graph, 'test');
    const gone = {
      ...rejectAll(0, 'x'),
      sentence: { ...rejectAll(0, 'x').sentence, quote: 'Never said.' },
    };
    const report = await store.getState().importDecisions([rejectAll(0, 'ok'), gone]);
    expect(report.applied).toBe(1);
    expect(report.notApplied).toEqual([{ id: 'x', reason: expect.stringMatching(/no longer/) }]);
  });
});
