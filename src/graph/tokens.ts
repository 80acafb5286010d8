/**
 * The one source of colours, shapes, line styles and labels for actor types, relation types
 * and polarities. The Cytoscape stylesheet, the legend, the table and the SVG export all read
 * these, so the picture and its explanation cannot drift apart.
 */
import type { ActorType, Polarity, RelationType } from '../model/schema';

export type NodeShape = 'ellipse' | 'diamond' | 'hexagon' | 'triangle' | 'round-rectangle';
export type ArrowShape =
  | 'triangle'
  | 'diamond'
  | 'vee'
  | 'circle'
  | 'tee'
  | 'chevron'
  | 'triangle-cross';

export interface ActorTypeToken {
  label: string;
  /** Plural label for headings. */
  plural: string;
  color: string;
  shape: NodeShape;
}

export interface RelationTypeToken {
  label: string;
  /** Dash pattern in px (null: a solid line). */
  dash: readonly number[] | null;
  arrow: ArrowShape;
}

export interface PolarityToken {
  label: string;
  color: string;
}

export const ACTOR_TYPE_TOKENS: Record<ActorType, ActorTypeToken> = {
  state: { label: 'State', plural: 'States', color: '#2563eb', shape: 'ellipse' },
  foreign_power: {
    label: 'Foreign power',
    plural: 'Foreign powers',
    color: '#7c3aed',
    shape: 'diamond',
  },
  alliance: { label: 'Alliance', plural: 'Alliances', color: '#0e7490', shape: 'hexagon' },
  armed_group: {
    label: 'Armed group',
    plural: 'Armed groups',
    color: '#c2410c',
    shape: 'triangle',
  },
  organization: {
    label: 'Organization',
    plural: 'Organizations',
    color: '#475569',
    shape: 'round-rectangle',
  },
};

export const RELATION_TYPE_TOKENS: Record<RelationType, RelationTypeToken> = {
  alliance: { label: 'pact / membership', dash: null, arrow: 'diamond' },
  military_support: { label: 'military support', dash: null, arrow: 'triangle' },
  security_cooperation: { label: 'security cooperation', dash: [8, 4], arrow: 'triangle' },
  diplomatic_engagement: { label: 'diplomatic engagement', dash: [2, 4], arrow: 'vee' },
  economic_cooperation: { label: 'economic cooperation', dash: [10, 4, 2, 4], arrow: 'circle' },
  armed_conflict: { label: 'armed conflict', dash: null, arrow: 'triangle-cross' },
  rupture: { label: 'rupture', dash: [8, 4], arrow: 'tee' },
  criticism: { label: 'criticism', dash: [2, 4], arrow: 'chevron' },
};

export const POLARITY_TOKENS: Record<Polarity, PolarityToken> = {
  cooperative: { label: 'cooperative', color: '#15803d' },
  hostile: { label: 'hostile', color: '#dc2626' },
  neutral: { label: 'neutral', color: '#64748b' },
};

export const SELECTION_COLOR = '#f59e0b';
export const LABEL_COLOR = '#0f172a';
/** The halo of a relation an analyst confirmed. */
export const CONFIRMED_COLOR = '#059669';
export const CANVAS_BACKGROUND = '#f8fafc';

/** Edge width in px for the number of distinct articles behind an edge. */
export function edgeWidth(articleCount: number): number {
  return Math.min(10, 1.5 + 1.6 * (Math.max(1, articleCount) - 1));
}

/** Node diameter in px for the number of relations an actor has. */
export function nodeSize(degree: number): number {
  return Math.round(Math.min(64, 26 + 6 * Math.sqrt(Math.max(0, degree))));
}

/**
 * An SVG path for a node shape centred on (cx, cy) with the given size, matching Cytoscape's
 * geometry closely enough for the legend and the SVG export.
 */
export function shapePath(shape: NodeShape, cx: number, cy: number, size: number): string {
  const r = size / 2;
  const polygon = (points: [number, number][]) =>
    'M' +
    points.map(([x, y]) => `${(cx + x * r).toFixed(2)},${(cy + y * r).toFixed(2)}`).join('L') +
    'Z';
  switch (shape) {
    case 'ellipse':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'diamond':
      return polygon([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'hexagon':
      return polygon([
        [-1, 0],
        [-0.5, -0.866],
        [0.5, -0.866],
        [1, 0],
        [0.5, 0.866],
        [-0.5, 0.866],
      ]);
    case 'triangle':
      return polygon([
        [0, -1],
        [1, 1],
        [-1, 1],
      ]);
    case 'round-rectangle': {
      const k = r * 0.25;
      return `M${cx - r + k},${cy - r}h${2 * r - 2 * k}q${k},0 ${k},${k}v${2 * r - 2 * k}q0,${k} ${-k},${k}h${-(2 * r - 2 * k)}q${-k},0 ${-k},${-k}v${-(2 * r - 2 * k)}q0,${-k} ${k},${-k}Z`;
    }
  }
}
