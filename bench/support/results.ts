// What every benchmark script shares: percentiles, rounding, where its JSON goes, and the quick flag
// the runner sets for a smoke run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Set by `npm run bench -- --smoke`: one short pass, only to see that the output parses. */
export const QUICK = process.env.QUICK === '1';

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export interface Summary {
  n: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
}

export function summary(values: number[], ps: Array<50 | 95 | 99> = [50, 95]): Summary {
  const out: Summary = { n: values.length };
  for (const p of ps) out[`p${p}`] = round(percentile(values, p));
  if (values.length > 0) out.max = round(Math.max(...values));
  return out;
}

/** Writes bench/results/<name>.json (read by bench/run.ts) and prints it. */
export function writeResult(name: string, result: object): void {
  const text = `${JSON.stringify(result, null, 2)}\n`;
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results', `${name}.json`), text);
  process.stdout.write(text);
}

/** Rejects when `promise` has not settled within `ms`: every wait in a benchmark is bounded. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
