// Everything a flow runs against, built fresh for each run: a temp dir, an
// SQLite database prepared with the real CLI (so the CLI is tested too), the
// SMTP sink, the server and the browser. Returns the context the flows get;
// they reach the harness only through it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { pageRegistry, launchBrowser } from './browser.mjs';
import { CHROMIUM, FIXTURES, PASSEND_BIN, RESULTS_DIR, log } from './config.mjs';
import { makeDriver } from './driver.mjs';
import { run } from './lifecycle.mjs';
import { htmlPages } from './page-checks.mjs';
import { freePort, runCli, startServer, startSink, waitHealthy } from './processes.mjs';

function prepareDatabase(dbUrl, admin) {
  runCli(['--database-url', dbUrl, 'migrate']);
  runCli([
    '--database-url',
    dbUrl,
    'import',
    'duo',
    path.join(FIXTURES, 'vestigingen_klein.csv'),
    path.join(FIXTURES, 'pc4_swv_klein.csv'),
    // DUO's own address file brings the boards (41234, 50001) for /besturen.
    path.join(FIXTURES, 'duo_adressen_oud.csv'),
  ]);
  runCli(
    ['--database-url', dbUrl, 'create-admin', '--email', admin.email, '--name', admin.name, '--password-stdin'],
    `${admin.password}\n`,
  );
}

// accounts.ADMIN is created with the CLI; the flows invite everyone else.
// runner: the step runner, whose findings the pages report into.
export async function startEnvironment(accounts, runner) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const tmpRoot = path.join(os.tmpdir(), 'passend-tests');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'e2e-'));
  run.tmp = tmp;
  log(`temp dir: ${tmp}`);

  if (!fs.existsSync(PASSEND_BIN)) throw new Error(`PASSEND_BIN not found: ${PASSEND_BIN}`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}`);

  const [port, smtpPort] = await Promise.all([freePort(), freePort()]);
  const base = `http://127.0.0.1:${port}`;
  const mailFile = path.join(tmp, 'mails.jsonl');

  run.sink = await startSink(smtpPort, mailFile);
  log(`smtp sink listening on 127.0.0.1:${smtpPort}, mails -> ${mailFile}`);

  const dbUrl = `sqlite://${path.join(tmp, 'e2e.db')}`;
  prepareDatabase(dbUrl, accounts.ADMIN);

  run.server = startServer(port, smtpPort, dbUrl, path.join(tmp, 'server.log'));
  const t0 = Date.now();
  await waitHealthy(base, run.server);
  log(`passend server healthy at ${base} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  run.browser = await launchBrowser();
  const pages = pageRegistry(run.browser, runner.findings);

  return {
    base,
    port,
    mailFile,
    tmp,
    accounts,
    // What one flow leaves for a later one (links, the profile's path ...).
    state: {},
    // A page by name: the same name is the same session across flows.
    page: (name, options) => pages.get(name, options),
    closePages: () => pages.closeAll(),
    // The actions and checks on one page; see harness/driver.mjs.
    drive: (page, opts) => makeDriver(page, { base, findings: runner.findings }, opts),
    // The page a failure of the running step should be reported on.
    show: runner.show,
    htmlPages,
  };
}
