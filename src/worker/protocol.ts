/** Messages between the app and the extraction worker. */
import type { Graph } from '../model/schema';

export interface ExtractRequest {
  type: 'extract';
  files: Array<{ name: string; bytes: ArrayBuffer }>;
}

export type ExtractResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; graph: Graph }
  | { type: 'error'; message: string };
