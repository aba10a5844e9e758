// Debian's Chromium through playwright-core, never a downloaded browser.
// Each page gets its own browser context (own cookies), so each person in a
// flow has their own session; flows that continue a session ask for the same
// page by name.

import { createRequire } from 'node:module';

import { CHROMIUM, CHROMIUM_ARGS, NAV_TIMEOUT_MS, STEP_TIMEOUT_MS, log } from './config.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

// A fresh browser context with one page, watched for server errors (recorded
// in findings.http5xx of the running step) and page script errors.
async function openPage(browser, findings, options = {}) {
  // bypassCSP: axe is injected as an inline script, which a strict
  // Content-Security-Policy from the server would otherwise block.
  const context = await browser.newContext({ locale: 'nl-NL', bypassCSP: true, ...options });
  const p = await context.newPage();
  p.setDefaultTimeout(STEP_TIMEOUT_MS);
  p.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
  p.on('response', (r) => {
    if (r.status() >= 500) findings.http5xx.push(`${r.request().method()} ${r.url()} -> HTTP ${r.status()}`);
  });
  p.on('pageerror', (e) => log(`  [page error] ${e.message}`));
  p.on('console', (m) => {
    // HTTP errors are tracked from the responses themselves; skip their echo.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) log(`  [console error] ${m.text()}`);
  });
  return p;
}

// Named pages: the first request opens one, later requests for the same name
// get the same page (and session). A later request with other options is a
// mistake in a flow (it would silently get the first page's viewport).
export function pageRegistry(browser, findings) {
  const pages = new Map(); // name -> { page, shape }
  return {
    async get(name, options = {}) {
      const shape = JSON.stringify(options);
      const known = pages.get(name);
      if (known) {
        if (known.shape !== shape) {
          throw new Error(`page "${name}" was opened with ${known.shape}, asked for again with ${shape}`);
        }
        return known.page;
      }
      const page = await openPage(browser, findings, options);
      pages.set(name, { page, shape });
      return page;
    },
    // In the order they were opened.
    async closeAll() {
      for (const { page } of pages.values()) await page.context().close();
    },
  };
}

// The two screen shapes the flows use.
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
