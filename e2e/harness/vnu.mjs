// The Nu Html Checker (vnu.jar from npm, run with Java 11+) over the raw HTML
// of every distinct page the flows saw. One JVM run for all pages, because
// starting Java once per page (well over a hundred pages) would take minutes.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { JAVA, log } from './config.mjs';

const require = createRequire(import.meta.url);

// Writes every page of `pages` (the values of page-checks' htmlPages) to `dir`
// and checks them; throws with every error (message, file, line) found.
export function validateHtml(pages, dir) {
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
  if (pages.size === 0) throw new Error('no pages were collected to validate');

  fs.mkdirSync(dir, { recursive: true });
  const files = new Map(); // file -> page
  let n = 0;
  for (const pg of pages.values()) {
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
