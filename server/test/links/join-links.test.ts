// Join links after issue, over real HTTP: shown again without revoking, opened and declined by the
// customer, refused when their sealed copy was altered or never made, expired; a new link revokes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { bearer, type Client, type Harness } from '../http/harness.ts';
import { useAdminHarness } from '../support/admin-harness.ts';

let h: Harness;
let admin: Client;
useAdminHarness((server) => ({ h, admin } = server));

async function newCase(title: string, joinLinkHours?: number): Promise<{ id: string; token: string; joinUrl: string }> {
  const created = await admin.json('/api/cases', { method: 'POST', json: { title, joinLinkHours } });
  expect(created.status).toBe(201);
  return { id: created.body.case.id, token: created.body.token, joinUrl: created.body.joinUrl };
}

const caseOf = async (id: string) => (await admin.json(`/api/cases/${id}`)).body.case;
const ledgerTypes = async (id: string): Promise<string[]> => (await admin.json(`/api/cases/${id}/ledger`)).body.entries.map((e: { type: string }) => e.type);
const join = (token: string) => h.client().json('/api/join', { headers: bearer(token) });

/** Runs `sql` on the server's database from outside, as someone with the database file but not the key would. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(path.join(h.dataDir, 'sightline.db'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('showing a link again', () => {
  it('gives the same link as at creation, and the customer holding it can still use it', async () => {
    const c = await newCase('Hail damage, roof');
    const shown = await admin.json(`/api/cases/${c.id}/join-link`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ joinUrl: c.joinUrl, token: c.token, expiresAt: (await caseOf(c.id)).joinExpiresAt });
    const again = await admin.json(`/api/cases/${c.id}/join-link`);
    expect(again.body.joinUrl).toBe(c.joinUrl);
    expect((await join(c.token)).status).toBe(200);
    expect((await ledgerTypes(c.id)).filter((t) => t === 'joinlink.issued')).toHaveLength(1);
  });

  it('after "New join link" shows the new link; the old one no longer admits its holder', async () => {
    const c = await newCase('Water damage, kitchen');
    const reissued = await admin.json(`/api/cases/${c.id}/join-link`, { method: 'POST' });
    expect(reissued.status).toBe(201);
    const shown = await admin.json(`/api/cases/${c.id}/join-link`);
    expect(shown.body.joinUrl).toBe(reissued.body.joinUrl);
    expect(shown.body.joinUrl).not.toBe(c.joinUrl);
    expect((await join(c.token)).status).toBe(401);
    expect((await join(reissued.body.token)).status).toBe(200);
  });

  it('refuses a sealed copy that was altered or moved from another case, and never shows it', async () => {
    const a = await newCase('Tampered seal');
    const b = await newCase('Other case');
    await withDb(async (db) => {
      const current = db.q().selectFrom('join_tokens').where('case_id', '=', a.id).where('revoked_at', 'is', null);
      const row = await current.select('sealed_token').executeTakeFirstOrThrow();
      const parts = row.sealed_token!.split('.');
      const body = Buffer.from(parts[2]!, 'base64url');
      body[0] = body[0]! ^ 0x01;
      parts[2] = body.toString('base64url');
      await db.q().updateTable('join_tokens').set({ sealed_token: parts.join('.') }).where('case_id', '=', a.id).where('revoked_at', 'is', null).execute();
    });
    const altered = await admin.json(`/api/cases/${a.id}/join-link`);
    expect(altered.status).toBe(409);
    expect(altered.body.error).toEqual({ code: 'link_unreadable', message: 'This link could not be read back safely (its stored copy was changed); make a new one.' });
    await withDb(async (db) => {
      await db.q().updateTable('join_tokens')
        .set((eb) => ({ sealed_token: eb.selectFrom('join_tokens as other').select('other.sealed_token').where('other.case_id', '=', b.id).where('other.revoked_at', 'is', null) }))
        .where('case_id', '=', a.id).where('revoked_at', 'is', null).execute();
    });
    const moved = await admin.json(`/api/cases/${a.id}/join-link`);
    expect(moved.status).toBe(409);
    expect(JSON.stringify(moved.body)).not.toContain(b.token);
  });

  it('says a link made before sealing existed cannot be shown, and how to go on', async () => {
    const c = await newCase('Old link');
    await withDb((db) => db.q().updateTable('join_tokens').set({ sealed_token: null }).where('case_id', '=', c.id).execute());
    const shown = await admin.json(`/api/cases/${c.id}/join-link`);
    expect(shown.status).toBe(409);
    expect(shown.body.error).toEqual({ code: 'link_not_sealed', message: 'This link was made before links could be shown again; make a new one.' });
  });

  it('is for the case\'s assessor only', async () => {
    const c = await newCase('Not for customers');
    expect((await h.client().json(`/api/cases/${c.id}/join-link`, { headers: bearer(c.token) })).status).toBe(401);
    expect((await admin.json('/api/cases/case_nope/join-link')).status).toBe(404);
  });
});

describe('link state', () => {
  it('is not-opened, then opened at the first GET /api/join only', async () => {
    const c = await newCase('Opened link');
    expect(await caseOf(c.id)).toMatchObject({ linkState: 'not-opened', linkOpenedAt: null });
    expect((await join(c.token)).status).toBe(200);
    const opened = await caseOf(c.id);
    expect(opened.linkState).toBe('opened');
    expect(opened.linkOpenedAt).toEqual(expect.any(String));
    h.advance(60_000);
    await join(c.token);
    expect((await caseOf(c.id)).linkOpenedAt).toBe(opened.linkOpenedAt);
    expect((await ledgerTypes(c.id)).filter((t) => t === 'joinlink.opened')).toHaveLength(1);
    const listed = (await admin.json('/api/cases')).body.cases.find((x: { id: string }) => x.id === c.id);
    expect(listed.linkState).toBe('opened');
  });

  it('is declined after "No thanks", until the customer agrees after all', async () => {
    const c = await newCase('Declined link');
    await join(c.token);
    const declined = await h.client().json('/api/join/decline', { method: 'POST', headers: bearer(c.token) });
    expect(declined.status).toBe(204);
    expect((await caseOf(c.id)).linkState).toBe('declined');
    expect(await ledgerTypes(c.id)).toContain('customer.declined');
    const consent = await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(c.token), json: { recording: true } });
    expect(consent.status).toBe(200);
    expect((await caseOf(c.id)).linkState).toBe('opened');
    const late = await h.client().json('/api/join/decline', { method: 'POST', headers: bearer(c.token) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('You have already agreed to the call; hang up to leave it.');
  });

  it('is expired past the link\'s life: the link is not shown again, and the customer is refused', async () => {
    const c = await newCase('Expiring link', 1);
    await join(c.token);
    h.advance(2 * 3600_000);
    expect((await caseOf(c.id)).linkState).toBe('expired');
    const shown = await admin.json(`/api/cases/${c.id}/join-link`);
    expect(shown.status).toBe(410);
    expect(shown.body.error.code).toBe('link_expired');
    expect(shown.body.error.message).toMatch(/^This link expired on .+ UTC; make a new one\.$/);
    expect((await join(c.token)).status).toBe(401);
    const reissued = await admin.json(`/api/cases/${c.id}/join-link`, { method: 'POST' });
    expect((await caseOf(c.id)).linkState).toBe('not-opened');
    expect((await admin.json(`/api/cases/${c.id}/join-link`)).body.joinUrl).toBe(reissued.body.joinUrl);
  });
});

describe('link state in the case list', () => {
  it('is each case\'s own (read for all cases at once): not opened, opened, declined, and a replaced link\'s new one', async () => {
    const fresh = await newCase('List: not opened');
    const opened = await newCase('List: opened');
    await join(opened.token);
    const declined = await newCase('List: declined');
    await join(declined.token);
    await h.client().json('/api/join/decline', { method: 'POST', headers: bearer(declined.token) });
    const replaced = await newCase('List: replaced after opening');
    await join(replaced.token);
    expect((await admin.json(`/api/cases/${replaced.id}/join-link`, { method: 'POST' })).status).toBe(201);
    const listed = new Map<string, { linkState: string; linkOpenedAt: string | null }>(
      (await admin.json('/api/cases')).body.cases.map((c: { id: string; linkState: string; linkOpenedAt: string | null }) => [c.id, c]),
    );
    for (const c of [fresh, opened, declined, replaced]) {
      const own = await caseOf(c.id);
      expect(listed.get(c.id)).toMatchObject({ linkState: own.linkState, linkOpenedAt: own.linkOpenedAt });
    }
    expect([fresh, opened, declined, replaced].map((c) => listed.get(c.id)!.linkState)).toEqual(['not-opened', 'opened', 'declined', 'not-opened']);
  });
});

describe('sending without a configured channel', () => {
  it('hides both channels in /api/me and refuses a send with a sentence, storing nothing', async () => {
    const me = await admin.json('/api/me');
    expect(me.body).toMatchObject({ user: { email: 'admin@example.test' }, linkChannels: { email: false, sms: false } });
    const c = await newCase('No channels');
    const before = await ledgerTypes(c.id);
    const email = await admin.json(`/api/cases/${c.id}/join-link/send`, { method: 'POST', json: { channel: 'email', to: 'dana@example.test' } });
    expect(email.status).toBe(409);
    expect(email.body.error).toEqual({ code: 'channel_not_configured', message: 'This server cannot send links by email (SIGHTLINE_SMTP_URL is not set).' });
    const sms = await admin.json(`/api/cases/${c.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+447700900123' } });
    expect(sms.status).toBe(409);
    expect(await ledgerTypes(c.id)).toEqual(before);
    expect((await admin.json(`/api/cases/${c.id}/join-link/sends`)).body).toEqual({ sends: [] });
  });

  it('refuses to send the link of a closed case, storing nothing', async () => {
    const c = await newCase('Closed before sending');
    expect((await admin.json(`/api/cases/${c.id}/close`, { method: 'POST', json: {} })).status).toBe(200);
    const before = await ledgerTypes(c.id);
    const sent = await admin.json(`/api/cases/${c.id}/join-link/send`, { method: 'POST', json: { channel: 'email', to: 'dana@example.test' } });
    expect(sent.status).toBe(409);
    expect(sent.body.error).toEqual({ code: 'case_closed', message: 'This case is closed; reopen it before sending its link.' });
    expect(await ledgerTypes(c.id)).toEqual(before);
  });
});
