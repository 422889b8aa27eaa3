// Cases and their join tokens. A join token is stored only as its sha-256.
import type { CaseAddress } from '../../../protocol/capture.ts';
import type { ChecklistTemplateId } from '../../../protocol/checklist.ts';
import type { CaseKind, Decision } from '../../../protocol/http.ts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../storage/database.ts';
import { caseWhere, type CaseFilter } from './case-query.ts';

export interface CaseRecord {
  id: string;
  kind: CaseKind;
  title: string;
  customerName: string | null;
  /** null: a case the front door opened (intake), not yet taken from the queue by anyone. */
  assessorId: string | null;
  createdBy: string | null;
  createdAt: string;
  /** The guided-capture checklist the customer is taken through, if any. */
  checklist: ChecklistTemplateId | null;
  /** The preview tour the customer is shown, if any. */
  tour: string | null;
  /** The operator's claim, policy or booking reference, if any. */
  reference: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  joinExpiresAt: string;
  evidenceCount: number;
  decision: Decision | null;
  /** The address photos are checked against (cases/case-address.ts sets it); null: none given. */
  address: CaseAddress | null;
  /** The case's language (BCP 47), chosen at creation; null: the customer's browser decides. */
  language: string | null;
  /** The language the customer's page last used; null until it says. */
  customerLanguage: string | null;
}

export interface JoinTokenRecord {
  id: string;
  caseId: string;
  expiresAt: string;
  revokedAt: string | null;
  consentedAt: string | null;
  locationAllowed: boolean;
}

interface CaseRow {
  id: string;
  kind: CaseKind;
  title: string;
  customer_name: string | null;
  assessor_id: string;
  created_by: string | null;
  created_at: string;
  checklist: ChecklistTemplateId | null;
  tour: string | null;
  reference: string | null;
  closed_at: string | null;
  archived_at: string | null;
  join_expires_at: string | null;
  evidence_count: number;
  decision: Decision | null;
  address: string | null;
  address_latitude: number | null;
  address_longitude: number | null;
  language: string | null;
  customer_language: string | null;
}

interface TokenRow {
  id: string;
  case_id: string;
  expires_at: string;
  revoked_at: string | null;
  consented_at: string | null;
  location_allowed: number;
}

const CASE_SELECT = `
  SELECT c.*,
    (SELECT max(expires_at) FROM join_tokens t WHERE t.case_id = c.id AND t.revoked_at IS NULL) AS join_expires_at,
    (SELECT count(*) FROM evidence e WHERE e.case_id = c.id) AS evidence_count,
    (SELECT decision FROM outcomes o WHERE o.case_id = c.id ORDER BY o.at DESC, o.rowid DESC LIMIT 1) AS decision
  FROM cases c`;

export interface CaseStore {
  insert(record: Omit<CaseRecord, 'joinExpiresAt' | 'evidenceCount' | 'decision' | 'closedAt' | 'archivedAt' | 'address' | 'language' | 'customerLanguage'> & { language?: string | null }): Promise<void>;
  byId(id: string): Promise<CaseRecord | null>;
  /** Cases matching a search (case-query.ts), newest first. */
  search(filter: CaseFilter): Promise<CaseRecord[]>;
  /** Sets the fields given; the caller ledgers the change in the same transaction. */
  update(id: string, fields: { title?: string; customerName?: string | null; reference?: string | null }): Promise<void>;
  setClosed(id: string, at: string | null): Promise<void>;
  setArchived(id: string, at: string | null): Promise<void>;
  setAssessor(id: string, assessorId: string): Promise<void>;
  /** Records the language the customer's page is in; false when it already was (nothing changed). */
  setCustomerLanguage(id: string, language: string): Promise<boolean>;
  /** How many open (not closed) cases each assessor has. */
  openCounts(): Promise<Map<string, number>>;
  /** Revokes the case's earlier tokens and stores a new one. */
  replaceJoinToken(input: { id: string; caseId: string; tokenHash: string; createdAt: string; expiresAt: string }): Promise<void>;
  tokenByHash(tokenHash: string): Promise<JoinTokenRecord | null>;
  tokenById(id: string): Promise<JoinTokenRecord | null>;
  recordConsent(tokenId: string, at: string, locationAllowed: boolean): Promise<void>;
}

/** A WHERE clause written with `?` placeholders (case-query.ts) as a Kysely fragment with its values bound. */
function bound(text: string, params: readonly string[]): RawBuilder<unknown> {
  const pieces = text.split('?');
  if (pieces.length !== params.length + 1) throw new Error('case search: placeholders and values do not match');
  return sql.join(pieces.flatMap((piece, i) => (i < params.length ? [sql.raw(piece), sql`${params[i]}`] : [sql.raw(piece)])), sql``);
}

