/**
 * The pair panel: every relation between two actors and their story over time. One mark per
 * dated evidence sentence on a timeline (coloured by polarity, shaped by relation type), each
 * opening its sentence in the article reader; undated evidence listed apart; the turning
 * points where the pair's polarity changed, with the dates on each side.
 */
import { useMemo } from 'react';
import { useAtlasStore } from '../store/context';
import { formatPartialDate } from '../model/dates';
import {
  combinedPolarity,
  pairSourceCount,
  pairTimeline,
  pairsOf,
  type TimelineMark,
} from '../model/pairs';
import { POLARITY_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';
import { RelationLine } from './swatches';

const MARK_SIZE = 12;

function markLabel(mark: TimelineMark): string {
  return `${formatPartialDate(mark.date)}: ${RELATION_TYPE_TOKENS[mark.type].label}, ${POLARITY_TOKENS[mark.polarity].label}. Read the sentence`;
}

export function PairPanel({ pairKey }: { pairKey: string }) {
  const index = useAtlasStore((s) => s.index);
  const openReader = useAtlasStore((s) => s.openReader);
  const selectRelation = useAtlasStore((s) => s.selectRelation);
  const selectActor = useAtlasStore((s) => s.selectActor);
  const clearSelection = useAtlasStore((s) => s.clearSelection);
  const pair = index ? pairsOf(index).get(pairKey) : undefined;
  const timeline = useMemo(() => (pair ? pairTimeline(pair.relations) : null), [pair]);

  if (!index || !pair || !timeline) {
    return (
      <section aria-label="Pair" className="p-4 text-sm text-slate-600">
        These two actors have no relation in the graph.
      </section>
    );
  }
  const a = index.actorsById.get(pair.a);
  const b = index.actorsById.get(pair.b);
  const polarity = combinedPolarity(pair.relations);
  const { marks, undated, turningPoints } = timeline;
  const first = marks[0]?.interval.start ?? 0;
  const last = marks[marks.length - 1]?.interval.start ?? first;
  const span = Math.max(1, last - first);
  const position = (day: number) => (marks.length > 1 ? ((day - first) / span) * 100 : 50);
  const rows = new Map<string, number>();
  const placed = marks.map((mark) => {
    const row = rows.get(mark.date) ?? 0;
    rows.set(mark.date, row + 1);
    return { mark, row };
  });
  const height = Math.max(1, ...rows.values()) * (MARK_SIZE + 3) + 8;
  const sources = pairSourceCount(pair.relations);

  return (
    <section aria-label="Pair" className="flex min-h-0 flex-col overflow-y-auto">
      <header className="border-b border-slate-200 px-4 py-3">
        <div className="flex items-start justify-between gap-2">
          <p className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Pair</p>
          <button
            type="button"
            onClick={clearSelection}
            aria-label="Close pair"
            className="-mt-1 rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            ×
          </button>
        </div>
        <h2 className="mt-0.5 text-base leading-snug font-semibold text-slate-900">
          {a?.name ?? pair.a} – {b?.name ?? pair.b}
        </h2>
        <p className="mt-1 text-xs text-slate-600">
          {polarity === 'mixed' ? (
            <span className="font-medium text-slate-800">cooperative and hostile</span>
          ) : (
            <span style={{ color: POLARITY_TOKENS[polarity].color }}>
              {POLARITY_TOKENS[polarity].label}
            </span>
          )}{' '}
          · {pair.relations.length} relation{pair.relations.length === 1 ? '' : 's'} · {sources}{' '}
          source{sources === 1 ? '' : 's'}
        </p>
        <div className="mt-2 flex gap-2">
          {[a, b].map(
            (actor) =>
              actor && (
                <button
                  key={actor.id}
                  type="button"
                  onClick={() => selectActor(actor.id)}
                  className="rounded-md px-2 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-sky-200 ring-inset hover:bg-sky-50"
                >
                  Open {actor.name}
                </button>
              ),
          )}
        </div>
      </header>

      <div className="px-4 py-3">
        <h3 className="text-xs font-semibold text-slate-700">Relations</h3>
        <ul className="mt-1 space-y-1" aria-label="Relations between the two">
          {pair.relations.map((info) => {
            const { relation } = info;
            const from = index.actorsById.get(relation.source)?.name ?? relation.source;
            const to = index.actorsById.get(relation.target)?.name ?? relation.target;
            return (
              <li key={relation.id}>
                <button
                  type="button"
                  onClick={() => selectRelation(relation.id)}
                  className="flex w-full items-center gap-2 rounded px-1 py-0.5 text-left text-xs text-slate-800 hover:bg-slate-100"
                >
                  <RelationLine type={relation.type} polarity={relation.polarity} />
                  <span>
                    {from} → {to}: {RELATION_TYPE_TOKENS[relation.type].label}
                    <span className="text-slate-500">
                      {' '}
                      · {relation.evidence.length} sentence
                      {relation.evidence.length === 1 ? '' : 's'}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>

      <section
        role="region"
        aria-label="Relationship over time"
        className="border-t border-slate-200 px-4 py-3"
      >
        <h3 className="text-xs font-semibold text-slate-700">Relationship over time</h3>
        {marks.length === 0 ? (
          <p className="mt-1 text-xs text-slate-600">No dated evidence.</p>
        ) : (
          <>
            <div className="relative mx-2 mt-2" style={{ height }} data-testid="pair-timeline">
              <div className="absolute inset-x-0 bottom-0 h-px bg-slate-400" aria-hidden="true" />
              {turningPoints.map((turn, i) => (
                <div
                  key={`turn-${i}`}
                  aria-hidden="true"
                  className="absolute top-0 bottom-0 w-0 border-l-2 border-dashed border-amber-500"
                  style={{ left: `${position(turn.afterInterval.start)}%` }}
                />
              ))}
              {placed.map(({ mark, row }) => (
                <button
                  key={`${mark.relationId}-${mark.evidenceIndex}`}
                  type="button"
                  aria-label={markLabel(mark)}
                  title={markLabel(mark)}
                  data-polarity={mark.polarity}
                  onClick={() => openReader({ articleId: mark.articleId, quote: mark.quote })}
                  className="absolute -translate-x-1/2 rounded-full border-2 border-white shadow-sm hover:scale-125 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
                  style={{
                    left: `${position(mark.interval.start)}%`,
                    bottom: 4 + row * (MARK_SIZE + 3),
                    width: MARK_SIZE,
                    height: MARK_SIZE,
                    backgroundColor: POLARITY_TOKENS[mark.polarity].color,
                    borderRadius: RELATION_TYPE_TOKENS[mark.type].dash ? 2 : undefined,
                  }}
                />
              ))}
            </div>
            <div className="mt-1 flex justify-between text-[11px] text-slate-600 tabular-nums">
              <span>{formatPartialDate(marks[0]?.date ?? null)}</span>
              <span>{formatPartialDate(marks[marks.length - 1]?.date ?? null)}</span>
            </div>
            <p className="mt-1 text-[11px] text-slate-600">
              Dots: one sentence each, green cooperative, red hostile, grey neutral; square dots are
              dashed relation types. Dashed amber lines mark turning points.
            </p>
          </>
        )}
        <h4 className="mt-3 text-xs font-semibold text-slate-700">Turning points</h4>
        {turningPoints.length === 0 ? (
          <p className="mt-1 text-xs text-slate-600">The polarity never changed.</p>
        ) : (
          <ol className="mt-1 space-y-1 text-xs text-slate-800" aria-label="Turning points">
            {turningPoints.map((turn, i) => (
              <li key={i}>
                <span style={{ color: POLARITY_TOKENS[turn.from].color }}>
                  {POLARITY_TOKENS[turn.from].label}
                </span>{' '}
                → <span style={{ color: POLARITY_TOKENS[turn.to].color }}>{turn.to}</span>: last{' '}
                {turn.from} {formatPartialDate(turn.beforeDate)}, first {turn.to}{' '}
                {formatPartialDate(turn.afterDate)}
              </li>
            ))}
          </ol>
        )}
      </section>

      {undated.length > 0 && (
        <section aria-label="Undated evidence" className="border-t border-slate-200 px-4 py-3">
          <h3 className="text-xs font-semibold text-slate-700">Undated evidence</h3>
          <ul className="mt-1 space-y-1">
            {undated.map((item) => (
              <li key={`${item.relationId}-${item.evidenceIndex}`}>
                <button
                  type="button"
                  onClick={() => openReader({ articleId: item.articleId, quote: item.quote })}
                  className="w-full rounded px-1 py-0.5 text-left text-xs text-slate-800 hover:bg-slate-100"
                >
                  <span style={{ color: POLARITY_TOKENS[item.polarity].color }}>●</span>{' '}
                  {RELATION_TYPE_TOKENS[item.type].label}: “{item.quote}”
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
