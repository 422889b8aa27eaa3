// `npm test`: type check, unit + integration tests (the HTTP ones again on PostgreSQL), then the browser journeys in Chromium — inside a
// loopback-only network namespace when we are root (so WebRTC can only use 127.0.0.1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureEngines } from './engines.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-test-'));
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  // The AWS SDK warns once per process that releases after early 2027 need Node 22 (docs/DEPLOY.md says
  // so); every server a test starts would print it again.
  const quiet = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...quiet, ...process.env, ...env } });
  return result.status === 0;
}

function vitest(project) {
  const out = path.join(reports, `${project}.json`);
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  return { args, out };
}

function counts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

const chromium = ensureChromium();
const missingEngines = ensureEngines();
if (missingEngines.length > 0) console.log(`Not installed, so their tests are skipped: ${missingEngines.join(', ')}`);
let ok = run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);

const unit = vitest('unit');
ok = run('unit and integration tests (storage suites on SQLite and PostgreSQL)', bin('vitest'), unit.args) && ok;

const postgres = vitest('postgres');
ok = run('HTTP integration tests on PostgreSQL', bin('vitest'), postgres.args) && ok;

ok = run('client build', bin('vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn']) && ok;
ok = run('offline verifier build', process.execPath, ['scripts/build-verifier.mjs']) && ok;

const e2e = vitest('e2e');
const env = { CHROMIUM_PATH: chromium };
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canIsolate = isRoot && spawnSync('unshare', ['-n', 'true']).status === 0;
if (canIsolate) {
  const quoted = [bin('vitest'), ...e2e.args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  ok = run('browser journeys (loopback-only network namespace)', 'unshare', ['-n', 'sh', '-c', `ip link set lo up && exec ${quoted}`], env) && ok;
} else {
  ok = run('browser journeys', bin('vitest'), e2e.args, env) && ok;
}

// The failures again at the very end, each with the first lines of its message, so that the tail of a long CI
// log (often all that is kept) names them.
function failures(file) {
  let r;
  try {
    r = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return [`${path.basename(file, '.json')}: no report written (the run did not finish)`];
  }
  const lines = [];
  for (const suite of r.testResults ?? []) {
    const where = path.relative(root, suite.name);
    const failed = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed) lines.push(`${where} > ${t.fullName}\n${firstLines(t.failureMessages?.join('\n'))}`);
    if (failed.length === 0 && suite.status === 'failed') lines.push(`${where}\n${firstLines(suite.message)}`);
  }
  return lines;
}

function firstLines(text = '') {
  return text.split('\n').slice(0, 8).map((l) => `    ${l}`).join('\n');
}

const failed = [unit.out, postgres.out, e2e.out].flatMap(failures);
if (failed.length > 0) console.log(`\nFailed:\n${failed.map((f) => `  ✗ ${f}`).join('\n')}`);
const total = [unit.out, postgres.out, e2e.out].map(counts).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok && total.failed === 0 ? 0 : 1);
