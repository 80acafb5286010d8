/**
 * Extraction on every core with node:worker_threads: each worker holds a few files at a time
 * (`JOBS_PER_WORKER`) and returns each extraction as JSON text. Which worker read a file
 * changes nothing in its
 * extraction, so the output is the same for any number of workers.
 */
import { Worker } from 'node:worker_threads';
import type { ArticleExtraction } from '../pipeline';
import { extractFile, fromJson, type ExtractionJson } from './extract-one';
import type { WorkRequest } from './extract-worker';

/** One file's extraction, and its JSON text when a worker made it (null in this thread). */
export interface Extracted {
  extraction: ArticleExtraction;
  json: ExtractionJson | null;
}

export interface Extractor {
  extract(file: string, bytes: Uint8Array): Promise<Extracted>;
  close(): Promise<void>;
}

/** One core: extraction in this thread, no worker started. */
export function inlineExtractor(): Extractor {
  return {
    extract: async (file, bytes) => ({ extraction: await extractFile(file, bytes), json: null }),
    close: async () => {},
  };
}

/**
 * Run from source (tsx), a worker needs the TypeScript loader registered in its own thread
 * first: worker threads do not inherit it.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./extract-worker.js', import.meta.url));
  const api = import.meta.resolve('tsx/esm/api');
  const script = new URL('./extract-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true });
}

/**
 * Files handed to one worker at a time: it starts the next as soon as it has sent one back,
 * without waiting for the main thread (busy parsing another result, or off the core while the
 * workers have both) to read that result and send it another file.
 */
export const JOBS_PER_WORKER = 3;

export function workerPool(size: number): Extractor {
  const workers: Worker[] = [];
  /** Files each worker holds (sent, not yet answered), by worker. */
  const held = new Map<Worker, number>();
  const queue: Array<() => void> = [];
  const pending = new Map<
    number,
    { resolve: (x: Extracted) => void; reject: (e: Error) => void; worker: Worker }
  >();
  let nextId = 0;
  let failed: Error | null = null;
  for (let i = 0; i < size; i++) {
    const worker = startWorker();
    worker.on('message', (message: { id: number; json: ExtractionJson }) => {
      const job = pending.get(message.id);
      pending.delete(message.id);
      release(worker);
      job?.resolve({ extraction: fromJson(message.json), json: message.json });
    });
    worker.on('error', (error) => {
      failed ??= error;
      for (const [id, job] of pending)
        if (job.worker === worker) {
          pending.delete(id);
          job.reject(error);
        }
    });
    workers.push(worker);
    held.set(worker, 0);
  }
  const release = (worker: Worker) => {
    held.set(worker, (held.get(worker) ?? 1) - 1);
    queue.shift()?.();
  };
  /** The worker holding fewest files, if it can take one more. */
  const leastHeld = (): Worker | null => {
    let best: Worker | null = null;
    for (const w of workers)
      if (best === null || (held.get(w) ?? 0) < (held.get(best) ?? 0)) best = w;
    return best && (held.get(best) ?? 0) < JOBS_PER_WORKER ? best : null;
  };
  const acquire = (): Promise<Worker> =>
    new Promise((resolve) => {
      const take = () => {
        const w = leastHeld();
        if (w) {
          held.set(w, (held.get(w) ?? 0) + 1);
          resolve(w);
        } else queue.push(take);
      };
      take();
    });
  return {
    async extract(file, bytes) {
      if (failed) throw failed;
      const worker = await acquire();
      const id = nextId++;
      return new Promise<Extracted>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        // Moved, not copied: a view into a shared buffer is copied first.
        const own =
          bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
            ? bytes
            : bytes.slice();
        const request: WorkRequest = { id, file, bytes: own };
        worker.postMessage(request, [own.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
