import type { ReactNode } from 'react';
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
