// The actions a flow takes on one page (navigate, submit, log in, invite ...)
// and the expectations it states. Every navigation and every form result
// passes through the page checks, and every expectation throws with the URL
// it was made on, so a failing step says where it was.

import { NAV_TIMEOUT_MS, log } from './config.mjs';
import { makeChecks } from './page-checks.mjs';

// env: { base, findings } from the flow context. opts.lang: the <html lang>
// every page must have; opts.noOverflow: no page may be wider than the
// viewport; opts.axeVia: see makeChecks.
export function makeDriver(page, env, opts = {}) {
  const expect = { lang: opts.lang ?? null, noOverflow: !!opts.noOverflow };
  const { axeCheck, loaded } = makeChecks(page, env.findings, expect, { axeVia: opts.axeVia });

  // Navigates and expects exactly `status` (after redirects).
  async function goto(p, { status = 200 } = {}) {
    const url = new URL(p, env.base).href;
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

  // For a flow that switches the interface language halfway.
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
