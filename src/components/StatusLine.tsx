import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import { isolatedActorCount } from '../model/pairs';

export function StatusLine() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const showIsolated = useAtlasStore((s) => s.canvas.showIsolated);
  const hidden = useAtlasStore((s) => s.hiddenByReview);
  const showsRejected = useAtlasStore((s) => s.reviewFilter.includes('rejected'));
  if (!index) return null;
  const isolated = showIsolated ? 0 : isolatedActorCount(index, visibility.actorIds);
  return (
    <p role="status" aria-live="polite" className="text-xs text-slate-600 tabular-nums">
      Showing {visibility.relationIds.size} of {index.relations.length} relations,{' '}
      {visibility.actorIds.size - isolated} of {index.graph.actors.length} actors
      {isolated > 0 && `, ${isolated} without relations hidden`}
      {hidden > 0 &&
        `; ${hidden} ${showsRejected ? 'hidden by the review filter' : `rejected relation${hidden === 1 ? '' : 's'} hidden`}`}
    </p>
  );
}
