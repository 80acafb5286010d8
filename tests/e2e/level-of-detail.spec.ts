/**
 * The level of detail on a generated big graph (1,000 actors, 4,000 relations: above the
 * edge budget and the node budget): zoomed out the canvas draws the strongest edges and one
 * for every actor and says so; zoomed in, every edge crossing the view is drawn again. The
 * first test lifts the node budget to see the edge budget alone; the others run with both.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { syntheticGraph } from '../../bench/explorer';
import { readCounts } from './helpers';

test.setTimeout(180_000);

const graph = syntheticGraph(1000, 4000, 11);
const big = JSON.stringify(graph);

/** Every pair edge of the graph as [edge id, one end, the other end]: what the canvas may draw. */
const pairEdges: Array<[string, string, string]> = (() => {
  const pairs = new Map<string, [string, string, string]>();
  for (const r of graph.relations) {
    const [a, b] = r.source <= r.target ? [r.source, r.target] : [r.target, r.source];
    pairs.set(`pair:${a}|${b}`, [`pair:${a}|${b}`, a, b]);
  }
  return [...pairs.values()];
})();

/** The pair edges at an actor, from the graph (not from the canvas). */
function pairsAt(actor: string): string[] {
  return pairEdges.filter(([, a, b]) => a === actor || b === actor).map(([id]) => id);
}

/** `query` is added to the URL (`&nodes=…` sets the node budget in debug builds). */
async function openBig(page: Page, query = '') {
  await page.route(
    (url) => url.pathname === '/lod-big.json',
    (route) => route.fulfill({ body: big, contentType: 'application/json' }),
  );
  await page.goto(`/?debug=1&data=/lod-big.json${query}`);
  // The layout of a thousand actors takes a while on a loaded machine.
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-layout', 'done', {
    timeout: 150_000,
  });
}

/**
 * What the canvas holds against what the graph has (every pair visible: no filter is set):
 * drawn edges, edges Cytoscape holds but does not draw (undrawn edges are kept out of it),
 * visible actors without a drawn edge, and pair edges with an end in view that are not drawn.
 */
async function lodFacts(page: Page) {
  return page.evaluate((pairs) => {
    const cy = window.__cy;
    if (!cy) return null;
    const ext = cy.extent();
    const inside = (id: string) => {
      const p = cy.getElementById(id).position();
      return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    };
    let undrawnInView = 0;
    for (const [id, a, b] of pairs) {
      if (cy.getElementById(id).empty() && (inside(a) || inside(b))) undrawnInView += 1;
    }
    const lonely = cy
      .nodes(':visible')
      .filter((node) => node.connectedEdges(':visible').empty())
      .map((node) => node.id());
    return {
      drawn: cy.edges(':visible').length,
      heldNotDrawn: cy.edges().length - cy.edges(':visible').length,
      visible: pairs.length,
      lonely,
      undrawnInView,
      zoom: cy.zoom(),
    };
  }, pairEdges);
}

/**
 * Emits a Cytoscape event on an element. Nothing is returned from the page: `emit` returns
 * the element, and Playwright serialising a Cytoscape collection (it reaches the whole graph)
 * took 30 s and once crashed the renderer; the hover itself takes milliseconds.
 */
async function emitOn(page: Page, id: string, event: string): Promise<void> {
  await page.evaluate(
    ([element, name]) => {
      window.__cy?.getElementById(element).emit(name);
    },
    [id, event] as const,
  );
}

/**
 * Zooms all the way in on the drawn actor farthest from the middle of the graph (a drawn one:
 * centring on a node with display: none has no box to centre on). Keyboard zooms before it are
 * animations, which on a loaded machine can still be running and would then finish after this
 * zoom, putting the view back where they were going: they end first.
 */
async function zoomToEdge(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => window.__cy?.animated() ?? false), { timeout: 20_000 })
    .toBe(false);
  await page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) return;
    const mid = cy.nodes().reduce((sum, n) => sum + n.position().x, 0) / cy.nodes().length;
    const far = cy.nodes(':visible').max((n) => Math.abs(n.position().x - mid)).ele;
    cy.zoom(cy.maxZoom());
    cy.center(far);
  });
}

