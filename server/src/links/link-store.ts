// A case's current join token as the link features see it (sealed copy, opened, declined), and the
// sends of links by email or SMS.
import type { LinkChannel, LinkSendView } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';

/** The case's current (not revoked) join token. */
export interface CurrentToken {
  id: string;
  tokenHash: string;
  expiresAt: string;
  /** The token sealed with the server's link key; null for a token issued before sealing existed. */
  sealedToken: string | null;
  openedAt: string | null;
  declinedAt: string | null;
  consentedAt: string | null;
}

interface SendRow { id: string; channel: LinkChannel; recipient: string; status: 'sent' | 'failed'; detail: string | null; at: string }

export interface LinkStore {
  current(caseId: string): Promise<CurrentToken | null>;
  /** The current token of each case that has one, in one query per 500 cases (a case list's links at once). */
  currentOf(caseIds: readonly string[]): Promise<Map<string, CurrentToken>>;
  setSealed(tokenId: string, sealed: string): Promise<void>;
  /** Records the first opening of a token; false when it was opened before. */
  markOpened(tokenId: string, at: string): Promise<boolean>;
  markDeclined(tokenId: string, at: string): Promise<void>;
  insertSend(row: SendRow & { caseId: string; tokenId: string; ledgerSeq: number }): Promise<void>;
  sends(caseId: string): Promise<LinkSendView[]>;
}

const CURRENT_COLUMNS = ['id', 'token_hash', 'expires_at', 'sealed_token', 'opened_at', 'declined_at', 'consented_at'] as const;

function currentToken(row: { id: string; token_hash: string; expires_at: string; sealed_token: string | null; opened_at: string | null; declined_at: string | null; consented_at: string | null }): CurrentToken {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    sealedToken: row.sealed_token,
    openedAt: row.opened_at,
    declinedAt: row.declined_at,
    consentedAt: row.consented_at,
  };
}

export function createLinkStore(db: Db): LinkStore {
  const currentOf = async (caseIds: readonly string[]): Promise<Map<string, CurrentToken>> => {
    const current = new Map<string, CurrentToken>();
    for (let i = 0; i < caseIds.length; i += 500) {
      const rows = await db.q().selectFrom('join_tokens')
        .select([...CURRENT_COLUMNS, 'case_id'])
        .where('case_id', 'in', caseIds.slice(i, i + 500))
        .where('revoked_at', 'is', null)
        .orderBy('case_id')
        .orderBy('created_at', 'desc')
        .orderBy('rowid', 'desc')
        .execute();
      // Newest first within each case: the first row seen is its current token.
      for (const row of rows) if (!current.has(row.case_id)) current.set(row.case_id, currentToken(row));
    }
    return current;
  };
  return {
    current: async (caseId) => (await currentOf([caseId])).get(caseId) ?? null,
    currentOf,
    async setSealed(tokenId, sealed) {
      await db.q().updateTable('join_tokens').set({ sealed_token: sealed }).where('id', '=', tokenId).execute();
    },
    async markOpened(tokenId, at) {
      const result = await db.q().updateTable('join_tokens').set({ opened_at: at }).where('id', '=', tokenId).where('opened_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markDeclined(tokenId, at) {
      await db.q().updateTable('join_tokens').set({ declined_at: at }).where('id', '=', tokenId).execute();
    },
    async insertSend(row) {
      await db.q().insertInto('link_sends').values({
        id: row.id, case_id: row.caseId, token_id: row.tokenId, channel: row.channel, recipient: row.recipient,
        status: row.status, detail: row.detail, at: row.at, ledger_seq: row.ledgerSeq,
      }).execute();
    },
    async sends(caseId) {
      const rows = await db.q().selectFrom('link_sends')
        .select(['id', 'channel', 'recipient', 'status', 'detail', 'at'])
        .where('case_id', '=', caseId)
        .orderBy('at')
        .orderBy('rowid')
        .execute();
      return rows.map((r) => ({ id: r.id, channel: r.channel as LinkChannel, recipient: r.recipient, status: r.status as SendRow['status'], detail: r.detail, at: r.at }));
    },
  };
}
