/**
 * Two tables over actor pairs: Changes (the pairs whose polarity turned inside the current
 * time window, newest first) and Pairs (every visible pair, as the canvas draws them by
 * default). A row's button opens the pair panel.
 */
import { useMemo, type ReactNode } from 'react';
import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import { formatPartialDate } from '../model/dates';
import { windowInterval } from '../model/view';
import {
  changesInWindow,
  combinedPolarity,
  pairSourceCount,
  pairsOf,
  relationTypesOf,
  type PairPolarity,
} from '../model/pairs';
import { POLARITY_TOKENS, RELATION_TYPE_TOKENS } from '../graph/tokens';
import type { GraphIndex } from '../model/graphIndex';

const cell = 'px-3 py-1.5 align-top';
const head = 'px-3 py-1.5 text-left font-semibold text-slate-700';

function pairName(index: GraphIndex, a: string, b: string): string {
  const name = (id: string) => index.actorsById.get(id)?.name ?? id;
  return `${name(a)} – ${name(b)}`;
}

function PolarityText({ polarity }: { polarity: PairPolarity }) {
  if (polarity === 'mixed') return <span className="text-slate-800">mixed</span>;
  return <span style={{ color: POLARITY_TOKENS[polarity].color }}>{polarity}</span>;
}

function PairButton({ pairKey, label }: { pairKey: string; label: string }) {
  const selectPair = useAtlasStore((s) => s.selectPair);
  const selected = useAtlasStore((s) => s.selection?.kind === 'pair' && s.selection.id === pairKey);
  return (
    <button
      type="button"
      onClick={() => selectPair(pairKey)}
      aria-pressed={selected}
      className="rounded px-1 text-left font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 aria-pressed:bg-amber-100"
    >
      {label}
    </button>
  );
}

/** The scrolling table both tabs share: a caption for screen readers and one header row. */
function PairTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: Array<{ label: string; right?: boolean }>;
  children: ReactNode;
}) {
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <table className="w-full text-xs text-slate-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.right ? `${head} text-right` : head}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function ChangesTab() {
  const index = useAtlasStore((s) => s.index);
  const window = useAtlasStore((s) => s.window);
  const changes = useMemo(
    () => (index ? changesInWindow(index, window ? windowInterval(window) : null) : []),
    [index, window],
  );
  if (!index) return null;
  if (changes.length === 0) {
    return (
      <p className="p-3 text-xs text-slate-600">
        No pair turned from cooperative to hostile (or back) inside the time window.
      </p>
    );
  }
  return (
    <PairTable
      caption="Pairs whose relationship turned inside the time window, newest first"
      columns={[
        { label: 'Pair' },
        { label: 'Turn' },
        { label: 'Last before' },
        { label: 'First after' },
      ]}
    >
      {changes.map(({ pair, turn }) => (
        <tr key={pair.key} className="border-t border-slate-100">
          <td className={cell}>
            <PairButton pairKey={pair.key} label={pairName(index, pair.a, pair.b)} />
          </td>
          <td className={cell}>
            <PolarityText polarity={turn.from} /> → <PolarityText polarity={turn.to} />
          </td>
          <td className={`${cell} tabular-nums`}>{formatPartialDate(turn.beforeDate)}</td>
          <td className={`${cell} tabular-nums`}>{formatPartialDate(turn.afterDate)}</td>
        </tr>
      ))}
    </PairTable>
  );
}

export function PairsTable() {
  const index = useAtlasStore((s) => s.index);
  const visibility = useAtlasStore(selectVisibility);
  const rows = useMemo(() => {
    if (!index) return [];
    const list = [];
    for (const pair of pairsOf(index).values()) {
      const shown = pair.relations.filter((r) => visibility.relationIds.has(r.relation.id));
      if (shown.length === 0) continue;
      list.push({
        pair,
        polarity: combinedPolarity(shown),
        types: relationTypesOf(shown),
        sources: pairSourceCount(shown),
        name: pairName(index, pair.a, pair.b),
      });
    }
    list.sort((x, y) => y.sources - x.sources || x.name.localeCompare(y.name));
    return list;
  }, [index, visibility]);
  if (!index) return null;
  return (
    <PairTable
      caption="Visible actor pairs, most sources first"
      columns={[
        { label: 'Pair' },
        { label: 'Polarity' },
        { label: 'Relation types' },
        { label: 'Sources', right: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.pair.key} className="border-t border-slate-100">
          <td className={cell}>
            <PairButton pairKey={row.pair.key} label={row.name} />
          </td>
          <td className={cell}>
            <PolarityText polarity={row.polarity} />
          </td>
          <td className={cell}>{row.types.map((t) => RELATION_TYPE_TOKENS[t].label).join(', ')}</td>
          <td className={`${cell} text-right tabular-nums`}>{row.sources}</td>
        </tr>
      ))}
    </PairTable>
  );
}
