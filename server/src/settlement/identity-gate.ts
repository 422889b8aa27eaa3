// Whether a case's identity check stands passed: its latest requested check was passed. Read from the
// identity_checks table directly until the identity service offers its own answer (swap it in here).
import type { Db } from '../storage/database.ts';

/** The passed check's id, or null when the latest check is not passed (or there is none). */
export async function passedIdentityCheck(db: Db, caseId: string): Promise<string | null> {
  const latest = await db.q().selectFrom('identity_checks').select(['id', 'state']).where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return latest?.state === 'passed' ? latest.id : null;
}
