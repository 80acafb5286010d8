/** The Cytoscape stylesheet, built from the tokens module. */
import type { StylesheetJson } from 'cytoscape';
import { ACTOR_TYPES, POLARITIES, RELATION_TYPES } from '../model/schema';
import {
  ACTOR_TYPE_TOKENS,
  LABEL_COLOR,
  CONFIRMED_COLOR,
  POLARITY_TOKENS,
  RELATION_TYPE_TOKENS,
  SELECTION_COLOR,
} from './tokens';

export interface StylesheetOptions {
  /** Big graphs draw straight edges without arrows and hide labels when zoomed out. */
  large: boolean;
  /**
   * Big graphs only: which node labels are styled at all at the current zoom (`labelTier`).
   * A label below its minimum zoomed size is not drawn anyway, but Cytoscape still pays for
   * it on every frame; leaving it out changes nothing on screen.
   */
  labels?: LabelTier;
}

/** 'none': no label is big enough to draw; 'major': only labelled actors'; 'all'. */
export type LabelTier = 'none' | 'major' | 'all';

const FONT_SIZE = 12;
const MIN_ZOOMED_FONT_LARGE = 9;
const MIN_ZOOMED_FONT_MINOR = 26;

/** The labels a big graph draws at a zoom (font size × zoom against the minimum sizes). */
export function labelTier(zoom: number): LabelTier {
  const shown = FONT_SIZE * zoom;
  if (shown < MIN_ZOOMED_FONT_LARGE) return 'none';
  return shown < MIN_ZOOMED_FONT_MINOR ? 'major' : 'all';
}

export function buildStylesheet({ large, labels = 'all' }: StylesheetOptions): StylesheetJson {
  const labelsOff = large && labels === 'none';
  const minorLabelsOff = large && labels !== 'all';
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: labelsOff ? '' : 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'font-family': 'Inter, ui-sans-serif, system-ui, sans-serif',
        'font-size': FONT_SIZE,
        'font-weight': 600,
        color: LABEL_COLOR,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'text-outline-opacity': 0.9,
        'text-wrap': 'ellipsis',
        'text-max-width': '170px',
        'min-zoomed-font-size': large ? MIN_ZOOMED_FONT_LARGE : 4,
        // A white ring costs a second shape per node per frame: big graphs go without.
        'border-width': large ? 0 : 2,
        'border-color': '#ffffff',
        'overlay-opacity': 0,
      },
    },
    ...ACTOR_TYPES.map((type) => ({
      selector: `node[type = "${type}"]`,
      style: {
        'background-color': ACTOR_TYPE_TOKENS[type].color,
        shape: ACTOR_TYPE_TOKENS[type].shape,
      },
    })),
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': large ? 'haystack' : 'bezier',
        'control-point-step-size': 28,
        opacity: 0.85,
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 1.1,
        'overlay-opacity': 0,
      },
    },
    ...POLARITIES.map((polarity) => ({
      selector: `edge[polarity = "${polarity}"]`,
      style: {
        'line-color': POLARITY_TOKENS[polarity].color,
        'target-arrow-color': POLARITY_TOKENS[polarity].color,
      },
    })),
    ...RELATION_TYPES.map((type) => {
      const token = RELATION_TYPE_TOKENS[type];
      return {
        selector: `edge[type = "${type}"]`,
        style: {
          'line-style': token.dash ? ('dashed' as const) : ('solid' as const),
          ...(token.dash ? { 'line-dash-pattern': [...token.dash] } : {}),
          ...(large ? {} : { 'target-arrow-shape': token.arrow }),
        },
      };
    }),
    // One edge per pair: straight, no arrow (a pair has no single direction), the number of
    // relation types as a small label, a cooperative-to-hostile gradient when mixed.
    {
      selector: 'edge[type = "pair"]',
      style: {
        'curve-style': large ? 'haystack' : 'straight',
        'target-arrow-shape': 'none',
        'line-style': 'solid',
        // Big graphs skip the type-count labels: every label costs a text pass per frame.
        ...(large
          ? {}
          : {
              label: 'data(label)',
              'font-size': 10,
              'font-weight': 700,
              color: LABEL_COLOR,
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.9,
              'text-background-padding': '2px',
              'text-background-shape': 'roundrectangle',
              'min-zoomed-font-size': 7,
            }),
      },
    },
    ...POLARITIES.map((polarity) => ({
      selector: `edge.p-${polarity}`,
      style: { 'line-color': POLARITY_TOKENS[polarity].color, 'line-fill': 'solid' as const },
    })),
    {
      selector: 'edge.p-mixed',
      style: {
        'line-fill': 'linear-gradient',
        'line-gradient-stop-colors': [
          POLARITY_TOKENS.cooperative.color,
          POLARITY_TOKENS.cooperative.color,
          POLARITY_TOKENS.hostile.color,
          POLARITY_TOKENS.hostile.color,
        ],
        'line-gradient-stop-positions': [0, 45, 55, 100],
        'line-style': 'solid',
      },
    },
    // Beyond the label budget, minor actors show their label only when zoomed in.
    {
      selector: 'node.is-minor',
      style: {
        'min-zoomed-font-size': MIN_ZOOMED_FONT_MINOR,
        ...(minorLabelsOff ? { label: '' } : {}),
      },
    },
    {
      // Confirmed by an analyst: a green halo under the line (the legend shows the same).
      selector: 'edge[review = "confirmed"]',
      style: {
        'underlay-color': CONFIRMED_COLOR,
        'underlay-opacity': 0.35,
        'underlay-padding': 3,
      },
    },
    // Big graphs keep undrawn edges out of Cytoscape altogether (../graph/edgeBudget.ts).
    { selector: '.is-hidden', style: { display: 'none' } },
    // Visible actors the node budget does not draw (big graphs, zoomed out).
    { selector: '.is-undrawn', style: { display: 'none' } },
    { selector: '.is-dimmed', style: { opacity: 0.14 } },
    { selector: '.is-faded', style: { opacity: 0.1 } },
    { selector: 'edge.is-hovered', style: { opacity: 1, 'z-index': 10 } },
    {
      selector: 'node.is-hovered',
      style: { 'border-color': LABEL_COLOR, 'border-width': 2, 'z-index': 10 },
    },
    {
      selector: 'node.is-selected',
      style: {
        'border-color': SELECTION_COLOR,
        'border-width': 5,
        'underlay-color': SELECTION_COLOR,
        'underlay-padding': 6,
        'underlay-opacity': 0.25,
        'underlay-shape': 'ellipse',
        'z-index': 20,
      },
    },
    {
      selector: 'edge.is-selected',
      style: {
        opacity: 1,
        'underlay-color': SELECTION_COLOR,
        'underlay-padding': 5,
        'underlay-opacity': 0.55,
        'z-index': 20,
      },
    },
  ];
  return sheet;
}
