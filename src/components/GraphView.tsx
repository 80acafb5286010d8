/**
 * The graph area. Cytoscape (the biggest dependency) is not needed for the first paint, so
 * GraphCanvas, the only owner of the Cytoscape instance, is a separate chunk. Its download
 * starts when this module loads, in parallel with fetching the graph, not when it is first
 * rendered.
 */
import { Suspense, lazy } from 'react';
import { GraphOptions } from './GraphControls';

const canvasModule = import('./GraphCanvas');
const GraphCanvas = lazy(() => canvasModule.then((m) => ({ default: m.GraphCanvas })));

export function GraphView() {
  return (
    <>
      <GraphCanvasChunk />
      <div className="absolute top-10 left-3">
        <GraphOptions />
      </div>
    </>
  );
}

function GraphCanvasChunk() {
  return (
    <Suspense
      fallback={
        <div className="absolute inset-0 grid place-items-center text-sm text-slate-500">
          Drawing the graph…
        </div>
      }
    >
      <GraphCanvas />
    </Suspense>
  );
}
