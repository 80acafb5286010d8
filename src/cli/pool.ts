/**
 * Extraction on every core with node:worker_threads: each worker holds a few files at a time
 * (`JOBS_PER_WORKER`) and returns each extraction as JSON text. Which worker read a file
 * changes nothing in its extraction, so the output is the same for any number of workers.
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

/** A worker and the files it holds (sent, not yet answered). */
interface Slot {
  worker: Worker;
  held: number;
}

export function workerPool(size: number): Extractor {
  const slots: Slot[] = [];
  const queue: Array<() => void> = [];
  const pending = new Map<
    number,
    { resolve: (x: Extracted) => void; reject: (e: Error) => void; slot: Slot }
  >();
  let nextId = 0;
  let failed: Error | null = null;
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: startWorker(), held: 0 };
    slot.worker.on('message', (message: { id: number; json: ExtractionJson }) => {
      const job = pending.get(message.id);
      pending.delete(message.id);
      slot.held--;
      queue.shift()?.();
      job?.resolve({ extraction: fromJson(message.json), json: message.json });
    });
    slot.worker.on('error', (error) => {
      failed ??= error;
      for (const [id, job] of pending)
        if (job.slot === slot) {
          pending.delete(id);
          job.reject(error);
        }
    });
    slots.push(slot);
  }
  /** The worker holding fewest files, once it may take one more. */
  const acquire = (): Promise<Slot> =>
    new Promise((resolve) => {
      const take = () => {
        const slot = slots.reduce((a, b) => (b.held < a.held ? b : a));
        if (slot.held < JOBS_PER_WORKER) {
          slot.held++;
          resolve(slot);
        } else queue.push(take);
      };
      take();
    });
  return {
    async extract(file, bytes) {
      if (failed) throw failed;
      const slot = await acquire();
      const id = nextId++;
      return new Promise<Extracted>((resolve, reject) => {
        pending.set(id, { resolve, reject, slot });
        // Moved, not copied: a view into a shared buffer is copied first.
        const own =
          bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
            ? bytes
            : bytes.slice();
        const request: WorkRequest = { id, file, bytes: own };
        slot.worker.postMessage(request, [own.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
