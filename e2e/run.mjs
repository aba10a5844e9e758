// End-to-end browser test for Passend.
//
//   PASSEND_BIN=/path/to/passend node e2e/run.mjs
//
// Starts a real SMTP sink (smtp_sink.py) and the passend server on free
// loopback ports, prepares an SQLite database with the CLI, and drives Debian's
// Chromium through the invitation flow (platform admin -> SWV admin ->
// school director), then tours every kind of page: anonymously, as platform
// admin, as team member, in English at phone width, and through a password
// reset. Every page load and every form result is checked with axe-core
// (WCAG 2.1 A + AA), and the raw HTML of every distinct page is validated at
// the end with the Nu Html Checker (vnu.jar, needs Java 11+). Prints
// `E2E: N passed, M failed` as its last line and exits non-zero on any failure.
//
// Environment:
//   PASSEND_BIN      the passend binary (default $CARGO_TARGET_DIR/debug/passend)
//   PYTHON           Python with aiosmtpd (default python3)
//   CHROMIUM         browser executable (default /usr/bin/chromium)
//   JAVA             Java runtime for vnu.jar (default java)
//   E2E_TIMEOUT_S    watchdog for the whole run (default 300)
//   E2E_KEEP_TMP=1   keep the temp dir (database, logs, mails, pages) even on success

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
const JAVA = process.env.JAVA || 'java';
const WATCHDOG_S = Number(process.env.E2E_TIMEOUT_S || 300);

const ADMIN = { email: 'admin@e2e.test', name: 'E2E Beheer', password: 'e2e-admin-wachtwoord' };
const SWV_ADMIN = { email: 'swv-admin@e2e.test', name: 'Sanne SWV', password: 'swv-wachtwoord-123' };
const DIRECTOR = { email: 'directeur@e2e.test', name: 'Dirk Directeur', password: 'directeur-wachtwoord-1' };
const TEAM_MEMBER = { email: 'teamlid@e2e.test', name: 'Tim Teamlid', password: 'teamlid-wachtwoord-12' };
const MR_MEMBER = { email: 'mr@e2e.test', name: 'Mila MR', password: 'mr-lid-wachtwoord-123' };
const BOARD_MEMBER = { email: 'bestuur@e2e.test', name: 'Bas Bestuur', password: 'bestuur-wachtwoord-12' };
const DIRECTOR_NEW_PASSWORD = 'directeur-nieuw-wachtwoord-2';
// A well-formed reset token that was never issued.
const UNKNOWN_TOKEN = '0'.repeat(64);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

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

// Polls the sink for the newest mail to `to` whose subject matches subjectRe
// and whose body has a link to `pathPattern` on the server; returns the link.
async function waitForMailLink(file, to, port, pathPattern, { subjectRe = /./, timeoutMs = 15_000 } = {}) {
  const re = new RegExp(`http://127\\.0\\.0\\.1:${port}${pathPattern}`);
  const deadline = Date.now() + timeoutMs;
  let mails = [];
  while (Date.now() < deadline) {
    mails = readMails(file).filter(
      (m) => (m.to || []).some((t) => t.toLowerCase() === to.toLowerCase()) && subjectRe.test(m.subject || ''),
    );
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
      `mail(s) to ${to} with a subject matching ${subjectRe} arrived but none has a link matching ${re}; last body:\n${mails.at(-1).body}`,
    );
  }
  const all = readMails(file);
  throw new Error(
    `no mail to ${to} with a subject matching ${subjectRe} within ${timeoutMs / 1000} s (${all.length} mail(s) in the sink: ${
      all.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ') || 'none'
    })`,
  );
}

function waitForInviteLink(file, to, port) {
  return waitForMailLink(file, to, port, '/uitnodiging/[A-Za-z0-9_-]+');
}

// ---------------------------------------------------------- page helpers ---

function pagePath(page) {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
}

// The pages whose raw HTML step 12 validates: one entry per distinct document
// (CSRF tokens blanked before comparing), in the order they were first seen.
const htmlPages = new Map();

