/**
 * Runs the extraction pipeline off the main thread: the articles a user drops into the app
 * become a graph without freezing the page. The pipeline is the same pure module the CLI runs;
 * saved pages, PDFs and Word documents are converted first by the same readers, which are
 * loaded only when such a file is dropped (they are most of the worker's weight).
 */
import { GraphBuilder } from '../pipeline';
import type { ExtractRequest, ExtractResponse } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExtractRequest>) => void) | null;
  postMessage(message: ExtractResponse): void;
}

const scope = self as unknown as WorkerScope;
const CONVERTED = /\.(?:html?|xhtml|pdf|docx)$/iu;

scope.onmessage = (event) => {
  const { files } = event.data;
  void (async () => {
    try {
      const builder = new GraphBuilder();
      for (const [i, file] of files.entries()) {
        const bytes = new Uint8Array(file.bytes);
        if (CONVERTED.test(file.name)) {
          const { convertFile } = await import('../formats');
          const converted = await convertFile(file.name, bytes);
          if (converted.ok) builder.add(converted.input);
          else builder.skip(file.name, converted.reason);
        } else builder.add({ file: file.name, content: bytes });
        if (i % 25 === 24)
          scope.postMessage({ type: 'progress', done: i + 1, total: files.length });
      }
      scope.postMessage({ type: 'done', graph: builder.finish() });
    } catch (error) {
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
};
