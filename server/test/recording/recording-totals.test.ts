// The recording summary's chunk totals come from SQL; they must agree with the pure layout rules for
// any set of chunk numbers, gaps included.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkLayout } from '../../src/recording/chunk-rules.ts';
import { createRecordingStore, type RecordingStore } from '../../src/recording/recording-store.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';

let dir = '';
let db: Db;
let store: RecordingStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-recording-totals-'));
  db = await openDatabase(path.join(dir, 'test.db'));
  await sql`PRAGMA foreign_keys = OFF`.execute(db.q()); // chunks without a case or recording row: only the chunk table is under test
  store = createRecordingStore(db);
});

afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let run = 0;

describe('RecordingStore.totals', () => {
  it('counts an empty recording as nothing held and nothing playable', async () => {
    expect(await store.totals('none')).toEqual({ count: 0, bytes: 0, playableBytes: 0 });
  });

  it('agrees with chunkLayout on count, bytes and playable bytes for any set of chunks', async () => {
    const chunkSet = fc.uniqueArray(fc.record({ n: fc.nat(40), size: fc.integer({ min: 1, max: 1 << 22 }) }), { selector: (c) => c.n, maxLength: 30 });
    await fc.assert(fc.asyncProperty(chunkSet, async (held) => {
      const recordingId = `r${run++}`;
      for (const c of held) {
        await store.insertChunk({ recordingId, n: c.n, sha256: 'a'.repeat(64), size: c.size, receivedAt: '2026-12-04T00:00:00Z', ledgerSeq: 1 });
      }
      const layout = chunkLayout(await store.chunks(recordingId));
      expect(await store.totals(recordingId)).toEqual({ count: held.length, bytes: layout.bytes, playableBytes: layout.playableBytes });
    }), { numRuns: 300 });
  });
});
