import { createContext, useContext, type RefObject } from 'react';

/** What the rest of the UI may ask of the canvas; GraphView implements it and owns Cytoscape. */
export interface GraphApi {
  fit: () => void;
  zoomBy: (factor: number) => void;
  panBy: (dx: number, dy: number) => void;
  relayout: () => void;
  centerOn: (actorId: string) => void;
  png: () => Promise<Blob>;
  svg: () => Promise<string>;
  nodePositions: () => Map<string, { x: number; y: number }>;
}

export const GraphApiContext = createContext<RefObject<GraphApi | null>>({ current: null });

export function useGraphApi(): RefObject<GraphApi | null> {
  return useContext(GraphApiContext);
}
