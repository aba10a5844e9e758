// Named steps instead of one long script: a failure is reported under the
// step's name with a screenshot, the page text and the server log, and the
// run goes on with every step that does not depend on the failed one, so one
// broken page does not hide the state of all the others.
//
// A step: { name, needs: [names of earlier steps], page, run: async () => {} }
// or, for a step that uses no browser, { name, needs, browser: false, run }.
// `page` is the page a failure is reported on; a step that moves to another
// page halfway says so with show(page). Each browser action has its own
// timeout (STEP_TIMEOUT_MS, NAV_TIMEOUT_MS on every page); the watchdog in
// lifecycle.mjs bounds the whole run.

import path from 'node:path';

import { REPO, RESULTS_DIR, log } from './config.mjs';
import { never, run } from './lifecycle.mjs';
import { printServerLogTail } from './processes.mjs';

export function makeRunner() {
  // What the running step's pages reported: axe findings, server errors,
  // wrong page languages and horizontal overflow. Replaced for each step.
  const findings = { step: null, a11y: [], http5xx: [], layout: [] };
  const blocked = new Set(); // names of steps whose flow failed
  let active = null; // the page a failing step reports on

  function show(page) {
    active = page;
  }

  async function reportPage(name) {
    const shot = path.join(RESULTS_DIR, `${name}.png`);
    try {
      await active.screenshot({ path: shot, fullPage: true, timeout: 10_000 });
      log(`  screenshot: ${path.relative(REPO, shot)}`);
    } catch (e) {
      log(`  (screenshot failed: ${e.message})`);
    }
    log(`  page URL: ${active.url()}`);
    try {
      const t2 = await active.locator('body').innerText({ timeout: 5000 });
      log(`  page text (first 2000 chars):\n${t2.slice(0, 2000)}`);
    } catch (e) {
      log(`  (page text unavailable: ${e.message})`);
    }
  }

  async function runStep(step) {
    const { name, needs } = step;
    if (step.browser !== false && !step.page) throw new Error(`step ${name} names no page to report on`);
    if (run.aborting) return never(); // finish() exits the process
    log(`\n-- ${name}`);
    const missing = needs.filter((n) => blocked.has(n));
    if (missing.length) {
      run.failed += 1;
      blocked.add(name);
      log(`FAIL ${name}: not run, because ${missing.join(', ')} failed`);
      return;
    }
    findings.a11y = [];
    findings.http5xx = [];
    findings.layout = [];
    findings.step = name;
    const t = Date.now();
    let error = null;
    try {
      if (step.browser !== false) show(step.page);
      await step.run();
    } catch (e) {
      error = e;
      blocked.add(name);
    }
    if (run.aborting) return never();
    const problems = [];
    if (error) problems.push(error.message);
    if (findings.http5xx.length) problems.push(`server errors: ${findings.http5xx.join('; ')}`);
    if (findings.a11y.length) problems.push(`accessibility violations: ${findings.a11y.join('; ')}`);
    if (findings.layout.length) problems.push(`layout problems: ${findings.layout.join('; ')}`);
    const secs = ((Date.now() - t) / 1000).toFixed(1);
    if (!problems.length) {
      run.passed += 1;
      log(`PASS ${name} (${secs} s)`);
      return;
    }
    run.failed += 1;
    log(`FAIL ${name} (${secs} s)`);
    for (const p of problems) log(`  ${p}`);
    if (error && error.stack) {
      log(error.stack.split('\n').slice(1, 6).join('\n'));
    }
    if (step.browser !== false) await reportPage(name);
    printServerLogTail();
  }

  return { findings, show, runStep };
}
