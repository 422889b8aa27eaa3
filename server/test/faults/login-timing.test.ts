// Login must not tell which emails have an account, by its answer or by its time: a hostile tester
// measured ~0.14 s for a known email with a wrong password and ~0.002 s for an unknown one. Each kind
// of failed login is sent over real HTTP while the scrypt calls the server makes are counted.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { startHarness, type Client, type Harness } from '../http/harness.ts';

const ALICE = { email: 'alice@example.test', name: 'Alice', password: 'alice long password' };
const DORA = { email: 'dora@example.test', name: 'Dora', password: 'dora long password' };
const NOPASS = { email: 'nopass@example.test', name: 'No Password', password: 'replaced by nothing' };

let h: Harness;
let admin: Client;

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '100000' });
  admin = h.client();
  await admin.login();
  const ids: Record<string, string> = {};
  for (const user of [ALICE, DORA, NOPASS]) {
    const res = await admin.json('/api/users', { method: 'POST', json: { ...user, role: 'assessor' } });
    expect(res.status).toBe(201);
    ids[user.email] = res.body.user.id;
  }
  expect((await admin.json(`/api/users/${ids[DORA.email]}/disable`, { method: 'POST' })).status).toBe(200);
  // No route makes a user without a password (an imported or invited account would be one): write it.
  const db = await openDatabase(path.join(h.dataDir, 'sightline.db'));
  await db.q().updateTable('users').set({ password_hash: '' }).where('email', '=', NOPASS.email).execute();
  await db.close();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

async function attempt(email: string, password: string): Promise<{ status: number; body: unknown; scryptCalls: number; ms: number }> {
  const scrypt = vi.spyOn(crypto, 'scrypt');
  try {
    const started = performance.now();
    const res = await h.client().json('/api/auth/login', { method: 'POST', json: { email, password } });
    return { ...res, scryptCalls: scrypt.mock.calls.length, ms: performance.now() - started };
  } finally {
    scrypt.mockRestore();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('a failed login is the same whether or not the email has an account', () => {
  it('does one scrypt derivation and gives one answer for a wrong password, an unknown email, a disabled user (wrong password) and a user without a password', async () => {
    const wrongPassword = await attempt(ALICE.email, 'not the password at all');
    const unknownEmail = await attempt('nobody-here@example.test', 'not the password at all');
    const disabled = await attempt(DORA.email, 'not the password at all');
    const noPassword = await attempt(NOPASS.email, 'not the password at all');
    const refusal = { status: 401, body: { error: { code: 'bad_credentials', message: 'The email or the password is wrong.' } }, scryptCalls: 1 };
    for (const [name, answer] of Object.entries({ wrongPassword, unknownEmail, disabled, noPassword })) {
      expect({ status: answer.status, body: answer.body, scryptCalls: answer.scryptCalls }, name).toEqual(refusal);
    }
    // Only the holder of a disabled account's password learns it is disabled, after the same work.
    const disabledRight = await attempt(DORA.email, DORA.password);
    expect({ status: disabledRight.status, body: disabledRight.body, scryptCalls: disabledRight.scryptCalls }).toEqual({
      status: 403, body: { error: { code: 'account_disabled', message: 'This account is disabled; ask an administrator.' } }, scryptCalls: 1,
    });
    // The control: the right password passes, with the same single derivation.
    const right = await attempt(ALICE.email, ALICE.password);
    expect({ status: right.status, scryptCalls: right.scryptCalls }).toEqual({ status: 200, scryptCalls: 1 });
  });

  it('takes about as long for an unknown email as for a known one (interleaved medians, a bound loose enough for a loaded machine)', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      known.push((await attempt(ALICE.email, `wrong password ${i}`)).ms);
      unknown.push((await attempt(`nobody-${i}@example.test`, `wrong password ${i}`)).ms);
    }
    // Before the fix the ratio was about 0.015; with the same work done it is about 1.
    expect(median(unknown)).toBeGreaterThanOrEqual(0.5 * median(known));
  });
});
