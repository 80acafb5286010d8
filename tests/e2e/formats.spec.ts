import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import AxeBuilder from '@axe-core/playwright';
import { openApp } from './helpers';

async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 760 - i * 14, size: 11, font }));
  return Buffer.from(await doc.save());
}

test('a saved web page and a PDF open through "Open articles…"', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  const html = readFileSync(join(import.meta.dirname, '../fixtures/formats/saved-page.html'));
  const blank = await PDFDocument.create();
  blank.addPage([595, 842]);
  await page.getByLabel('Open articles…').setInputFiles([
    { name: 'saved-page.html', mimeType: 'text/html', buffer: html },
    {
      name: 'brief.pdf',
      mimeType: 'application/pdf',
      buffer: await textPdf([
        'Algeria condemned Morocco over the closure of a border',
        'crossing on 4 June 2024, the ministry said.',
      ]),
    },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await blank.save()) },
  ]);
  await expect(page.getByText(/^Loading/u)).toBeHidden({ timeout: 60_000 });
  const relations = page.getByRole('table', { name: 'Relations' });
  await expect(relations.getByRole('row', { name: /Niger.*Chad/ })).toBeVisible();
  await expect(relations.getByRole('row', { name: /Algeria.*criticism.*Morocco/ })).toBeVisible();
  await page.getByRole('tab', { name: /Sources/ }).click();
  const sources = page.getByRole('table', { name: 'Sources' });
  await expect(
    sources.getByRole('row', { name: /Niger and Chad agree joint border patrols.*2024-08-05/ }),
  ).toBeVisible();
  await expect(sources.getByRole('row', { name: /scan\.pdf.*no text layer/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/formats-sources.png', fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  expect(errors).toEqual([]);
});
