// npm run legal-hold and retention's skip: a real server whose blobs live in s3rver behind the capture
// proxy (s3-capture-proxy.ts), which answers the Object Lock calls s3rver lacks as AWS S3 does. The
// command holds every blob the case's ledger requires and appends a signed entry; retention skips the
// case, and says so, until the hold is lifted. Refusals: bad arguments, the local store, an unknown
// case, and a store that refuses the hold (s3rver itself), which leaves no ledger entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { main as legalHold } from '../../src/retention/legal-hold-cli.ts';
import { main as retention } from '../../src/retention/cli.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { startS3Server, type S3TestServer } from '../support/s3-server.ts';
import { startS3CaptureProxy, type S3CaptureProxy } from '../storage/s3-capture-proxy.ts';
import { caseWithPhotos, decide } from './support.ts';

let s3: S3TestServer;
let proxy: S3CaptureProxy;
let h: Harness;
let admin: Client;
let env: Record<string, string>;
let disputed: string;
let other: string;

async function run(command: typeof legalHold, argv: string[], withEnv: Record<string, string> = env): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await command(argv, (line) => lines.push(line), withEnv);
  return { code, text: lines.join('\n') };
}
const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
const requiredBlobs = (entries: LedgerEntry[]): string[] => [...new Set(entries.flatMap((e) => e.blobs))];
const keyOf = (sha256: string): string => `/${s3.bucket}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
const holdsSent = () => proxy.requests.filter((r) => r.query.has('legal-hold')).map((r) => ({ path: r.path, status: /<Status>(ON|OFF)<\/Status>/.exec(r.body.toString())?.[1] }));

beforeAll(async () => {
  s3 = await startS3Server();
  proxy = await startS3CaptureProxy(s3.endpoint, { objectLock: 'enabled' });
  env = { ...s3.env, AWS_ENDPOINT_URL_S3: proxy.endpoint, SIGHTLINE_S3_OBJECT_LOCK: 'GOVERNANCE', SIGHTLINE_RETENTION_DAYS: '30' };
  h = await startHarness(env);
  env = { ...env, SIGHTLINE_DATA_DIR: h.dataDir, ...(h.databaseUrl ? { SIGHTLINE_DATABASE_URL: h.databaseUrl } : {}) };
  admin = h.client();
  await admin.login();
  disputed = (await caseWithPhotos(admin, 'Disputed', [await flatJpeg(320, 240, '#aa2211')])).caseId;
  other = (await caseWithPhotos(admin, 'Settled', [await flatJpeg(320, 240, '#11aa22')])).caseId;
  await decide(admin, disputed);
  await decide(admin, other);
});
afterAll(async () => {
  await h?.close();
  await proxy?.close();
  await s3?.close();
});

describe('npm run legal-hold', () => {
  it('uploads through the server carried the Object Lock headers', async () => {
    const puts = proxy.requests.filter((r) => r.method === 'PUT' && r.query.get('x-id') === 'PutObject');
    const stored = async (caseId: string) => requiredBlobs(await ledgerOf(caseId));
    // Two renditions with the same bytes (a small flat photo) may both be sent: each found the key absent.
    expect([...new Set(puts.map((r) => r.path.split('/').at(-1)))].sort()).toEqual([...await stored(disputed), ...await stored(other)].sort());
    for (const put of puts) {
      expect(put.headers['x-amz-object-lock-mode']).toBe('GOVERNANCE');
      expect(Date.parse(String(put.headers['x-amz-object-lock-retain-until-date']))).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    }
  });

  it('refuses bad arguments', async () => {
    for (const argv of [[], [disputed], [disputed, 'maybe'], [disputed, 'on', 'extra'], [disputed, 'on', '--reason', 'x'.repeat(501)], [disputed, 'on', '--bogus']]) {
      const { code, text } = await run(legalHold, argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(text).toMatch(/usage: npm run legal-hold|at most 500|Unknown option/);
    }
  });

  it('refuses the local store, which cannot hold files', async () => {
    const { code, text } = await run(legalHold, [disputed, 'on'], { SIGHTLINE_DATA_DIR: h.dataDir });
    expect(code).toBe(2);
    expect(text).toContain('the blob store is the local folder, whose files cannot carry an Object Lock legal hold');
  });

  it('refuses a case that does not exist, holding nothing', async () => {
    const { code, text } = await run(legalHold, ['case_nope', 'on']);
    expect(code).toBe(2);
    expect(text).toBe('no case case_nope');
    expect(holdsSent()).toEqual([]);
  });

  it('holds every blob the case requires and appends a signed entry that verifies', async () => {
    const before = await ledgerOf(disputed);
    const n = requiredBlobs(before).length;
    const { code, text } = await run(legalHold, [disputed, 'on', '--reason', 'Claimant disputes the decision']);
    expect(text).toBe(`legal hold put on ${n} blob(s) of case ${disputed}; ledger entry seq ${before.length + 1}`);
    expect(code).toBe(0);
    expect(holdsSent()).toEqual(requiredBlobs(before).map((sha256) => ({ path: keyOf(sha256), status: 'ON' })));
    const entry = (await ledgerOf(disputed)).at(-1)!;
    expect(entry).toMatchObject({ type: 'retention.legal-hold', actor: { type: 'system', id: 'legal-hold' }, blobs: [], payload: { status: 'on', reason: 'Claimant disputes the decision', blobs: n } });
    expect((await admin.json(`/api/cases/${disputed}/verify`)).body.ok).toBe(true);
  });

  it('makes retention skip the held case, and say so, while it purges the other', async () => {
    const { code, text } = await run(retention, ['--older-than-days', '0']);
    expect(code).toBe(0);
    expect(text).toContain(`purged case ${other}`);
    expect(text).toMatch(new RegExp(`skipped case ${disputed} \\(latest outcome [^)]+\\): legal hold on since entry seq \\d+`));
    expect((await ledgerOf(disputed)).some((e) => e.type === 'retention.purged')).toBe(false);
    expect((await admin.json(`/api/cases/${disputed}/verify`)).body.ok).toBe(true);
  });

  it('lifted, the case is purged by the next retention run', async () => {
    const required = requiredBlobs(await ledgerOf(disputed));
    proxy.requests.length = 0;
    const lifted = await run(legalHold, [disputed, 'off']);
    expect(lifted).toMatchObject({ code: 0, text: expect.stringContaining(`legal hold lifted from ${required.length} blob(s) of case ${disputed}`) });
    expect(holdsSent()).toEqual(required.map((sha256) => ({ path: keyOf(sha256), status: 'OFF' })));
    expect((await ledgerOf(disputed)).at(-1)).toMatchObject({ type: 'retention.legal-hold', payload: { status: 'off', reason: null, blobs: required.length } });
    const { text } = await run(retention, ['--older-than-days', '0']);
    expect(text).toContain(`purged case ${disputed}`);
    expect(text).not.toContain('skipped');
  });

  it('fails, writing no entry, when the store refuses the hold (s3rver has no legal hold)', async () => {
    const caseId = (await caseWithPhotos(admin, 'On s3rver', [await flatJpeg(320, 240, '#1122aa')])).caseId;
    const before = await ledgerOf(caseId);
    const { code, text } = await run(legalHold, [caseId, 'on'], { ...env, AWS_ENDPOINT_URL_S3: s3.endpoint, SIGHTLINE_S3_OBJECT_LOCK: '' });
    expect(text).toMatch(new RegExp(`^the store refused the legal hold on blob [0-9a-f]{64} \\(0 of ${requiredBlobs(before).length} done, no ledger entry written\\): MethodNotAllowed`));
    expect(code).toBe(1);
    expect(await ledgerOf(caseId)).toEqual(before);
  });
});