test('a big graph draws the strongest edges zoomed out and every edge in view zoomed in', async ({
  page,
}) => {
  // The edge budget alone: a node budget above the graph's 1,000 actors.
  await openBig(page, '&nodes=5000');
  const counts = await readCounts(page);
  expect(counts.totalRelations).toBe(4000);
  expect(counts.relations).toBe(4000);

  const note = page.getByTestId('lod-note');
  await expect(note).toContainText(/Drawing [\d,]+ of [\d,]+ connections:/);
  const out = await lodFacts(page);
  expect(out).not.toBeNull();
  expect(out?.drawn ?? 0).toBeLessThan(out?.visible ?? 0);
  expect(out?.drawn ?? 0).toBeGreaterThanOrEqual(3000);
  expect(out?.heldNotDrawn).toBe(0);
  expect(out?.lonely).toEqual([]);
  await page.screenshot({ path: 'test-results/lod-zoomed-out.png' });

  // Zoom in by keyboard, then move to the edge of the graph (the middle is so dense that
  // more than the budget of lines meet any view there).
  const canvas = page.getByTestId('graph-canvas');
  await canvas.focus();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('+');
    await page.waitForTimeout(300);
  }
  await zoomToEdge(page);
  await expect.poll(async () => (await lodFacts(page))?.undrawnInView, { timeout: 20_000 }).toBe(0);
  await expect(note).toBeHidden();
  const zoomedIn = await lodFacts(page);
  expect(zoomedIn?.zoom ?? 0).toBeGreaterThan((out?.zoom ?? 0) * 4);
  expect(zoomedIn?.drawn ?? 0).toBeGreaterThan(0);
  expect(zoomedIn?.lonely).toEqual([]);
  expect(zoomedIn?.heldNotDrawn).toBe(0);
  await page.screenshot({ path: 'test-results/lod-zoomed-in.png' });

  // Back to the fitted view: the budget applies again.
  await page.keyboard.press('0');
  await expect(note).toBeVisible({ timeout: 20_000 });
});

test('selecting an actor on a big graph draws all of its edges', async ({ page }) => {
  await openBig(page);
  // The hub: the actor with the most pairs in the graph.
  const degree = new Map<string, number>();
  for (const [, a, b] of pairEdges) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  const [hub, hubDegree] = [...degree].reduce((x, y) => (y[1] > x[1] ? y : x));
  expect(hubDegree).toBeGreaterThan(10);
  await emitOn(page, hub, 'tap');
  await expect
    .poll(() =>
      page.evaluate((id) => window.__cy?.getElementById(id).connectedEdges(':visible').length, hub),
    )
    .toBe(hubDegree);
});

test('hovering an actor on a big graph draws all of its edges, and leaving takes them away', async ({
  page,
}) => {
  await openBig(page);
  // The actor with the most pairs left undrawn at the fitted view.
  const drawnAt = await page.evaluate(() => {
    const out: Record<string, number> = {};
    window.__cy?.nodes().forEach((n) => {
      out[n.id()] = n.connectedEdges(':visible').length;
    });
    return out;
  });
  let actor = '';
  let missing = 0;
  for (const id of Object.keys(drawnAt)) {
    const gap = pairsAt(id).length - (drawnAt[id] ?? 0);
    if (gap > missing) [actor, missing] = [id, gap];
  }
  expect(missing).toBeGreaterThan(0);
  const drawnEdgesAt = (id: string) =>
    page.evaluate((a) => window.__cy?.getElementById(a).connectedEdges(':visible').length, id);
  await emitOn(page, actor, 'mouseover');
  await expect.poll(() => drawnEdgesAt(actor)).toBe(pairsAt(actor).length);
  const hovered = await page.evaluate(
    (id) => window.__cy?.getElementById(id).connectedEdges('.is-hovered').length,
    actor,
  );
  expect(hovered).toBe(pairsAt(actor).length);
  await emitOn(page, actor, 'mouseout');
  await expect.poll(() => drawnEdgesAt(actor)).toBe(drawnAt[actor]);
});

test('a window step on a big graph keeps hidden edges out of the canvas and every actor drawn', async ({
  page,
}) => {
  await openBig(page);
  const slider = page.getByRole('slider', { name: 'Start date' });
  await slider.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  const counts = await readCounts(page);
  expect(counts.relations).toBeLessThan(4000);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const cy = window.__cy;
        if (!cy) return null;
        return {
          heldNotDrawn: cy.edges().length - cy.edges(':visible').length,
          lonely: cy.nodes(':visible').filter((n) => n.connectedEdges(':visible').empty()).length,
        };
      }),
    )
    .toEqual({ heldNotDrawn: 0, lonely: 0 });
});

