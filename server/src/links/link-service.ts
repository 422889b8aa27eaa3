// Join links after issue: shown again from their sealed copy (never revoked by it), opened and declined
// by the customer, and sent by email or SMS — each send stored and ledgered, failed or not.
import type { ConsoleSettings, JoinLinkView, LinkSendView, SendLinkBody, User } from '../../../protocol/http.ts';
import type { Principal } from '../auth/principal.ts';
import { newId, secretHash } from '../auth/tokens.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text } from '../errors.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { SendEmail } from './email-sender.ts';
import type { LinkSeal } from './link-seal.ts';
import { expiryWords, linkEmail, linkSms } from './link-message.ts';
import type { LinkStore } from './link-store.ts';
import { messageLanguage } from './message-language.ts';
import type { SendSms } from './sms-sender.ts';

export interface LinkServiceDeps {
  db: Db;
  store: LinkStore;
  cases: CaseService;
  ledger: LedgerStore;
  seal: LinkSeal;
  clock: () => Date;
  /** The operator's organisation, named in the messages; null when not configured. */
  organisation: string | null;
  /** Each channel's sender; null when the server has it not configured. */
  senders: { email: SendEmail | null; sms: SendSms | null };
}

type Customer = Extract<Principal, { kind: 'customer' }>;

export type LinkService = ReturnType<typeof createLinkService>;

export function createLinkService(deps: LinkServiceDeps) {
  const { db, store, cases, ledger, clock } = deps;

  /** The current link of a case the user may reach, read back from its sealed copy. */
  const currentLink = async (user: User, caseId: string, joinBase: string): Promise<JoinLinkView & { tokenId: string; caseTitle: string }> => {
    const record = await cases.authorize({ kind: 'user', user }, caseId);
    const current = await store.current(caseId);
    if (!current) throw new HttpError(410, 'link_gone', text('link.none'));
    if (current.expiresAt <= clock().toISOString()) {
      throw new HttpError(410, 'link_expired', text('link.expiredOn', { when: (words) => expiryWords(current.expiresAt, words) }));
    }
    if (current.sealedToken === null) {
      throw new HttpError(409, 'link_not_sealed', text('link.notSealed'));
    }
    const token = deps.seal.open(current.sealedToken, current.id);
    // A sealed copy that does not open, or opens to another token, was altered: never show it.
    if (token === null || secretHash(token) !== current.tokenHash) {
      throw new HttpError(409, 'link_unreadable', text('link.unreadable'));
    }
    return { joinUrl: `${joinBase}/j#${token}`, token, expiresAt: current.expiresAt, tokenId: current.id, caseTitle: record.title };
  };

  return {
    settings(): ConsoleSettings {
      return { linkChannels: { email: deps.senders.email !== null, sms: deps.senders.sms !== null } };
    },

    async show(user: User, caseId: string, joinBase: string): Promise<JoinLinkView> {
      const { joinUrl, token, expiresAt } = await currentLink(user, caseId, joinBase);
      return { joinUrl, token, expiresAt };
    },

    /** The customer opened their link: the first opening of each token is recorded and shown to the console. */
    async opened(customer: Customer): Promise<void> {
      const first = await db.transaction(async () => {
        if (!(await store.markOpened(customer.tokenId, clock().toISOString()))) return false;
        await ledger.append({ caseId: customer.caseId, actor: { type: 'customer', id: customer.tokenId }, type: 'joinlink.opened', payload: { tokenId: customer.tokenId } });
        return true;
      });
      if (first) await cases.publish(customer.caseId);
    },

    /** The customer said no on the consent screen. Agreeing later clears it; after agreeing there is nothing to decline. */
    async decline(customer: Customer): Promise<void> {
      if (customer.consented) throw new HttpError(409, 'already_consented', text('consent.already'));
      await db.transaction(async () => {
        await store.markDeclined(customer.tokenId, clock().toISOString());
        await ledger.append({ caseId: customer.caseId, actor: { type: 'customer', id: customer.tokenId }, type: 'customer.declined', payload: { tokenId: customer.tokenId } });
      });
      await cases.publish(customer.caseId);
    },

    /** Sends the current link; a failed send is recorded too, then answered 502 with its reason. */
    async send(user: User, caseId: string, body: SendLinkBody, joinBase: string): Promise<LinkSendView> {
      const record = await cases.authorize({ kind: 'user', user }, caseId);
      // A closed case admits no customer: a link sent now would only lead to a refusal.
      if (record.closedAt !== null) throw new HttpError(409, 'case_closed', text('case.closedForLink'));
      const { email, sms } = deps.senders;
      type Words = Parameters<typeof linkEmail>[0];
      const deliver = body.channel === 'email'
        ? email && ((words: Words) => email(body.to, linkEmail(words)))
        : sms && ((words: Words) => sms(body.to, linkSms(words)));
      if (!deliver) {
        throw new HttpError(409, 'channel_not_configured', text(body.channel === 'email' ? 'link.noEmailSender' : 'link.noSmsSender'));
      }
      const link = await currentLink(user, caseId, joinBase);
      const words = { organisation: deps.organisation, caseTitle: link.caseTitle, joinUrl: link.joinUrl, expiresAt: link.expiresAt, language: messageLanguage(record) };
      let detail: string | null = null;
      try {
        await deliver(words);
      } catch (error) {
        detail = error instanceof Error ? error.message : String(error);
      }
      const sent: LinkSendView = { id: newId('ls'), channel: body.channel, recipient: body.to, status: detail === null ? 'sent' : 'failed', detail, at: clock().toISOString() };
      await db.transaction(async () => {
        const entry = await ledger.append({
          caseId,
          actor: { type: 'assessor', id: user.id },
          type: 'joinlink.sent',
          payload: { channel: sent.channel, recipient: sent.recipient, status: sent.status },
        });
        await store.insertSend({ ...sent, caseId, tokenId: link.tokenId, ledgerSeq: entry.seq });
      });
      if (detail !== null) throw new HttpError(502, 'send_failed', detail);
      return sent;
    },

    async sends(user: User, caseId: string): Promise<LinkSendView[]> {
      await cases.authorize({ kind: 'user', user }, caseId);
      return store.sends(caseId);
    },
  };
}
