import { buildGraph } from '../../src/pipeline';
import type { Graph, Relation } from '../../src/model/schema';

/** Builds the graph of one or more small articles given as strings. */
export function graphOf(...texts: string[]): Graph {
  return buildGraph(texts.map((content, i) => ({ file: `article-${i}.txt`, content })));
}

/** Relations as 'source type/polarity target' lines, sorted, for readable assertions. */
export function edges(graph: Graph): string[] {
  return graph.relations
    .map((r: Relation) => `${r.source} ${r.type}/${r.polarity} ${r.target}`)
    .sort();
}

/** Unordered actor pairs with polarity: 'a~b polarity'. */
export function pairs(graph: Graph): string[] {
  return [
    ...new Set(
      graph.relations.map((r) => `${[r.source, r.target].sort().join('~')} ${r.polarity}`),
    ),
  ].sort();
}
