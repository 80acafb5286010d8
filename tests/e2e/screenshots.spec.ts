/** Screenshots for a person to look at (test-results/shots); they assert only that the views open. */
import { expect, test } from '@playwright/test';
import { clickableEdgePoint, openApp } from './helpers';

test('screenshots: full view, evidence panel, article reader, actor panel', async ({ page }) => {
  await openApp(page);
  await page.screenshot({ path: 'test-results/shots/full.png' });
  await openApp(page, 'edges=types');
  const point =
    (await clickableEdgePoint(page, ['Russia', 'Mali'])) ?? (await clickableEdgePoint(page));
  expect(point).not.toBeNull();
  if (point) await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('region', { name: 'Evidence' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/evidence.png' });
  await page.getByRole('button', { name: 'Read article' }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/reader.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Find actor' }).fill('Mali');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Actor' })).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/shots/actor.png' });
});

test('screenshots: pair panel, Changes tab, Map layout', async ({ page }) => {
  await openApp(page);
  const point = await clickableEdgePoint(page, ['France', 'Mali']);
  expect(point).not.toBeNull();
  if (point) await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('region', { name: 'Relationship over time' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/pair.png' });
  await page.getByRole('tab', { name: 'Changes' }).click();
  await expect(page.getByRole('tabpanel').getByRole('table')).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/changes.png' });
  await page.getByRole('radio', { name: 'Map' }).check();
  await expect(page).toHaveURL(/layout=map/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/shots/map.png' });
});
