/** The visible actors as a table, so an actor's panel can be opened from the keyboard. */
import { useMemo, useState } from 'react';
import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import { ACTOR_TYPE_TOKENS } from '../graph/tokens';
import { ActorTypeIcon } from './swatches';

const PAGE = 100;

export function ActorsTable() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const selection = useAtlasStore((s) => s.selection);
  const selectActor = useAtlasStore((s) => s.selectActor);
  const [limit, setLimit] = useState(PAGE);

  const rows = useMemo(() => {
    if (!index) return [];
    return index.graph.actors
      .filter((a) => visibility.actorIds.has(a.id))
      .map((actor) => ({
        actor,
        relations: (index.relationsByActor.get(actor.id) ?? []).filter((r) =>
          visibility.relationIds.has(r.relation.id),
        ).length,
      }))
      .sort((a, b) => b.relations - a.relations || a.actor.name.localeCompare(b.actor.name));
  }, [index, visibility]);

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <table aria-label="Actors" className="w-full border-collapse text-left text-xs">
        <thead className="sticky top-0 z-10 bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Actor
            </th>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Type
            </th>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Aliases
            </th>
            <th scope="col" className="px-3 py-1.5 text-right font-semibold">
              Visible relations
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map(({ actor, relations }) => {
            const selected = selection?.kind === 'actor' && selection.id === actor.id;
            return (
              <tr
                key={actor.id}
                className={`border-b border-slate-100 ${selected ? 'bg-amber-50' : ''}`}
              >
                <td className="px-3 py-1">
                  <button
                    type="button"
                    onClick={() => selectActor(actor.id)}
                    aria-current={selected ? 'true' : undefined}
                    className="font-medium text-sky-800 hover:underline"
                  >
                    {actor.name}
                  </button>
                </td>
                <td className="px-3 py-1 text-slate-700">
                  <span className="inline-flex items-center gap-1.5">
                    <ActorTypeIcon type={actor.type} size={12} />
                    {ACTOR_TYPE_TOKENS[actor.type].label}
                  </span>
                </td>
                <td className="max-w-md truncate px-3 py-1 text-slate-600">
                  {actor.aliases.filter((a) => a !== actor.name).join(', ')}
                </td>
                <td className="px-3 py-1 text-right text-slate-700 tabular-nums">{relations}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > limit && (
        <button
          type="button"
          onClick={() => setLimit((l) => l + PAGE)}
          className="m-2 rounded-md px-3 py-1 text-xs font-medium text-sky-800 ring-1 ring-sky-200 ring-inset hover:bg-sky-50"
        >
          Show more ({rows.length - limit} remaining)
        </button>
      )}
    </div>
  );
}
