// `npm run bench`: runs every benchmark of bench/registry.ts one after another (each bounded, each
// stopping by itself, killed with its process group at its limit), then writes bench/results.json and
// the table in bench/RESULTS.md with the machine they ran on. Browser benchmarks run inside a
// loopback-only network namespace when we are root (as `npm test` runs the browser journeys).
// `npm run bench -- --smoke` runs each once on small inputs, checks that its output parses and its
// table rows render, and writes nothing; `npm run bench -- <name>…` runs only those benchmarks and
// writes nothing either (bench/results/<name>.json holds each one's output). Run it under `flock /tmp/sightline-e2e.lock` on a machine
// shared with other browser tests: the browser benchmark measures latency.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCHES, type BenchEntry, type Row } from './registry.ts';
import { ROOT } from './support/results.ts';

const smoke = process.argv.includes('--smoke');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = only.filter((name) => !BENCHES.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')}; there are: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = only.length > 0 ? BENCHES.filter((bench) => only.includes(bench.name)) : BENCHES;
/** The issue's bound for the full suite on a 2-core machine; a smoke run has only the per-benchmark limits. */
/** Hand-made analyses of where the time goes (bench/ANALYSIS.md), appended to RESULTS.md by every full run. */
const ANALYSIS = path.join(ROOT, 'bench/ANALYSIS.md');
const SUITE_LIMIT_SECONDS = smoke ? Number.POSITIVE_INFINITY : 600;
const isRoot = process.getuid?.() === 0;
const canIsolate = isRoot && spawnSync('unshare', ['-n', 'true']).status === 0;

const quote = (arg: string): string => `'${arg.replace(/'/g, "'\\''")}'`;

/** The benchmark's process group running now, killed with the runner on Ctrl-C. */
let running: number | undefined;
const killGroup = (pid: number | undefined): void => {
  try {
    if (pid !== undefined) process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killGroup(running);
    process.exit(130);
  });
}

/** Runs one benchmark in its own process group; resolves with its exit status, or the limit it hit. */
function runBench(bench: BenchEntry, limitSeconds: number): Promise<{ status: number | string | null; timedOut: boolean; isolated: boolean }> {
  const node = [process.execPath, '--import', 'tsx', bench.script];
  const isolated = Boolean(bench.browser) && canIsolate;
  const [command, ...args] = isolated ? ['unshare', '-n', 'sh', '-c', `ip link set lo up && exec ${node.map(quote).join(' ')}`] : node;
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, ...(smoke ? bench.smokeEnv : {}) },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  running = child.pid;
  return new Promise((resolve) => {
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, limitSeconds * 1000);
    child.once('exit', (status, signal) => {
      clearTimeout(limit);
      running = undefined;
      resolve({ status: status ?? signal, timedOut, isolated });
    });
  });
}

const suiteStarted = Date.now();
const loadAverageAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
const results: Record<string, unknown> = {};
const runs: Record<string, { seconds: number; network: string }> = {};
const rows: Row[] = [];
let failed = false;
for (const bench of selected) {
  console.log(`\n▶ ${bench.name}${smoke ? ' (smoke)' : ''}${bench.browser ? (canIsolate ? ' [loopback-only namespace]' : ' [host network: not root or no unshare]') : ''}`);
  const started = Date.now();
  const file = path.join(ROOT, 'bench/results', `${bench.name}.json`);
  fs.rmSync(file, { force: true });
  const limitSeconds = Math.min(bench.limitSeconds, SUITE_LIMIT_SECONDS - (started - suiteStarted) / 1000);
  const run = limitSeconds > 0 ? await runBench(bench, limitSeconds) : { status: null, timedOut: true, isolated: false };
  const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
  try {
    if (run.timedOut) throw new Error(`stopped at its limit of ${Math.max(0, Math.round(limitSeconds))} s (its own limit is ${bench.limitSeconds} s; the full suite's, ${SUITE_LIMIT_SECONDS} s)`);
    if (run.status !== 0) throw new Error(`exited with ${run.status}`);
    const result = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const own = bench.rows(result);
    if (own.length === 0) throw new Error('its results gave no table rows');
    results[bench.name] = result;
    runs[bench.name] = { seconds, network: !bench.browser ? 'loopback' : run.isolated ? 'loopback-only namespace' : 'host network' };
    rows.push(...own);
    console.log(`✓ ${bench.name} in ${seconds} s`);
  } catch (error) {
    failed = true;
    console.error(`✗ ${bench.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const suiteSeconds = Number(((Date.now() - suiteStarted) / 1000).toFixed(1));

const chromium = (results['video-call'] as { machine?: { chromium?: string } } | undefined)?.machine?.chromium ?? null;
const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  chromium,
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart,
};
const report = { at: new Date().toISOString(), smoke, suiteSeconds, machine, runs, results };
const table = markdown(report, rows);
if (smoke || only.length > 0) {
  console.log(`\n${table}`);
} else if (!failed) {
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), table);
  console.log('\nWrote bench/results.json and bench/RESULTS.md');
}
console.log(`\n${failed ? 'Some benchmarks failed' : 'All benchmarks ran'} in ${suiteSeconds} s${smoke ? ' (smoke)' : ''}.`);
process.exit(failed ? 1 : 0);

function markdown(r: typeof report, tableRows: Row[]): string {
  const m = r.machine;
  const seconds = Object.entries(r.runs).map(([name, run]) => `${name} ${run.seconds} s`).join(', ');
  return [
    '# Benchmark results',
    '',
    `Last full run: ${r.at} on ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium} (headless)` : ''} (${m.platform}); load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    `The whole suite took ${r.suiteSeconds} s (${seconds}). Browser benchmarks ran in a ${r.runs['video-call']?.network ?? 'loopback-only namespace'}.`,
    'Each figure with a natural floor is measured beside it in the same run; the ratio is what to compare across runs.',
    '',
    '| benchmark | Sightline | floor (same run) | ratio |',
    '|---|---|---|---|',
    ...tableRows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...BENCHES.flatMap((bench) => (bench.note && r.results[bench.name] ? [`- ${bench.note}`] : [])),
    '',
    // Traces made by hand (marks inside the server, a browser trace) that explain the figures; kept across runs.
    ...(fs.existsSync(ANALYSIS) ? ['## Where the time goes', '', fs.readFileSync(ANALYSIS, 'utf8').trim(), ''] : []),
  ].join('\n');
}
