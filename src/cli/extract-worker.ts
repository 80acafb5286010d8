/** A worker thread of the command line's pool: extracts the files the main thread sends. */
import { parentPort } from 'node:worker_threads';
import { extractFile, toJson } from './extract-one';

export interface WorkRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('extract-worker runs as a worker thread');
// Sent as JSON text: the main thread parses it (about what a structured clone costs it) and
// appends the same text to the cache, so the serialising is done here, on every core.
// (Three texts: the cache keeps the text and sentence facts apart, see ./extract-one.)
port.on('message', (request: WorkRequest) => {
  void extractFile(request.file, request.bytes).then((extraction) =>
    port.postMessage({ id: request.id, json: toJson(extraction) }),
  );
});
