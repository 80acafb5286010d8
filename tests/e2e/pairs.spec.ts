/**
 * One edge per pair, the pair panel, the Changes tab and the Map layout on the seed graph.
 * Only stable facts of the seeds are assumed: France, Mali and Russia are there, France and
 * Mali both cooperated and fell out, Russia and Mali are related.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { clickableEdgePoint, openApp, readCounts, visibleEdgeCount } from './helpers';

/** Visible edges per unordered pair of ends, and visible nodes without a visible edge. */
async function canvasFacts(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) return null;
    const perPair = new Map<string, number>();
    cy.edges(':visible').forEach((edge) => {
      const key = [edge.source().id(), edge.target().id()].sort().join('|');
      perPair.set(key, (perPair.get(key) ?? 0) + 1);
    });
    const lonely = cy
      .nodes(':visible')
      .filter((node) => node.connectedEdges(':visible').empty())
      .map((node) => String(node.data('label')));
    return { maxPerPair: Math.max(0, ...perPair.values()), pairs: perPair.size, lonely };
  });
}

test('one edge per pair by default; the toggle brings per-type edges back', async ({ page }) => {
  await openApp(page);
  const facts = await canvasFacts(page);
  expect(facts?.maxPerPair).toBe(1);
  expect(facts?.lonely).toEqual([]);
  const counts = await readCounts(page);
  expect(facts?.pairs ?? 0).toBeLessThan(counts.relations);

  await page.getByRole('checkbox', { name: 'Each relation type' }).check();
  await expect(page).toHaveURL(/edges=types/);
  await expect.poll(() => visibleEdgeCount(page)).toBe(counts.relations);
  expect((await canvasFacts(page))?.maxPerPair ?? 0).toBeGreaterThan(1);

  await page.getByRole('checkbox', { name: 'Each relation type' }).uncheck();
  await expect.poll(async () => (await canvasFacts(page))?.maxPerPair).toBe(1);
});

test('actors without relations are hidden and counted, and the toggle shows them', async ({
  page,
}) => {
  await openApp(page);
  const isolated = await page.evaluate(
    () =>
      window.__cy
        ?.nodes()
        .filter((node) => node.connectedEdges().empty())
        .map((n) => n.id()) ?? [],
  );
  const counts = await readCounts(page);
  if (isolated.length > 0) {
    await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(
      `${isolated.length} without relations hidden`,
    );
  }
  await page.getByRole('checkbox', { name: 'Actors without relations' }).check();
  await expect(page).toHaveURL(/isolated=1/);
  await expect
    .poll(() => page.evaluate(() => window.__cy?.nodes(':visible').length))
    .toBe(counts.actors + isolated.length);
});

test('clicking a pair edge opens the pair panel with its timeline', async ({ page }) => {
  await openApp(page);
  const point = await clickableEdgePoint(page, ['France', 'Mali']);
  expect(point).not.toBeNull();
  if (!point) return;
  await page.mouse.click(point.x, point.y);
  const panel = page.getByRole('region', { name: 'Pair' });
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('France');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Mali');
  await expect(page).toHaveURL(/pair=/);
  const timeline = page.getByRole('region', { name: 'Relationship over time' });
  const marks = timeline.getByRole('button', { name: /Read the sentence/ });
  expect(await marks.count()).toBeGreaterThan(1);
  // France and Mali cooperated and fell out: at least one turning point.
  await expect(
    timeline.getByRole('list', { name: 'Turning points' }).locator('li'),
  ).not.toHaveCount(0);
  // A mark opens its sentence in the reader, from the keyboard too.
  await marks.first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('mark')).toBeInViewport();
  await page.keyboard.press('Escape');

  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('the Changes tab lists France and Mali and a row opens the pair', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Changes' }).click();
  const row = page.getByRole('tabpanel').getByRole('button', { name: /France/ });
  await expect(row.filter({ hasText: 'Mali' })).toHaveCount(1);
  await row.filter({ hasText: 'Mali' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Relationship over time' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
});

test('the Pairs table opens a pair from the keyboard', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pairs' }).click();
  const buttons = page.getByRole('tabpanel').getByRole('button');
  expect(await buttons.count()).toBe((await canvasFacts(page))?.pairs);
  await buttons.first().press('Enter');
  await expect(page.getByRole('region', { name: 'Pair' })).toBeVisible();
});

test('in the Map layout Russia is right of and above Mali, and stays put while filtering', async ({
  page,
}) => {
  await openApp(page, 'layout=map');
  await expect(page.getByRole('radio', { name: 'Map' })).toBeChecked();
  const where = () =>
    page.evaluate(() => {
      const cy = window.__cy;
      const at = (label: string) =>
        cy
          ?.nodes()
          .filter((n) => n.data('label') === label)
          .position();
      return { russia: at('Russia'), mali: at('Mali') };
    });
  const before = await where();
  expect(before.russia && before.mali).toBeTruthy();
  if (!before.russia || !before.mali) return;
  expect(before.russia.x).toBeGreaterThan(before.mali.x);
  expect(before.russia.y).toBeLessThan(before.mali.y); // screen y grows downwards: above
  await page.getByRole('checkbox', { name: 'Organization', exact: true }).uncheck();
  await page.getByRole('slider', { name: 'End date' }).press('PageDown');
  expect(await where()).toEqual(before);
  await page.getByRole('radio', { name: 'Force' }).check();
  await expect(page).not.toHaveURL(/layout=map/);
});
