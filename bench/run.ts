// `npm run bench`: runs every benchmark one after another (each bounded, each stopping by itself),
// then writes bench/results.json and the table in bench/RESULTS.md with the machine they ran on.
// `npm run bench -- --smoke` runs each once on small inputs and only checks that its output parses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const smoke = process.argv.includes('--smoke');

interface Bench { name: string; script: string; env: Record<string, string>; smokeEnv: Record<string, string> }
const BENCHES: Bench[] = [
  { name: 'snapshot', script: 'bench/snapshot.ts', env: {}, smokeEnv: { QUICK: '1' } },
  { name: 'chunk-ingest', script: 'bench/chunk-ingest.ts', env: {}, smokeEnv: { QUICK: '1' } },
  { name: 'export-verify', script: 'bench/export-verify.ts', env: {}, smokeEnv: { PHOTOS: '5' } },
];

const results: Record<string, unknown> = {};
let failed = false;
for (const bench of BENCHES) {
  console.log(`\n▶ ${bench.name}${smoke ? ' (smoke)' : ''}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench.script], {
    cwd: ROOT,
    env: { ...process.env, ...bench.env, ...(smoke ? bench.smokeEnv : {}) },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 8 * 60_000,
  });
  const file = path.join(ROOT, 'bench/results', `${bench.name}.json`);
  try {
    if (run.status !== 0) throw new Error(`exited with ${run.status ?? run.signal}`);
    results[bench.name] = JSON.parse(fs.readFileSync(file, 'utf8'));
    console.log(`✓ ${bench.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed = true;
    console.error(`✗ ${bench.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
const report = { at: new Date().toISOString(), smoke, machine, results };
if (!smoke) {
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), markdown(report));
  console.log('\nWrote bench/results.json and bench/RESULTS.md');
}
process.exit(failed ? 1 : 0);

function markdown(r: typeof report): string {
  const get = (name: string) => (r.results[name] ?? {}) as Record<string, any>;
  const snap = get('snapshot').results ?? {};
  const chunk = get('chunk-ingest').results ?? {};
  const ev = get('export-verify');
  const lines = [
    '# Benchmark results',
    '',
    `Last full run: ${r.at} on ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node} (${r.machine.platform}).`,
    'Each figure with a natural floor is measured beside it in the same run; the ratio is what to compare across runs.',
    '',
    '| benchmark | Sightline | floor (same run) | ratio |',
    '|---|---|---|---|',
  ];
  for (const label of ['1920x1080', '12MP 4000x3000']) {
    const s = snap[label];
    if (s) lines.push(`| snapshot ${label}: upload → stored, thumbnailed, hashed, ledgered | p50 ${s.sightlineMs.p50} ms, p95 ${s.sightlineMs.p95} ms | bare sharp + fsync: p50 ${s.floorMs.p50} ms, p95 ${s.floorMs.p95} ms | ${s.ratioP50}× (p50), ${s.ratioP95}× (p95) |`);
  }
  const t = snap.throughputPhotosPerSecond1920x1080;
  if (t) lines.push(`| snapshot throughput, 1920x1080 | ${t.concurrency1} / ${t.concurrency2} / ${t.concurrency8} photos/s at 1 / 2 / 8 concurrent | – | – |`);
  for (const c of ['concurrency1', 'concurrency4']) {
    const s = chunk[c];
    if (s) lines.push(`| recording chunks (1 MB), ${c.replace('concurrency', '')} at a time | ${s.mbPerSecond} MB/s, p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms | hash + write + fsync + rename: ${s.floorMbPerSecond} MB/s | ${s.ratioToFloor}× |`);
  }
  if (ev.export) {
    lines.push(`| export: ${ev.case.photos} photos + ${Math.round(ev.case.recordingBytes / 2 ** 20)} MB recording (${Math.round(ev.bundleBytes / 2 ** 20)} MB zip) | ${ev.export.seconds} s (${ev.export.mbPerSecond} MB/s) | – | – |`);
    lines.push(`| offline verify of that bundle | ${ev.verify.seconds} s in-process, ${ev.verifyCli.seconds} s by CLI | – | – |`);
  }
  return `${lines.join('\n')}\n`;
}
