// Identity checks as stored: one row per check, its state moving requested → submitted → passed | failed
// (or cancelled while open); an optional one-time code is kept on the row as a hash.
import type { Selectable } from 'kysely';
import { MrzReading } from '../../../protocol/identity.ts';
import type { IdentityCheckView } from '../../../protocol/identity-http.ts';
import type { Db } from '../storage/database.ts';
import type { IdentityChecksTable } from '../storage/schema.ts';

const toView = (r: Selectable<IdentityChecksTable>): IdentityCheckView => ({
  id: r.id, caseId: r.case_id, document: r.document, state: r.state, requestedBy: r.requested_by, requestedAt: r.requested_at,
  frontEvidenceId: r.front_evidence_id, backEvidenceId: r.back_evidence_id, selfieEvidenceId: r.selfie_evidence_id,
  submittedAt: r.submitted_at, mrz: r.mrz === null ? null : MrzReading.parse(JSON.parse(r.mrz)),
  decidedBy: r.decided_by, decidedAt: r.decided_at, reason: r.reason,
  withCode: r.with_code === 1, codeSentTo: null, codeConfirmedAt: r.code_confirmed_at,
});

export type IdentityCheckRow = Selectable<IdentityChecksTable>;

export interface IdentityStore {
  /** The case's checks, oldest first. */
  list(caseId: string): Promise<IdentityCheckView[]>;
  byId(caseId: string, id: string): Promise<IdentityCheckView | null>;
  /** The check still waiting for the customer or the assessor (requested or submitted), if any. */
  open(caseId: string): Promise<IdentityCheckView | null>;
  /** The most recently requested check not withdrawn, whatever its state. */
  latest(caseId: string): Promise<IdentityCheckView | null>;
  /** The row itself (the code's hash and attempts are never in a view). */
  row(id: string): Promise<IdentityCheckRow | null>;
  insert(check: Pick<IdentityCheckView, 'id' | 'caseId' | 'document' | 'requestedBy' | 'requestedAt' | 'withCode'>): Promise<void>;
  submitted(id: string, s: { front: string; back: string | null; selfie: string; mrz: MrzReading | null; at: string }): Promise<void>;
  decided(id: string, d: { result: 'passed' | 'failed'; by: string; at: string; reason: string }): Promise<void>;
  /** Withdraws a check still open (who and why; the time is the ledger entry's); false when it was no longer open. */
  cancelled(id: string, c: { by: string; reason: string }): Promise<boolean>;
  putCode(id: string, code: { hash: string; sentAt: string; expiresAt: string }): Promise<void>;
  clearCode(id: string): Promise<void>;
  /** Counts one code attempt; false when the attempts were already used up. */
  countAttempt(id: string, max: number): Promise<boolean>;
  codeConfirmed(id: string, at: string): Promise<void>;
}

export function createIdentityStore(db: Db): IdentityStore {
  const checks = () => db.q().selectFrom('identity_checks').selectAll();
  return {
    list: async (caseId) => (await checks().where('case_id', '=', caseId).orderBy('requested_at').orderBy('id').execute()).map(toView),
    async byId(caseId, id) {
      const row = await checks().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? toView(row) : null;
    },
    async open(caseId) {
      const row = await checks().where('case_id', '=', caseId).where('state', 'in', ['requested', 'submitted']).executeTakeFirst();
      return row ? toView(row) : null;
    },
    async latest(caseId) {
      const row = await checks().where('case_id', '=', caseId).where('state', '!=', 'cancelled').orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toView(row) : null;
    },
    row: async (id) => (await checks().where('id', '=', id).executeTakeFirst()) ?? null,
    async insert(c) {
      await db.q().insertInto('identity_checks').values({
        id: c.id, case_id: c.caseId, document: c.document, requested_by: c.requestedBy, requested_at: c.requestedAt, state: 'requested',
        front_evidence_id: null, back_evidence_id: null, selfie_evidence_id: null, mrz: null, submitted_at: null,
        decided_by: null, decided_at: null, reason: null, with_code: c.withCode ? 1 : 0,
      }).execute();
    },
    async submitted(id, s) {
      await db.q().updateTable('identity_checks').set({
        state: 'submitted', front_evidence_id: s.front, back_evidence_id: s.back, selfie_evidence_id: s.selfie,
        mrz: s.mrz === null ? null : JSON.stringify(s.mrz), submitted_at: s.at,
      }).where('id', '=', id).execute();
    },
    async decided(id, d) {
      await db.q().updateTable('identity_checks').set({ state: d.result, decided_by: d.by, decided_at: d.at, reason: d.reason }).where('id', '=', id).execute();
    },
    async cancelled(id, c) {
      // decided_at stays null: the table's CHECK keeps it for a pass or a fail.
      const result = await db.q().updateTable('identity_checks').set({ state: 'cancelled', decided_by: c.by, reason: c.reason, code_hash: null })
        .where('id', '=', id).where('state', 'in', ['requested', 'submitted']).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async putCode(id, code) {
      await db.q().updateTable('identity_checks').set({ code_hash: code.hash, code_sent_at: code.sentAt, code_expires_at: code.expiresAt, code_attempts: 0 }).where('id', '=', id).execute();
    },
    async clearCode(id) {
      await db.q().updateTable('identity_checks').set({ code_hash: null, code_sent_at: null, code_expires_at: null }).where('id', '=', id).execute();
    },
    async countAttempt(id, max) {
      const result = await db.q().updateTable('identity_checks').set((eb) => ({ code_attempts: eb('code_attempts', '+', 1) }))
        .where('id', '=', id).where('code_attempts', '<', max).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async codeConfirmed(id, at) {
      await db.q().updateTable('identity_checks').set({ code_confirmed_at: at, code_hash: null }).where('id', '=', id).execute();
    },
  };
}
