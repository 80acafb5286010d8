/** Turning text from a file or a URL into a Graph, with a message a person can act on. */
import { type Graph, parseGraph } from './schema';

export type LoadResult =
  | { ok: true; graph: Graph }
  | { ok: false; message: string; problems: string[] };

export function parseGraphText(text: string, source: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${source} is not valid JSON.`, problems: [reason] };
  }
  const parsed = parseGraph(json);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    message: `${source} does not match the Alliance Atlas graph format.`,
    problems: parsed.problems,
  };
}
