import { useId, useMemo, type ReactNode } from 'react';
import { ACTOR_TYPES, POLARITIES, RELATION_TYPES } from '../model/schema';
import { UNKNOWN_OUTLET } from '../model/graphIndex';
import { ACTOR_TYPE_TOKENS, POLARITY_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';
import { useAtlasStore } from '../store/context';
import { ActorTypeIcon, PolarityDot, RelationLine } from './swatches';

const REVIEW_STATES = [
  { status: 'unreviewed', label: 'Unreviewed relations' },
  { status: 'confirmed', label: 'Confirmed relations' },
  { status: 'rejected', label: 'Rejected relations' },
] as const;

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="border-t border-slate-200 px-4 py-3">
      <legend className="float-left mb-1.5 w-full text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </legend>
      <div className="clear-left space-y-1">{children}</div>
    </fieldset>
  );
}

function Check({
  label,
  checked,
  onChange,
  icon,
  count,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  icon?: ReactNode;
  count?: number;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 rounded border-slate-300 accent-sky-700"
      />
      {icon}
      <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer truncate" title={label}>
        {label}
      </label>
      {count !== undefined && (
        <span aria-hidden="true" className="text-xs text-slate-500 tabular-nums">
          {count}
        </span>
      )}
    </div>
  );
}

