// The real processes the browser talks to: an SMTP sink and the passend
// server, each on a free loopback port so parallel runs and a developer's own
// server never collide. The server's output is kept in memory because a
// failing step is far easier to read next to the server's last lines.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { E2E_DIR, PASSEND_BIN, PYTHON, log, sleep } from './config.mjs';

export const serverLog = []; // lines of the server's stdout + stderr

export function serverLogTail(n = 50) {
  return serverLog.slice(-n).join('\n');
}

export function printServerLogTail() {
  log(`---- server log (last 50 lines) ----\n${serverLogTail(50) || '(empty)'}\n---- end of server log ----`);
}

export function freePort() {
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

export async function stopChild(child, name) {
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

export function runCli(args, input) {
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

export function startSink(port, file) {
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

// The full log goes to logPath (kept with the temp dir when a run fails).
export function startServer(port, smtpPort, dbUrl, logPath) {
  const logFile = fs.createWriteStream(logPath);
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

export async function waitHealthy(base, child, timeoutMs = 60_000) {
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
