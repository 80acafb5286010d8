import { expect, type Page } from '@playwright/test';
import type { Core } from 'cytoscape';

declare global {
  interface Window {
    __cy?: Core;
    __xss?: number;
  }
}

/**
 * Waits until the graph is drawn and the layout (computed in a worker, so nodes first sit at
 * placeholder positions) has been applied: clicks on nodes and edges need final positions.
 */
export async function waitForLayout(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.__cy?.nodes().length ?? 0) > 0);
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-layout', 'done');
}

/** Opens the app with the Cytoscape test hook and waits until the graph is laid out. */
export async function openApp(page: Page, query = ''): Promise<void> {
  const separator = query === '' ? '' : '&';
  await page.goto(`/?debug=1${separator}${query}`);
  await waitForLayout(page);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toBeVisible();
}

/** "Showing X of Y relations, A of B actors" as numbers. */
export async function readCounts(page: Page) {
  const text = (await page.getByText(/^Showing \d+ of \d+ relations/).textContent()) ?? '';
  const match = /Showing (\d+) of (\d+) relations, (\d+) of (\d+) actors/.exec(text);
  if (!match) throw new Error(`status line not found: ${text}`);
  return {
    relations: Number(match[1]),
    totalRelations: Number(match[2]),
    actors: Number(match[3]),
    totalActors: Number(match[4]),
  };
}

export async function visibleEdgeCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__cy?.edges(':visible').length ?? -1);
}

/**
 * The page coordinates of a visible edge's midpoint that no overlay covers (the legend and the
 * controls float over the canvas), optionally for an edge between two named actors.
 */
export async function clickableEdgePoint(
  page: Page,
  between?: [string, string],
): Promise<{ id: string; x: number; y: number } | null> {
  return page.evaluate((names) => {
    const cy = window.__cy;
    const container = cy?.container();
    if (!cy || !container) return null;
    const box = container.getBoundingClientRect();
    const edges = cy.edges(':visible').filter((edge) => {
      if (!names) return true;
      const ends = [edge.source().data('label'), edge.target().data('label')];
      return ends.includes(names[0]) && ends.includes(names[1]);
    });
    // Edges without parallels first: a bundle of parallel edges shares its midpoint area.
    const ordered = edges
      .toArray()
      .filter((e) => e.isEdge())
      .sort((a, b) => a.parallelEdges().length - b.parallelEdges().length);
    for (const edge of ordered) {
      if (!edge.isEdge()) continue;
      const mid = edge.renderedMidpoint();
      const x = box.left + mid.x;
      const y = box.top + mid.y;
      if (x < box.left + 5 || y < box.top + 5 || x > box.right - 5 || y > box.bottom - 5) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !container.contains(hit)) continue;
      // Another edge or a node drawn on top would take the click; prefer an unambiguous spot.
      const near = cy.elements(':visible').filter((ele) => {
        if (ele.id() === edge.id()) return false;
        const bb = ele.renderedBoundingBox({});
        return mid.x >= bb.x1 && mid.x <= bb.x2 && mid.y >= bb.y1 && mid.y <= bb.y2 && ele.isNode();
      });
      if (near.length > 0) continue;
      return { id: edge.id(), x, y };
    }
    return null;
  }, between ?? null);
}

/** Serves `body` as JSON at `path` for this page, so a test can open it with ?data=. */
export async function serveJson(page: Page, path: string, body: string | object): Promise<void> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  await page.route(
    (url) => url.pathname === path,
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }),
  );
}
