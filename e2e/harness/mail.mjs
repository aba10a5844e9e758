// Reads what the SMTP sink received (one JSON line per mail). Links are taken
// from real delivered mail rather than from the outbox page, so the test also
// proves that sending works and that the link points at the public URL.

import fs from 'node:fs';

import { log, sleep } from './config.mjs';

export function readMails(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

// Polls the sink for the newest mail to `to` whose subject matches subjectRe
// and whose body has a link to `pathPattern` on the server; returns the link.
export async function waitForMailLink(file, to, port, pathPattern, { subjectRe = /./, timeoutMs = 15_000 } = {}) {
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

export function waitForInviteLink(file, to, port) {
  return waitForMailLink(file, to, port, '/uitnodiging/[A-Za-z0-9_-]+');
}
