import { useAtlasStore } from '../store/context';
import { ActorPanel } from './ActorPanel';
import { EvidencePanel } from './EvidencePanel';
import { Legend } from './Legend';
import { PairPanel } from './PairPanel';

export function SidePanel() {
  const selection = useAtlasStore((s) => s.selection);
  if (selection?.kind === 'actor') return <ActorPanel key={selection.id} actorId={selection.id} />;
  if (selection?.kind === 'pair') return <PairPanel key={selection.id} pairKey={selection.id} />;
  if (selection?.kind === 'relation') {
    return <EvidencePanel key={selection.id} relationId={selection.id} />;
  }
  return (
    <div className="p-4 text-sm leading-relaxed text-slate-600">
      <h2 className="text-sm font-semibold text-slate-800">Explore the sources</h2>
      <p className="mt-1">
        Click an actor to see its relations, dates and the articles that mention it. Click a line
        (or a row of the Pairs table) to see every relation between two actors over time; the
        Relations table opens the sentences behind each one.
      </p>
      <p className="mt-2">Hover an actor to highlight its neighbourhood.</p>
      <div className="mt-4">
        <Legend inline />
      </div>
    </div>
  );
}
