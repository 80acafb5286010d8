#!/usr/bin/env node
// Installs the npm packages from the lockfile when they are missing, so that `npm start` and
// `npm test` work as the first command on a fresh clone.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('node_modules/.package-lock.json')) {
  console.error('[setup] node_modules missing: running npm ci…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
