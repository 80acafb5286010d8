/**
 * End-to-end tests against the built app on the seed graph (public/graph.json written by
 * `npm run preprocess`). Counts are read from the page, never hard-coded: only stable facts
 * of the seeds (Russia, Mali, an edge between them) are assumed.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { clickableEdgePoint, openApp, readCounts, serveJson, visibleEdgeCount } from './helpers';

test('Russia and Mali are on the map with an edge between them', async ({ page }) => {
  await openApp(page);
  const between = await page.evaluate(() => {
    const cy = window.__cy;
    const byLabel = (label: string) => cy?.nodes().filter((n) => n.data('label') === label);
    const russia = byLabel('Russia');
    const mali = byLabel('Mali');
    if (!russia || !mali || russia.empty() || mali.empty()) return -1;
    return russia.edgesWith(mali).length;
  });
  expect(between).toBeGreaterThan(0);
});

test('moving the time slider changes the count and the canvas', async ({ page }) => {
  // One edge per relation (the toggle), so edges and relations can be counted alike.
  await openApp(page, 'edges=types');
  const before = await readCounts(page);
  expect(before.relations).toBe(before.totalRelations);
  expect(await visibleEdgeCount(page)).toBe(before.relations);

  const start = page.getByRole('slider', { name: 'Start date' });
  const end = page.getByRole('slider', { name: 'End date' });
  await expect(start).toHaveAttribute('aria-valuetext', /^\d{4}-\d{2}-\d{2}$/);
  await expect(end).toHaveAttribute('aria-valuetext', /^\d{4}-\d{2}-\d{2}$/);
  const startText = await start.getAttribute('aria-valuetext');

  // Move the start handle forward a year at a time until the window drops some relation.
  let after = before;
  for (let i = 0; i < 40 && after.relations === before.relations; i += 1) {
    await start.press('PageUp');
    after = await readCounts(page);
  }
  expect(after.relations).toBeLessThan(before.relations);
  expect(await start.getAttribute('aria-valuetext')).not.toBe(startText);
  await expect.poll(() => visibleEdgeCount(page)).toBe(after.relations);

  // Arrow keys step one month; Home returns to the start of the corpus.
  await start.press('Home');
  await expect(start).toHaveAttribute('aria-valuetext', startText ?? '');
  await expect.poll(async () => (await readCounts(page)).relations).toBe(before.relations);
  await expect.poll(() => visibleEdgeCount(page)).toBe(before.relations);
});

test('the undated toggle hides relations that have only undated evidence', async ({ page }) => {
  await openApp(page);
  const before = await readCounts(page);
  const toggle = page.getByRole('checkbox', { name: /Undated relations/ });
  const label = (await toggle.getAttribute('id')) ?? '';
  const undated = Number(
    /\((\d+)\)/.exec((await page.locator(`label[for="${label}"]`).textContent()) ?? '')?.[1] ?? '0',
  );
  await toggle.uncheck();
  await expect
    .poll(async () => (await readCounts(page)).relations)
    .toBe(before.relations - undated);
});

test('clicking an edge on the canvas shows its evidence', async ({ page }) => {
  // One edge per relation (the toggle), so edges and relations can be counted alike.
  await openApp(page, 'edges=types');
  const point =
    (await clickableEdgePoint(page, ['Russia', 'Mali'])) ?? (await clickableEdgePoint(page));
  expect(point).not.toBeNull();
  if (!point) return;
  await page.mouse.click(point.x, point.y);
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence).toBeVisible();
  await expect(evidence.getByRole('heading', { level: 2 })).toContainText('→');
  const quote = evidence.locator('blockquote').first();
  await expect(quote).not.toBeEmpty();
  const quoteText = ((await quote.textContent()) ?? '').trim();
  expect(quoteText.length).toBeGreaterThan(10);
  // The panel shows the edge the click selected on the canvas.
  const ends = await page.evaluate(() => {
    const edge = window.__cy?.$('edge.is-selected');
    return edge && edge.nonempty()
      ? [String(edge.source().data('label')), String(edge.target().data('label'))]
      : null;
  });
  expect(ends).not.toBeNull();
  for (const name of ends ?? []) {
    await expect(evidence.getByRole('heading', { level: 2 })).toContainText(name);
  }

  // "Read article" shows the article text with the sentence highlighted.
  await evidence.getByRole('button', { name: 'Read article' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const mark = dialog.locator('mark');
  await expect(mark).toBeInViewport();
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
  expect(normalise((await mark.textContent()) ?? '')).toBe(normalise(quoteText));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a table row opens the evidence panel from the keyboard', async ({ page }) => {
  await openApp(page);
  const table = page.getByRole('table', { name: 'Relations' });
  const firstRow = table.locator('tbody tr').first();
  await firstRow.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence).toBeVisible();
  await expect(table.locator('tbody tr[aria-current="true"]')).toHaveCount(1);
});

test('filtering by actor type hides those actors', async ({ page }) => {
  // One edge per relation (the toggle), so edges and relations can be counted alike.
  await openApp(page, 'edges=types');
  const before = await readCounts(page);
  const foreign = page.getByRole('checkbox', { name: 'Foreign power', exact: true });
  await expect(foreign).toBeChecked();
  await foreign.uncheck();
  await expect.poll(async () => (await readCounts(page)).relations).toBeLessThan(before.relations);
  const russiaVisible = await page.evaluate(
    () =>
      window.__cy
        ?.nodes()
        .filter((n) => n.data('label') === 'Russia')
        .visible() ?? true,
  );
  expect(russiaVisible).toBe(false);
  const after = await readCounts(page);
  await expect.poll(() => visibleEdgeCount(page)).toBe(after.relations);
  await expect(page.getByRole('table', { name: 'Relations' })).not.toContainText('Russia');
  for (const name of ['State', 'Alliance', 'Armed group', 'Organization']) {
    await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
});

test('search finds an actor by alias from the keyboard and opens it', async ({ page }) => {
  await openApp(page);
  const search = page.getByRole('combobox', { name: 'Find actor' });
  await search.focus();
  await page.keyboard.type('Moscow');
  const listbox = page.getByRole('listbox', { name: 'Matching actors' });
  await expect(listbox.getByRole('option').first()).toContainText('Russia');
  await expect(page.getByRole('combobox', { name: 'Find actor' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Actor' });
  await expect(panel.getByRole('heading', { name: 'Russia', exact: true })).toBeVisible();
  await expect(panel).toContainText('Foreign power');
  await expect
    .poll(() => page.evaluate(() => window.__cy?.$('node.is-selected').data('label')))
    .toBe('Russia');
});

test('a copied link reopens the same view, and back and forward work', async ({ page }) => {
  await openApp(page);
  await page.getByRole('checkbox', { name: 'Organization', exact: true }).uncheck();
  await page.getByRole('slider', { name: 'End date' }).press('PageDown');
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page
    .getByRole('table', { name: 'Actors' })
    .getByRole('button', { name: 'Mali', exact: true })
    .click();
  await page.getByRole('region', { name: 'Actor' }).getByRole('button', { name: '1 step' }).click();
  await expect(page).toHaveURL(/focus=/);
  const counts = await readCounts(page);
  const endText = await page
    .getByRole('slider', { name: 'End date' })
    .getAttribute('aria-valuetext');
  const url = page.url();

  const copy = await page.context().newPage();
  await copy.goto(url);
  await copy.waitForFunction(() => (window.__cy?.nodes().length ?? 0) > 0);
  await expect(copy.getByRole('checkbox', { name: 'Organization', exact: true })).not.toBeChecked();
  await expect(
    copy.getByRole('region', { name: 'Actor' }).getByRole('heading', { name: 'Mali', exact: true }),
  ).toBeVisible();
  await expect(copy.getByRole('slider', { name: 'End date' })).toHaveAttribute(
    'aria-valuetext',
    endText ?? '',
  );
  expect(await readCounts(copy)).toEqual(counts);
  await copy.close();

  // Back undoes the focus, forward restores it.
  await page.goBack();
  await expect(page).not.toHaveURL(/focus=/);
  await expect
    .poll(async () => (await readCounts(page)).relations)
    .toBeGreaterThanOrEqual(counts.relations);
  await page.goForward();
  await expect(page).toHaveURL(/focus=/);
  await expect.poll(() => readCounts(page)).toEqual(counts);
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

test('exports the visible relations as CSV, one row per evidence', async ({ page }) => {
  await openApp(page);
  await page.getByRole('checkbox', { name: 'Armed group', exact: true }).uncheck();
  const counts = await readCounts(page);
  await page.getByText('Export', { exact: false }).first().click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const path = await download.path();
  const rows = parseCsv(await readFile(path, 'utf8'));
  const [header, ...body] = rows;
  expect(header).toContain('quote');
  expect(header).toContain('relation_id');
  const width = header?.length ?? 0;
  for (const row of body) expect(row).toHaveLength(width);
  const idColumn = header?.indexOf('relation_id') ?? 0;
  const relationIds = new Set(body.map((row) => row[idColumn]));
  expect(relationIds.size).toBe(counts.relations);
  expect(body.length).toBeGreaterThanOrEqual(counts.relations);
});

test('no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // Also with the evidence panel open.
  await page.getByRole('table', { name: 'Relations' }).locator('tbody tr').first().click();
  await expect(page.getByRole('region', { name: 'Evidence' })).toBeVisible();
  const withPanel = await new AxeBuilder({ page }).analyze();
  expect(
    withPanel.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
});

test('markup planted in article text is shown as text and never runs', async ({ page }) => {
  const fixture = await readFile('tests/fixtures/ui/xss-graph.json', 'utf8');
  await serveJson(page, '/planted-graph.json', fixture);
  await openApp(page, 'data=/planted-graph.json');
  await page.getByRole('table', { name: 'Relations' }).locator('tbody tr').first().click();
  const evidence = page.getByRole('region', { name: 'Evidence' });
  await expect(evidence.locator('blockquote')).toContainText('<img src=x onerror=');
  await expect(evidence).toContainText('<img src=x onerror="window.__xss = 4">');
  await evidence.getByRole('button', { name: 'Read article' }).click();
  const text = page.getByTestId('article-text');
  await expect(text).toContainText('<script>window.__xss = 1</script>');
  await expect(page.getByRole('dialog')).toContainText('<script>window.__xss = 3</script>');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('#root script').count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test('a file that fails the schema names the problem', async ({ page }) => {
  await serveJson(page, '/broken-graph.json', {
    schemaVersion: 1,
    articles: [],
    actors: [{ id: 'x' }],
    relations: [],
  });
  await page.goto('/?data=/broken-graph.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be opened');
  await expect(alert).toContainText('actors.0.name');
  await expect(alert).toContainText('diagnostics');
});

test('a graph without relations says how to add articles', async ({ page }) => {
  await serveJson(page, '/empty-graph.json', {
    schemaVersion: 1,
    articles: [],
    actors: [],
    relations: [],
    diagnostics: [],
  });
  await page.goto('/?data=/empty-graph.json');
  await expect(page.getByText('npm run preprocess -- --input <dir>')).toBeVisible();
});
