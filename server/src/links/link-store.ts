// A case's current join token as the link features see it (sealed copy, opened, declined), and the
// sends of links by email or SMS, in SQLite.
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

interface TokenRow {
  id: string;
  token_hash: string;
  expires_at: string;
  sealed_token: string | null;
  opened_at: string | null;
  declined_at: string | null;
  consented_at: string | null;
}

interface SendRow { id: string; channel: LinkChannel; recipient: string; status: 'sent' | 'failed'; detail: string | null; at: string }

export interface LinkStore {
  current(caseId: string): CurrentToken | null;
  setSealed(tokenId: string, sealed: string): void;
  /** Records the first opening of a token; false when it was opened before. */
  markOpened(tokenId: string, at: string): boolean;
  markDeclined(tokenId: string, at: string): void;
  insertSend(row: SendRow & { caseId: string; tokenId: string; ledgerSeq: number }): void;
  sends(caseId: string): LinkSendView[];
}

export function createLinkStore(db: Db): LinkStore {
  const currentStmt = db.prepare<[string], TokenRow>(
    `SELECT id, token_hash, expires_at, sealed_token, opened_at, declined_at, consented_at FROM join_tokens
     WHERE case_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );
  const sendsStmt = db.prepare<[string], SendRow>('SELECT id, channel, recipient, status, detail, at FROM link_sends WHERE case_id = ? ORDER BY at, rowid');
  return {
    current(caseId) {
      const row = currentStmt.get(caseId);
      if (!row) return null;
      return {
        id: row.id,
        tokenHash: row.token_hash,
        expiresAt: row.expires_at,
        sealedToken: row.sealed_token,
        openedAt: row.opened_at,
        declinedAt: row.declined_at,
        consentedAt: row.consented_at,
      };
    },
    setSealed(tokenId, sealed) {
      db.prepare('UPDATE join_tokens SET sealed_token = ? WHERE id = ?').run(sealed, tokenId);
    },
    markOpened(tokenId, at) {
      return db.prepare('UPDATE join_tokens SET opened_at = ? WHERE id = ? AND opened_at IS NULL').run(at, tokenId).changes === 1;
    },
    markDeclined(tokenId, at) {
      db.prepare('UPDATE join_tokens SET declined_at = ? WHERE id = ?').run(at, tokenId);
    },
    insertSend(row) {
      db.prepare('INSERT INTO link_sends (id, case_id, token_id, channel, recipient, status, detail, at, ledger_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        row.id, row.caseId, row.tokenId, row.channel, row.recipient, row.status, row.detail, row.at, row.ledgerSeq,
      );
    },
    sends(caseId) {
      return sendsStmt.all(caseId).map((r) => ({ id: r.id, channel: r.channel, recipient: r.recipient, status: r.status, detail: r.detail, at: r.at }));
    },
  };
}
