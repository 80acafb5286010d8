/** Review in the Evidence panel: the reviewer's name, per-sentence decisions, corrections, history. */
import { useCallback, useEffect, useState } from 'react';
import { EnumSelect } from './EnumSelect';
import { useAtlasStore, useAtlasStoreApi } from '../store/context';
import { RELATION_TYPES, POLARITIES, type Evidence, type Relation } from '../model/schema';
import { relationKeyOf, sentenceKeyOf, type Decision } from '../pipeline/review';
import { RELATION_TYPE_TOKENS } from '../graph/tokens';
import { selectVisibility } from '../store/selectors';

export function newDecisionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString();
}

export function ReviewerName() {
  const reviewer = useAtlasStore((s) => s.reviewer);
  const setReviewer = useAtlasStore((s) => s.setReviewer);
  const [draft, setDraft] = useState('');
  if (reviewer) return <p className="text-xs text-slate-600">Reviewing as {reviewer}</p>;
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void setReviewer(draft);
      }}
    >
      <label className="flex flex-col text-xs text-slate-700">
        Reviewer name
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          className="mt-0.5 rounded border border-slate-300 px-1.5 py-0.5 text-sm"
        />
      </label>
      <button
        type="submit"
        disabled={!draft.trim()}
        className="rounded-md bg-slate-800 px-2 py-1 text-xs font-semibold text-white disabled:opacity-50"
      >
        Set name
      </button>
    </form>
  );
}

export function SaveStatus() {
  const save = useAtlasStore((s) => s.save);
  if (save.status === 'error')
    return (
      <p role="alert" className="text-xs font-medium text-red-700">
        Not saved: {save.message}. Your decisions stay on screen; export them to keep them.
      </p>
    );
  return (
    <p role="status" className="text-xs text-slate-600">
      {save.status === 'saving' ? 'Saving…' : save.status === 'saved' ? 'Saved' : ''}
    </p>
  );
}

