// Checks that run on every page the browser lands on, so no flow can forget
// them: axe-core (WCAG 2.1 A + AA), the page language, horizontal overflow at
// phone width, and a copy of the raw HTML for the Nu Html Checker at the end.
// Findings are not thrown: they are collected for the running step, so one
// step reports all of its pages' problems at once.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

import { AXE_TAGS, NAV_TIMEOUT_MS, log } from './config.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

// The pages whose raw HTML the html validation flow checks: one entry per
// distinct document (CSRF tokens blanked before comparing), in the order they
// were first seen.
export const htmlPages = new Map();

export function pagePath(page) {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
}

// findings: the running step's record (a11y, layout, step), read at the
// moment of each check because the step runner replaces its lists per step.
// expect: { lang, noOverflow }, which the caller may change between pages.
// opts.axeVia: a scripting page to run axe in when `page` has no JavaScript.
export function makeChecks(page, findings, expect, opts = {}) {
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
      findings.a11y.push(`${v.id} on ${where}`);
    }
  }

  async function layoutCheck(label) {
    const where = `${label} [${pagePath(page)}]`;
    if (expect.lang) {
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (lang !== expect.lang) {
        log(`  lang: ${where}: <html lang="${lang}">, expected "${expect.lang}"`);
        findings.layout.push(`<html lang="${lang}"> instead of "${expect.lang}" on ${where}`);
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
        findings.layout.push(`horizontal overflow (${o.sw} px > ${o.vw} px) on ${where}`);
      }
    }
  }

  // Keeps the raw HTML the server sent for this document: the browser's DOM
  // has already repaired whatever the validator should see.
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
    if (!htmlPages.has(key)) htmlPages.set(key, { url, status, method, step: findings.step, html });
  }

  // Everything checked on each page the browser lands on.
  async function loaded(label, res) {
    await axeCheck(label);
    await layoutCheck(label);
    if (res) await recordHtml(res);
  }

  return { axeCheck, loaded };
}
