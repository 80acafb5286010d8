/** Review state as the view reads it. Decisions themselves live in src/pipeline/review. */
import type { Relation, ReviewStatus } from './schema';

/** A relation's review state: confirmed if a sentence is, rejected if all are, else unreviewed. */
export function relationReviewStatus(relation: Relation): ReviewStatus {
  if (relation.evidence.some((e) => e.review?.status === 'confirmed')) return 'confirmed';
  if (relation.evidence.every((e) => e.review?.status === 'rejected')) return 'rejected';
  return 'unreviewed';
}