export function EvidenceReview({ relation, evidence }: { relation: Relation; evidence: Evidence }) {
  const store = useAtlasStoreApi();
  const reviewer = useAtlasStore((s) => s.reviewer);
  const [note, setNote] = useState('');
  const review = evidence.review;
  const decide = (status: 'confirmed' | 'rejected') => {
    const state = store.getState();
    const graph = state.baseGraph;
    if (!graph || !reviewer) return;
    const key = sentenceKeyOf(graph, relation, evidence);
    if (!key) return;
    const decision: Decision = {
      id: newDecisionId(),
      kind: 'review',
      by: reviewer,
      at: new Date().toISOString(),
      status: review?.status === status ? 'unreviewed' : status,
      sentence: key,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setNote('');
    void state.decide(decision);
  };
  const button =
    'rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset disabled:opacity-50';
  return (
    <div className="mt-2 space-y-1.5 border-t border-slate-100 pt-2">
      <p className="text-xs">
        {review ? (
          <span
            className={
              review.status === 'confirmed'
                ? 'font-semibold text-emerald-800'
                : 'font-semibold text-red-800'
            }
          >
            {review.status === 'confirmed' ? 'Confirmed' : 'Rejected'} by {review.by},{' '}
            {when(review.at)}
            {review.note && <span className="font-normal text-slate-700"> — “{review.note}”</span>}
          </span>
        ) : (
          <span className="text-slate-500">Unreviewed</span>
        )}
        {evidence.addedBy && (
          <span className="ml-1 rounded bg-violet-100 px-1 text-violet-900">
            added by {evidence.addedBy.by}
          </span>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          disabled={!reviewer}
          aria-pressed={review?.status === 'confirmed'}
          onClick={() => decide('confirmed')}
          className={`${button} text-emerald-900 ring-emerald-300 hover:bg-emerald-50 aria-pressed:bg-emerald-100`}
        >
          Confirm
        </button>
        <button
          type="button"
          disabled={!reviewer}
          aria-pressed={review?.status === 'rejected'}
          onClick={() => decide('rejected')}
          className={`${button} text-red-900 ring-red-300 hover:bg-red-50 aria-pressed:bg-red-100`}
        >
          Reject
        </button>
        <input
          aria-label="Note for the decision (optional)"
          placeholder="note (optional)"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5 text-xs"
        />
      </div>
      {!reviewer && <p className="text-xs text-slate-500">Set a reviewer name above to decide.</p>}
    </div>
  );
}

/** Change a relation's type, polarity, direction or actors: a decision with the original kept. */
export function CorrectRelation({ relation }: { relation: Relation }) {
  const store = useAtlasStoreApi();
  const index = useAtlasStore((s) => s.index);
  const reviewer = useAtlasStore((s) => s.reviewer);
  const [draft, setDraft] = useState(() => relationKeyOf(relation));
  const actors = index?.graph.actors ?? [];
  const changed = (['source', 'target', 'type', 'polarity'] as const).some(
    (f) => draft[f] !== relation[f],
  );
  const select = 'mt-0.5 w-full rounded border border-slate-300 px-1 py-0.5 text-xs';
  return (
    <details className="text-xs text-slate-700">
      <summary className="cursor-pointer font-medium">Correct this relation</summary>
      <form
        className="mt-2 grid grid-cols-2 gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reviewer || !changed) return;
          void store.getState().decide({
            id: newDecisionId(),
            kind: 'correct',
            by: reviewer,
            at: new Date().toISOString(),
            relation: relationKeyOf(relation),
            after: draft,
          });
          store
            .getState()
            .selectRelation(`${draft.source}--${draft.type}--${draft.polarity}--${draft.target}`);
        }}
      >
        {(['source', 'target'] as const).map((end) => (
          <label key={end}>
            {end === 'source' ? 'Source actor' : 'Target actor'}
            <select
              className={select}
              value={draft[end]}
              onChange={(e) => setDraft({ ...draft, [end]: e.target.value })}
            >
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Type
          <EnumSelect
            className={select}
            options={RELATION_TYPES}
            value={draft.type}
            labelOf={(t) => RELATION_TYPE_TOKENS[t].label}
            onChange={(type) => setDraft({ ...draft, type })}
          />
        </label>
        <label>
          Polarity
          <EnumSelect
            className={select}
            options={POLARITIES}
            value={draft.polarity}
            onChange={(polarity) => setDraft({ ...draft, polarity })}
          />
        </label>
        <button
          type="button"
          onClick={() => setDraft({ ...draft, source: draft.target, target: draft.source })}
          className="rounded-md px-2 py-0.5 ring-1 ring-slate-300 ring-inset"
        >
          Swap direction
        </button>
        <button
          type="submit"
          disabled={!reviewer || !changed}
          className="rounded-md bg-slate-800 px-2 py-0.5 font-semibold text-white disabled:opacity-50"
        >
          Save correction
        </button>
      </form>
    </details>
  );
}

export function RelationHistory({ relation }: { relation: Relation }) {
  const history = relation.history ?? [];
  if (!history.length) return null;
  return (
    <details className="text-xs text-slate-700">
      <summary className="cursor-pointer font-medium">History ({history.length})</summary>
      <ol className="mt-1 space-y-1">
        {history.map((h) => (
          <li key={h.decisionId}>
            <span className="text-slate-500">{when(h.at)}</span> · {h.by}: {h.summary}
            {h.before && (
              <span className="block text-slate-500">
                was {h.before.source} → {h.before.target}, {h.before.type}, {h.before.polarity}
              </span>
            )}
            {h.note && <span className="block italic">“{h.note}”</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The review queue: the next visible relation (in table order) with an unreviewed sentence. */
export function NextUnreviewed() {
  const store = useAtlasStoreApi();
  const [done, setDone] = useState(false);
  const next = useCallback(() => {
    const state = store.getState();
    const index = state.index;
    if (!index) return;
    const visible = selectVisibility(state);
    const list = index.relations.filter((info) => visible.relationIds.has(info.relation.id));
    const current = state.selection?.kind === 'relation' ? state.selection.id : null;
    const at = list.findIndex((info) => info.relation.id === current);
    const ordered = [...list.slice(at + 1), ...list.slice(0, at + 1)];
    const found = ordered.find(
      (info) =>
        info.relation.id !== current && info.relation.evidence.some((e) => e.review === undefined),
    );
    setDone(!found);
    if (found) state.selectRelation(found.relation.id);
  }, [store]);
  useEffect(() => {
    // 'n' walks the queue from the keyboard, unless the key is typed into a field.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      next();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [next]);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-keyshortcuts="n"
        title="Next unreviewed (N)"
        onClick={next}
        className="rounded-md px-2 py-0.5 text-xs font-medium text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-100"
      >
        Next unreviewed
      </button>
      {done && (
        <span className="text-xs text-slate-600">No other unreviewed relation in view.</span>
      )}
    </span>
  );
}
