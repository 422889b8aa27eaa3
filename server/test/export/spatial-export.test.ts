// The new entry kinds (annotation.placed/.cleared, measurement.recorded, checklist.captured, and
// evidence.added with a layer) need nothing special: the server verifies the case, and its export
// bundle verifies offline with every one of them in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { buildSpatialCase, LAYER } from '../report/spatial-case.ts';

let h: Harness;
let admin: Client;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterAll(() => h.close());

describe('export and verify with spatial and checklist entries', () => {
  it('verifies on the server and offline, each new entry exported as signed', async () => {
    const { caseId } = await buildSpatialCase(h, admin);
    const entries = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as Array<{ type: string; payload: any; hash: string }>;
    const types = new Set(entries.map((e) => e.type));
    for (const type of ['annotation.placed', 'annotation.cleared', 'measurement.recorded', 'checklist.captured']) expect(types).toContain(type);
    expect(entries.find((e) => e.type === 'evidence.added')?.payload.layer).toEqual(LAYER);

    expect((await admin.json(`/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true, entries: entries.length, firstBroken: null });
    const res = await admin.fetch(`/api/cases/${caseId}/export`);
    expect(res.status).toBe(200);
    const report = await verifyBundle(Buffer.from(await res.arrayBuffer()));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toBe(entries.length);
    expect(report.headHash).toBe(entries.at(-1)!.hash);
  });
});
