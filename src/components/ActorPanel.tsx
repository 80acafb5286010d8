import { useMemo } from 'react';
import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import type { RelationInfo } from '../model/graphIndex';
import { formatPartialDate } from '../model/dates';
import type { FocusDepth } from '../model/view';
import { ACTOR_TYPE_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';
import { ActorTypeIcon, PolarityDot } from './swatches';

interface CounterpartGroup {
  counterpartId: string;
  name: string;
  relations: RelationInfo[];
}

export function ActorPanel({ actorId }: { actorId: string }) {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const focus = useAtlasStore((s) => s.focus);
  const setFocus = useAtlasStore((s) => s.setFocus);
  const selectRelation = useAtlasStore((s) => s.selectRelation);
  const selectActor = useAtlasStore((s) => s.selectActor);
  const clearSelection = useAtlasStore((s) => s.clearSelection);
  const openReader = useAtlasStore((s) => s.openReader);
  const actor = index?.actorsById.get(actorId);

  const details = useMemo(() => {
    if (!index || !actor) return null;
    const relations = index.relationsByActor.get(actor.id) ?? [];
    const groups = new Map<string, CounterpartGroup>();
    let first: { day: number; date: string } | null = null;
    let last: { day: number; date: string } | null = null;
    const articleIds = new Set<string>(actor.articleIds ?? []);
    for (const info of relations) {
      const { source, target } = info.relation;
      const counterpartId = source === actor.id ? target : source;
      const group = groups.get(counterpartId) ?? {
        counterpartId,
        name: index.actorsById.get(counterpartId)?.name ?? counterpartId,
        relations: [],
      };
      group.relations.push(info);
      groups.set(counterpartId, group);
      if (info.firstDay !== null && info.firstDate && (!first || info.firstDay < first.day)) {
        first = { day: info.firstDay, date: info.firstDate };
      }
      if (info.lastDay !== null && info.lastDate && (!last || info.lastDay > last.day)) {
        last = { day: info.lastDay, date: info.lastDate };
      }
      if (!actor.articleIds) for (const id of info.articleIds) articleIds.add(id);
    }
    const sortedGroups = [...groups.values()].sort(
      (a, b) => b.relations.length - a.relations.length || a.name.localeCompare(b.name),
    );
    for (const group of sortedGroups) {
      group.relations.sort((a, b) => a.relation.type.localeCompare(b.relation.type));
    }
    const articles = [...articleIds]
      .map((id) => index.articlesById.get(id))
      .filter((a) => a !== undefined)
      .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    return { groups: sortedGroups, first, last, articles, relationCount: relations.length };
  }, [index, actor]);

  if (!index || !actor || !details) {
    return (
      <section aria-label="Actor" className="p-4 text-sm text-slate-600">
        This actor is not in the graph.
      </section>
    );
  }
  const token = ACTOR_TYPE_TOKENS[actor.type];
  const focusDepth = focus?.actorId === actor.id ? focus.depth : null;
  const setDepth = (depth: FocusDepth | null) =>
    setFocus(depth === null ? null : { actorId: actor.id, depth });
  const aliases = actor.aliases.filter((a) => a !== actor.name);

  return (
    <section aria-label="Actor" className="flex min-h-0 flex-col">
      <header className="border-b border-slate-200 px-4 py-3">
        <div className="flex items-start justify-between gap-2">
          <p
            className="inline-flex items-center gap-1.5 text-[11px] font-semibold tracking-wide uppercase"
            style={{ color: token.color }}
          >
            <ActorTypeIcon type={actor.type} size={12} />
            {token.label}
          </p>
          <button
            type="button"
            onClick={clearSelection}
            aria-label="Close actor"
            className="-mt-1 rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            ×
          </button>
        </div>
        <h2 className="text-lg font-semibold text-slate-900">{actor.name}</h2>
        {aliases.length > 0 && (
          <p className="mt-1 text-xs leading-relaxed text-slate-600">
            <span className="text-slate-500">Also: </span>
            {aliases.join(' · ')}
          </p>
        )}
        <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
          <div className="rounded-md bg-slate-50 px-2 py-1">
            <dt className="text-[11px] text-slate-500">Relations</dt>
            <dd className="text-sm font-semibold text-slate-800">{details.relationCount}</dd>
          </div>
          <div className="rounded-md bg-slate-50 px-2 py-1">
            <dt className="text-[11px] text-slate-500">First</dt>
            <dd className="text-sm font-semibold text-slate-800">
              {details.first ? formatPartialDate(details.first.date) : '—'}
            </dd>
          </div>
          <div className="rounded-md bg-slate-50 px-2 py-1">
            <dt className="text-[11px] text-slate-500">Last</dt>
            <dd className="text-sm font-semibold text-slate-800">
              {details.last ? formatPartialDate(details.last.date) : '—'}
            </dd>
          </div>
        </dl>
        <div role="group" aria-label="Focus" className="mt-3 flex items-center gap-1 text-xs">
          <span className="mr-1 text-slate-600">Focus:</span>
          {([null, 1, 2] as const).map((depth) => (
            <button
              key={String(depth)}
              type="button"
              aria-pressed={focusDepth === depth}
              onClick={() => setDepth(depth)}
              className={`rounded-md px-2 py-1 font-medium ring-1 ring-inset ${
                focusDepth === depth
                  ? 'bg-sky-700 text-white ring-sky-700'
                  : 'text-slate-700 ring-slate-300 hover:bg-slate-50'
              }`}
            >
              {depth === null ? 'Off' : depth === 1 ? '1 step' : '2 steps'}
            </button>
          ))}
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
          Relations by counterpart
        </h3>
        {details.groups.length === 0 && (
          <p className="mt-1 text-sm text-slate-600">No relations.</p>
        )}
        <ul className="mt-1 space-y-2">
          {details.groups.map((group) => (
            <li key={group.counterpartId}>
              <button
                type="button"
                onClick={() => selectActor(group.counterpartId)}
                className="text-sm font-semibold text-slate-800 hover:text-sky-800 hover:underline"
              >
                {group.name}
              </button>
              <ul className="mt-0.5 space-y-0.5">
                {group.relations.map((info) => {
                  const outgoing = info.relation.source === actor.id;
                  const visible = visibility.relationIds.has(info.relation.id);
                  return (
                    <li key={info.relation.id}>
                      <button
                        type="button"
                        onClick={() => selectRelation(info.relation.id)}
                        className={`flex w-full items-center gap-1.5 rounded px-1.5 py-0.5 text-left text-xs hover:bg-slate-100 ${visible ? 'text-slate-700' : 'text-slate-500'}`}
                      >
                        <PolarityDot polarity={info.relation.polarity} />
                        <span className="w-4 text-center" aria-label={outgoing ? 'to' : 'from'}>
                          {outgoing ? '→' : '←'}
                        </span>
                        <span className="flex-1">
                          {RELATION_TYPE_TOKENS[info.relation.type].label}
                          {!visible && <span className="italic"> (filtered out)</span>}
                        </span>
                        <span className="text-slate-500 tabular-nums">
                          {info.articleIds.length} art. ·{' '}
                          {info.firstDate ? formatPartialDate(info.lastDate) : 'undated'}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        <h3 className="mt-4 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
          Articles mentioning {actor.name} ({details.articles.length})
        </h3>
        <ul className="mt-1 space-y-1.5">
          {details.articles.map((article) => (
            <li key={article.id} className="text-xs">
              <button
                type="button"
                onClick={() => openReader({ articleId: article.id, quote: null })}
                className="text-left font-medium text-sky-800 hover:underline"
              >
                {article.title ?? article.file}
              </button>
              <span className="block text-slate-500">
                {article.outlet ?? 'Unknown outlet'} ·{' '}
                {article.published ? formatPartialDate(article.published) : 'no date'}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
