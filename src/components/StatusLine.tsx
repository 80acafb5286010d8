import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import { isolatedActorCount } from '../model/pairs';

export function StatusLine() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const showIsolated = useAtlasStore((s) => s.canvas.showIsolated);
  if (!index) return null;
  const isolated = showIsolated ? 0 : isolatedActorCount(index, visibility.actorIds);
  return (
    <p role="status" aria-live="polite" className="text-xs text-slate-600 tabular-nums">
      Showing {visibility.relationIds.size} of {index.relations.length} relations,{' '}
      {visibility.actorIds.size - isolated} of {index.graph.actors.length} actors
      {isolated > 0 && `, ${isolated} without relations hidden`}
    </p>
  );
}
