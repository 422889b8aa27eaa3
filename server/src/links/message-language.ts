// The language the server writes to a customer in (SMS, email, the digital agent, checklist titles): the
// language their page last said it was in (the customer's own choice, or the link's), else the case's
// (set at creation), else null — English.
import type { Db } from '../storage/database.ts';

export function messageLanguage(record: { language: string | null; customerLanguage: string | null }): string | null {
  return record.customerLanguage ?? record.language;
}

/** messageLanguage of the case with this id; null for an unknown case. */
export async function caseMessageLanguage(db: Db, caseId: string): Promise<string | null> {
  const row = await db.q().selectFrom('cases').select(['language', 'customer_language']).where('id', '=', caseId).executeTakeFirst();
  return row ? messageLanguage({ language: row.language, customerLanguage: row.customer_language }) : null;
}
