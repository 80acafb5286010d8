import { useId, type ReactNode } from 'react';
import { useAtlasStore } from '../store/context';
import type { LayoutMode } from '../model/view';
import { useGraphApi } from './graphApi';

function ControlButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="flex size-8 items-center justify-center text-base leading-none text-slate-700 hover:bg-slate-100 focus-visible:relative focus-visible:outline-2 focus-visible:outline-sky-600"
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

const PAN = 100;

/** Zoom, pan, fit and re-layout, for mouse and keyboard alike. */
export function GraphControls() {
  const api = useGraphApi();
  return (
    <div role="toolbar" aria-label="Graph view" className="flex w-8 flex-col gap-2">
      <div className="flex w-8 flex-col divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <ControlButton label="Zoom in" onClick={() => api.current?.zoomBy(1.25)}>
          +
        </ControlButton>
        <ControlButton label="Zoom out" onClick={() => api.current?.zoomBy(0.8)}>
          −
        </ControlButton>
        <ControlButton label="Fit view" onClick={() => api.current?.fit()}>
          ⤢
        </ControlButton>
        <ControlButton label="Re-run layout" onClick={() => api.current?.relayout()}>
          ↻
        </ControlButton>
      </div>
      <div className="flex w-8 flex-col divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <ControlButton label="Pan up" onClick={() => api.current?.panBy(0, PAN)}>
          ↑
        </ControlButton>
        <ControlButton label="Pan left" onClick={() => api.current?.panBy(PAN, 0)}>
          ←
        </ControlButton>
        <ControlButton label="Pan right" onClick={() => api.current?.panBy(-PAN, 0)}>
          →
        </ControlButton>
        <ControlButton label="Pan down" onClick={() => api.current?.panBy(0, -PAN)}>
          ↓
        </ControlButton>
      </div>
    </div>
  );
}

const LAYOUTS: { mode: LayoutMode; label: string }[] = [
  { mode: 'force', label: 'Force' },
  { mode: 'map', label: 'Map' },
];

/** How the canvas draws: layout, one edge per pair or per relation type, isolated actors. */
export function GraphOptions() {
  const canvas = useAtlasStore((s) => s.canvas);
  const setCanvas = useAtlasStore((s) => s.setCanvas);
  const id = useId();
  return (
    <div
      role="group"
      aria-label="Drawing options"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white/95 px-2 py-1 text-xs text-slate-700 shadow-sm"
    >
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Layout</legend>
        {LAYOUTS.map(({ mode, label }) => (
          <label
            key={mode}
            className="flex cursor-pointer items-center gap-1 rounded px-1.5 py-0.5 has-checked:bg-sky-100 has-checked:font-semibold has-checked:text-sky-900"
          >
            <input
              type="radio"
              name={`${id}-layout`}
              value={mode}
              checked={canvas.layout === mode}
              onChange={() => setCanvas({ layout: mode })}
              className="accent-sky-700"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="flex cursor-pointer items-center gap-1">
        <input
          type="checkbox"
          checked={canvas.edges === 'types'}
          onChange={(event) => setCanvas({ edges: event.target.checked ? 'types' : 'pairs' })}
          className="accent-sky-700"
        />
        Each relation type
      </label>
      <label className="flex cursor-pointer items-center gap-1">
        <input
          type="checkbox"
          checked={canvas.showIsolated}
          onChange={(event) => setCanvas({ showIsolated: event.target.checked })}
          className="accent-sky-700"
        />
        Actors without relations
      </label>
    </div>
  );
}
