// Settings of one end-to-end run, read once from the environment so every
// module sees the same values. The variables are documented at the top of
// e2e/run.mjs, where someone running the test looks first.

import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = path.resolve(E2E_DIR, '..');
export const RESULTS_DIR = path.join(E2E_DIR, 'test-results');
export const FIXTURES = path.join(REPO, 'tests', 'fixtures', 'duo');

export const PASSEND_BIN =
  process.env.PASSEND_BIN ||
  path.join(
    process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'passend-target'),
    'debug',
    'passend',
  );
export const PYTHON = process.env.PYTHON || 'python3';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const JAVA = process.env.JAVA || 'java';
export const WATCHDOG_S = Number(process.env.E2E_TIMEOUT_S || 300);
export const KEEP_TMP = process.env.E2E_KEEP_TMP === '1';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const STEP_TIMEOUT_MS = 15_000;
export const NAV_TIMEOUT_MS = 30_000;

export function log(msg) {
  console.log(msg);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
