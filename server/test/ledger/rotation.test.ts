// Ledger key rotation end to end, on both engines: entries are written, the key is rotated with the
// command's own function while the server runs (it keeps signing with the old key), more are written,
// the server restarts with the new key and writes more. The server's verification passes, the export
// verifies offline trusting the old key id and trusting the new one, and an edited keyId is caught.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerKey, LedgerKeyring } from '../../../protocol/http.ts';
import { loadConfig } from '../../src/config.ts';
import { main as ledgerKey } from '../../src/secrets/ledger-key-cli.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { main as verify } from '../../src/verifier/cli.ts';
import { engines } from '../support/engines.ts';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };

interface Running {
  server: RunningServer;
  base: string;
  cookie: string;
}

async function start(env: Record<string, string>): Promise<Running> {
  const server = await startServer(loadConfig(env), pino({ level: 'silent' }));
  const base = server.httpUrl!.replace('localhost', '127.0.0.1');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  return { server, base, cookie: login.headers.get('set-cookie')!.split(';')[0]! };
}

async function call<T>(at: Running, pathname: string, json?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(at.base + pathname, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { cookie: at.cookie, ...(json === undefined ? {} : { 'content-type': 'application/json' }), origin: at.base },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) as T : (null as T) };
}

const chat = async (at: Running, caseId: string, n: number) => {
  const res = await call(at, `/api/cases/${caseId}/chat`, { id: `chat-rot-${String(n).padStart(4, '0')}`, text: `line ${n}` });
  expect(res.status).toBe(201);
};

async function verifyOffline(bundle: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await verify([bundle, ...args], { stdout: (text) => { out += text; }, stderr: (text) => { out += text; }, cwd: path.dirname(bundle) });
  return { code, out };
}

