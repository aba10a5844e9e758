// One way out of the run, whichever comes first: the last step, a setup
// error, Ctrl-C or the watchdog. Each of them must stop the browser, the
// server and the sink, keep the temp dir when something failed, and still
// print the closing `E2E: N passed, M failed` line that scripts/test reads.

import fs from 'node:fs';

import { KEEP_TMP, WATCHDOG_S, log } from './config.mjs';
import { printServerLogTail, stopChild } from './processes.mjs';

// What cleanup has to stop, and the tally the closing line reports.
export const run = {
  tmp: null,
  sink: null,
  server: null,
  browser: null,
  passed: 0,
  failed: 0,
  aborting: false,
};

let cleanedUp = false;
let finishing = null;

async function cleanup(success) {
  if (cleanedUp) return;
  cleanedUp = true;
  if (run.browser) await run.browser.close().catch(() => {});
  await stopChild(run.server, 'passend server');
  await stopChild(run.sink, 'smtp sink');
  if (run.tmp) {
    if (success && !KEEP_TMP) {
      fs.rmSync(run.tmp, { recursive: true, force: true });
    } else {
      log(`temp dir kept for inspection: ${run.tmp}`);
    }
  }
}

export function finish(code) {
  // Idempotent: a signal or the watchdog may race with the normal end.
  if (!finishing) {
    finishing = (async () => {
      await cleanup(code === 0);
      log(`E2E: ${run.passed} passed, ${run.failed} failed`);
      process.exit(code);
    })();
  }
  return finishing;
}

export function abort(reason) {
  if (run.aborting || finishing) return;
  run.aborting = true;
  log(`\n${reason}`);
  printServerLogTail();
  run.failed += 1;
  finish(1);
}

// Never settles: once aborting, finish() ends the process and whatever was
// still running must not report or start anything more.
export const never = () => new Promise(() => {});

export function installGuards() {
  // Last-resort kill if node is leaving without having gone through cleanup().
  process.on('exit', () => {
    for (const c of [run.server, run.sink]) {
      if (c && c.exitCode === null && c.signalCode === null) {
        try {
          c.kill('SIGKILL');
        } catch {}
      }
    }
  });

  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => abort(`interrupted by ${sig}; stopping`));
  }

  setTimeout(
    () => abort(`E2E watchdog: the whole run took longer than ${WATCHDOG_S} s; aborting`),
    WATCHDOG_S * 1000,
  ).unref();
}