// opts.lang: the <html lang> every page must have; opts.noOverflow: no page
// may be wider than the viewport. Both are reported per page like axe findings.
function makeSteps(page, ctx, opts = {}) {
  // ctx.a11y collects axe findings for the running step; ctx.http5xx server
  // errors; ctx.layout wrong page languages and horizontal overflow.
  const expect = { lang: opts.lang ?? null, noOverflow: !!opts.noOverflow };

  async function axeCheck(label) {
    const where = `${label} [${pagePath(page)}]`;
    // A page without JavaScript cannot run axe: the same document is shown in
    // a scripting page at the same address (so its styles load) and checked there.
    let target = page;
    if (opts.axeVia) {
      const url = page.url();
      const html = await page.content();
      target = opts.axeVia;
      const serve = (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      await target.route(url, serve);
      await target.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      await target.unroute(url, serve);
    }
    await target.addScriptTag({ path: AXE_PATH });
    const violations = await target.evaluate(async (tags) => {
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

  async function layoutCheck(label) {
    const where = `${label} [${pagePath(page)}]`;
    if (expect.lang) {
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (lang !== expect.lang) {
        log(`  lang: ${where}: <html lang="${lang}">, expected "${expect.lang}"`);
        ctx.layout.push(`<html lang="${lang}"> instead of "${expect.lang}" on ${where}`);
      }
    }
    if (expect.noOverflow) {
      const o = await page.evaluate(() => {
        const vw = window.innerWidth;
        const sw = document.documentElement.scrollWidth;
        if (sw <= vw + 1) return null;
        // Elements that stick out of the viewport (or whose text spills out of
        // them), outside any scroll container, innermost first.
        const inScroller = (el) => {
          for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
            if (a !== document.body && getComputedStyle(a).overflowX !== 'visible') return true;
          }
          return false;
        };
        const wide = [...document.body.querySelectorAll('*')].filter((el) => {
          const r = el.getBoundingClientRect();
          const spills =
            el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === 'visible';
          return (r.right > vw + 1 || spills) && !inScroller(el);
        });
        const innermost = wide.filter((el) => !wide.some((d) => d !== el && el.contains(d)));
        const name = (el) =>
          el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
        return {
          vw,
          sw,
          wide: innermost.slice(0, 5).map((el) => {
            const r = el.getBoundingClientRect();
            const text = JSON.stringify((el.textContent || '').trim().slice(0, 60));
            return `${name(el)} (${Math.round(r.left)}..${Math.round(r.right)} px, scrollWidth ${el.scrollWidth}): ${text}`;
          }),
        };
      });
      if (o) {
        log(`  overflow: ${where}: document ${o.sw} px wide in a ${o.vw} px viewport`);
        for (const w of o.wide) log(`    - ${w}`);
        ctx.layout.push(`horizontal overflow (${o.sw} px > ${o.vw} px) on ${where}`);
      }
    }
  }

  // Keeps the raw HTML the server sent for this document, for step 12.
  async function recordHtml(res) {
    const url = page.url();
    const method = res.request().method();
    let status = res.status();
    let html;
    let type = res.headers()['content-type'] || '';
    try {
      html = await res.text();
    } catch (e) {
      if (method !== 'GET') {
        log(`  (raw HTML of ${method} ${url} unavailable: ${e.message})`);
        return;
      }
      const again = await page.request.get(url);
      status = again.status();
      type = again.headers()['content-type'] || '';
      html = await again.text();
    }
    if (!type.includes('text/html')) return;
    const key = createHash('sha256')
      .update(html.replace(/(name="csrf_token" value=")[^"]*/g, '$1'))
      .digest('hex');
    if (!htmlPages.has(key)) htmlPages.set(key, { url, status, method, step: ctx.step, html });
  }

  // Everything checked on each page the browser lands on.
  async function loaded(label, res) {
    await axeCheck(label);
    await layoutCheck(label);
    if (res) await recordHtml(res);
  }

  // Navigates and expects exactly `status` (after redirects).
  async function goto(p, { status = 200 } = {}) {
    const url = new URL(p, ctx.base).href;
    log(`  goto ${url}`);
    const res = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (!res) throw new Error(`no response for ${url}`);
    if (res.status() !== status) {
      throw new Error(`GET ${url} answered HTTP ${res.status()}, expected ${status} (now at ${page.url()})`);
    }
    await loaded('after goto', res);
    return res;
  }

  // Submit a form through its submit button and wait for the page that follows.
  // Falls back to requestSubmit() when the button is not visible (e.g. a
  // logout button in a collapsed menu). With `status`, the page that follows
  // (after redirects) must have exactly that status.
  async function submit(formSelector, label = formSelector, { status } = {}) {
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
    if (status !== undefined && (!res || res.status() !== status)) {
      throw new Error(
        `submitting ${formSelector} answered HTTP ${res ? res.status() : '(no response)'}, expected ${status} (now at ${page.url()})`,
      );
    }
    await loaded(`after submit ${label}`, res);
    return res;
  }

  async function fill(formSelector, fields) {
    for (const [name, value] of Object.entries(fields)) {
      await page.fill(`${formSelector} [name=${name}]`, value);
    }
  }

  async function expectVisible(selector, what = selector) {
    const el = page.locator(selector);
    if ((await el.count()) === 0) throw new Error(`no ${what} (${selector}) on ${page.url()}`);
    if (!(await el.first().isVisible())) throw new Error(`${what} (${selector}) is not visible on ${page.url()}`);
    return (await el.first().innerText()).trim();
  }

  // Logs in through form#login (from the login page if not already on it).
  async function login(user, password = user.password) {
    if (new URL(page.url()).pathname !== '/inloggen') await goto('/inloggen');
    await fill('form#login', { email: user.email, password });
    await submit('form#login', 'login', { status: 200 });
    expectPath('/dashboard');
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

  // Exact path and, optionally, one query parameter.
  function expectAt(pathname, param, value) {
    const u = new URL(page.url());
    if (u.pathname !== pathname || (param && u.searchParams.get(param) !== value)) {
      const want = param ? `${pathname}?${param}=${value}` : pathname;
      throw new Error(`expected to be at ${want}, got ${page.url()}`);
    }
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

  function setLang(lang) {
    expect.lang = lang;
  }

  return {
    goto,
    submit,
    fill,
    text,
    expectText,
    expectPath,
    expectAt,
    expectVisible,
    login,
    logout,
    invite,
    fillAccept,
    axeCheck,
    setLang,
  };
}

// ------------------------------------------------------- HTML validation ---

// Writes every collected page to `dir` and checks them all in one run of the
// Nu Html Checker; throws with every error (message, file, line) found.
function validateHtml(dir) {
  let jar;
  try {
    jar = String(require('vnu-jar'));
  } catch (e) {
    throw new Error(`the npm package vnu-jar is missing (run npm ci in e2e/): ${e.message}`);
  }
  if (!fs.existsSync(jar)) throw new Error(`vnu.jar not found at ${jar} (run npm ci in e2e/)`);
  const java = spawnSync(JAVA, ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    const why = java.error ? java.error.code || java.error.message : `exit ${java.status}`;
    throw new Error(
      `no Java runtime: \`${JAVA} -version\` failed (${why}); ` +
        'the Nu Html Checker needs Java 11 or later (Debian: apt-get install default-jre-headless)',
    );
  }
  const version = /version "(\d+)/.exec(`${java.stderr}${java.stdout}`);
  log(`  java: ${`${java.stderr}${java.stdout}`.split('\n')[0].trim()}`);
  if (version && Number(version[1]) < 11) {
    throw new Error(`the Nu Html Checker needs Java 11 or later; ${JAVA} is Java ${version[1]}`);
  }
  if (htmlPages.size === 0) throw new Error('no pages were collected to validate');

  fs.mkdirSync(dir, { recursive: true });
  const files = new Map(); // file -> page
  let n = 0;
  for (const pg of htmlPages.values()) {
    n += 1;
    const u = new URL(pg.url);
    const slug = `${u.pathname}${u.search}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    const file = path.join(dir, `${String(n).padStart(3, '0')}-${slug || 'home'}-${pg.status}.html`);
    fs.writeFileSync(file, pg.html);
    files.set(file, pg);
  }
  log(`  ${files.size} distinct page(s) written to ${dir}`);
  log(`$ ${JAVA} -jar ${jar} --errors-only --format json --stdout <${files.size} files>`);
  const res = spawnSync(JAVA, ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files.keys()], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw new Error(`could not run vnu.jar: ${res.error.message}`);
  let report;
  try {
    report = JSON.parse(res.stdout);
  } catch {
    throw new Error(`vnu.jar exited with ${res.status ?? res.signal} without a JSON report\n${res.stdout}\n${res.stderr}`);
  }
  const errors = (report.messages || []).filter((m) => m.type === 'error' || m.type === 'non-document-error');
  if (!errors.length) {
    if (res.status !== 0) throw new Error(`vnu.jar exited with ${res.status} but reported no error\n${res.stderr}`);
    log(`  vnu ${report.version}: no errors in ${files.size} page(s)`);
    return;
  }
  // The same template mistake shows on many pages: one entry per message.
  const byMessage = new Map();
  for (const m of errors) {
    let file = m.url || '';
    try {
      file = fileURLToPath(file);
    } catch {}
    const list = byMessage.get(m.message) || [];
    list.push({ ...m, file });
    byMessage.set(m.message, list);
  }
  const pagesWithErrors = new Set(errors.map((m) => m.url));
  log(`  vnu ${report.version}: ${errors.length} error(s) in ${pagesWithErrors.size} of ${files.size} page(s)`);
  for (const [message, list] of byMessage) {
    log(`    - ${message} (${list.length}x)`);
    if (list[0].extract) log(`      extract: ${JSON.stringify(list[0].extract)}`);
    for (const m of list.slice(0, 8)) {
      const pg = files.get(m.file);
      const where = pg ? `${pg.method} ${pg.url} (HTTP ${pg.status}, ${pg.step})` : '';
      log(`      ${path.basename(m.file)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${where}`);
    }
    if (list.length > 8) log(`      ... and ${list.length - 8} more`);
  }
  throw new Error(
    `${errors.length} HTML error(s) (${byMessage.size} distinct) in ${pagesWithErrors.size} of ${files.size} ` +
      `page(s); pages kept in ${dir}`,
  );
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
    // DUO's own address file brings the boards (41234, 50001) for /besturen.
    path.join(FIXTURES, 'duo_adressen_oud.csv'),
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
  const ctx = { base, a11y: [], http5xx: [], layout: [], step: null };

  // A fresh browser context (own cookies) with one page, watched for server
  // errors and page script errors.
  async function openPage(options = {}) {
    // bypassCSP: axe is injected as an inline script, which a strict
    // Content-Security-Policy from the server would otherwise block.
    const context = await browser.newContext({ locale: 'nl-NL', bypassCSP: true, ...options });
    const p = await context.newPage();
    p.setDefaultTimeout(STEP_TIMEOUT_MS);
    p.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
    p.on('response', (r) => {
      if (r.status() >= 500) ctx.http5xx.push(`${r.request().method()} ${r.url()} -> HTTP ${r.status()}`);
    });
    p.on('pageerror', (e) => log(`  [page error] ${e.message}`));
    p.on('console', (m) => {
      // HTTP errors are tracked from the responses themselves; skip their echo.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) log(`  [console error] ${m.text()}`);
    });
    return p;
  }

  const page = await openPage();
  let active = page; // the page a failing step reports on

  const S = makeSteps(page, ctx);
  const blocked = new Set(); // names of steps whose flow failed
  const state = {};

  // opts.browser = false: the step uses no page, so report none on failure.
  async function step(name, needs, fn, opts = {}) {
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
    ctx.layout = [];
    ctx.step = name;
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
    if (ctx.layout.length) problems.push(`layout problems: ${ctx.layout.join('; ')}`);
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
    if (opts.browser !== false) {
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

  // ------------------------------------------------------------ the tour ---
  // Every kind of page, each checked with axe (and its raw HTML kept for
  // step 12) on load and after every form result.

  const desk = await openPage({ viewport: DESKTOP });
  const D = makeSteps(desk, ctx, { lang: 'nl' });

  // 8. Anonymous, in Dutch, on a desktop: every public page and form result.
  await step('08-tour-anonymous', [], async () => {
    active = desk;
    await D.goto('/');
    await D.goto('/scholen');
    await D.goto('/scholen?q=brug');
    await D.expectText('De Brug');
    await D.goto('/scholen/04FZ');
    await D.goto('/besturen/41234');
    await D.expectText('De Brug');
    await D.goto('/samenwerkingsverbanden');
    await D.goto('/samenwerkingsverbanden/PO2707');
    await D.goto('/api');
    await D.goto('/inloggen');
    await D.fill('form#login', { email: 'niemand@e2e.test', password: 'geen-geldig-wachtwoord' });
    await D.submit('form#login', 'login (wrong password)', { status: 422 });
    await D.expectVisible('[role=alert]', 'login error');
    await D.goto('/wachtwoord-vergeten');
    await D.fill('form#forgot', { email: 'niemand@e2e.test' });
    await D.submit('form#forgot', 'forgot password (unknown address)', { status: 200 });
    D.expectAt('/inloggen', 'melding', 'herstel-verstuurd');
    await D.expectVisible('.notice[role=status]', 'notice');
    await D.goto(`/wachtwoord-herstellen/${UNKNOWN_TOKEN}`, { status: 404 });
    await D.expectVisible('main a[href="/wachtwoord-vergeten"]', 'link to ask for a new reset mail');
    await D.goto('/bestaat-niet', { status: 404 });
  });

  // 9. The platform admin: dashboard, member pages, SWV edit (invalid and
  // valid), outbox, API, error pages; then a new team member's dashboard and
  // a page they may not see (403).
  await step('09-tour-admin', [], async () => {
    active = desk;
    await D.login(ADMIN);
    await D.goto('/organisaties/swv/PO2707/leden');
    await D.goto('/organisaties/board/41234/leden');
    await D.invite('/organisaties/school/04FZ/leden', TEAM_MEMBER.email, 'team_member');
    state.teamLink = await waitForInviteLink(mailFile, TEAM_MEMBER.email, port);
    await D.goto('/scholen/04FZ'); // with the form to correct a location's SWVs
    await D.goto('/besturen/41234');

    await D.goto('/samenwerkingsverbanden/PO2707/bewerken');
    await D.fill('form#swv-edit', { website: 'swv.nl' });
    await D.submit('form#swv-edit', 'SWV edit (invalid website)', { status: 422 });
    D.expectAt('/samenwerkingsverbanden/PO2707/bewerken');
    log(`  error shown: ${JSON.stringify(await D.expectVisible('.field-error', 'field error'))}`);
    await D.expectVisible('[role=alert]', 'error summary');
    await D.fill('form#swv-edit', {
      name: 'Passend Onderwijs Amsterdam E2E',
      email: 'info@swv-amsterdam.nl',
      phone: '020 123 4567',
      website: 'https://www.swv-amsterdam.nl',
      steunpunt_name: 'Ouder- en jeugdsteunpunt Amsterdam',
      steunpunt_email: 'steunpunt@swv-amsterdam.nl',
      steunpunt_phone: '+31 20 765 4321',
      steunpunt_website: 'https://steunpunt.swv-amsterdam.nl',
    });
    await D.submit('form#swv-edit', 'SWV edit', { status: 200 });
    D.expectAt('/samenwerkingsverbanden/PO2707', 'melding', 'opgeslagen');
    await D.expectVisible('.notice[role=status]', 'notice');
    await D.expectText('Passend Onderwijs Amsterdam E2E');

    await D.goto('/beheer/outbox');
    const mail = await desk.locator('main a[href^="/beheer/outbox/"]').first().getAttribute('href');
    if (!mail) throw new Error('no link to a mail (a[href^="/beheer/outbox/"]) on /beheer/outbox');
    await D.goto(mail);
    await D.goto('/api');
    await D.goto('/bestaat-niet', { status: 404 });
    await D.goto('/wachtwoord-vergeten');
    await D.goto(`/wachtwoord-herstellen/${UNKNOWN_TOKEN}`, { status: 404 });

    await D.logout();
    await D.goto(state.teamLink);
    await D.fillAccept(TEAM_MEMBER.name, TEAM_MEMBER.password, TEAM_MEMBER.password);
    await D.submit('form#accept', 'accept (team member)', { status: 200 });
    D.expectAt('/dashboard');
    await D.expectText('De Brug');
    await D.goto('/beheer/outbox', { status: 403 });
    await D.logout();
  });

  // 10. In English on a phone: public pages, the director's pages and a 403;
  // every page in English and no wider than the screen. Then back to Dutch.
  const phone = await openPage({ viewport: PHONE, isMobile: true });
  const M = makeSteps(phone, ctx, { lang: 'en', noOverflow: true });
  await step('10-tour-english-mobile', ['07-director-accept'], async () => {
    active = phone;
    await M.goto('/taal/en?terug=/');
    M.expectAt('/');
    await M.goto('/scholen?q=brug');
    await M.expectText('De Brug');
    await M.goto('/scholen/04FZ');
    await M.goto('/samenwerkingsverbanden');
    await M.goto('/samenwerkingsverbanden/PO2707');
    await M.goto('/inloggen');
    await M.login(DIRECTOR);
    await M.expectText(DIRECTOR.name);
    await M.goto('/organisaties/school/04FZ/leden');
    await M.goto('/beheer/outbox', { status: 403 });
    M.setLang('nl');
    await M.goto('/taal/nl?terug=/');
    M.expectAt('/');
  });

  // 11. A password reset for the director, from the mail to a new login.
  const anon = await openPage({ viewport: DESKTOP });
  const A = makeSteps(anon, ctx, { lang: 'nl' });
  await step('11-password-reset', ['07-director-accept'], async () => {
    active = anon;
    await A.goto('/wachtwoord-vergeten');
    await A.fill('form#forgot', { email: DIRECTOR.email });
    await A.submit('form#forgot', 'forgot password', { status: 200 });
    A.expectAt('/inloggen', 'melding', 'herstel-verstuurd');
    await A.expectVisible('.notice[role=status]', 'notice');
    const link = await waitForMailLink(mailFile, DIRECTOR.email, port, '/wachtwoord-herstellen/[0-9a-f]+', {
      subjectRe: /wachtwoord|password/i,
    });
    const resetPath = new URL(link).pathname;
    await A.goto(link);
    await A.fill('form#reset', {
      password: DIRECTOR_NEW_PASSWORD,
      password_confirm: `${DIRECTOR_NEW_PASSWORD}-anders`,
    });
    await A.submit('form#reset', 'reset (mismatch)', { status: 422 });
    A.expectAt(resetPath);
    log(`  error shown: ${JSON.stringify(await A.expectVisible('.field-error', 'field error'))}`);
    await A.fill('form#reset', { password: DIRECTOR_NEW_PASSWORD, password_confirm: DIRECTOR_NEW_PASSWORD });
    await A.submit('form#reset', 'reset', { status: 200 });
    A.expectAt('/inloggen', 'melding', 'wachtwoord-gewijzigd');
    await A.expectVisible('.notice[role=status]', 'notice');
    await A.login(DIRECTOR, DIRECTOR_NEW_PASSWORD);
    await A.expectText('De Brug');
  });

  // 13. The questionnaire. The platform admin starts the school's profile and
  // opens it to the team; a team member fills section D with autosave (the
  // status says so), sees a bad number refused next to the field, reloads and
  // finds the answers; then, without JavaScript, fills section B and saves it
  // with the button. The coordinator sees the spread and the composed profile.
  const qa = await openPage({ viewport: DESKTOP });
  const Q = makeSteps(qa, ctx, { lang: 'nl' });
  const noJs = await openPage({ viewport: DESKTOP, javaScriptEnabled: false });
  const axePage = await openPage({ viewport: DESKTOP });
  const N = makeSteps(noJs, ctx, { lang: 'nl', axeVia: axePage });
  await step('13-questionnaire', ['09-tour-admin'], async () => {
    active = qa;
    await Q.login(ADMIN);
    await Q.goto('/dashboard');
    await Q.goto('/scholen/04FZ/profielen');
    await Q.submit('form#start-profile', 'start profile', { status: 200 });
    const profilePath = new URL(qa.url()).pathname;
    if (!/^\/profielen\/\d+$/.test(profilePath)) throw new Error(`expected /profielen/ID, got ${qa.url()}`);
    state.profilePath = profilePath;
    await Q.submit('form#team', 'open for the team', { status: 200 });
    await Q.expectText('De vragenlijst staat open');
    await Q.logout();

    // With JavaScript: every change saves itself.
    await Q.login(TEAM_MEMBER);
    await Q.goto(`${profilePath}/vragenlijst/D`);
    const saved = (key) =>
      qa.waitForResponse(
        (r) => r.request().method() === 'PUT' && r.url().endsWith(`/my-answers/${key}`),
        { timeout: STEP_TIMEOUT_MS },
      );
    const statusOf = (id) => qa.locator(`#${id}-status`);
    let response = saved('aanbod.dyslexie');
    await qa.check('#q-aanbod-dyslexie-standaard');
    if ((await response).status() !== 204) throw new Error(`autosave answered ${(await response).status()}`);
    await qa.waitForFunction(() => document.querySelector('#q-aanbod-dyslexie-status').textContent === 'Opgeslagen');
    response = saved('aanbod.dyslexie');
    await qa.fill('#q-aanbod-dyslexie-note', 'Met een leesspecialist, twee keer per week.');
    if ((await response).status() !== 204) throw new Error(`autosave of the note answered ${(await response).status()}`);
    response = saved('aanbod.gedrag');
    await qa.check('#q-aanbod-gedrag-na_overleg');
    await response;
    log(`  status shown: ${JSON.stringify(await statusOf('q-aanbod-gedrag').innerText())}`);

    await Q.goto(`${profilePath}/vragenlijst/A`);
    response = saved('typering.leerlingen');
    await qa.fill('#q-typering-leerlingen-value', 'veel');
    if ((await response).status() !== 400) throw new Error('a bad number was not refused');
    await qa.waitForFunction(() => document.querySelector('#q-typering-leerlingen-status').classList.contains('is-error'));
    const refused = await statusOf('q-typering-leerlingen').innerText();
    if (!refused.includes('Vul een getal in')) throw new Error(`no Dutch message next to the field: ${refused}`);
    log(`  refused: ${JSON.stringify(refused)}`);
    await Q.axeCheck('autosave error shown');

    // Live readability hints under a long answer.
    await Q.goto(`${profilePath}/vragenlijst/I`);
    await qa.fill(
      '#q-extra-aanbod-value',
      'Binnen de basisondersteuning worden preventieve en licht curatieve interventies gerealiseerd in nauwe afstemming met de ketenpartners en het SWV, waarbij het OPP leidend is voor de planmatige inzet van het arrangement.',
    );
    await qa.waitForSelector('#q-extra-aanbod-readability:not([hidden])', { timeout: STEP_TIMEOUT_MS });
    const hint = await qa.locator('#q-extra-aanbod-readability').innerText();
    if (!hint.includes('Leesbaarheid') || !hint.includes('OPP')) throw new Error(`no readability hint: ${hint}`);
    log(`  readability hint: ${JSON.stringify(hint.slice(0, 160))}`);
    await Q.axeCheck('readability hint shown');

    await Q.goto(`${profilePath}/vragenlijst/D`);
    if (!(await qa.isChecked('#q-aanbod-dyslexie-standaard'))) throw new Error('after reload: dyslexie not checked');
    if (!(await qa.isChecked('#q-aanbod-gedrag-na_overleg'))) throw new Error('after reload: gedrag not checked');
    const note = await qa.inputValue('#q-aanbod-dyslexie-note');
    if (note !== 'Met een leesspecialist, twee keer per week.') throw new Error(`after reload the note is ${JSON.stringify(note)}`);
    await Q.logout();

    // Without JavaScript: the section saves with the button (Post/Redirect/Get).
    active = noJs;
    await N.login(TEAM_MEMBER);
    await N.goto(`${profilePath}/vragenlijst/B`);
    await noJs.fill('#q-visie-ondersteuning-value', 'Ieder kind hoort erbij. We kijken eerst wat een kind nodig heeft.');
    await N.submit('form#questionnaire', 'save section B', { status: 200 });
    N.expectAt(`${profilePath}/vragenlijst/B`, 'melding', 'opgeslagen');
    await N.goto(`${profilePath}/vragenlijst/B`);
    const vision = await noJs.inputValue('#q-visie-ondersteuning-value');
    if (!vision.startsWith('Ieder kind hoort erbij.')) throw new Error(`without JavaScript the answer was not kept: ${vision}`);
    await N.goto(`${profilePath}/vragenlijst/A`);
    await noJs.fill('#q-typering-leerlingen-value', '-5');
    await N.submit('form#questionnaire', 'save section A (bad number)', { status: 422 });
    log(`  error shown: ${JSON.stringify(await N.expectVisible('#q-typering-leerlingen-error', 'field error'))}`);
    await N.expectVisible('[role=alert]', 'error summary');
    await N.logout();

    // The coordinator: the spread of the team's answers, then the composed profile.
    active = qa;
    await Q.login(ADMIN);
    await Q.goto(`${profilePath}/schoolantwoord/D`);
    await Q.expectText('1× Standaard');
    await qa.check('#q-aanbod-dyslexie-standaard');
    await qa.waitForFunction(() => document.querySelector('#q-aanbod-dyslexie-status').textContent === 'Opgeslagen');
    await Q.goto(`${profilePath}/schoolantwoord/B`);
    await Q.goto(profilePath);
    await Q.goto(`${profilePath}/profiel`);
    await Q.expectText('Extra ondersteuning');
    await Q.goto(`${profilePath}/overzicht`);
    await Q.expectText('Nog niet beantwoord');
    await Q.goto('/dashboard');
    await Q.logout();
  });

  // 14. The SWV admin adapts the questionnaire for this school year: a hidden
  // question, a new wording and a question of its own are saved; emptying that
  // question is refused next to its field; then the version is published.
  await step('14-swv-template', ['04-swv-admin-accept'], async () => {
    active = qa;
    const now = new Date();
    const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
    const templatePath = `/samenwerkingsverbanden/PO2707/vragenlijst/${start}-${start + 1}`;
    await Q.login(SWV_ADMIN);
    await Q.goto(templatePath);
    await qa.fill('#t-aanbod-dyslexie-label', 'Lezen en dyslexie');
    await qa.check('#t-typering-concept-hide');
    await qa.fill('#new_label', 'Werkt de school met de onderwijszorgroute van het samenwerkingsverband?');
    await qa.selectOption('#new_section', 'E');
    await qa.selectOption('#new_kind', 'yes_no');
    await Q.submit('form#template-variant', 'template saved', { status: 200 });
    Q.expectAt(templatePath, 'melding', 'opgeslagen');
    await Q.expectText('swv.po2707.vraag1');
    await qa.fill('input[name="own:swv.po2707.vraag1"]', '');
    await Q.submit('form#template-variant', 'template (own question emptied)', { status: 422 });
    log(`  error shown: ${JSON.stringify(await Q.expectVisible('#own-1-error', 'field error'))}`);
    await Q.goto(templatePath);
    await Q.submit('form#publish-template', 'template published', { status: 200 });
    Q.expectAt(templatePath, 'melding', 'gepubliceerd');
    await Q.expectText('Gepubliceerd op');
    await Q.goto('/dashboard');
    // The region's coverage: filtered by level, gaps listed.
    await Q.goto('/samenwerkingsverbanden/PO2707/dekking');
    await qa.selectOption('#f-niveau', 'na_overleg');
    const filtered = qa.waitForNavigation({ waitUntil: 'load' });
    await qa.click('form#coverage-filter button[type=submit]');
    await filtered;
    await Q.axeCheck('coverage filtered');
    await Q.expectText('Gaten in het aanbod');
    const gap = await qa.locator('ul.gaps a').first().getAttribute('href');
    if (!gap) throw new Error('no gap to open on the coverage page');
    await Q.goto(gap);
    await Q.expectText('Kaart:');
    await Q.goto('/samenwerkingsverbanden/PO2707/basisondersteuning');
    await qa.selectOption('select[name="min:aanbod.dyslexie"]', 'standaard');
    await Q.submit('form#norm', 'norm saved', { status: 200 });
    await Q.goto('/samenwerkingsverbanden/PO2707/status');
    await Q.goto('/samenwerkingsverbanden/PO2707/deskundigheid');
    await Q.goto('/samenwerkingsverbanden/PO2707/trends');
    await Q.logout();
  });

  // 15. The yearly cycle of the profile from step 13: the platform admin
  // invites an MR member and a board member; the director opens the
  // evaluation for parents and a parent answers by link on a phone, without
  // an account; the director asks the team to read along and then the MR for
  // advice; the MR member records the advice (first without a verdict:
  // refused next to the field); the board member adopts and publishes.
  const parentPhone = await openPage({ viewport: PHONE, isMobile: true });
  const P = makeSteps(parentPhone, ctx, { lang: 'nl', noOverflow: true });
  await step('15-profile-cycle', ['13-questionnaire', '11-password-reset'], async () => {
    active = qa;
    await Q.login(ADMIN);
    await Q.invite('/organisaties/school/04FZ/leden', MR_MEMBER.email, 'mr_member');
    await Q.invite('/organisaties/board/41234/leden', BOARD_MEMBER.email, 'board_member');
    const mrLink = await waitForInviteLink(mailFile, MR_MEMBER.email, port);
    const boardLink = await waitForInviteLink(mailFile, BOARD_MEMBER.email, port);
    await Q.logout();

    await Q.login(DIRECTOR, DIRECTOR_NEW_PASSWORD);
    const surveysPath = `${state.profilePath}/enquetes`;
    await Q.goto(surveysPath);
    await Q.submit('form#survey-open-evaluation-parents', 'evaluation link for parents', { status: 200 });
    const surveyLink = (await qa.locator('main code.hash').first().innerText()).trim();
    if (!surveyLink.includes('/enquete/')) throw new Error(`no survey link on the page: ${surveyLink}`);

    active = parentPhone;
    await P.goto(new URL(surveyLink).pathname);
    await parentPhone.check('#s-bekend-ja');
    await parentPhone.fill('#s-tevreden', 'De juf belt ons als er iets is.');
    await P.submit('form#survey', 'parent answers', { status: 200 });
    await P.expectText('Dank u wel');
    await P.goto(new URL(surveyLink).pathname);
    await P.expectText('al ingevuld');

    active = qa;
    await Q.goto(surveysPath);
    await Q.expectText('De juf belt ons als er iets is.');
    await Q.goto(`${state.profilePath}/planning`);
    await qa.fill('#p-body', 'Ouders meer betrekken bij het profiel');
    await Q.submit('form#wish', 'wish without owner', { status: 422 });
    log(`  error shown: ${JSON.stringify(await Q.expectVisible('#p-owner-error', 'field error'))}`);
    await qa.fill('#p-body', 'Ouders meer betrekken bij het profiel');
    await qa.fill('#p-owner', 'Ilse (IB)');
    await Q.submit('form#wish', 'wish added', { status: 200 });
    await Q.submit('form#time-line', 'time line saved', { status: 200 });
    await Q.expectText('Ouders meer betrekken bij het profiel');
    const stepsPath = `${state.profilePath}/stappen`;
    await Q.goto(stepsPath);
    await Q.submit('form#step-ask_team_review', 'ask team review', { status: 200 });
    Q.expectAt(stepsPath, 'melding', 'stap-gezet');
    await Q.submit('form#step-ask_mr_advice', 'ask MR advice', { status: 200 });
    await Q.expectText('Advies gevraagd aan de MR');
    await Q.logout();

    for (const [link, who] of [[mrLink, MR_MEMBER], [boardLink, BOARD_MEMBER]]) {
      await Q.goto(link);
      await Q.fillAccept(who.name, who.password, who.password);
      await Q.submit('form#accept', `accept (${who.name})`, { status: 200 });
      await Q.logout();
    }

    await Q.login(MR_MEMBER);
    await Q.goto(stepsPath);
    await qa.fill('#step-advice', 'Maak duidelijker wat de school niet kan bieden.');
    await Q.submit('form#step-record_advice', 'advice without a verdict', { status: 422 });
    log(`  error shown: ${JSON.stringify(await Q.expectVisible('#step-verdict .field-error', 'field error'))}`);
    await qa.check('#verdict-positive_with_remarks');
    await Q.submit('form#step-record_advice', 'advice recorded', { status: 200 });
    await Q.expectText('Positief, met opmerkingen');
    await Q.logout();

    await Q.login(BOARD_MEMBER);
    await Q.goto(stepsPath);
    await Q.submit('form#step-adopt', 'adopt', { status: 200 });
    await Q.expectText('Vastgesteld door het bestuur op');
    await Q.submit('form#step-publish', 'publish', { status: 200 });
    await Q.expectText('Gepubliceerd');
    const rows = await qa.locator('table tbody tr').count();
    if (rows !== 5) throw new Error(`expected 5 steps in the history, found ${rows}`);
    await Q.goto(`${state.profilePath}/wijzigingen`);
    await Q.goto(`${state.profilePath}/planning`);
    await Q.goto(`${state.profilePath}/leesbaarheid`);
    await Q.goto(state.profilePath);
    await Q.logout();
  });

  // 16. The published profile's public pages, anonymously on a phone, in
  // Dutch and in Arabic (right to left): axe and (step 12) the Nu checker.
  const publicPhone = await openPage({ viewport: PHONE });
  await step('16-public-pages', ['15-profile-cycle'], async () => {
    active = publicPhone;
    const code = '04FZ00';
    for (const [lang, query] of [['nl', ''], ['ar', '?taal=ar']]) {
      const S = makeSteps(publicPhone, ctx, { lang, noOverflow: true });
      for (const suffix of ['', '/ouders', '/schoolgids', '/insluiten']) {
        await S.goto(`/scholen/${code}${suffix}${query}`);
      }
      if (lang === 'ar') {
        const dir = await publicPhone.evaluate(() => document.documentElement.dir);
        if (dir !== 'rtl') throw new Error(`Arabic page has dir="${dir}"`);
      }
      await S.goto(`/zoeken${query}`);
      await S.goto(`/zoeken?gemeente=Amsterdam&onderwerp=dyslexie&niveau=na_overleg${query ? '&taal=ar' : ''}`);
      await S.goto(`/zoeken?postcode=12&onderwerp=dyslexie${query ? '&taal=ar' : ''}`, { status: 422 });
    }
    const S = makeSteps(publicPhone, ctx, { lang: 'nl', noOverflow: true });
    await S.goto(`/scholen/${code}/vensters`);
    await S.goto(`/scholen/${code}`);
    const pdf = await publicPhone.request.get(new URL(`/scholen/${code}/ouders.pdf`, ctx.base).href);
    if (pdf.status() !== 200 || !(await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new Error(`ouders.pdf answered ${pdf.status()}`);
    }
    // Another location of the school has no published profile.
    await S.goto('/scholen/04FZ01', { status: 404 });
  });

  for (const p of [page, desk, phone, anon, qa, noJs, axePage, parentPhone, publicPhone]) await p.context().close();

  // 12. The raw HTML of every distinct page seen is valid (Nu Html Checker).
  await step('12-html-valid', [], async () => validateHtml(path.join(tmp, 'html')), { browser: false });

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
