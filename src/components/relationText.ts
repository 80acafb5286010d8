import type { GraphIndex } from '../model/graphIndex';
import type { Relation } from '../model/schema';
import { POLARITY_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';

/** "Russia → Mali · security cooperation · cooperative" */
export function relationInWords(index: GraphIndex, relation: Relation): string {
  const source = index.actorsById.get(relation.source)?.name ?? relation.source;
  const target = index.actorsById.get(relation.target)?.name ?? relation.target;
  return `${source} → ${target} · ${RELATION_TYPE_TOKENS[relation.type].label} · ${POLARITY_TOKENS[relation.polarity].label}`;
}
