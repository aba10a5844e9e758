// End-to-end browser test for Passend.
//
//   PASSEND_BIN=/path/to/passend node e2e/run.mjs
//
// Starts a real SMTP sink (smtp_sink.py) and the passend server on free
// loopback ports, prepares an SQLite database with the CLI, and drives Debian's
// Chromium through the invitation flow (platform admin -> SWV admin ->
// school director). Every page visited is checked with axe-core (WCAG 2.1
// A + AA). Prints `E2E: N passed, M failed` as its last line and exits
// non-zero on any failure.
//
// Environment:
//   PASSEND_BIN      the passend binary (default $CARGO_TARGET_DIR/debug/passend)
//   PYTHON           Python with aiosmtpd (default python3)
//   CHROMIUM         browser executable (default /usr/bin/chromium)
//   E2E_TIMEOUT_S    watchdog for the whole run (default 300)
//   E2E_KEEP_TMP=1   keep the temp dir (database, logs, mails) even on success

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(E2E_DIR, '..');
const RESULTS_DIR = path.join(E2E_DIR, 'test-results');
const FIXTURES = path.join(REPO, 'tests', 'fixtures', 'duo');

const PASSEND_BIN =
  process.env.PASSEND_BIN ||
  path.join(
    process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'passend-target'),
    'debug',
    'passend',
  );
const PYTHON = process.env.PYTHON || 'python3';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WATCHDOG_S = Number(process.env.E2E_TIMEOUT_S || 300);

const ADMIN = { email: 'admin@e2e.test', name: 'E2E Beheer', password: 'e2e-admin-wachtwoord' };
const SWV_ADMIN = { email: 'swv-admin@e2e.test', name: 'Sanne SWV', password: 'swv-wachtwoord-123' };
const DIRECTOR = { email: 'directeur@e2e.test', name: 'Dirk Directeur', password: 'directeur-wachtwoord-1' };

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STEP_TIMEOUT_MS = 15_000;
const NAV_TIMEOUT_MS = 30_000;

// ----------------------------------------------------------------- state ---
let tmp = null;
let sink = null;
let server = null;
let browser = null;
const serverLog = []; // lines of the server's stdout + stderr
let passed = 0;
let failed = 0;
let cleanedUp = false;

function log(msg) {
  console.log(msg);
}

function serverLogTail(n = 50) {
  return serverLog.slice(-n).join('\n');
}

function printServerLogTail() {
  log(`---- server log (last 50 lines) ----\n${serverLogTail(50) || '(empty)'}\n---- end of server log ----`);
}

// --------------------------------------------------------------- helpers ---
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stopChild(child, name) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    log(`${name} did not stop on SIGTERM within 5 s; sending SIGKILL`);
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
}

async function cleanup(success) {
  if (cleanedUp) return;
  cleanedUp = true;
  if (browser) await browser.close().catch(() => {});
  await stopChild(server, 'passend server');
  await stopChild(sink, 'smtp sink');
  if (tmp) {
    if (success && process.env.E2E_KEEP_TMP !== '1') {
      fs.rmSync(tmp, { recursive: true, force: true });
    } else {
      log(`temp dir kept for inspection: ${tmp}`);
    }
  }
}

// Last-resort kill if node is leaving without having gone through cleanup().
process.on('exit', () => {
  for (const c of [server, sink]) {
    if (c && c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGKILL');
      } catch {}
    }
  }
});

let finishing = null;
let aborting = false;
function finish(code) {
  // Idempotent: a signal or the watchdog may race with the normal end.
  if (!finishing) {
    finishing = (async () => {
      await cleanup(code === 0);
      log(`E2E: ${passed} passed, ${failed} failed`);
      process.exit(code);
    })();
  }
  return finishing;
}

function abort(reason) {
  if (aborting || finishing) return;
  aborting = true;
  log(`\n${reason}`);
  printServerLogTail();
  failed += 1;
  finish(1);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => abort(`interrupted by ${sig}; stopping`));
}

setTimeout(
  () => abort(`E2E watchdog: the whole run took longer than ${WATCHDOG_S} s; aborting`),
  WATCHDOG_S * 1000,
).unref();

