import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';

export function StatusLine() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const hidden = useAtlasStore((s) => s.hiddenByReview);
  const showsRejected = useAtlasStore((s) => s.reviewFilter.includes('rejected'));
  if (!index) return null;
  return (
    <p role="status" aria-live="polite" className="text-xs text-slate-600 tabular-nums">
      Showing {visibility.relationIds.size} of {index.relations.length} relations,{' '}
      {visibility.actorIds.size} of {index.graph.actors.length} actors
      {hidden > 0 &&
        `; ${hidden} ${showsRejected ? 'hidden by the review filter' : `rejected relation${hidden === 1 ? '' : 's'} hidden`}`}
    </p>
  );
}
