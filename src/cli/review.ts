/** `--review decisions.json`: reads an exported decisions file and applies it to the graph. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Graph } from '../model/schema';
import {
  applyDecisions,
  parseDecisionFile,
  reviewDiagnostics,
  type Decision,
} from '../pipeline/review';

export function readReviewFile(path: string, fail: (message: string) => never): Decision[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    fail(
      `cannot read review decisions ${path}${code === 'ENOENT' ? ': it does not exist' : code ? ` (${code})` : ''}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`review decisions ${path} is not JSON`);
  }
  const parsed = parseDecisionFile(json);
  if (!parsed.ok)
    fail(`review decisions ${path} is not a decisions file (${parsed.problems.join('; ')})`);
  return parsed.decisions;
}

/** Applies the decisions; each one that finds nothing becomes a warning naming it. */
export function reviewGraph(graph: Graph, decisions: readonly Decision[], path: string): Graph {
  const { graph: reviewed, outcomes } = applyDecisions(graph, decisions);
  const applied = outcomes.filter((o) => o.applied).length;
  const file = basename(path);
  const diagnostics = [
    ...reviewed.diagnostics,
    {
      file,
      level: 'info' as const,
      message: `${applied} of ${outcomes.length} review decision(s) applied`,
    },
    ...reviewDiagnostics(outcomes, file),
  ];
  return { ...reviewed, diagnostics };
}
