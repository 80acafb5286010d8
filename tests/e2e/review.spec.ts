/**
 * Review end to end: confirm one sentence, reject the only sentence of another relation (it
 * disappears and the status line says so), reload (both decisions are still there), export the
 * decisions and apply them with the command line to the same articles.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, readCounts } from './helpers';
import { GraphSchema, type Graph } from '../../src/model/schema';

test('review decisions persist across a reload and reach graph.json through --review', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const graph: Graph = GraphSchema.parse(JSON.parse(await readFile('public/graph.json', 'utf8')));
  const single = graph.relations.find((r) => r.evidence.length === 1);
  const other = graph.relations.find((r) => r !== single && r.evidence.length > 1);
  expect(single).toBeDefined();
  expect(other).toBeDefined();
  if (!single || !other) return;

  await openApp(page, `relation=${encodeURIComponent(other.id)}`);
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence.getByRole('button', { name: 'Confirm' }).first()).toBeDisabled();
  await evidence.getByRole('textbox', { name: 'Reviewer name' }).fill('Test Analyst');
  await evidence.getByRole('button', { name: 'Set name' }).click();
  await expect(evidence.getByText('Reviewing as Test Analyst')).toBeVisible();
  await evidence.getByRole('button', { name: 'Confirm' }).first().click();
  await expect(evidence.getByText(/^Confirmed by Test Analyst/)).toBeVisible();
  await expect(evidence.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(evidence.getByRole('button', { name: 'Confirm' }).first()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const axe = await new AxeBuilder({ page }).include('[aria-label="Evidence"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await page.screenshot({ path: 'test-results/review-confirmed.png' });

  // Reject the only sentence of another relation: it leaves the graph, the count says so.
  await openApp(page, `relation=${encodeURIComponent(single.id)}`);
  const before = await readCounts(page);
  await evidence.getByRole('textbox', { name: /Note for the decision/ }).fill('misread');
  await evidence.getByRole('button', { name: 'Reject' }).click();
  await expect
    .poll(async () => (await readCounts(page)).totalRelations)
    .toBe(before.totalRelations - 1);
  await expect(page.getByText(/1 rejected relation hidden/)).toBeVisible();
  await expect(page.getByText('This relation is not in the graph.')).toBeVisible();

  // Reload: both decisions come back from IndexedDB.
  await page.reload();
  await expect(page.getByText(/1 rejected relation hidden/)).toBeVisible();
  await openApp(page, `relation=${encodeURIComponent(other.id)}`);
  await expect(evidence.getByText(/^Confirmed by Test Analyst/)).toBeVisible();
  await expect(evidence.getByText('Reviewing as Test Analyst')).toBeVisible();
  // Showing rejected relations brings it back, marked.
  await page.getByRole('checkbox', { name: 'Rejected relations' }).check();
  await openApp(page, `relation=${encodeURIComponent(single.id)}`);
  await page.getByRole('checkbox', { name: 'Rejected relations' }).check();
  await expect(evidence.getByText(/^Rejected by Test Analyst/)).toBeVisible();
  await expect(evidence.getByText(/— “misread”/)).toBeVisible();

  // Export the decisions and apply them with the command line to the same articles.
  await page.getByText('Export', { exact: false }).first().click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export Review decisions \(JSON\)/ }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'atlas-review-'));
  const decisionsPath = join(dir, 'decisions.json');
  await writeFile(decisionsPath, await readFile(await download.path(), 'utf8'));
  const output = join(dir, 'graph.json');
  execFileSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'src/cli/preprocess.ts',
      '--quiet',
      '--review',
      decisionsPath,
      '--output',
      output,
    ],
    { stdio: 'pipe' },
  );
  const reviewed = GraphSchema.parse(JSON.parse(await readFile(output, 'utf8')));
  const rejected = reviewed.relations.find((r) => r.id === single.id);
  expect(rejected?.evidence[0]?.review).toMatchObject({
    status: 'rejected',
    by: 'Test Analyst',
    note: 'misread',
  });
  const confirmed = reviewed.relations.find((r) => r.id === other.id);
  expect(confirmed?.evidence.some((e) => e.review?.status === 'confirmed')).toBe(true);
  expect(confirmed?.history?.[0]?.by).toBe('Test Analyst');
  expect(reviewed.diagnostics.some((d) => /2 of 2 review decision/.test(d.message))).toBe(true);
});
