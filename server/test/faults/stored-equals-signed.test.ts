// What is stored, what is shown and what the ledger signs are the same text: accepted text whose code
// units are unusual (astral characters as surrogate pairs, NUL, U+FFFD, noncharacters, a BOM inside) reads
// back from its row, from the API and from the signed ledger payload unchanged. Ill-formed text never
// gets this far: bad-input.test.ts walks every field with a lone surrogate.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../http/harness.ts';

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
});
