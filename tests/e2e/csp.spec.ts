import { expect, test } from '@playwright/test';

/**
 * The built app is served with a Content-Security-Policy that allows no inline script, so a
 * quote carrying `<script>` or `<img onerror>` could not run even if it reached the DOM as HTML.
 */
test('the preview server sends a CSP whose script-src allows no inline script', async ({
  request,
}) => {
  const response = await request.get('/');
  expect(response.ok()).toBe(true);
  const csp = response.headers()['content-security-policy'] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/u))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  expect(scriptSrc, csp).toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(directives.get('object-src')).toEqual(["'none'"]);
});

test('the built index page has no inline script', async ({ request }) => {
  const html = await (await request.get('/')).text();
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/giu) ?? []) {
    expect(tag, 'an inline script would be blocked by the CSP').toMatch(/\bsrc=/u);
    expect(tag.replace(/<script\b[^>]*>|<\/script>/giu, '').trim()).toBe('');
  }
});