/**
 * The node budget, lowered to 300 for the test (`?debug=1&nodes=300`, so the graph of 1,000
 * actors lays out quickly): what the canvas draws of the actors, and how their edges follow.
 */
async function nodeFacts(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) return null;
    const ext = cy.extent();
    const inView = cy.nodes().filter((n) => {
      const p = n.position();
      return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    });
    return {
      drawnNodes: cy.nodes(':visible').length,
      undrawn: cy.nodes('.is-undrawn').map((n) => n.id()),
      undrawnInView: inView.filter('.is-undrawn').length,
      // An edge with an undrawn end is not :visible: none may be held.
      heldNotDrawn: cy.edges().length - cy.edges(':visible').length,
      lonely: cy.nodes(':visible').filter((n) => n.connectedEdges(':visible').empty()).length,
    };
  });
}

test('above the node budget the canvas draws the best connected actors and brings the rest back', async ({
  page,
}) => {
  await page.route(
    (url) => url.pathname === '/lod-big.json',
    (route) => route.fulfill({ body: big, contentType: 'application/json' }),
  );
  await page.goto('/?debug=1&nodes=300&data=/lod-big.json');
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-layout', 'done', {
    timeout: 150_000,
  });
  const note = page.getByTestId('lod-note');
  await expect(note).toContainText(
    /Drawing [\d,]+ of [\d,]+ actors and [\d,]+ of [\d,]+ connections/,
  );
  await expect(note).toContainText('Actors and Relations tables');
  // The note over the canvas keeps the page clean for axe.
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const out = await nodeFacts(page);
  expect(out).not.toBeNull();
  // 300 by degree, and a few more so that no drawn actor stands alone.
  expect(out?.drawnNodes ?? 0).toBeGreaterThanOrEqual(300);
  expect(out?.drawnNodes ?? 0).toBeLessThan(400);
  expect(out?.heldNotDrawn).toBe(0);
  expect(out?.lonely).toBe(0);

  // The best connected undrawn actor, reached through the Actors table by keyboard: selecting
  // it draws it and every one of its edges.
  const undrawn = new Set(out?.undrawn ?? []);
  const degree = new Map<string, number>();
  for (const [, a, b] of pairEdges) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  const [actor] = [...undrawn].sort(
    (x, y) => (degree.get(y) ?? 0) - (degree.get(x) ?? 0) || (x < y ? -1 : 1),
  );
  expect(actor).toBeDefined();
  const name = graph.actors.find((a) => a.id === actor)?.name ?? '';
  await page.getByRole('tab', { name: /Actors/ }).click();
  const table = page.getByRole('table', { name: 'Actors' });
  const row = table.getByRole('button', { name, exact: true });
  for (let i = 0; i < 10 && (await row.count()) === 0; i++) {
    await page.getByRole('button', { name: /Show more/ }).click();
  }
  await row.focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() =>
      page.evaluate(
        (id) => window.__cy?.getElementById(id).connectedEdges(':visible').length,
        actor ?? '',
      ),
    )
    .toBe(pairsAt(actor ?? '').length);
  const selected = await nodeFacts(page);
  expect(selected?.undrawn).not.toContain(actor);
  expect(selected?.heldNotDrawn).toBe(0);

  // Zoomed in at the edge of the graph every actor in view is drawn, and the note goes.
  await zoomToEdge(page);
  await expect
    .poll(async () => (await nodeFacts(page))?.undrawnInView, { timeout: 20_000 })
    .toBe(0);
  const zoomedIn = await nodeFacts(page);
  expect(zoomedIn?.heldNotDrawn).toBe(0);
  expect(zoomedIn?.lonely).toBe(0);

  // Fitting again (0 on the canvas) fits every visible actor, and the budget applies again.
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('0');
  await expect
    .poll(async () => (await nodeFacts(page))?.drawnNodes, { timeout: 20_000 })
    .toBeLessThan(400);
  await expect(note).toContainText(/of [\d,]+ actors/);
});
