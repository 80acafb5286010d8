/**
 * Runs the extraction pipeline off the main thread: the articles a user drops into the app
 * become a graph without freezing the page. The pipeline is the same pure module the CLI runs.
 */
import { GraphBuilder } from '../pipeline';
import type { ExtractRequest, ExtractResponse } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExtractRequest>) => void) | null;
  postMessage(message: ExtractResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { files } = event.data;
  try {
    const builder = new GraphBuilder();
    files.forEach((file, i) => {
      builder.add({ file: file.name, content: new Uint8Array(file.bytes) });
      if (i % 25 === 24) scope.postMessage({ type: 'progress', done: i + 1, total: files.length });
    });
    scope.postMessage({ type: 'done', graph: builder.finish() });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
