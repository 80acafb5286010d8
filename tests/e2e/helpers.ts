import { expect, type Page } from '@playwright/test';
import type { Core } from 'cytoscape';

declare global {
  interface Window {
    __cy?: Core;
    __xss?: number;
  }
}

/** Opens the app with the Cytoscape test hook and waits until the graph is drawn. */
export async function openApp(page: Page, query = ''): Promise<void> {
  const separator = query === '' ? '' : '&';
  await page.goto(`/?debug=1${separator}${query}`);
  await page.waitForFunction(() => (window.__cy?.nodes().length ?? 0) > 0);
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
