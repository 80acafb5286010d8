/**
 * The accessible mirror of the canvas: the visible relations as a sortable table that follows
 * the filters and the selection. Rows are one tab stop (roving focus): arrows move, Enter opens.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import type { GraphIndex, RelationInfo } from '../model/graphIndex';
import { formatPartialDate } from '../model/dates';
import { POLARITY_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';
import { PolarityDot, RelationLine } from './swatches';

type SortKey = 'source' | 'type' | 'target' | 'polarity' | 'articles' | 'first' | 'last';
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'source', label: 'Source' },
  { key: 'type', label: 'Type' },
  { key: 'target', label: 'Target' },
  { key: 'polarity', label: 'Polarity' },
  { key: 'articles', label: 'Articles', numeric: true },
  { key: 'first', label: 'First date' },
  { key: 'last', label: 'Last date' },
];
const PAGE = 100;

function sortRelations(
  index: GraphIndex,
  sort: { key: SortKey; descending: boolean },
): RelationInfo[] {
  const name = (id: string) => index.actorsById.get(id)?.name ?? id;
  const value = (info: RelationInfo): string | number => {
    switch (sort.key) {
      case 'source':
        return name(info.relation.source);
      case 'target':
        return name(info.relation.target);
      case 'type':
        return RELATION_TYPE_TOKENS[info.relation.type].label;
      case 'polarity':
        return info.relation.polarity;
      case 'articles':
        return info.articleIds.length;
      case 'first':
        return info.firstDay ?? Number.POSITIVE_INFINITY;
      case 'last':
        return info.lastDay ?? Number.NEGATIVE_INFINITY;
    }
  };
  const keyed = index.relations.map((info) => ({ info, key: value(info) }));
  keyed.sort((a, b) => {
    const va = a.key;
    const vb = b.key;
    const order =
      typeof va === 'number' && typeof vb === 'number'
        ? va === vb
          ? 0
          : va < vb
            ? -1
            : 1
        : String(va).localeCompare(String(vb));
    return (
      (sort.descending ? -order : order) || a.info.relation.id.localeCompare(b.info.relation.id)
    );
  });
  return keyed.map((k) => k.info);
}

export function RelationsTable() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const selection = useAtlasStore((s) => s.selection);
  const selectRelation = useAtlasStore((s) => s.selectRelation);
  const clearSelection = useAtlasStore((s) => s.clearSelection);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'first',
    descending: false,
  });
  const [limit, setLimit] = useState(PAGE);
  const [activeId, setActiveId] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const selectedActor =
    selection?.kind === 'actor' ? (index?.actorsById.get(selection.id) ?? null) : null;
  const selectedRelationId = selection?.kind === 'relation' ? selection.id : null;

  // Sorting is per graph and sort key only; a window step just filters the sorted list.
  const ordered = useMemo(() => (index ? sortRelations(index, sort) : []), [index, sort]);
  const rows = useMemo(() => {
    const actorId = selectedActor?.id ?? null;
    return ordered.filter(
      (info) =>
        visibility.relationIds.has(info.relation.id) &&
        (actorId === null || info.relation.source === actorId || info.relation.target === actorId),
    );
  }, [ordered, visibility, selectedActor]);

  // The selected relation's row is always within the rendered rows, and scrolled into view.
  const selectedPosition = selectedRelationId
    ? rows.findIndex((r) => r.relation.id === selectedRelationId)
    : -1;
  const shownCount = Math.max(limit, Math.ceil((selectedPosition + 1) / PAGE) * PAGE);
  useEffect(() => {
    if (!selectedRelationId) return;
    const row = bodyRef.current?.querySelector(
      `[data-relation-id="${CSS.escape(selectedRelationId)}"]`,
    );
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedRelationId, rows]);

  if (!index) return null;
  const shown = rows.slice(0, shownCount);
  const focusedId = [activeId, selectedRelationId, shown[0]?.relation.id].find(
    (id) => id && shown.some((r) => r.relation.id === id),
  );
  const name = (id: string) => index.actorsById.get(id)?.name ?? id;

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, position: number) => {
    const move = (to: number) => {
      const target = shown[Math.max(0, Math.min(shown.length - 1, to))];
      if (!target) return;
      setActiveId(target.relation.id);
      const row = bodyRef.current?.querySelector<HTMLElement>(
        `[data-relation-id="${CSS.escape(target.relation.id)}"]`,
      );
      row?.focus();
    };
    if (event.key === 'ArrowDown') move(position + 1);
    else if (event.key === 'ArrowUp') move(position - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(shown.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const info = shown[position];
      if (info) selectRelation(info.relation.id);
    } else return;
    event.preventDefault();
  };

  return (
    <div className="flex min-h-0 flex-col">
      {selectedActor && (
        <p className="flex items-center gap-2 border-b border-slate-200 bg-sky-50 px-3 py-1 text-xs text-slate-700">
          Showing the {rows.length} visible relations of <strong>{selectedActor.name}</strong>.
          <button
            type="button"
            onClick={clearSelection}
            className="font-medium text-sky-800 underline"
          >
            Show all
          </button>
        </p>
      )}
      <div className="min-h-0 flex-1 overflow-auto">
        <table aria-label="Relations" className="w-full border-collapse text-left text-xs">
          <thead className="sticky top-0 z-10 bg-slate-100 text-slate-600">
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                    className={`px-3 py-1.5 font-semibold ${column.numeric ? 'text-right' : ''}`}
                  >
                    <button
                      type="button"
                      onClick={() =>
                        setSort((s) => ({
                          key: column.key,
                          descending: s.key === column.key ? !s.descending : false,
                        }))
                      }
                      className="inline-flex items-center gap-1 hover:text-slate-900"
                    >
                      {column.label}
                      <span aria-hidden="true" className="w-2 text-slate-400">
                        {active ? (sort.descending ? '▼' : '▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {shown.map((info, position) => {
              const { relation } = info;
              const selected = relation.id === selectedRelationId;
              return (
                <tr
                  key={relation.id}
                  data-relation-id={relation.id}
                  tabIndex={relation.id === focusedId ? 0 : -1}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => {
                    setActiveId(relation.id);
                    selectRelation(relation.id);
                  }}
                  onKeyDown={(e) => onRowKeyDown(e, position)}
                  className={`cursor-pointer border-b border-slate-100 outline-none focus-visible:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset ${
                    selected ? 'bg-amber-50' : 'hover:bg-slate-50'
                  }`}
                >
                  <td className="px-3 py-1 font-medium text-slate-800">{name(relation.source)}</td>
                  <td className="px-3 py-1 whitespace-nowrap text-slate-700">
                    <span className="inline-flex items-center gap-1.5">
                      <RelationLine type={relation.type} polarity={relation.polarity} width={20} />
                      {RELATION_TYPE_TOKENS[relation.type].label}
                    </span>
                  </td>
                  <td className="px-3 py-1 font-medium text-slate-800">{name(relation.target)}</td>
                  <td className="px-3 py-1 text-slate-700">
                    <span className="inline-flex items-center gap-1.5">
                      <PolarityDot polarity={relation.polarity} />
                      {POLARITY_TOKENS[relation.polarity].label}
                    </span>
                  </td>
                  <td className="px-3 py-1 text-right text-slate-700 tabular-nums">
                    {info.articleIds.length}
                  </td>
                  <td className="px-3 py-1 whitespace-nowrap text-slate-700 tabular-nums">
                    {formatPartialDate(info.firstDate)}
                  </td>
                  <td className="px-3 py-1 whitespace-nowrap text-slate-700 tabular-nums">
                    {formatPartialDate(info.lastDate)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="px-3 py-4 text-sm text-slate-600">
            No relation matches the filters and the time window.
          </p>
        )}
        {rows.length > shownCount && (
          <button
            type="button"
            onClick={() => setLimit(shownCount + PAGE)}
            className="m-2 rounded-md px-3 py-1 text-xs font-medium text-sky-800 ring-1 ring-sky-200 ring-inset hover:bg-sky-50"
          >
            Show {Math.min(PAGE, rows.length - shownCount)} more of {rows.length - shownCount}{' '}
            remaining
          </button>
        )}
      </div>
    </div>
  );
}
