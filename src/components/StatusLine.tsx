import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';

export function StatusLine() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  if (!index) return null;
  return (
    <p role="status" aria-live="polite" className="text-xs text-slate-600 tabular-nums">
      Showing {visibility.relationIds.size} of {index.relations.length} relations,{' '}
      {visibility.actorIds.size} of {index.graph.actors.length} actors
    </p>
  );
}
