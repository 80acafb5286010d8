/**
 * fcose on a headless Cytoscape: the body of the layout worker, and the fallback where no
 * worker can start. Same input and seed, same positions.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {
  DRAFT_QUALITY_ABOVE,
  LAYOUT_SEED,
  layoutOptions,
  spreadPositions,
  withSeededRandom,
  type LayoutInput,
  type Positions,
} from './layout';

let registered = false;

export function computePositions(input: LayoutInput): Positions {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
  });
  try {
    cy.add([
      ...input.nodes.map((node) => ({
        group: 'nodes' as const,
        data: { id: node.id, width: node.width, height: node.height },
      })),
      ...input.edges.map(([source, target], i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source, target },
      })),
    ]);
    if (input.nodes.length > 0) {
      withSeededRandom(LAYOUT_SEED, () => {
        // Label sizes, when they count, are already inside the node boxes.
        cy.layout({
          ...layoutOptions(input.nodes.length),
          nodeDimensionsIncludeLabels: false,
        } as cytoscape.LayoutOptions).run();
      });
    }
    const positions: Positions = {};
    cy.nodes().forEach((node) => {
      positions[node.id()] = { ...node.position() };
    });
    // The draft layout piles thousands of nodes on each other.
    return input.nodes.length > DRAFT_QUALITY_ABOVE ? spreadPositions(input, positions) : positions;
  } finally {
    cy.destroy();
  }
}
