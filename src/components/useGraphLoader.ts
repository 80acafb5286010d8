/** Loads the graph named by ?data= (or ./graph.json) and graph files the user picks. */
import { useCallback, useEffect } from 'react';
import { useAtlasStoreApi } from '../store/context';
import { parseGraphText } from '../model/loadGraph';
import type { Graph } from '../model/schema';

export const DEFAULT_GRAPH_URL = './graph.json';

export function graphUrlFromLocation(search: string): string {
  const data = new URLSearchParams(search).get('data');
  return data && data.trim() !== '' ? data : DEFAULT_GRAPH_URL;
}

/**
 * `restored` is the corpus kept from the last visit (undefined while storage is still being
 * read): it is shown instead of the default graph, but an explicit ?data= wins.
 */
export function useGraphLoader(url: string, restored?: { graph: Graph; source: string } | null) {
  const store = useAtlasStoreApi();

  useEffect(() => {
    let cancelled = false;
    const { setLoading, setGraph, setLoadError } = store.getState();
    setLoading(url);
    if (restored === undefined) return;
    if (restored && url === DEFAULT_GRAPH_URL) {
      setGraph(restored.graph, restored.source);
      return;
    }
    (async () => {
      let text: string;
      try {
        const response = await fetch(url);
        if (!response.ok) {
          throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
        }
        text = await response.text();
      } catch (error) {
        if (cancelled) return;
        const reason = error instanceof Error ? error.message : String(error);
        setLoadError(url, `Could not load ${url}: ${reason}.`, [
          url === DEFAULT_GRAPH_URL
            ? 'Run `npm run preprocess` to build public/graph.json from the articles in seeds/, or open a graph file.'
            : 'Check the address given in ?data=, or open a graph file instead.',
        ]);
        return;
      }
      if (cancelled) return;
      const result = parseGraphText(text, url);
      if (result.ok) setGraph(result.graph, url);
      else setLoadError(url, result.message, result.problems);
    })();
    return () => {
      cancelled = true;
    };
  }, [store, url, restored]);

  return useCallback(
    async (file: File) => {
      const { setLoading, setGraph, setLoadError } = store.getState();
      setLoading(file.name);
      const result = parseGraphText(await file.text(), file.name);
      if (result.ok) {
        setGraph(result.graph, file.name);
        void store.getState().rememberCorpus(result.graph, file.name);
      } else setLoadError(file.name, result.message, result.problems);
    },
    [store],
  );
}