export function FilterPanel() {
  const index = useAtlasStore((s) => s.index);
  const filters = useAtlasStore((s) => s.filters);
  const setActorTypeEnabled = useAtlasStore((s) => s.setActorTypeEnabled);
  const setRelationTypeEnabled = useAtlasStore((s) => s.setRelationTypeEnabled);
  const setPolarityEnabled = useAtlasStore((s) => s.setPolarityEnabled);
  const reviewFilter = useAtlasStore((s) => s.reviewFilter);
  const setReviewStatusEnabled = useAtlasStore((s) => s.setReviewStatusEnabled);
  const setOutletHidden = useAtlasStore((s) => s.setOutletHidden);
  const setArticleFilter = useAtlasStore((s) => s.setArticleFilter);
  const setMinEvidence = useAtlasStore((s) => s.setMinEvidence);
  const resetFilters = useAtlasStore((s) => s.resetFilters);
  const minId = useId();
  const minById = useId();
  const setMinEvidenceBy = useAtlasStore((s) => s.setMinEvidenceBy);
  const articleId = useId();

  const counts = useMemo(() => {
    const actorTypes = new Map<string, number>();
    const relationTypes = new Map<string, number>();
    const polarities = new Map<string, number>();
    const outlets = new Map<string, number>();
    for (const actor of index?.graph.actors ?? []) {
      actorTypes.set(actor.type, (actorTypes.get(actor.type) ?? 0) + 1);
    }
    for (const info of index?.relations ?? []) {
      const { type, polarity } = info.relation;
      relationTypes.set(type, (relationTypes.get(type) ?? 0) + 1);
      polarities.set(polarity, (polarities.get(polarity) ?? 0) + 1);
    }
    for (const article of index?.graph.articles ?? []) {
      const outlet = article.outlet ?? UNKNOWN_OUTLET;
      outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    }
    return { actorTypes, relationTypes, polarities, outlets };
  }, [index]);

  const articles = useMemo(
    () =>
      [...(index?.graph.articles ?? [])].sort((a, b) =>
        (b.published ?? '').localeCompare(a.published ?? ''),
      ),
    [index],
  );

  return (
    <form
      aria-label="Filters"
      onSubmit={(e) => e.preventDefault()}
      className="flex min-h-0 flex-col overflow-y-auto pb-4"
    >
      <div className="flex items-center justify-between px-4 pt-3 pb-2">
        <h2 className="text-sm font-semibold text-slate-800">Filters</h2>
        <button
          type="button"
          onClick={resetFilters}
          className="rounded px-2 py-0.5 text-xs font-medium text-sky-800 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          Reset
        </button>
      </div>
      <Group title="Actor types">
        {ACTOR_TYPES.map((type) => (
          <Check
            key={type}
            label={ACTOR_TYPE_TOKENS[type].label}
            checked={filters.actorTypes.includes(type)}
            onChange={(on) => setActorTypeEnabled(type, on)}
            icon={<ActorTypeIcon type={type} />}
            count={counts.actorTypes.get(type) ?? 0}
          />
        ))}
      </Group>
      <Group title="Relation types">
        {RELATION_TYPES.map((type) => (
          <Check
            key={type}
            label={RELATION_TYPE_TOKENS[type].label}
            checked={filters.relationTypes.includes(type)}
            onChange={(on) => setRelationTypeEnabled(type, on)}
            icon={<RelationLine type={type} width={22} />}
            count={counts.relationTypes.get(type) ?? 0}
          />
        ))}
      </Group>
      <Group title="Polarity">
        {POLARITIES.map((polarity) => (
          <Check
            key={polarity}
            label={POLARITY_TOKENS[polarity].label}
            checked={filters.polarities.includes(polarity)}
            onChange={(on) => setPolarityEnabled(polarity, on)}
            icon={<PolarityDot polarity={polarity} />}
            count={counts.polarities.get(polarity) ?? 0}
          />
        ))}
      </Group>
      <Group title="Sources">
        <label htmlFor={articleId} className="block text-xs text-slate-600">
          Article
        </label>
        <select
          id={articleId}
          value={filters.articleId ?? ''}
          onChange={(e) => setArticleFilter(e.target.value === '' ? null : e.target.value)}
          className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="">All articles ({articles.length})</option>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {(article.published ? `${article.published} · ` : '') +
                (article.title ?? article.file)}
            </option>
          ))}
        </select>
        <p className="text-xs text-slate-600">Outlets</p>
        {(index?.outlets ?? []).map((outlet) => (
          <Check
            key={outlet}
            label={outlet === UNKNOWN_OUTLET ? 'Unknown outlet' : outlet}
            checked={!filters.hiddenOutlets.includes(outlet)}
            onChange={(on) => setOutletHidden(outlet, !on)}
            count={counts.outlets.get(outlet) ?? 0}
          />
        ))}
      </Group>
      <Group title="Evidence">
        <div className="flex items-center gap-2 text-sm text-slate-700">
          <label htmlFor={minId} className="flex-1">
            Minimum evidence
          </label>
          <input
            id={minId}
            type="number"
            min={1}
            step={1}
            value={filters.minEvidence}
            onChange={(e) => setMinEvidence(Number(e.target.value))}
            className="w-16 rounded border border-slate-300 px-2 py-0.5 text-right tabular-nums"
          />
        </div>
        <div className="flex items-center gap-2 text-sm text-slate-700">
          <label htmlFor={minById} className="flex-1">
            Counted as
          </label>
          <select
            id={minById}
            value={filters.minEvidenceBy}
            onChange={(e) =>
              setMinEvidenceBy(e.target.value === 'sources' ? 'sources' : 'sentences')
            }
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            <option value="sentences">sentences in view</option>
            <option value="sources">independent sources</option>
          </select>
        </div>
        <p className="text-xs leading-snug text-slate-500">
          {filters.minEvidenceBy === 'sources'
            ? 'Independent sources of a relation: copies of one story count once.'
            : 'Sentences in view supporting a relation.'}
        </p>
      </Group>
      <Group title="Review">
        {REVIEW_STATES.map(({ status, label }) => (
          <Check
            key={status}
            label={label}
            checked={reviewFilter.includes(status)}
            onChange={(on) => setReviewStatusEnabled(status, on)}
          />
        ))}
        <p className="text-xs leading-snug text-slate-500">
          A relation is confirmed when one of its sentences is, rejected when all are.
        </p>
      </Group>
    </form>
  );
}
