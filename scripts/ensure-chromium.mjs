#!/usr/bin/env node
// Installs Debian's chromium for the end-to-end tests when it is missing. Playwright's own
// browser download cannot work here (no network but the package registries), so we never call it.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = asRoot ? '' : 'sudo ';
console.error(`[e2e] ${CHROMIUM} not found: installing Debian's chromium (about a minute)…`);
try {
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
    {
      stdio: 'inherit',
    },
  );
} catch {
  console.error(
    `[e2e] could not install chromium with apt-get; install it yourself or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`[e2e] chromium installed but ${CHROMIUM} is still missing; set CHROMIUM_PATH.`);
  process.exit(1);
}
