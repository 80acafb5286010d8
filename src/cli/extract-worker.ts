/** A worker thread of the command line's pool: extracts the files the main thread sends. */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extract-one';

export interface WorkRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('extract-worker runs as a worker thread');
port.on('message', (request: WorkRequest) => {
  void extractFile(request.file, request.bytes).then((extraction) =>
    port.postMessage({ id: request.id, extraction }),
  );
});