describe.each(engines())('ledger key rotation on $name', (engine) => {
  let dataDir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void> = async () => {};
  let running: Running | null = null;
  let caseId: string;
  let oldKey: LedgerKey;
  let newKey: LedgerKey;
  let bundle: string;
  const rotateOutput: string[] = [];

  beforeAll(async () => {
    if (engine.skip) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-rotation-'));
    const made = await engine.fresh();
    drop = made.drop;
    env = { PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_ADMIN_EMAIL: ADMIN.email, SIGHTLINE_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'silent', ...made.env };
    running = await start(env);
    oldKey = (await call<LedgerKey>(running, '/api/ledger/key')).body;
    caseId = (await call<{ case: { id: string } }>(running, '/api/cases', { title: 'Rotation', customerName: 'Dana' })).body.case.id;
    await chat(running, caseId, 1);

    expect(await ledgerKey(['rotate'], (line) => rotateOutput.push(line), env)).toBe(0);
    // Still running with the old key: its entries stay verifiable.
    await chat(running, caseId, 2);
    await running.server.close();
    running = await start(env);
    newKey = (await call<LedgerKey>(running, '/api/ledger/key')).body;
    await chat(running, caseId, 3);

    const res = await fetch(`${running.base}/api/cases/${caseId}/export`, { headers: { cookie: running.cookie } });
    expect(res.status).toBe(200);
    bundle = path.join(dataDir, 'bundle.zip');
    fs.writeFileSync(bundle, Buffer.from(await res.arrayBuffer()));
  });
  afterAll(async () => {
    await running?.server.close();
    await drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(engine.skip)('makes a new key endorsed by the old, and the restarted server signs with it', async () => {
    expect(newKey.keyId).not.toBe(oldKey.keyId);
    expect(rotateOutput[0]).toBe(`new ledger key ${newKey.keyId}, endorsed by ${oldKey.keyId}, recorded in the keyring`);
    const keyring = (await call<LedgerKeyring>(running!, '/api/ledger/keys')).body;
    expect(keyring.current).toBe(newKey.keyId);
    expect(keyring.keys.map((key) => [key.keyId, key.endorsedBy])).toEqual([[oldKey.keyId, null], [newKey.keyId, oldKey.keyId]]);
    if (engine.name === 'sqlite') {
      const retired = path.join(dataDir, `ledger-signing-key.${oldKey.keyId}.retired.pem`);
      expect(fs.statSync(retired).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'ledger-signing-key.pem')).mode & 0o777).toBe(0o600);
    }
    const listed: string[] = [];
    expect(await ledgerKey(['list'], (line) => listed.push(line), env)).toBe(0);
    expect(listed).toEqual([expect.stringMatching(new RegExp(`^${oldKey.keyId} .*first key`)), expect.stringMatching(new RegExp(`^${newKey.keyId} .*endorsed by ${oldKey.keyId}  \\(current\\)$`))]);
  });

  it.skipIf(engine.skip)('every entry names its key; the server verifies the case across the rotation', async () => {
    const entries = (await call<{ entries: LedgerEntry[] }>(running!, `/api/cases/${caseId}/ledger`)).body.entries;
    const last = entries.at(-1)!;
    expect(last.keyId).toBe(newKey.keyId);
    expect(entries.filter((entry) => entry.keyId === oldKey.keyId).length).toBeGreaterThanOrEqual(3);
    expect(entries.every((entry) => entry.keyId === oldKey.keyId || entry.keyId === newKey.keyId)).toBe(true);
    const result = (await call<{ ok: boolean; firstBroken: unknown }>(running!, `/api/cases/${caseId}/verify`)).body;
    expect(result).toMatchObject({ ok: true, firstBroken: null });
  });

  it.skipIf(engine.skip)('the export verifies offline trusting the old key id, and trusting the new one', async () => {
    const byOld = await verifyOffline(bundle, '--key-id', oldKey.keyId);
    expect(byOld.out).toMatch(/^VERIFIED: /);
    expect(byOld.out).toContain(`${oldKey.keyId} (created `);
    expect(byOld.out).toContain(`the key you trust; its endorsements reach the signing key: ${oldKey.keyId} → ${newKey.keyId}`);
    expect(byOld.code).toBe(0);
    const byNew = await verifyOffline(bundle, '--key-id', newKey.keyId);
    expect(byNew.code).toBe(0);
    expect(byNew.out).toContain(`${newKey.keyId} (created `);
    expect(byNew.out).toContain('signs the manifest (public-key.pem)');
    const stranger = await verifyOffline(bundle, '--key-id', '0123456789abcdef');
    expect(stranger.code).toBe(1);
    expect(stranger.out).toContain('not with the key you trust (key id 0123456789abcdef, --key-id 0123456789abcdef), which is not among its ledgerKeys either');
  });

  it.skipIf(engine.skip)('an entry whose keyId was edited in the database fails verification', async () => {
    const db = await openDatabase(env.SIGHTLINE_DATABASE_URL ? { kind: 'postgres', url: env.SIGHTLINE_DATABASE_URL } : { kind: 'sqlite', file: path.join(dataDir, 'sightline.db') });
    try {
      await sql`UPDATE ledger_entries SET key_id = ${newKey.keyId} WHERE case_id = ${caseId} AND seq = 1`.execute(db.q());
      const broken = (await call<{ ok: boolean; firstBroken: { seq: number; reason: string } }>(running!, `/api/cases/${caseId}/verify`)).body;
      expect(broken).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: 'entry content does not match its hash' } });
      await sql`UPDATE ledger_entries SET key_id = ${'fedcba9876543210'} WHERE case_id = ${caseId} AND seq = 1`.execute(db.q());
      const unknown = (await call<{ ok: boolean; firstBroken: { seq: number; reason: string } }>(running!, `/api/cases/${caseId}/verify`)).body;
      expect(unknown.firstBroken?.reason).toBe('entry content does not match its hash');
    } finally {
      await sql`UPDATE ledger_entries SET key_id = ${oldKey.keyId} WHERE case_id = ${caseId} AND seq = 1`.execute(db.q());
      await db.close();
    }
    expect((await call<{ ok: boolean }>(running!, `/api/cases/${caseId}/verify`)).body.ok).toBe(true);
  });
});
