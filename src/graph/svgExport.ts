/**
 * An SVG picture of what the canvas shows, drawn from node positions and the tokens module:
 * no extra package, no raster. Loaded on demand.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { ACTOR_TYPES, POLARITIES, RELATION_TYPES } from '../model/schema';
import type { ActorType, Polarity, RelationType } from '../model/schema';
import {
  ACTOR_TYPE_TOKENS,
  CANVAS_BACKGROUND,
  LABEL_COLOR,
  POLARITY_TOKENS,
  RELATION_TYPE_TOKENS,
  shapePath,
} from './tokens';

export interface SvgNode {
  id: string;
  label: string;
  type: ActorType;
  x: number;
  y: number;
  size: number;
}

export interface SvgEdge {
  id: string;
  source: { x: number; y: number; size: number };
  target: { x: number; y: number; size: number };
  /** 'pair': one line for every relation between two actors, drawn without an arrow. */
  type: RelationType | 'pair';
  /** 'mixed' (pairs only): cooperative and hostile relations, drawn as a half-and-half line. */
  polarity: Polarity | 'mixed';
  width: number;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const f = (n: number) => n.toFixed(1);

export function buildSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[]): string {
  const padding = 60;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.size);
    minY = Math.min(minY, n.y - n.size);
    maxX = Math.max(maxX, n.x + n.size);
    maxY = Math.max(maxY, n.y + n.size + 20);
  }
  if (nodes.length === 0) {
    minX = 0;
    minY = 0;
    maxX = 100;
    maxY = 100;
  }
  const x0 = minX - padding;
  const y0 = minY - padding;
  const width = maxX - minX + 2 * padding;
  const height = maxY - minY + 2 * padding;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${f(x0)} ${f(y0)} ${f(width)} ${f(height)}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="Inter, Helvetica, Arial, sans-serif">`,
    '<title>Alliance Atlas</title>',
    '<defs>',
    ...POLARITIES.map(
      (p) =>
        `<marker id="arrow-${p}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10Z" fill="${POLARITY_TOKENS[p].color}"/></marker>`,
    ),
    '</defs>',
    `<rect x="${f(x0)}" y="${f(y0)}" width="${f(width)}" height="${f(height)}" fill="${CANVAS_BACKGROUND}"/>`,
    '<g class="edges" fill="none">',
  ];
  for (const e of edges) {
    const dx = e.target.x - e.source.x;
    const dy = e.target.y - e.source.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const sx = e.source.x + (ux * e.source.size) / 2;
    const sy = e.source.y + (uy * e.source.size) / 2;
    const tx = e.target.x - (ux * e.target.size) / 2;
    const ty = e.target.y - (uy * e.target.size) / 2;
    const id = escapeXml(e.id);
    if (e.type === 'pair' || e.polarity === 'mixed') {
      // No arrow: a pair has no single direction. Mixed: cooperative half, hostile half.
      const mx = (sx + tx) / 2;
      const my = (sy + ty) / 2;
      const halves: [Polarity, number, number, number, number][] =
        e.polarity === 'mixed'
          ? [
              ['cooperative', sx, sy, mx, my],
              ['hostile', mx, my, tx, ty],
            ]
          : [[e.polarity, sx, sy, tx, ty]];
      for (const [polarity, x1, y1, x2, y2] of halves) {
        out.push(
          `<line data-id="${id}" x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${POLARITY_TOKENS[polarity].color}" stroke-width="${f(e.width)}" stroke-opacity="0.85"/>`,
        );
      }
      continue;
    }
    const dash = RELATION_TYPE_TOKENS[e.type].dash;
    out.push(
      `<line data-id="${id}" x1="${f(sx)}" y1="${f(sy)}" x2="${f(tx)}" y2="${f(ty)}" stroke="${POLARITY_TOKENS[e.polarity].color}" stroke-width="${f(e.width)}" stroke-opacity="0.85"${dash ? ` stroke-dasharray="${dash.join(' ')}"` : ''} marker-end="url(#arrow-${e.polarity})"/>`,
    );
  }
  out.push('</g>', '<g class="nodes">');
  for (const n of nodes) {
    const token = ACTOR_TYPE_TOKENS[n.type];
    out.push(
      `<path data-id="${escapeXml(n.id)}" d="${shapePath(token.shape, n.x, n.y, n.size)}" fill="${token.color}" stroke="#ffffff" stroke-width="2"/>`,
      `<text x="${f(n.x)}" y="${f(n.y + n.size / 2 + 16)}" text-anchor="middle" font-size="12" font-weight="600" fill="${LABEL_COLOR}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(n.label)}</text>`,
    );
  }
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** The visible nodes and edges of a Cytoscape instance, as plain data for buildSvg. */
export function collectSvgScene(cy: Core): { nodes: SvgNode[]; edges: SvgEdge[] } {
  const nodes: SvgNode[] = [];
  cy.nodes(':visible').forEach((node) => {
    const type: unknown = node.data('type');
    if (!isOneOf(ACTOR_TYPES, type)) return;
    const { x, y } = node.position();
    nodes.push({
      id: node.id(),
      label: String(node.data('label')),
      type,
      x,
      y,
      size: node.width(),
    });
  });
  const edges: SvgEdge[] = [];
  cy.edges(':visible').forEach((edge) => {
    const rawType: unknown = edge.data('type');
    const type = rawType === 'pair' ? 'pair' : isOneOf(RELATION_TYPES, rawType) ? rawType : null;
    // A pair's drawn polarity is its class (the visible relations); its data is the whole pair's.
    const shown = POLARITIES.find((p) => edge.hasClass(`p-${p}`));
    const rawPolarity: unknown = edge.hasClass('p-mixed')
      ? 'mixed'
      : (shown ?? edge.data('polarity'));
    const polarity =
      rawPolarity === 'mixed' && type === 'pair'
        ? 'mixed'
        : isOneOf(POLARITIES, rawPolarity)
          ? rawPolarity
          : null;
    if (type === null || polarity === null) return;
    const end = (n: NodeSingular) => ({ ...n.position(), size: n.width() });
    edges.push({
      id: edge.id(),
      source: end(edge.source()),
      target: end(edge.target()),
      type,
      polarity,
      width: Number(edge.data('width')) || 1.5,
    });
  });
  return { nodes, edges };
}
