/** Exports of the current view. The exporters are loaded on first use, not at first paint. */
import { useRef, useState } from 'react';
import { useAtlasStoreApi } from '../store/context';
import { selectVisibility } from '../store/selectors';
import { ACTOR_TYPE_TOKENS } from '../graph/tokens';
import { useGraphApi } from './graphApi';
import { downloadBlob, downloadText } from './download';
import { decisionFile } from '../pipeline/review';
import { ImportDecisions } from './ImportDecisions';

type Format = 'png' | 'svg' | 'csv' | 'json' | 'gexf' | 'decisions';

const FORMATS: { format: Format; label: string; hint: string }[] = [
  { format: 'png', label: 'PNG image', hint: 'the view as a picture' },
  { format: 'svg', label: 'SVG image', hint: 'the view as vector graphics' },
  { format: 'csv', label: 'CSV', hint: 'visible relations, one row per evidence' },
  { format: 'json', label: 'JSON', hint: 'visible relations and their evidence' },
  { format: 'gexf', label: 'GEXF', hint: 'the visible graph for Gephi' },
  {
    format: 'decisions',
    label: 'Review decisions (JSON)',
    hint: 'every decision, for others or the command line',
  },
];

export function ExportMenu() {
  const store = useAtlasStoreApi();
  const graphApi = useGraphApi();
  const [error, setError] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  const run = async (format: Format) => {
    setError(null);
    detailsRef.current?.removeAttribute('open');
    const state = store.getState();
    const index = state.index;
    if (!index) return;
    const visibility = selectVisibility(state);
    try {
      if (format === 'png') {
        const blob = await graphApi.current?.png();
        if (blob) downloadBlob(blob, 'alliance-atlas.png');
      } else if (format === 'svg') {
        const svg = await graphApi.current?.svg();
        if (svg) downloadText(svg, 'alliance-atlas.svg', 'image/svg+xml');
      } else if (format === 'decisions') {
        downloadText(
          JSON.stringify(decisionFile(state.decisions), null, 1) + '\n',
          'alliance-atlas-review-decisions.json',
          'application/json',
        );
      } else {
        const exporters = await import('../model/exporters');
        if (format === 'csv') {
          downloadText(
            exporters.relationsToCsv(index, visibility),
            'alliance-atlas-relations.csv',
            'text/csv;charset=utf-8',
          );
        } else if (format === 'json') {
          downloadText(
            exporters.relationsToJson(index, visibility),
            'alliance-atlas-relations.json',
            'application/json',
          );
        } else {
          const positions = graphApi.current?.nodePositions() ?? new Map();
          const styles = new Map();
          for (const actor of index.graph.actors) {
            const p = positions.get(actor.id);
            if (p) styles.set(actor.id, { ...p, color: ACTOR_TYPE_TOKENS[actor.type].color });
          }
          downloadText(
            exporters.graphToGexf(index, visibility, styles),
            'alliance-atlas.gexf',
            'application/gexf+xml',
          );
        }
      }
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="relative">
      <details ref={detailsRef} className="group">
        <summary className="cursor-pointer list-none rounded-md bg-slate-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-600 focus-visible:outline-2 focus-visible:outline-sky-400">
          Export <span aria-hidden="true">▾</span>
        </summary>
        <div
          role="group"
          aria-label="Export formats"
          className="absolute right-0 z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {FORMATS.map(({ format, label, hint }) => (
            <button
              key={format}
              type="button"
              onClick={() => void run(format)}
              className="block w-full px-3 py-1.5 text-left text-slate-800 hover:bg-slate-100 focus-visible:bg-sky-50 focus-visible:outline-none"
            >
              <span className="font-medium">Export {label}</span>
              <span className="block text-xs text-slate-500">{hint}</span>
            </button>
          ))}
          <ImportDecisions />
        </div>
      </details>
      {error && (
        <p role="alert" className="absolute right-0 mt-1 w-64 text-xs text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
