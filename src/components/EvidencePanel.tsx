import { useMemo } from 'react';
import { useAtlasStore } from '../store/context';
import { highlightQuote } from '../model/highlight';
import { formatPartialDate, intervalsOverlap } from '../model/dates';
import { windowInterval } from '../model/view';
import type { Actor, Evidence } from '../model/schema';
import { ACTOR_TYPE_TOKENS, POLARITY_TOKENS } from '../graph/tokens';
import { RelationLine } from './swatches';
import { relationInWords } from './relationText';
import {
  CorrectRelation,
  EvidenceReview,
  NextUnreviewed,
  RelationHistory,
  ReviewerName,
  SaveStatus,
} from './ReviewControls';

function Quote({ evidence, actors }: { evidence: Evidence; actors: readonly Actor[] }) {
  const segments = useMemo(() => highlightQuote(evidence, actors), [evidence, actors]);
  const typeOf = new Map(actors.map((a) => [a.id, a.type]));
  return (
    <blockquote className="border-l-2 border-slate-300 pl-3 text-[13px] leading-relaxed text-slate-800">
      {segments.map((segment, i) => {
        const type = segment.actorId ? typeOf.get(segment.actorId) : undefined;
        return segment.actorId ? (
          <mark
            key={i}
            className="rounded-sm bg-amber-100 px-0.5 font-semibold text-slate-900"
            style={type ? { boxShadow: `inset 0 -2px 0 ${ACTOR_TYPE_TOKENS[type].color}` } : {}}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        );
      })}
    </blockquote>
  );
}

export function EvidencePanel({ relationId }: { relationId: string }) {
  const index = useAtlasStore((s) => s.index);
  const window = useAtlasStore((s) => s.window);
  const openReader = useAtlasStore((s) => s.openReader);
  const selectActor = useAtlasStore((s) => s.selectActor);
  const clearSelection = useAtlasStore((s) => s.clearSelection);
  const info = index?.relationsById.get(relationId);

  const actors = useMemo(() => {
    if (!index || !info) return [];
    const list: Actor[] = [];
    for (const id of [info.relation.source, info.relation.target]) {
      const actor = index.actorsById.get(id);
      if (actor) list.push(actor);
    }
    // Mentions may name other actors in the sentence too.
    for (const evidence of info.relation.evidence) {
      for (const mention of evidence.mentions ?? []) {
        const actor = index.actorsById.get(mention.actorId);
        if (actor && !list.includes(actor)) list.push(actor);
      }
    }
    return list;
  }, [index, info]);

  if (!index || !info) {
    return (
      <section aria-label="Evidence" className="p-4 text-sm text-slate-600">
        This relation is not in the graph.
      </section>
    );
  }
  const { relation } = info;
  const source = index.actorsById.get(relation.source);
  const target = index.actorsById.get(relation.target);
  const range = window ? windowInterval(window) : null;

  return (
    <section aria-label="Evidence" className="flex min-h-0 flex-col">
      <header className="border-b border-slate-200 px-4 py-3">
        <div className="flex items-start justify-between gap-2">
          <p className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
            Evidence
          </p>
          <button
            type="button"
            onClick={clearSelection}
            aria-label="Close evidence"
            className="-mt-1 rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            ×
          </button>
        </div>
        <h2 className="mt-0.5 text-base leading-snug font-semibold text-slate-900">
          {relationInWords(index, relation)}
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          <span className="inline-flex items-center gap-1.5">
            <RelationLine type={relation.type} polarity={relation.polarity} />
            <span style={{ color: POLARITY_TOKENS[relation.polarity].color }}>
              {POLARITY_TOKENS[relation.polarity].label}
            </span>
          </span>
          <span>
            {relation.evidence.length} sentence{relation.evidence.length === 1 ? '' : 's'} ·{' '}
            {info.articleIds.length} article{info.articleIds.length === 1 ? '' : 's'}
            {relation.independentSources !== undefined &&
              `, ${relation.independentSources} independent source${relation.independentSources === 1 ? '' : 's'}`}
          </span>
          <span>
            {info.firstDate
              ? `${formatPartialDate(info.firstDate)} – ${formatPartialDate(info.lastDate)}`
              : 'undated'}
          </span>
        </div>
        <div className="mt-2 flex gap-2">
          {[source, target].map(
            (actor, i) =>
              actor && (
                <button
                  key={`${actor.id}-${i}`}
                  type="button"
                  onClick={() => selectActor(actor.id)}
                  className="rounded-md px-2 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-sky-200 ring-inset hover:bg-sky-50"
                >
                  Open {actor.name}
                </button>
              ),
          )}
        </div>
        <div className="mt-2 space-y-1.5">
          <ReviewerName />
          <NextUnreviewed />
          <SaveStatus />
          <CorrectRelation key={relation.id} relation={relation} />
          <RelationHistory relation={relation} />
        </div>
      </header>
      <ol className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3">
        {relation.evidence.map((evidence, i) => {
          const article = index.articlesById.get(evidence.articleId);
          const original = article?.copyOf ? index.articlesById.get(article.copyOf) : undefined;
          const interval = info.intervals[i];
          const outside =
            range !== null &&
            interval !== null &&
            interval !== undefined &&
            !intervalsOverlap(interval, range);
          return (
            <li
              key={`${evidence.articleId}-${evidence.start}-${i}`}
              className={`rounded-lg border bg-white p-3 shadow-xs ${evidence.review?.status === 'confirmed' ? 'border-emerald-400' : evidence.review?.status === 'rejected' ? 'border-red-300 bg-red-50/40' : 'border-slate-200'} ${outside ? 'opacity-60' : ''}`}
            >
              <Quote evidence={evidence} actors={actors} />
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs text-slate-600">
                <dt className="text-slate-500">Date</dt>
                <dd>
                  <span className="font-medium text-slate-800">
                    {formatPartialDate(evidence.date)}
                  </span>
                  {evidence.dateBasis && <span> · {evidence.dateBasis}</span>}
                  {outside && <span> · outside the time window</span>}
                </dd>
                {evidence.trigger && (
                  <>
                    <dt className="text-slate-500">Trigger</dt>
                    <dd>“{evidence.trigger}”</dd>
                  </>
                )}
                <dt className="text-slate-500">Article</dt>
                <dd className="min-w-0">
                  <span className="font-medium text-slate-800">
                    {article?.title ?? article?.file ?? evidence.articleId}
                  </span>
                  <span className="block text-slate-500">
                    {article?.outlet ?? 'Unknown outlet'} ·{' '}
                    {article?.published ? formatPartialDate(article.published) : 'no date'}
                  </span>
                  {article?.copyOf && (
                    <span className="block font-medium text-amber-800">
                      Copy of {original?.title ?? original?.file ?? article.copyOf} (same source)
                    </span>
                  )}
                </dd>
              </dl>
              <button
                type="button"
                onClick={() => openReader({ articleId: evidence.articleId, quote: evidence.quote })}
                className="mt-2 rounded-md bg-slate-800 px-2.5 py-1 text-xs font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
              >
                Read article
              </button>
              <EvidenceReview relation={relation} evidence={evidence} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
