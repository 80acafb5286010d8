import { useId, useState, type KeyboardEvent } from 'react';
import { useAtlasStore } from '../store/context';
import { selectVisibility } from '../store/selectors';
import { RelationsTable } from './RelationsTable';
import { ActorsTable } from './ActorsTable';
import { SourcesTable } from './SourcesTable';
import { ChangesTab, PairsTable } from './ChangesTab';

type Tab = 'relations' | 'pairs' | 'changes' | 'actors' | 'sources';
const TABS: Tab[] = ['relations', 'pairs', 'changes', 'actors', 'sources'];

export function BottomTabs() {
  const [tab, setTab] = useState<Tab>('relations');
  const visibility = useAtlasStore(selectVisibility);
  const articleCount = useAtlasStore((s) => s.index?.graph.articles.length ?? 0);
  const noteCount = useAtlasStore(
    (s) => s.index?.graph.diagnostics.filter((d) => d.level !== 'info').length ?? 0,
  );
  const id = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next = TABS[(TABS.indexOf(tab) + step) % TABS.length] ?? 'relations';
    setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  const label = (t: Tab) =>
    t === 'relations'
      ? `Relations (${visibility.relationIds.size})`
      : t === 'pairs'
        ? 'Pairs'
        : t === 'changes'
          ? 'Changes'
          : t === 'actors'
            ? `Actors (${visibility.actorIds.size})`
            : `Sources (${articleCount}${noteCount ? `, ${noteCount} warnings` : ''})`;
  return (
    <section aria-label="Tables" className="flex h-full min-h-0 flex-col bg-white">
      <div role="tablist" aria-label="Tables" className="flex gap-1 border-b border-slate-200 px-3">
        {TABS.map((t) => (
          <button
            key={t}
            id={`${id}-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={onKeyDown}
            className={`-mb-px border-b-2 px-3 py-1.5 text-xs font-semibold ${
              tab === t
                ? 'border-sky-700 text-sky-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {label(t)}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t}
          id={`${id}-panel-${t}`}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${t}`}
          hidden={tab !== t}
          className="flex min-h-0 flex-1 flex-col"
        >
          {tab === t && t === 'relations' && <RelationsTable />}
          {tab === t && t === 'pairs' && <PairsTable />}
          {tab === t && t === 'changes' && <ChangesTab />}
          {tab === t && t === 'actors' && <ActorsTable />}
          {tab === t && t === 'sources' && <SourcesTable />}
        </div>
      ))}
    </section>
  );
}
