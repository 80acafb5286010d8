/**
 * "Open articles…": the analyst picks article files or a whole folder, and the extraction
 * pipeline runs in a Web Worker in the browser. Nothing leaves the machine.
 */
import { useCallback, useId, useRef } from 'react';
import { useAtlasStoreApi } from '../store/context';
import { parseGraph } from '../model/schema';
import type { ExtractRequest, ExtractResponse } from '../worker/protocol';

const ARTICLE_FILE = /\.(?:txt|md|markdown|html?|xhtml|pdf|docx)$/iu;

function isExtractResponse(message: unknown): message is ExtractResponse {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'progress' || type === 'done' || type === 'error';
}

/** Runs the pipeline over the chosen files in a worker and loads the result. */
export function useArticleImport() {
  const store = useAtlasStoreApi();
  const worker = useRef<Worker | null>(null);
  return useCallback(
    async (list: FileList | File[]) => {
      const files = [...list];
      const { setLoading, setGraph, setLoadError } = store.getState();
      const source =
        files.length === 1 ? (files[0]?.name ?? 'article') : `${files.length} articles`;
      if (files.length === 0) return;
      setLoading(source);
      const payload: ExtractRequest = {
        type: 'extract',
        // Non-article files are passed on too, so the graph's diagnostics name them.
        files: await Promise.all(
          files.map(async (f) => ({
            name: f.webkitRelativePath || f.name,
            bytes: ARTICLE_FILE.test(f.name) ? await f.arrayBuffer() : new ArrayBuffer(0),
          })),
        ),
      };
      worker.current?.terminate();
      const w = new Worker(new URL('../worker/extract.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current = w;
      w.onmessage = (event: MessageEvent<ExtractResponse>) => {
        const message = event.data;
        // pdf.js, run inside the extraction worker, announces itself on the same channel:
        // only the extraction protocol's own messages are read.
        if (!isExtractResponse(message)) return;
        if (message.type === 'progress') {
          setLoading(`${source} (${message.done} of ${message.total} read)`);
          return;
        }
        w.terminate();
        if (message.type === 'error') {
          setLoadError(source, `Could not extract a graph from ${source}: ${message.message}`);
          return;
        }
        const parsed = parseGraph(message.graph);
        if (parsed.ok) {
          setGraph(parsed.graph, source);
          void store.getState().rememberCorpus(parsed.graph, source);
        } else
          setLoadError(source, `The extracted graph of ${source} is not valid.`, parsed.problems);
      };
      w.onerror = (event) => {
        w.terminate();
        setLoadError(source, `The extraction worker failed: ${event.message || 'unknown error'}`);
      };
      w.postMessage(
        payload,
        payload.files.map((f) => f.bytes),
      );
    },
    [store],
  );
}

/** Two pickers: article files, or a folder of them. */
export function OpenArticles({ onFiles }: { onFiles: (files: File[]) => void }) {
  const filesId = useId();
  const folderId = useId();
  const label =
    'inline-flex cursor-pointer items-center rounded-md bg-slate-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-600 focus-within:outline-2 focus-within:outline-sky-400';
  const pick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length) onFiles(files);
  };
  return (
    <div className="flex items-center gap-2">
      <label
        htmlFor={filesId}
        className={label}
        title="Read .txt, .md, .html, .pdf or .docx articles in the browser"
      >
        Open articles…
      </label>
      <input
        id={filesId}
        type="file"
        multiple
        accept=".txt,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx"
        className="sr-only"
        onChange={pick}
      />
      <label htmlFor={folderId} className={label} title="Read every article in a folder">
        Open folder…
      </label>
      <input
        id={folderId}
        type="file"
        className="sr-only"
        onChange={pick}
        ref={(el) => {
          // Not in React's typings: lets the picker choose a folder.
          el?.setAttribute('webkitdirectory', '');
        }}
      />
    </div>
  );
}
