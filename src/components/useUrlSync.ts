/**
 * Keeps the URL and the view in step: view changes are written (debounced) as a new history
 * entry, back and forward re-apply the parsed URL. The URL is parsed, never trusted.
 */
import { useEffect } from 'react';
import { useAtlasStoreApi } from '../store/context';
import { viewStateOf, type AtlasState } from '../store/atlasStore';
import { parseViewState, serializeViewState } from '../model/urlState';

const WRITE_DELAY_MS = 200;

function viewChanged(a: AtlasState, b: AtlasState): boolean {
  return (
    a.filters !== b.filters ||
    a.window !== b.window ||
    a.selection !== b.selection ||
    a.focus !== b.focus ||
    a.canvas !== b.canvas
  );
}

function canonicalSearch(search: string): string {
  const params = new URLSearchParams(search);
  return serializeViewState(parseViewState(params), params).toString();
}

export function useUrlSync(): void {
  const store = useAtlasStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const state = store.getState();
      const current = new URLSearchParams(window.location.search);
      const next = serializeViewState(viewStateOf(state), current).toString();
      if (next === canonicalSearch(window.location.search)) return;
      const url = `${window.location.pathname}${next ? `?${next}` : ''}${window.location.hash}`;
      // While playing, the window changes every step: replace instead of flooding history.
      if (state.playing) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (!viewChanged(state, previous)) return;
      clearTimeout(timer);
      timer = setTimeout(write, WRITE_DELAY_MS);
    });
    const onPopState = () => {
      clearTimeout(timer);
      store.getState().applyViewState(parseViewState(window.location.search));
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, [store]);
}
