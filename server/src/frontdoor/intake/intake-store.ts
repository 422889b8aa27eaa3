// The front door's rows: intakes (what a customer came for and how it ended), one-time codes, and the
// reads intake needs from other tables (a case by reference, the link's last recipient, the customer's photos).
import type { Selectable } from 'kysely';
import type { ServiceType } from '../../../../protocol/agent.ts';
import type { LinkChannel } from '../../../../protocol/http.ts';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import type { Db } from '../../storage/database.ts';
import type { IntakesTable } from '../../storage/schema.ts';
import { NO_CASE } from './one-time-code.ts';

export type IntakeOutcome = 'open' | 'answered' | 'handed-off' | 'left';

export interface StoredIntake {
  id: string;
  caseId: string;
  service: ServiceType;
  intent: string;
  channel: QueueChannel;
  createdAt: string;
  outcome: IntakeOutcome;
  handedOffAt: string | null;
}

export interface StoredCode { caseId: string; codeHash: string; expiresAt: string; attempts: number }

const toIntake = (row: Selectable<IntakesTable>): StoredIntake => ({
  id: row.id, caseId: row.case_id, service: row.service as ServiceType, intent: row.intent, channel: row.channel as QueueChannel,
  createdAt: row.created_at, outcome: row.outcome as IntakeOutcome, handedOffAt: row.handed_off_at,
});

export function createIntakeStore(db: Db) {
  return {
    async insert(intake: Omit<StoredIntake, 'outcome' | 'handedOffAt'>): Promise<void> {
      await db.q().insertInto('intakes').values({
        id: intake.id, case_id: intake.caseId, service: intake.service, intent: intake.intent, channel: intake.channel, created_at: intake.createdAt, handed_off_at: null,
      }).execute();
    },

    /** The case's newest intake; null when it never came through the front door. */
    async latest(caseId: string): Promise<StoredIntake | null> {
      const row = await db.q().selectFrom('intakes').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toIntake(row) : null;
    },

    async setOutcome(id: string, outcome: IntakeOutcome, handedOffAt?: string): Promise<void> {
      await db.q().updateTable('intakes').set({ outcome, ...(handedOffAt ? { handed_off_at: handedOffAt } : {}) }).where('id', '=', id).execute();
    },

    /** The newest case with this reference (references an operator typed need not be unique), or null. */
    async caseIdByReference(reference: string): Promise<string | null> {
      const row = await db.q().selectFrom('cases').select('id').where('reference', '=', reference).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      return row?.id ?? null;
    },

    async referenceTaken(reference: string): Promise<boolean> {
      return (await db.q().selectFrom('cases').select('id').where('reference', '=', reference).limit(1).executeTakeFirst()) !== undefined;
    },

    /** Where the case's link was last sent successfully: where its one-time code goes. */
    async lastRecipient(caseId: string): Promise<{ channel: LinkChannel; recipient: string } | null> {
      const row = await db.q().selectFrom('link_sends').select(['channel', 'recipient']).where('case_id', '=', caseId).where('status', '=', 'sent')
        .orderBy('at', 'desc').orderBy('rowid', 'desc').limit(1).executeTakeFirst();
      return row ? { channel: row.channel as LinkChannel, recipient: row.recipient } : null;
    },

    /** Evidence ids of the photos the customer uploaded to the case, oldest first. */
    async customerPhotos(caseId: string): Promise<string[]> {
      const rows = await db.q().selectFrom('evidence').select('id').where('case_id', '=', caseId).where('captured_by', '=', 'customer').orderBy('rowid').execute();
      return rows.map((r) => r.id);
    },

    /** A new code replaces the case's earlier one (and its attempts). */
    async putCode(code: { caseId: string; codeHash: string; sentAt: string; expiresAt: string }): Promise<void> {
      await db.q().insertInto('intake_codes').values({ case_id: code.caseId, code_hash: code.codeHash, sent_at: code.sentAt, expires_at: code.expiresAt, attempts: 0 })
        .onConflict((oc) => oc.column('case_id').doUpdateSet({ code_hash: code.codeHash, sent_at: code.sentAt, expires_at: code.expiresAt, attempts: 0 }))
        .execute();
    },

    async code(caseId: string): Promise<StoredCode | null> {
      const row = await db.q().selectFrom('intake_codes').selectAll().where('case_id', '=', caseId).executeTakeFirst();
      return row ? { caseId: row.case_id, codeHash: row.code_hash, expiresAt: row.expires_at, attempts: Number(row.attempts) } : null;
    },

    /** Counts one attempt while fewer than `max` were made; false when the code is used up (or there is none). */
    async countAttempt(caseId: string, max: number): Promise<boolean> {
      const result = await db.q().updateTable('intake_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('case_id', '=', caseId).where('attempts', '<', max).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return true;
      // Nothing to count (no such case, no code, or used up): the same write on the stand-in row the
      // migration put there, so an attempt costs one committed write either way and its time tells nothing.
      await db.q().updateTable('intake_codes').set((eb) => ({ attempts: eb('attempts', '+', 0) })).where('case_id', '=', NO_CASE).execute();
      return false;
    },

    async deleteCode(caseId: string): Promise<void> {
      await db.q().deleteFrom('intake_codes').where('case_id', '=', caseId).execute();
    },
  };
}

export type IntakeStore = ReturnType<typeof createIntakeStore>;
