// The supervisor over real HTTP: KPIs of queue entries made through the real routes (enqueue as admin,
// offer, accept, finish; a customer leaving on their join link), the CSV of the same, bad periods
// refused naming the parameter, and who may call what — supervisor (reads every case, changes none),
// expert (no cases), assessor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpiReport } from '../../../protocol/kpi.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
const PASSWORD = 'a long enough password';
let made = 0;

beforeEach(async () => {
  // Sessions here last minutes of the harness's clock with no console open: too quiet for the default
  // away time, which would put them back in the queue (transfer.test.ts tests that).
  h = await startHarness({ SIGHTLINE_QUEUE_AWAY_SECONDS: '3600' });
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

async function user(role: 'assessor' | 'supervisor' | 'expert'): Promise<{ id: string; client: Client }> {
  made += 1;
  const email = `${role}${made}@example.test`;
  const created = await admin.json('/api/users', { method: 'POST', json: { email, name: `${role} ${made}`, role, password: PASSWORD } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.user.role).toBe(role);
  const client = h.client();
  await client.login(email, PASSWORD);
  return { id: created.body.user.id, client };
}

async function newCase(title: string): Promise<string> {
  return (await newCaseWithLink(title)).caseId;
}

async function newCaseWithLink(title: string): Promise<{ caseId: string; token: string }> {
  const res = await admin.json('/api/cases', { method: 'POST', json: { title } });
  expect(res.status).toBe(201);
  return { caseId: res.body.case.id, token: res.body.token };
}

const post = (client: Client, path: string, json: unknown = {}) => client.json(path, { method: 'POST', json });

/** Enqueues the case, lets `waitMs` pass, and has the assessor take the offer. */
async function served(assessor: Client, caseId: string, channel: string, waitMs: number): Promise<string> {
  const entered = await post(admin, '/api/queue', { caseId, channel });
  expect(entered.status, JSON.stringify(entered.body)).toBe(201);
  h.advance(waitMs);
  const offer = await assessor.json('/api/me/offer');
  expect(offer.status).toBe(200);
  expect(offer.body.offer.entryId).toBe(entered.body.entry.id);
  expect((await post(assessor, `/api/queue/${entered.body.entry.id}/accept`)).status).toBe(200);
  return entered.body.entry.id;
}

/** The server's database, opened beside it (for rows no route writes yet). */
async function database() {
  return openDatabase(h.databaseUrl ? { kind: 'postgres', url: h.databaseUrl } : { kind: 'sqlite', file: `${h.dataDir}/sightline.db` });
}

describe('GET /api/kpis', () => {
  it('measures waits, handle times, abandonment, mix, satisfaction and containment from the queue', async () => {
    const supervisor = await user('supervisor');
    const a1 = await user('assessor');
    expect((await admin.json(`/api/users/${a1.id}/routing`, { method: 'PUT', json: { skills: {}, capacity: { text: 2, video: 1 } } })).status).toBe(204);
    expect((await a1.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
    const start = new Date(Date.now() - 60_000).toISOString();
    const [c1, c2, { caseId: c3, token: c3Token }] = [await newCase('Hail'), await newCase('Water'), await newCaseWithLink('Left')];

    const e1 = await served(a1.client, c1, 'video', 10_000);
    h.advance(120_000);
    expect((await post(a1.client, `/api/queue/${e1}/finish`)).status).toBe(200);
    const e2 = await served(a1.client, c2, 'text', 30_000);
    expect((await post(a1.client, `/api/queue/${e2}/finish`)).status).toBe(200);
    // The third customer gives up waiting and leaves on their join link.
    expect((await a1.client.json('/api/me/status', { method: 'PUT', json: { status: 'busy' } })).status).toBe(204);
    expect((await post(admin, '/api/queue', { caseId: c3, channel: 'text' })).status).toBe(201);
    h.advance(5_000);
    const left = await h.client().json('/api/join/queue', { method: 'DELETE', headers: bearer(c3Token) });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    const db = await database();
    const now = new Date(Date.now() + 200_000).toISOString();
    try {
      // Surveys (one per join link) and intakes (each opens its own case) with chosen scores and outcomes, in the store.
      await db.q().insertInto('surveys').values([
        { id: 'sv1', case_id: c1, score: 5, comment: 'Quick, thanks', answered_at: now },
        { id: 'sv2', case_id: c2, score: 2, comment: null, answered_at: now },
      ]).execute();
      await db.q().insertInto('intakes').values([
        { id: 'in1', case_id: c1, service: 'query', intent: 'Where is my claim?', channel: 'text', created_at: now, outcome: 'answered', handed_off_at: null },
        { id: 'in2', case_id: c2, service: 'complaint', intent: 'Nobody called', channel: 'video', created_at: now, outcome: 'handed-off', handed_off_at: now },
        { id: 'in3', case_id: c3, service: 'query', intent: 'Opening hours?', channel: 'text', created_at: now, outcome: 'open', handed_off_at: null },
      ]).execute();
    } finally {
      await db.close();
    }

    const to = new Date(Date.now() + 3_600_000).toISOString();
    const res = await supervisor.client.json(`/api/kpis?from=${start}&to=${to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = KpiReport.parse(res.body);
    expect(report).toMatchObject({
      bucket: 'hour', entered: 3, served: 2, abandoned: 1,
      waitSeconds: { count: 2 },
      handleSeconds: { count: 2 },
      channelMix: { text: 2, video: 1, voice: 0, xr: 0 },
      firstContactResolution: 1,
      satisfaction: { mean: 3.5, count: 2, distribution: [0, 1, 0, 0, 1] },
      botContainment: { contained: 2, intakes: 3 },
    });
    // The server's clock is real time moved on by the test, so a wait is its advance plus a few ms.
    const near = (value: number | null, seconds: number) => expect(value! - seconds).toSatisfy((d: number) => d >= 0 && d < 2);
    near(report.waitSeconds.p50, 10);
    near(report.waitSeconds.p90, 30);
    near(report.waitSeconds.max, 30);
    expect(report.abandonment).toBeCloseTo(1 / 3);
    expect(report.botContainment.ratio).toBeCloseTo(2 / 3);
    expect(report.handleSeconds.p90).toBeGreaterThanOrEqual(120);
    expect(report.series.reduce((sum, b) => sum + b.arrivals, 0)).toBe(3);
    expect(report.series.reduce((sum, b) => sum + b.abandoned, 0)).toBe(1);

    const csv = await supervisor.client.fetch(`/api/kpis.csv?from=${start}&to=${to}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="sightline-kpis-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]!.split(',')[0]).toBe('bucket_start');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + report.series.length + 1 + 1);
    const total = lines.at(-2)!.split(',');
    expect(total.slice(0, 4)).toEqual(['total', '3', '2', '1']);
    expect(total.slice(4, 8).map(Number)).toEqual([report.waitSeconds.mean, report.waitSeconds.p50, report.waitSeconds.p90, report.waitSeconds.max]);
  });

  it('an empty default period: nulls, not NaN', async () => {
    const res = await admin.json('/api/kpis');
    expect(res.status).toBe(200);
    const report = KpiReport.parse(res.body);
    expect(report).toMatchObject({ bucket: 'day', entered: 0, abandonment: null, firstContactResolution: null, waitSeconds: { p50: null }, satisfaction: { mean: null } });
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(7 * 86_400_000);
    expect(report.series).toHaveLength(8);
    expect(report.timeZone).toBe('UTC');
  });

  it('counts switches, not the proposals and answers around them', async () => {
    const { caseId, token } = await newCaseWithLink('Switching to video');
    const proposal = { proposalId: 'proposal-kpi-1', from: 'text', to: 'camera', reason: 'so I can see the damage' };
    expect((await post(admin, `/api/cases/${caseId}/channel-proposals`, proposal)).status).toBe(201);
    expect((await h.client().json('/api/join/channel-proposals/proposal-kpi-1', { method: 'POST', json: { accepted: true }, headers: bearer(token) })).status).toBe(201);
    const customerSwitch = (json: unknown) => h.client().json('/api/join/channel', { method: 'POST', json, headers: bearer(token) });
    expect((await customerSwitch({ switchId: 'switch-kpi-1', from: 'text', to: 'camera', proposalId: 'proposal-kpi-1' })).status).toBe(201);
    expect((await customerSwitch({ switchId: 'switch-kpi-2', from: 'camera', to: 'voice' })).status).toBe(201);
    expect((await post(admin, `/api/cases/${caseId}/channel-proposals`, { ...proposal, proposalId: 'proposal-kpi-2', from: 'voice' })).status).toBe(201);
    const report = KpiReport.parse((await admin.json('/api/kpis')).body);
    expect(report.switches).toEqual({ count: 2, kinds: ['channel.switched'] });
  });

  it.each([
    ['from=tomorrow', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=2026-12-03&to=2026-12-01', 'from'],
    ['from=2024-01-01&to=2026-01-01', 'to'],
    ['from=2026-12-01T09:00', 'from'],
  ])('refuses %s with a 400 naming %s', async (query, name) => {
    for (const path of ['/api/kpis', '/api/kpis.csv']) {
      const res = await admin.json(`${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_range');
      expect(res.body.error.message.startsWith(`${name}: `)).toBe(true);
    }
  });

  it('refuses a repeated or unknown-shaped parameter', async () => {
    const res = await admin.json('/api/kpis?from=2026-12-01&from=2026-12-02');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/from/);
  });
});

describe('GET /api/kpis?tz=: days and hours on the viewer\'s clock', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const kpis = async (query: string) => {
    const res = await admin.json(`/api/kpis?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return KpiReport.parse(res.body);
  };
  const days = (report: KpiReport) => report.series.map((b) => [b.start, b.arrivals]);

  /** Queue entries the customer left at the given times (the past cannot be queued in through the routes). */
  async function leftAt(times: readonly string[]): Promise<void> {
    const caseId = await newCase('Left at a chosen time');
    const db = await database();
    try {
      await db.q().insertInto('queue_entries').values(times.map((at, i) => ({
        id: `tz-${made}-${i}`, case_id: caseId, channel: 'text', priority: 0, enqueued_at: new Date(at).toISOString(), steps: '[]', passed_over: '[]', state: 'left', ended_at: new Date(at).toISOString(),
      }))).execute();
      made += 1;
    } finally {
      await db.close();
    }
  }

  it('a call queued at 23:30 UTC is the next day in Asia/Shanghai and the same day in UTC', async () => {
    // Through the real routes: the server's clock moved on to the next 23:30 UTC (the session idles out: log in again).
    const caseId = await newCase('Late call');
    const at = Math.ceil((Date.now() + HOUR) / DAY) * DAY - 30 * 60_000;
    h.advance(at - Date.now());
    await admin.login();
    expect((await post(admin, '/api/queue', { caseId, channel: 'video' })).status).toBe(201);
    const day = (offset: number) => new Date(at - 23.5 * HOUR + offset * DAY).toISOString().slice(0, 10);
    const period = `from=${day(-1)}&to=${day(1)}`;

    const utc = await kpis(period);
    expect(utc).toMatchObject({ timeZone: 'UTC', bucket: 'day', entered: 1, from: `${day(-1)}T00:00:00.000Z`, to: `${day(2)}T00:00:00.000Z` });
    expect(days(utc)).toEqual([[`${day(-1)}T00:00:00.000Z`, 0], [`${day(0)}T00:00:00.000Z`, 1], [`${day(1)}T00:00:00.000Z`, 0]]);

    // The same dates are Shanghai's days (UTC+8): each starts at 16:00 UTC the day before, and 07:30 is the next day's.
    const shanghai = await kpis(`${period}&tz=Asia/Shanghai`);
    expect(shanghai).toMatchObject({ timeZone: 'Asia/Shanghai', bucket: 'day', entered: 1, from: `${day(-2)}T16:00:00.000Z`, to: `${day(1)}T16:00:00.000Z` });
    expect(days(shanghai)).toEqual([[`${day(-2)}T16:00:00.000Z`, 0], [`${day(-1)}T16:00:00.000Z`, 0], [`${day(0)}T16:00:00.000Z`, 1]]);

    // A period given as datetimes keeps them, and its days are still Shanghai's.
    const sevenDays = await kpis(`from=${new Date(at - 7 * DAY + HOUR).toISOString()}&to=${new Date(at + HOUR).toISOString()}&tz=Asia/Shanghai`);
    expect(sevenDays.series.at(-1)).toMatchObject({ start: `${day(0)}T16:00:00.000Z`, arrivals: 1 });
    expect(sevenDays.series.every((b) => b.start.endsWith('T16:00:00.000Z'))).toBe(true);

    // The CSV of the same: bucket starts on Shanghai's clock with the offset, the file named by Shanghai's days.
    const csv = await admin.fetch(`/api/kpis.csv?${period}&tz=Asia/Shanghai`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="sightline-kpis-${day(-1)}-to-${day(2)}.csv"`);
    expect((await csv.text()).split('\r\n').slice(1, 4).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      `${day(-1)}T00:00:00.000+08:00,0`, `${day(0)}T00:00:00.000+08:00,0`, `${day(1)}T00:00:00.000+08:00,1`,
    ]);
  });

  it('America/New_York: a 23-hour day in March and a 25-hour day in November are one day each', async () => {
    await leftAt([
      '2026-03-08T04:30:00Z', // 7 March 23:30 EST
      '2026-03-08T05:00:00Z', // 8 March 00:00 EST
      '2026-03-09T03:30:00Z', // 8 March 23:30 EDT (clocks went forward at 02:00)
      '2026-03-09T04:00:00Z', // 9 March 00:00 EDT
      '2026-11-01T03:59:00Z', // 31 October 23:59 EDT
      '2026-11-01T04:00:00Z', // 1 November 00:00 EDT
      '2026-11-02T04:30:00Z', // 1 November 23:30 EST (clocks went back at 02:00)
      '2026-11-02T05:00:00Z', // 2 November 00:00 EST
    ]);
    const march = await kpis('from=2026-03-07&to=2026-03-09&tz=America/New_York');
    expect(march).toMatchObject({ bucket: 'day', from: '2026-03-07T05:00:00.000Z', to: '2026-03-10T04:00:00.000Z', entered: 4 });
    expect(days(march)).toEqual([['2026-03-07T05:00:00.000Z', 1], ['2026-03-08T05:00:00.000Z', 2], ['2026-03-09T04:00:00.000Z', 1]]);
    expect(days(await kpis('from=2026-03-07&to=2026-03-09'))).toEqual([['2026-03-07T00:00:00.000Z', 0], ['2026-03-08T00:00:00.000Z', 2], ['2026-03-09T00:00:00.000Z', 2]]);

    const november = await kpis('from=2026-10-31&to=2026-11-02&tz=America/New_York');
    expect(november).toMatchObject({ bucket: 'day', from: '2026-10-31T04:00:00.000Z', to: '2026-11-03T05:00:00.000Z', entered: 4 });
    expect(days(november)).toEqual([['2026-10-31T04:00:00.000Z', 1], ['2026-11-01T04:00:00.000Z', 2], ['2026-11-02T05:00:00.000Z', 1]]);

    // Two local days across the change are 49 hours, still by the hour: 01:00 twice (EDT, then EST).
    const hourly = await kpis('from=2026-10-31&to=2026-11-01&tz=America/New_York');
    expect(hourly).toMatchObject({ bucket: 'hour', from: '2026-10-31T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' });
    expect(hourly.series).toHaveLength(49);
    expect(hourly.series.map((b) => b.start)).toEqual(Array.from({ length: 49 }, (_, i) => new Date(Date.parse('2026-10-31T04:00:00Z') + i * HOUR).toISOString()));
    expect(hourly.series.filter((b) => b.arrivals > 0).map((b) => b.start)).toEqual(['2026-11-01T03:00:00.000Z', '2026-11-01T04:00:00.000Z', '2026-11-02T04:00:00.000Z']);
  });

  it('Asia/Kolkata (UTC+05:30): days and hours start on the half hour', async () => {
    await leftAt(['2026-12-01T18:15:00Z', '2026-12-01T18:30:00Z']); // 1 December 23:45 and 2 December 00:00 in India
    const daily = await kpis('from=2026-12-01&to=2026-12-03&tz=Asia/Kolkata');
    expect(daily).toMatchObject({ bucket: 'day', from: '2026-11-30T18:30:00.000Z', to: '2026-12-03T18:30:00.000Z' });
    expect(days(daily)).toEqual([['2026-11-30T18:30:00.000Z', 1], ['2026-12-01T18:30:00.000Z', 1], ['2026-12-02T18:30:00.000Z', 0]]);
    const hourly = await kpis('from=2026-12-01&to=2026-12-01&tz=Asia/Kolkata');
    expect(hourly.bucket).toBe('hour');
    expect(hourly.series).toHaveLength(24);
    expect(hourly.series.every((b) => b.start.endsWith(':30:00.000Z'))).toBe(true);
    expect(hourly.series.at(-1)).toMatchObject({ start: '2026-12-01T17:30:00.000Z', arrivals: 1 });
    // In UTC both are on 1 December.
    expect(days(await kpis('from=2026-12-01&to=2026-12-03')).map(([, n]) => n)).toEqual([2, 0, 0]);
  });

  it.each([
    ['tz=Mars/Olympus_Mons', /^tz: "Mars\/Olympus_Mons" is not a time zone name/],
    ['tz=%2B05%3A30', /^tz: "\+05:30" is not a time zone name/],
    ['tz=Etc/Unknown', /^tz: /],
    ['tz=Asia/Shanghai%20', /^tz: /],
    ['tz=', /^tz: /],
    [`tz=${'A'.repeat(65)}`, /^Invalid query: tz: /],
    ['tz=UTC&tz=Asia/Shanghai', /^Invalid query: tz: /],
  ])('refuses %s with a 400 naming tz, and the period without it still answers', async (query, message) => {
    for (const path of ['/api/kpis', '/api/kpis.csv']) {
      const res = await admin.json(`${path}?from=2026-12-01&to=2026-12-03&${query}`);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe(message.source.startsWith('^Invalid query') ? 'invalid_input' : 'invalid_time_zone');
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).not.toMatch(/\b(from|to):/);
    }
    expect((await kpis('from=2026-12-01&to=2026-12-03')).timeZone).toBe('UTC');
  });
});

describe('who may call', () => {
  it('supervisors and admins read KPIs, the queue and routing; assessors and experts are refused', async () => {
    const supervisor = await user('supervisor');
    const assessor = await user('assessor');
    const expert = await user('expert');
    for (const path of ['/api/kpis', '/api/kpis.csv', '/api/queue']) {
      expect((await supervisor.client.fetch(path)).status, path).toBe(200);
      expect((await admin.fetch(path)).status, path).toBe(200);
      expect((await assessor.client.fetch(path)).status, path).toBe(403);
      expect((await expert.client.fetch(path)).status, path).toBe(403);
      expect((await h.client().fetch(path)).status, path).toBe(401);
    }
    expect((await supervisor.client.json(`/api/users/${assessor.id}/routing`, { method: 'PUT', json: { skills: { auto: 2 }, capacity: { video: 1 } } })).status).toBe(204);
    // Users and settings stay the admin's.
    expect((await supervisor.client.json('/api/users')).status).toBe(403);
    expect((await post(supervisor.client, '/api/users', { email: 'x@example.test', name: 'X', password: PASSWORD })).status).toBe(403);
    expect((await post(supervisor.client, `/api/users/${assessor.id}/disable`)).status).toBe(403);
  });

  it('a supervisor reads every case and changes none', async () => {
    const supervisor = await user('supervisor');
    const assessor = await user('assessor');
    const created = await post(assessor.client, '/api/cases', { title: 'Not the supervisor\'s' });
    const caseId: string = created.body.case.id;
    expect((await supervisor.client.json('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    for (const path of ['', '/ledger', '/verify', '/report', '/join-link/sends']) {
      expect((await supervisor.client.fetch(`/api/cases/${caseId}${path}`)).status, path).toBe(200);
    }
    const writes: [string, string, unknown][] = [
      // Chat is not among them: a supervisor may write to the assessor (chat-authors.test.ts).
      ['PATCH', '', { reference: 'R-1' }], ['POST', '/close', { reason: 'no' }],
      ['POST', '/outcome', { decision: 'approved', reason: 'no' }], ['POST', '/join-link', {}], ['POST', '/recordings', {}],
    ];
    for (const [method, path, json] of writes) {
      const res = await supervisor.client.json(`/api/cases/${caseId}${path}`, { method, json });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.message).toMatch(/^a supervisor can read cases, not change them/i);
    }
    expect((await post(supervisor.client, '/api/cases', { title: 'Mine' })).status).toBe(403);
    // The same writes with the path spelled as the router would still match it (its routes ignore case).
    for (const spelled of [`/API/CASES/${caseId}/close`, `/api/Cases/${caseId}/close`, `/api/cases/${caseId}/CLOSE`]) {
      expect((await supervisor.client.json(spelled, { method: 'POST', json: { reason: 'no' } })).status, spelled).toBe(403);
    }
    // Listening in on the live call: peer credentials are the one thing a supervisor may ask of a case.
    expect((await post(supervisor.client, `/api/cases/${caseId}/peer`)).status).toBe(200);
    const after = await admin.json(`/api/cases/${caseId}`);
    expect(after.body.case.reference ?? null).toBeNull();
    expect(after.body.case.closedAt).toBeNull();
  });

  it('an expert logs in and sees no cases', async () => {
    const expert = await user('expert');
    const assessor = await user('assessor');
    const caseId: string = (await post(assessor.client, '/api/cases', { title: 'Private' })).body.case.id;
    expect((await expert.client.json('/api/me')).body.user.role).toBe('expert');
    expect((await expert.client.json('/api/cases')).body.cases).toEqual([]);
    expect([403, 404]).toContain((await expert.client.fetch(`/api/cases/${caseId}`)).status);
    expect((await post(expert.client, '/api/cases', { title: 'Of my own' })).status).toBe(403);
    expect((await post(expert.client, '/API/Cases/', { title: 'Of my own, spelled otherwise' })).status).toBe(403);
    expect((await expert.client.json('/api/cases')).body.cases).toEqual([]);
  });
});
