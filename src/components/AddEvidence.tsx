/**
 * "Add what the extraction missed": a sentence selected in the article reader (or typed, as
 * long as it is in the article verbatim), two actors (from the corpus, or a new one with a
 * type) and a relation type become an 'add' decision: evidence marked as added by an analyst.
 */
import { useId, useState } from 'react';
import { EnumSelect } from './EnumSelect';
import { useAtlasStore, useAtlasStoreApi } from '../store/context';
import {
  ACTOR_TYPES,
  RELATION_TYPES,
  type ActorType,
  type Article,
  type Polarity,
  type RelationType,
} from '../model/schema';
import { ACTOR_TYPE_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';
import { articleContentKey, type AddDecision } from '../pipeline/review';
import { newDecisionId } from './ReviewControls';

const NEW = '__new__';
const HOSTILE: RelationType[] = ['armed_conflict', 'rupture', 'criticism'];

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function ActorPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: { id: string; name: string; type: ActorType };
  onChange: (v: { id: string; name: string; type: ActorType }) => void;
}) {
  const actors = useAtlasStore((s) => s.baseGraph?.actors ?? s.index?.graph.actors ?? []);
  const nameId = useId();
  const cls = 'mt-0.5 w-full rounded border border-slate-300 px-1 py-0.5 text-xs';
  return (
    <div className="text-xs text-slate-700">
      <label>
        {label}
        <select
          className={cls}
          value={value.id === NEW || actors.some((a) => a.id === value.id) ? value.id : NEW}
          onChange={(e) => {
            const actor = actors.find((a) => a.id === e.target.value);
            onChange(
              actor
                ? { id: actor.id, name: actor.name, type: actor.type }
                : { id: NEW, name: '', type: 'state' },
            );
          }}
        >
          <option value="">Choose…</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
          <option value={NEW}>New actor…</option>
        </select>
      </label>
      {value.id === NEW && (
        <div className="mt-1 flex gap-1">
          <label htmlFor={nameId} className="sr-only">
            {label}: new actor name
          </label>
          <input
            id={nameId}
            placeholder="name"
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            className={cls}
          />
          <EnumSelect
            ariaLabel={`${label}: new actor type`}
            className={cls}
            options={ACTOR_TYPES}
            value={value.type}
            labelOf={(t) => ACTOR_TYPE_TOKENS[t].label}
            onChange={(type) => onChange({ ...value, type })}
          />
        </div>
      )}
    </div>
  );
}

export function AddEvidence({ article, textId }: { article: Article; textId: string }) {
  const store = useAtlasStoreApi();
  const reviewer = useAtlasStore((s) => s.reviewer);
  const [quote, setQuote] = useState('');
  const empty = { id: '', name: '', type: 'state' as ActorType };
  const [source, setSource] = useState(empty);
  const [target, setTarget] = useState(empty);
  const [type, setType] = useState<RelationType>('diplomatic_engagement');
  const [message, setMessage] = useState<string | null>(null);
  const quoteId = useId();

  const takeSelection = () => {
    const selection = window.getSelection();
    const container = document.getElementById(textId);
    if (
      !selection ||
      !container ||
      selection.isCollapsed ||
      !container.contains(selection.anchorNode)
    ) {
      setMessage('Select a sentence in the article text first.');
      return;
    }
    setQuote(selection.toString().trim());
    setMessage(null);
  };

  const submit = () => {
    if (!reviewer) return setMessage('Set a reviewer name in the Evidence panel first.');
    const start = quote ? article.text.indexOf(quote) : -1;
    if (start < 0) return setMessage('The sentence must be copied from the article word for word.');
    const ends = [source, target].map((a) =>
      a.id === NEW ? { ...a, id: a.name.trim() ? `analyst-${slug(a.name)}` : '' } : a,
    );
    const [s, t] = ends as [typeof source, typeof target];
    if (!s.id || !t.id) return setMessage('Pick both actors (a new one needs a name).');
    if (s.id === t.id) return setMessage('The two actors must differ.');
    const polarity: Polarity = HOSTILE.includes(type) ? 'hostile' : 'cooperative';
    const newActors = ends
      .filter((_, i) => [source, target][i]?.id === NEW)
      .map((a) => ({ id: a.id, name: a.name.trim(), type: a.type }));
    const decision: AddDecision = {
      id: newDecisionId(),
      kind: 'add',
      by: reviewer,
      at: new Date().toISOString(),
      article: articleContentKey(article.text),
      quote,
      start,
      end: start + quote.length,
      relation: { source: s.id, target: t.id, type, polarity },
      ...(newActors.length ? { newActors } : {}),
    };
    void store.getState().decide(decision);
    setMessage(`Added: ${s.name} → ${t.name}, ${RELATION_TYPE_TOKENS[type].label}.`);
    setQuote('');
  };

  return (
    <details className="border-b border-slate-200 px-6 py-2 text-xs text-slate-700">
      <summary className="cursor-pointer font-medium">Add a relation the extraction missed</summary>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <div className="col-span-2">
          <label htmlFor={quoteId}>Sentence (from this article, word for word)</label>
          <div className="flex gap-1">
            <textarea
              id={quoteId}
              rows={2}
              value={quote}
              onChange={(e) => setQuote(e.target.value)}
              className="mt-0.5 w-full rounded border border-slate-300 px-1 py-0.5"
            />
            <button
              type="button"
              onClick={takeSelection}
              className="rounded-md px-2 ring-1 ring-slate-300 ring-inset"
            >
              Use selected text
            </button>
          </div>
        </div>
        <ActorPicker label="Source actor" value={source} onChange={setSource} />
        <ActorPicker label="Target actor" value={target} onChange={setTarget} />
        <label>
          Relation type
          <EnumSelect
            className="mt-0.5 w-full rounded border border-slate-300 px-1 py-0.5 text-xs"
            options={RELATION_TYPES}
            value={type}
            labelOf={(t) => RELATION_TYPE_TOKENS[t].label}
            onChange={setType}
          />
        </label>
        <button
          type="button"
          onClick={submit}
          className="self-end rounded-md bg-slate-800 px-2 py-1 font-semibold text-white"
        >
          Add evidence
        </button>
      </div>
      {message && (
        <p role="status" className="mt-1">
          {message}
        </p>
      )}
    </details>
  );
}
