// Preview tours over the wire: for every tour the server offers, the body bytes the built-in server
// sends a browser for tour.json and each file it names, asked as Chrome asks (Accept-Encoding
// "gzip, deflate, br, zstd": brotli where the file compresses, panoramas as they are), against the
// 5 MB per-tour budget, with the raw bytes beside them.
// Run: npx tsx bench/tour-weight.ts (the same run in smoke mode: it is already quick).
import http from 'node:http';
import { TourList, TourManifest, tourFiles } from '../protocol/tour.ts';
import { startHarness } from '../server/test/http/harness.ts';
import { writeResult } from './support/results.ts';

export const TOUR_BUDGET_BYTES = 5 * 1000 * 1000;
const CHROME_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** The body bytes as sent (before any decoding) and the content coding used. */
function wireBytes(url: string): Promise<{ bytes: number; coding: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': CHROME_ACCEPT_ENCODING } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, coding: res.headers['content-encoding'] ?? 'identity' }) : reject(new Error(`${url}: ${res.statusCode}`))));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function main(): Promise<void> {
  const h = await startHarness(process.env.SIGHTLINE_TOURS_DIR ? { SIGHTLINE_TOURS_DIR: process.env.SIGHTLINE_TOURS_DIR } : {});
  try {
    const admin = h.client();
    await admin.login();
    const { tours } = TourList.parse((await admin.json('/api/tours')).body);
    const results: Record<string, unknown> = {};
    for (const summary of tours) {
      const manifest = TourManifest.parse((await admin.json(`/tours/${summary.id}/tour.json`)).body);
      const files: Record<string, { wireBytes: number; coding: string }> = {};
      for (const name of ['tour.json', ...tourFiles(manifest)]) {
        const sent = await wireBytes(`${h.base}/tours/${summary.id}/${name}`);
        files[name] = { wireBytes: sent.bytes, coding: sent.coding };
      }
      const total = Object.values(files).reduce((sum, f) => sum + f.wireBytes, 0);
      results[summary.id] = { title: summary.title, rawBytes: summary.bytes, wireBytes: total, budgetBytes: TOUR_BUDGET_BYTES, withinBudget: total <= TOUR_BUDGET_BYTES, viewpoints: summary.viewpoints, seats: summary.seats, files };
    }
    writeResult('tour-weight', { benchmark: 'tour-weight', tours: results });
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await h.close();
  }
}

await main();
