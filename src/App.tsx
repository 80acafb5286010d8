import { useMemo, useRef } from 'react';
import { AtlasStoreProvider, useAtlasStore } from './store/context';
import { parseViewState } from './model/urlState';
import { GraphApiContext, type GraphApi } from './components/graphApi';
import { GraphView } from './components/GraphView';
import { GraphControls } from './components/GraphControls';
import { Legend } from './components/Legend';
import { FilterPanel } from './components/FilterPanel';
import { TimeBar } from './components/TimeBar';
import { SearchBox } from './components/SearchBox';
import { StatusLine } from './components/StatusLine';
import { SidePanel } from './components/SidePanel';
import { BottomTabs } from './components/BottomTabs';
import { ArticleReader } from './components/ArticleReader';
import { ExportMenu } from './components/ExportMenu';
import { EmptyGraphState, ErrorState, LoadingState, OpenGraphFile } from './components/States';
import { graphUrlFromLocation, useGraphLoader } from './components/useGraphLoader';
import { useUrlSync } from './components/useUrlSync';
import { useWorkspace } from './components/useWorkspace';
import { OpenArticles, useArticleImport } from './components/OpenArticles';

function Explorer({ graphUrl }: { graphUrl: string }) {
  const restored = useWorkspace();
  const openFile = useGraphLoader(graphUrl, restored);
  const importArticles = useArticleImport();
  useUrlSync();
  const load = useAtlasStore((s) => s.load);
  const index = useAtlasStore((s) => s.index);
  const ready = load.status === 'ready' && index !== null;
  const empty = ready && index.relations.length === 0;

  return (
    <div className="flex h-screen min-h-0 flex-col bg-slate-50 text-slate-900">
      <header className="flex items-center gap-4 bg-slate-900 px-4 py-2 text-white">
        <h1 className="text-base font-semibold tracking-tight whitespace-nowrap">Alliance Atlas</h1>
        <span
          className="hidden max-w-48 truncate text-xs text-slate-400 lg:inline"
          title={load.source}
        >
          {load.source}
        </span>
        <div className="flex flex-1 justify-center">{ready && <SearchBox />}</div>
        <OpenArticles onFiles={(files) => void importArticles(files)} />
        <OpenGraphFile onFile={(file) => void openFile(file)} />
        {ready && !empty && <ExportMenu />}
      </header>
      {load.status === 'loading' && <LoadingState source={load.source} />}
      {load.status === 'error' && (
        <main className="flex flex-1 p-6">
          <ErrorState
            message={load.message}
            problems={load.problems}
            onFile={(file) => void openFile(file)}
          />
        </main>
      )}
      {ready && empty && (
        <main className="flex flex-1 p-6">
          <EmptyGraphState articleCount={index.graph.articles.length} />
        </main>
      )}
      {ready && !empty && (
        <main className="grid min-h-0 flex-1 grid-cols-[250px_minmax(0,1fr)_380px]">
          <aside className="flex min-h-0 flex-col border-r border-slate-200 bg-white">
            <FilterPanel />
          </aside>
          <div className="flex min-h-0 flex-col">
            <div className="relative min-h-0 flex-1 bg-slate-50">
              <GraphView />
              <div className="pointer-events-none absolute top-2 left-3 rounded-md bg-white/90 px-2 py-1 shadow-sm">
                <StatusLine />
              </div>
              <div className="absolute top-2 right-2">
                <GraphControls />
              </div>
              <div className="absolute bottom-2 left-2">
                <Legend />
              </div>
            </div>
            <TimeBar />
            <div className="h-60 min-h-0 border-t border-slate-200">
              <BottomTabs />
            </div>
          </div>
          <aside
            aria-label="Details"
            className="flex min-h-0 flex-col border-l border-slate-200 bg-slate-50"
          >
            <SidePanel />
          </aside>
        </main>
      )}
      <ArticleReader />
    </div>
  );
}

export function App() {
  const initialView = useMemo(() => parseViewState(window.location.search), []);
  const graphUrl = useMemo(() => graphUrlFromLocation(window.location.search), []);
  const graphApi = useRef<GraphApi | null>(null);
  return (
    <AtlasStoreProvider initialView={initialView}>
      <GraphApiContext.Provider value={graphApi}>
        <Explorer graphUrl={graphUrl} />
      </GraphApiContext.Provider>
    </AtlasStoreProvider>
  );
}
