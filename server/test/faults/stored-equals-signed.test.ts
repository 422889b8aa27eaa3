// What is stored, what is shown and what the ledger signs are the same text: accepted text whose code
// units are unusual (astral characters as surrogate pairs, NUL, U+FFFD, noncharacters, a BOM inside) reads
// back from its row, from the API and from the signed ledger payload unchanged (case titles, chat lines,
// photo captions and notes). Ill-formed text never gets this far: bad-input.test.ts walks every field
// with a lone surrogate.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatJpeg } from '../evidence/fixtures.ts';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { caseWithPhotos } from '../retention/support.ts';

const UNUSUAL = ['Roof 😀 𝄞', 'nul\u0000inside', 'replacement \ufffd', 'nonchar \uffff\ufdd0', 'b\ufeffom', 'e\u0301 vs \u00e9'];

let h: Harness;
let admin: Client;
let db: Database.Database;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  db = new Database(path.join(h.dataDir, 'sightline.db'), { readonly: true, fileMustExist: true });
});

afterAll(async () => {
  db?.close();
  await h?.close();
});

const signedPayload = (caseId: string, type: string): Record<string, unknown> => {
  const row = db.prepare('SELECT payload FROM ledger_entries WHERE case_id = ? AND type = ? ORDER BY seq DESC LIMIT 1').get(caseId, type) as { payload: string };
  return JSON.parse(row.payload) as Record<string, unknown>;
};

describe('stored text equals signed text', () => {
  it.each(UNUSUAL)('case title and chat line %j', async (value) => {
    const created = await admin.json('/api/cases', { method: 'POST', json: { title: value } });
    expect(created.status).toBe(201);
    const caseId = created.body.case.id as string;
    expect(created.body.case.title).toBe(value);
    expect((db.prepare('SELECT title FROM cases WHERE id = ?').get(caseId) as { title: string }).title).toBe(value);
    expect(signedPayload(caseId, 'case.created').title).toBe(value);

    const line = await admin.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'line-00000001', text: value } });
    expect(line.status).toBe(201);
    expect(line.body.text).toBe(value);
    expect((db.prepare('SELECT text FROM chat_lines WHERE case_id = ?').get(caseId) as { text: string }).text).toBe(value);
    expect(signedPayload(caseId, 'chat.line').text).toBe(value);
    const detail = await admin.json(`/api/cases/${caseId}`);
    expect(detail.body.chat[0].text).toBe(value);
    expect(detail.body.case.title).toBe(value);
  });

  it.each(UNUSUAL)('photo caption and note %j', async (value) => {
    const { caseId, evidence } = await caseWithPhotos(admin, 'Captioned', [await flatJpeg(64, 48, '#884422')]);
    const noted = await admin.json(`/api/cases/${caseId}/evidence/${evidence[0].id}/notes`, { method: 'POST', json: { caption: value, note: value } });
    expect(noted.status).toBe(201);
    expect(noted.body).toMatchObject({ caption: value, note: value });
    expect(db.prepare('SELECT caption, note FROM evidence_notes WHERE case_id = ?').get(caseId)).toEqual({ caption: value, note: value });
    expect(signedPayload(caseId, 'evidence.noted')).toMatchObject({ caption: value, note: value });
    const detail = await admin.json(`/api/cases/${caseId}`);
    expect(detail.body.evidence[0]).toMatchObject({ caption: value, note: value });
  });
});
