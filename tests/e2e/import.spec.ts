import { expect, test } from '@playwright/test';
import { openApp, readCounts } from './helpers';

test('articles picked in the browser are read by the pipeline in a worker', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  await page.getByLabel('Open articles…').setInputFiles([
    {
      name: 'pact.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(' date 2024-03-02 Senegal and Gambia signed a defence pact in Dakar.\n'),
    },
    {
      name: 'attack.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(' date 2024-05-10 Boko Haram attacked Cameroon on Friday.\n'),
    },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
  ]);
  await expect(page.getByText('3 articles', { exact: true })).toBeVisible();
  await page.waitForFunction(() => window.__cy?.nodes().length === 4);
  const counts = await readCounts(page);
  expect(counts).toMatchObject({ totalRelations: 2, totalActors: 4 });
  const table = page.getByRole('table', { name: 'Relations' });
  await expect(
    table.getByRole('row', { name: /Boko Haram.*armed conflict.*Cameroon/ }),
  ).toBeVisible();
  // Every file is accounted for: in the graph, or named with the reason it was skipped.
  await page.getByRole('tab', { name: /Sources/ }).click();
  const sources = page.getByRole('table', { name: 'Sources' });
  await expect(sources.getByRole('row', { name: /pact\.txt/ })).toBeVisible();
  await expect(
    sources.getByRole('row', { name: /empty\.txt.*skipped: the file is empty/ }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