export function createCaseStore(db: Db): CaseStore {
  const toCase = (row: CaseRow): CaseRecord => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    customerName: row.customer_name,
    assessorId: row.assessor_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    checklist: row.checklist,
    tour: row.tour,
    reference: row.reference,
    closedAt: row.closed_at,
    archivedAt: row.archived_at,
    joinExpiresAt: row.join_expires_at ?? row.created_at,
    evidenceCount: Number(row.evidence_count),
    decision: row.decision,
    address: row.address_latitude !== null && row.address_longitude !== null
      ? { address: row.address, latitude: Number(row.address_latitude), longitude: Number(row.address_longitude) }
      : null,
    language: row.language,
    customerLanguage: row.customer_language,
  });
  const toToken = (row: TokenRow): JoinTokenRecord => ({
    id: row.id,
    caseId: row.case_id,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    consentedAt: row.consented_at,
    locationAllowed: row.location_allowed === 1,
  });
  const token = async (column: 'token_hash' | 'id', value: string): Promise<JoinTokenRecord | null> => {
    const row = await db.q().selectFrom('join_tokens').select(['id', 'case_id', 'expires_at', 'revoked_at', 'consented_at', 'location_allowed']).where(column, '=', value).executeTakeFirst();
    return row ? toToken(row) : null;
  };
  const setCase = async (id: string, fields: { closed_at?: string | null; archived_at?: string | null; assessor_id?: string }): Promise<void> => {
    await db.q().updateTable('cases').set(fields).where('id', '=', id).execute();
  };
  return {
    async insert(record) {
      await db.q().insertInto('cases').values({
        id: record.id, kind: record.kind, title: record.title, customer_name: record.customerName, assessor_id: record.assessorId,
        created_by: record.createdBy, created_at: record.createdAt, checklist: record.checklist, tour: record.tour, reference: record.reference,
        language: record.language ?? null,
      }).execute();
    },
    async byId(id) {
      const { rows } = await sql<CaseRow>`${sql.raw(CASE_SELECT)} WHERE c.id = ${id}`.execute(db.q());
      return rows[0] ? toCase(rows[0]) : null;
    },
    async search(filter) {
      const { where, params } = caseWhere(filter);
      const { rows } = await sql<CaseRow>`${sql.raw(CASE_SELECT)} ${bound(where, params)} ORDER BY c.created_at DESC, c.rowid DESC`.execute(db.q());
      return rows.map(toCase);
    },
    async update(id, fields) {
      const set: { title?: string; customer_name?: string | null; reference?: string | null } = {};
      if (fields.title !== undefined) set.title = fields.title;
      if (fields.customerName !== undefined) set.customer_name = fields.customerName;
      if (fields.reference !== undefined) set.reference = fields.reference;
      if (Object.keys(set).length > 0) await db.q().updateTable('cases').set(set).where('id', '=', id).execute();
    },
    setClosed: (id, at) => setCase(id, { closed_at: at }),
    setArchived: (id, at) => setCase(id, { archived_at: at }),
    setAssessor: (id, assessorId) => setCase(id, { assessor_id: assessorId }),
    async setCustomerLanguage(id, language) {
      const result = await db.q().updateTable('cases').set({ customer_language: language })
        .where('id', '=', id).where((eb) => eb.or([eb('customer_language', 'is', null), eb('customer_language', '!=', language)])).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async openCounts() {
      const rows = await db.q().selectFrom('cases').select(['assessor_id', (eb) => eb.fn.countAll<number>().as('n')]).where('closed_at', 'is', null).groupBy('assessor_id').execute();
      return new Map(rows.filter((r) => r.assessor_id !== null).map((r) => [r.assessor_id!, Number(r.n)]));
    },
    async replaceJoinToken(input) {
      await db.q().updateTable('join_tokens').set({ revoked_at: input.createdAt }).where('case_id', '=', input.caseId).where('revoked_at', 'is', null).execute();
      await db.q().insertInto('join_tokens').values({ id: input.id, token_hash: input.tokenHash, case_id: input.caseId, created_at: input.createdAt, expires_at: input.expiresAt }).execute();
    },
    tokenByHash: (tokenHash) => token('token_hash', tokenHash),
    tokenById: (id) => token('id', id),
    async recordConsent(tokenId, at, locationAllowed) {
      await db.q().updateTable('join_tokens')
        .set((eb) => ({ consented_at: eb.fn.coalesce('consented_at', eb.val(at)), location_allowed: locationAllowed ? 1 : 0 }))
        .where('id', '=', tokenId).execute();
    },
  };
}