function runCli(args, input) {
  const shown = [PASSEND_BIN, ...args].join(' ');
  log(`$ ${shown}${input !== undefined ? '   (password on stdin)' : ''}`);
  const res = spawnSync(PASSEND_BIN, args, {
    input: input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, RUST_BACKTRACE: '1' },
  });
  if (res.error) throw new Error(`could not run ${shown}: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Error(
      `${shown} exited with ${res.status ?? res.signal}\n--- stdout ---\n${res.stdout}\n--- stderr ---\n${res.stderr}`,
    );
  }
  const out = `${res.stdout}${res.stderr}`.trim();
  if (out) log(out.split('\n').map((l) => `  | ${l}`).join('\n'));
}

function startSink(port, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [path.join(E2E_DIR, 'smtp_sink.py'), String(port), file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`smtp sink not READY within 15 s\n${out}${err}`)), 15_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start smtp sink with ${PYTHON}: ${e.message}`));
    });
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`smtp sink exited early (${code ?? sig})\n${out}${err}`));
    });
    child.stderr.on('data', (d) => {
      err += d;
      process.stderr.write(`[smtp-sink] ${d}`);
    });
    child.stdout.on('data', (d) => {
      out += d;
      if (/^READY$/m.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });
}

function startServer(port, smtpPort, dbUrl) {
  const logFile = fs.createWriteStream(path.join(tmp, 'server.log'));
  const child = spawn(PASSEND_BIN, ['--database-url', dbUrl, 'serve', '--bind', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      RUST_BACKTRACE: '1',
      PASSEND_PUBLIC_URL: `http://127.0.0.1:${port}`,
      PASSEND_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PASSEND_SMTP_FROM: 'passend@e2e.test',
    },
  });
  const collect = (stream) => {
    let partial = '';
    stream.on('data', (d) => {
      logFile.write(d);
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop();
      serverLog.push(...lines);
      if (serverLog.length > 2000) serverLog.splice(0, serverLog.length - 1000);
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  child.on('error', (e) => serverLog.push(`spawn error: ${e.message}`));
  return child;
}

async function waitHealthy(base, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`passend server exited before it was healthy (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    await sleep(250);
  }
  throw new Error(`GET ${base}/healthz did not return 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

function readMails(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

async function waitForInviteLink(file, to, port, timeoutMs = 15_000) {
  const re = new RegExp(`http://127\\.0\\.0\\.1:${port}/uitnodiging/[A-Za-z0-9_-]+`);
  const deadline = Date.now() + timeoutMs;
  let mails = [];
  while (Date.now() < deadline) {
    mails = readMails(file).filter((m) => (m.to || []).some((t) => t.toLowerCase() === to.toLowerCase()));
    for (const m of mails.slice().reverse()) {
      const match = re.exec(m.body || '');
      if (match) {
        log(`  mail to ${to}: "${m.subject}" -> ${match[0]}`);
        return match[0];
      }
    }
    await sleep(250);
  }
  if (mails.length) {
    throw new Error(
      `mail(s) to ${to} arrived but none has a link matching ${re}; last body:\n${mails.at(-1).body}`,
    );
  }
  const all = readMails(file);
  throw new Error(
    `no mail to ${to} within ${timeoutMs / 1000} s (${all.length} mail(s) in the sink, to: ${
      all.map((m) => m.to.join(',')).join('; ') || 'none'
    })`,
  );
}

// ---------------------------------------------------------- page helpers ---

function makeSteps(page, ctx) {
  // ctx.a11y collects axe findings for the running step; ctx.http5xx server errors.
  async function axeCheck(label) {
    const where = `${label} [${new URL(page.url()).pathname}]`;
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    }, AXE_TAGS);
    if (violations.length === 0) {
      log(`  axe: ${where}: no violations`);
      return;
    }
    log(`  axe: ${where}: ${violations.length} violation(s)`);
    for (const v of violations) {
      log(`    - ${v.id} [${v.impact}] ${v.help} (${v.count} node(s)): ${v.targets.join(' | ')}`);
      log(`      ${v.helpUrl}`);
      ctx.a11y.push(`${v.id} on ${where}`);
    }
  }

  async function goto(p) {
    const url = new URL(p, ctx.base).href;
    log(`  goto ${url}`);
    const res = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (!res) throw new Error(`no response for ${url}`);
    if (res.status() >= 400) throw new Error(`GET ${url} answered HTTP ${res.status()}`);
    await axeCheck('after goto');
    return res;
  }

  // Submit a form through its submit button and wait for the page that follows.
  // Falls back to requestSubmit() when the button is not visible (e.g. a
  // logout button in a collapsed menu).
  async function submit(formSelector, label = formSelector) {
    const btnSel = `${formSelector} button[type=submit]`;
    const btn = page.locator(btnSel).first();
    if ((await btn.count()) === 0) throw new Error(`no ${btnSel} on ${page.url()}`);
    log(`  submit ${btnSel}`);
    const nav = page.waitForNavigation({ waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (await btn.isVisible()) {
      await btn.click();
    } else {
      await btn.evaluate((b) => b.form.requestSubmit(b));
    }
    const res = await nav;
    if (res && res.status() >= 500) throw new Error(`submitting ${formSelector} answered HTTP ${res.status()}`);
    await axeCheck(`after submit ${label}`);
    return res;
  }

  async function text() {
    return page.locator('body').innerText();
  }

  async function expectText(needle) {
    const t = await text();
    if (!t.includes(needle)) throw new Error(`expected page text to contain ${JSON.stringify(needle)} on ${page.url()}`);
  }

  function expectPath(suffix) {
    const p = new URL(page.url()).pathname;
    if (!p.endsWith(suffix)) throw new Error(`expected URL ending with ${suffix}, got ${page.url()}`);
  }

  async function logout() {
    await submit('form#logout', 'logout');
    if ((await page.locator('form#logout').count()) > 0) {
      throw new Error(`still logged in after logout (form#logout present on ${page.url()})`);
    }
  }

  async function invite(orgPath, email, role) {
    await goto(orgPath);
    await page.fill('form#invite input[name=email]', email);
    const picked = await page.selectOption('form#invite select[name=role]', role);
    if (!picked.includes(role)) throw new Error(`could not select role ${role} in form#invite`);
    await submit('form#invite', 'invite');
    await expectText(email);
  }

  async function fillAccept(name, password, confirm) {
    await page.fill('form#accept input[name=name]', name);
    await page.fill('form#accept input[name=password]', password);
    await page.fill('form#accept input[name=password_confirm]', confirm);
  }

  return { goto, submit, text, expectText, expectPath, logout, invite, fillAccept, axeCheck };
}

// ------------------------------------------------------------ step runner ---
async function main() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const tmpRoot = path.join(os.tmpdir(), 'passend-tests');
  fs.mkdirSync(tmpRoot, { recursive: true });
  tmp = fs.mkdtempSync(path.join(tmpRoot, 'e2e-'));
  log(`temp dir: ${tmp}`);

  if (!fs.existsSync(PASSEND_BIN)) throw new Error(`PASSEND_BIN not found: ${PASSEND_BIN}`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}`);

  const [port, smtpPort] = await Promise.all([freePort(), freePort()]);
  const base = `http://127.0.0.1:${port}`;
  const mailFile = path.join(tmp, 'mails.jsonl');

  sink = await startSink(smtpPort, mailFile);
  log(`smtp sink listening on 127.0.0.1:${smtpPort}, mails -> ${mailFile}`);

  const dbUrl = `sqlite://${path.join(tmp, 'e2e.db')}`;
  runCli(['--database-url', dbUrl, 'migrate']);
  runCli([
    '--database-url',
    dbUrl,
    'import',
    'duo',
    path.join(FIXTURES, 'vestigingen_klein.csv'),
    path.join(FIXTURES, 'pc4_swv_klein.csv'),
  ]);
  runCli(
    ['--database-url', dbUrl, 'create-admin', '--email', ADMIN.email, '--name', ADMIN.name, '--password-stdin'],
    `${ADMIN.password}\n`,
  );

  server = startServer(port, smtpPort, dbUrl);
  const t0 = Date.now();
  await waitHealthy(base, server);
  log(`passend server healthy at ${base} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  // bypassCSP: axe is injected as an inline script, which a strict
  // Content-Security-Policy from the server would otherwise block.
  const context = await browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);

  const ctx = { base, a11y: [], http5xx: [] };
  page.on('response', (r) => {
    if (r.status() >= 500) ctx.http5xx.push(`${r.request().method()} ${r.url()} -> HTTP ${r.status()}`);
  });
  page.on('pageerror', (e) => log(`  [page error] ${e.message}`));
  page.on('console', (m) => {
    // HTTP errors are tracked from the responses themselves; skip their echo.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) log(`  [console error] ${m.text()}`);
  });

  const S = makeSteps(page, ctx);
  const blocked = new Set(); // names of steps whose flow failed
  const state = {};

  async function step(name, needs, fn) {
    if (aborting) return new Promise(() => {}); // finish() exits the process
    log(`\n-- ${name}`);
    const missing = needs.filter((n) => blocked.has(n));
    if (missing.length) {
      failed += 1;
      blocked.add(name);
      log(`FAIL ${name}: not run, because ${missing.join(', ')} failed`);
      return;
    }
    ctx.a11y = [];
    ctx.http5xx = [];
    const t = Date.now();
    let error = null;
    try {
      await fn();
    } catch (e) {
      error = e;
      blocked.add(name);
    }
    if (aborting) return new Promise(() => {});
    const problems = [];
    if (error) problems.push(error.message);
    if (ctx.http5xx.length) problems.push(`server errors: ${ctx.http5xx.join('; ')}`);
    if (ctx.a11y.length) problems.push(`accessibility violations: ${ctx.a11y.join('; ')}`);
    const secs = ((Date.now() - t) / 1000).toFixed(1);
    if (!problems.length) {
      passed += 1;
      log(`PASS ${name} (${secs} s)`);
      return;
    }
    failed += 1;
    log(`FAIL ${name} (${secs} s)`);
    for (const p of problems) log(`  ${p}`);
    if (error && error.stack) {
      log(error.stack.split('\n').slice(1, 6).join('\n'));
    }
    const shot = path.join(RESULTS_DIR, `${name}.png`);
    try {
      await page.screenshot({ path: shot, fullPage: true, timeout: 10_000 });
      log(`  screenshot: ${path.relative(REPO, shot)}`);
    } catch (e) {
      log(`  (screenshot failed: ${e.message})`);
    }
    log(`  page URL: ${page.url()}`);
    try {
      const t2 = await page.locator('body').innerText({ timeout: 5000 });
      log(`  page text (first 2000 chars):\n${t2.slice(0, 2000)}`);
    } catch (e) {
      log(`  (page text unavailable: ${e.message})`);
    }
    printServerLogTail();
  }

  // 1. The platform admin logs in.
  await step('01-admin-login', [], async () => {
    await S.goto('/inloggen');
    await page.fill('form#login input[name=email]', ADMIN.email);
    await page.fill('form#login input[name=password]', ADMIN.password);
    await S.submit('form#login', 'login');
    S.expectPath('/dashboard');
  });

  // 2. The platform admin invites an SWV admin for PO2707.
  await step('02-invite-swv-admin', ['01-admin-login'], async () => {
    await S.invite('/organisaties/swv/PO2707/leden', SWV_ADMIN.email, 'swv_admin');
  });

  // 3. The invitation mail arrives with a link.
  await step('03-swv-invite-mail', ['02-invite-swv-admin'], async () => {
    state.swvLink = await waitForInviteLink(mailFile, SWV_ADMIN.email, port);
  });

  // 4. Log out, accept the invitation as the SWV admin.
  await step('04-swv-admin-accept', ['03-swv-invite-mail'], async () => {
    await S.logout();
    await S.goto(state.swvLink);
    await S.fillAccept(SWV_ADMIN.name, SWV_ADMIN.password, SWV_ADMIN.password);
    await S.submit('form#accept', 'accept');
    S.expectPath('/dashboard');
    await S.expectText('PO 27-07');
  });

  // 5. The SWV admin invites a director for school 04FZ; the mail arrives.
  await step('05-invite-director', ['04-swv-admin-accept'], async () => {
    await S.invite('/organisaties/school/04FZ/leden', DIRECTOR.email, 'director');
    state.directorLink = await waitForInviteLink(mailFile, DIRECTOR.email, port);
    await S.logout();
  });

  // 6. A password mismatch on the accept form shows an error and stays put.
  await step('06-accept-password-mismatch', ['05-invite-director'], async () => {
    await S.goto(state.directorLink);
    const invitePath = new URL(state.directorLink).pathname;
    await S.fillAccept(DIRECTOR.name, DIRECTOR.password, `${DIRECTOR.password}-anders`);
    await S.submit('form#accept', 'accept (mismatch)');
    const p = new URL(page.url()).pathname;
    if (!p.startsWith(invitePath)) throw new Error(`expected to stay on ${invitePath}, got ${page.url()}`);
    const err = page.locator('[role=alert], .field-error');
    if ((await err.count()) === 0) throw new Error('no [role=alert] or .field-error after a password mismatch');
    if (!(await err.first().isVisible())) throw new Error('the [role=alert]/.field-error element is not visible');
    log(`  error shown: ${JSON.stringify((await err.first().innerText()).trim())}`);
  });

  // 7. The director accepts with matching passwords and sees their school.
  await step('07-director-accept', ['05-invite-director'], async () => {
    if (!new URL(page.url()).pathname.startsWith(new URL(state.directorLink).pathname)) {
      await S.goto(state.directorLink);
    }
    await S.fillAccept(DIRECTOR.name, DIRECTOR.password, DIRECTOR.password);
    await S.submit('form#accept', 'accept');
    S.expectPath('/dashboard');
    await S.expectText('De Brug');
    await S.expectText(DIRECTOR.name);
  });

  await context.close();
  return failed === 0 ? 0 : 1;
}

try {
  const code = await main();
  await finish(code);
} catch (e) {
  if (aborting) await new Promise(() => {}); // finish() is already exiting
  log(`\nE2E setup failed: ${e.stack || e.message}`);
  if (serverLog.length) printServerLogTail();
  failed += 1;
  await finish(1);
}
