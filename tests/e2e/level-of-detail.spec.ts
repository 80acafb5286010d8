/**
 * The level of detail on a generated big graph (1,000 actors, 4,000 relations: above the
 * edge budget): zoomed out the canvas draws the strongest edges and one for every actor and
 * says so; zoomed in, every edge crossing the view is drawn again.
 */
import { expect, test, type Page } from '@playwright/test';
import { syntheticGraph } from '../../bench/explorer';
import { readCounts } from './helpers';

test.setTimeout(180_000);

const big = JSON.stringify(syntheticGraph(1000, 4000, 11));

async function openBig(page: Page) {
  await page.route(
    (url) => url.pathname === '/lod-big.json',
    (route) => route.fulfill({ body: big, contentType: 'application/json' }),
  );
  await page.goto('/?debug=1&data=/lod-big.json');
  // The layout of a thousand actors takes a while on a loaded machine.
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-layout', 'done', {
    timeout: 150_000,
  });
}

/** Drawn and visible edges, visible actors without a drawn edge, undrawn edges in view. */
async function lodFacts(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) return null;
    const ext = cy.extent();
    const inside = (p: { x: number; y: number }) =>
      p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    let visible = 0;
    let culledInView = 0;
    cy.edges().forEach((e) => {
      if (e.hasClass('is-hidden')) return;
      visible += 1;
      if (
        e.hasClass('is-culled') &&
        (inside(e.source().position()) || inside(e.target().position()))
      )
        culledInView += 1;
    });
    const lonely = cy
      .nodes(':visible')
      .filter((node) => node.connectedEdges(':visible').empty())
      .map((node) => node.id());
    return {
      drawn: cy.edges(':visible').length,
      visible,
      lonely,
      culledInView,
      zoom: cy.zoom(),
    };
  });
}

test('a big graph draws the strongest edges zoomed out and every edge in view zoomed in', async ({
  page,
}) => {
  await openBig(page);
  const counts = await readCounts(page);
  expect(counts.totalRelations).toBe(4000);

  const note = page.getByTestId('lod-note');
  await expect(note).toContainText(/Drawing [\d,]+ of [\d,]+ connections:/);
  const out = await lodFacts(page);
  expect(out).not.toBeNull();
  expect(out?.drawn ?? 0).toBeLessThan(out?.visible ?? 0);
  expect(out?.drawn ?? 0).toBeGreaterThanOrEqual(3000);
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
  await page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) return;
    const mid = cy.nodes().reduce((sum, n) => sum + n.position().x, 0) / cy.nodes().length;
    const far = cy.nodes(':visible').max((n) => Math.abs(n.position().x - mid)).ele;
    cy.zoom(cy.maxZoom());
    cy.center(far);
  });
  await expect.poll(async () => (await lodFacts(page))?.culledInView, { timeout: 20_000 }).toBe(0);
  await expect(note).toBeHidden();
  const zoomedIn = await lodFacts(page);
  expect(zoomedIn?.zoom ?? 0).toBeGreaterThan((out?.zoom ?? 0) * 4);
  expect(zoomedIn?.drawn ?? 0).toBeGreaterThan(0);
  expect(zoomedIn?.lonely).toEqual([]);
  await page.screenshot({ path: 'test-results/lod-zoomed-in.png' });

  // Back to the fitted view: the budget applies again.
  await page.keyboard.press('0');
  await expect(note).toBeVisible({ timeout: 20_000 });
});

test('selecting an actor on a big graph draws all of its edges', async ({ page }) => {
  await openBig(page);
  // The hub: the actor with the most edges.
  const hub = await page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) return null;
    let best = { id: '', degree: -1, label: '' };
    cy.nodes().forEach((n) => {
      const degree = n.connectedEdges().length;
      if (degree > best.degree) best = { id: n.id(), degree, label: String(n.data('label')) };
    });
    return best;
  });
  expect(hub?.degree ?? 0).toBeGreaterThan(10);
  await page.evaluate((id) => window.__cy?.getElementById(id).emit('tap'), hub?.id ?? '');
  await expect
    .poll(() =>
      page.evaluate(
        (id) =>
          window.__cy
            ?.getElementById(id)
            .connectedEdges()
            .filter((e) => !e.hasClass('is-hidden') && !e.visible()).length,
        hub?.id ?? '',
      ),
    )
    .toBe(0);
});
