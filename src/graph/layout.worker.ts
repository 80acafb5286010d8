/** Runs fcose off the main thread so laying out thousands of actors never freezes the page. */
import { computePositions } from './layoutCompute';
import type { LayoutInput, Positions } from './layout';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutResponse =
  | { id: number; ok: true; positions: Positions }
  | { id: number; ok: false; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, input } = event.data;
  try {
    scope.postMessage({ id, ok: true, positions: computePositions(input) });
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
