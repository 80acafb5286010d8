/**
 * Hands layouts to the worker, one at a time: a new request cancels the one in flight (the
 * worker is restarted, since fcose cannot be interrupted). Where no worker can run (tests in
 * jsdom, a failed start) the layout runs here instead, loaded on demand.
 */
import type { LayoutInput, Positions } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout.worker';

export interface LayoutRunner {
  /** Resolves with the positions, or null when a newer request or dispose() superseded it. */
  run(input: LayoutInput): Promise<Positions | null>;
  dispose(): void;
}

async function inThisThread(input: LayoutInput): Promise<Positions> {
  const { computePositions } = await import('./layoutCompute');
  return computePositions(input);
}

export function createLayoutRunner(): LayoutRunner {
  let worker: Worker | null = null;
  let busy = false;
  let latest = 0;
  let settle: ((positions: Positions | null) => void) | null = null;

  const stop = () => {
    worker?.terminate();
    worker = null;
    busy = false;
  };

  return {
    run(input) {
      latest += 1;
      const id = latest;
      settle?.(null);
      settle = null;
      if (busy) stop();
      if (typeof Worker === 'undefined') {
        return inThisThread(input).then((positions) => (id === latest ? positions : null));
      }
      return new Promise<Positions | null>((resolve) => {
        const fallback = () => {
          stop();
          settle = null;
          void inThisThread(input).then((positions) => resolve(id === latest ? positions : null));
        };
        try {
          worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), {
            type: 'module',
          });
        } catch {
          fallback();
          return;
        }
        settle = resolve;
        busy = true;
        worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
          if (event.data.id !== id) return;
          busy = false;
          settle = null;
          if (event.data.ok) resolve(event.data.positions);
          else fallback();
        };
        worker.onerror = (event) => {
          event.preventDefault();
          fallback();
        };
        const request: LayoutRequest = { id, input };
        worker.postMessage(request);
      });
    },
    dispose() {
      latest += 1;
      settle?.(null);
      settle = null;
      stop();
    },
  };
}
