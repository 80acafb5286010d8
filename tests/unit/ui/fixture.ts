import { parseGraph, type Graph } from '../../../src/model/schema';
import sample from '../../fixtures/ui/sample-graph.json';
import planted from '../../fixtures/ui/xss-graph.json';

function parse(json: unknown): Graph {
  const parsed = parseGraph(json);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.graph;
}

/** The hand-written UI fixture: 11 actors, 20 relations, dates of every precision. */
export function loadFixture(name: 'sample' | 'planted' = 'sample'): Graph {
  return parse(structuredClone(name === 'sample' ? sample : planted));
}
