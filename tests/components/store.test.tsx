import { describe, expect, it } from 'vitest';
import { createAtlasStore } from '../../src/store/atlasStore';
import { selectHistogram, selectVisibility } from '../../src/store/selectors';
import { monthIndex } from '../../src/model/dates';
import { loadFixture } from '../unit/ui/fixture';

function readyStore() {
  const store = createAtlasStore();
  store.getState().setGraph(loadFixture(), 'fixture');
  return store;
}

describe('atlas store', () => {
  it('derives visibility once per input change and keeps it stable otherwise', () => {
    const store = readyStore();
    const first = selectVisibility(store.getState());
    store.getState().selectActor('mali');
    expect(selectVisibility(store.getState())).toBe(first);
    store.getState().setRelationTypeEnabled('rupture', false);
    const second = selectVisibility(store.getState());
    expect(second).not.toBe(first);
    expect(second.relationIds.size).toBe(first.relationIds.size - 4);
    expect(selectHistogram(store.getState())).toBe(selectHistogram(store.getState()));
  });

  it('clamps the time window to the corpus and treats the full span as all time', () => {
    const store = readyStore();
    const { setTimeRange } = store.getState();
    setTimeRange({ startMonth: monthIndex(1990, 1), endMonth: monthIndex(2024, 6) });
    expect(store.getState().window).toEqual({
      startMonth: monthIndex(2021, 1),
      endMonth: monthIndex(2024, 6),
    });
    setTimeRange({ startMonth: monthIndex(2021, 1), endMonth: monthIndex(2030, 1) });
    expect(store.getState().window).toBeNull();
    store.getState().showLastTwelveMonths();
    expect(store.getState().window).toEqual({
      startMonth: monthIndex(2024, 12),
      endMonth: monthIndex(2025, 11),
    });
  });

  it('plays a 12-month window from the start and stops at the end of the corpus', () => {
    const store = readyStore();
    store.getState().setPlaying(true);
    expect(store.getState().window).toEqual({
      startMonth: monthIndex(2021, 1),
      endMonth: monthIndex(2021, 12),
    });
    store.getState().stepPlayback();
    expect(store.getState().window?.startMonth).toBe(monthIndex(2021, 2));
    for (let i = 0; i < 100; i += 1) store.getState().stepPlayback();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().window?.endMonth).toBe(monthIndex(2025, 11));
  });

  it('applies a whole view state at once (URL navigation)', () => {
    const store = readyStore();
    store.getState().openReader({ articleId: 'a1', quote: null });
    store.getState().applyViewState({
      filters: { ...store.getState().filters, showUndated: false },
      window: null,
      selection: { kind: 'actor', id: 'mali' },
      focus: { actorId: 'mali', depth: 1 },
      canvas: { edges: 'types', layout: 'map', showIsolated: true },
    });
    expect(store.getState().canvas).toEqual({ edges: 'types', layout: 'map', showIsolated: true });
    const state = store.getState();
    expect(state.reader).toBeNull();
    expect(state.selection).toEqual({ kind: 'actor', id: 'mali' });
    expect(selectVisibility(state).actorIds.has('niger')).toBe(false);
  });

  it('reports load errors with their problems', () => {
    const store = createAtlasStore();
    store.getState().setLoadError('bad.json', 'bad', ['actors.0.name: required']);
    expect(store.getState().load).toEqual({
      status: 'error',
      source: 'bad.json',
      message: 'bad',
      problems: ['actors.0.name: required'],
    });
  });
});
