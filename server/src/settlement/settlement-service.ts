// Settlement offers (issue 15): the assessor makes one (a second supersedes the first, in the ledger);
// the customer confirms with a one-time code or their passed identity check and accepts (outcome
// `settled`) or declines with a reason. Every decision gets a receipt code anyone can check.
import type { User } from '../../../protocol/http.ts';
import { MAX_OFFER_DAYS, type AcceptOfferBody, type CaseOffers, type CustomerOffer, type DeclineOfferBody, type OfferBody, type OfferCodeSent, type OfferBlocked, type OfferDecided, type OfferReadiness, type OfferView } from '../../../protocol/settlement-http.ts';
import type { Principal } from '../auth/principal.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseRecord } from '../cases/case-store.ts';
import type { CaseService } from '../cases/case-service.ts';
import { badRequest, HttpError, notFound, text, word, type ErrorText } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import { SOURCE_LANGUAGE, translators } from '../i18n/translate.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { checkCode, codeNotSent, codeRefusal, sendCodeToContact, type CodeSenders } from '../links/code-to-contact.ts';
import { contactOnFile, maskRecipient } from '../links/contact-on-file.ts';
import { expiryWords } from '../links/link-message.ts';
import { messageLanguage } from '../links/message-language.ts';
import type { OutcomeService } from '../outcomes/outcome-service.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Db } from '../storage/database.ts';
import { createOfferStore, type OfferRow } from './offer-store.ts';
import { offerView } from './offer-view.ts';
import { newReceiptCode } from './receipt-code.ts';
import { moneyWords, receiptEmail, receiptSms } from './receipt-message.ts';

type Customer = Extract<Principal, { kind: 'customer' }>;

export interface SettlementDeps {
  db: Db;
  ledger: LedgerStore;
  cases: CaseService;
  outcomes: Pick<OutcomeService, 'settled'>;
  settings: SettingsStore;
  hub: EventHub;
  clock: () => Date;
  organisation: string | null;
  senders: CodeSenders;
  /** A user's console language (the user store's languageOf): the language an outcome in their name is written in. */
  languageOf: (userId: string) => Promise<string | null | undefined>;
  /** The case's passed identity check (its id), or null: the identity service's hasPassedIdentity. */
  passedIdentity: (caseId: string) => Promise<string | null>;
  /** A receipt that could not be sent after the decision was stored: logged, the decision stands. */
  onError: (err: unknown, what: string) => void;
}

export type SettlementService = ReturnType<typeof createSettlementService>;

const DAY_MS = 86_400_000;

/** Why an offer can no longer be decided, in the customer's words; null while it is open and not expired. */
function closedReason(row: OfferRow, now: string): HttpError | null {
  if (row.state === 'superseded') return new HttpError(409, 'offer_superseded', text('offer.superseded'));
  if (row.state === 'withdrawn') return new HttpError(409, 'offer_withdrawn', text('offer.withdrawn'));
  if (row.state === 'accepted' || row.state === 'declined') return new HttpError(409, 'offer_decided', text('offer.decided', { state: word(`offer.state.${row.state}`), receipt: row.receipt_code ?? '' }));
  if (row.expires_at <= now) return new HttpError(409, 'offer_expired', text('offer.expired', { when: (words) => (words.language === SOURCE_LANGUAGE ? row.expires_at : expiryWords(row.expires_at, words)) }));
  return null;
}

export function createSettlementService(deps: SettlementDeps) {
  const { db, ledger, cases, clock } = deps;
  const store = createOfferStore(db);
  const { passedIdentity } = deps;

  /** The masked recipient of each offer's latest code, from the ledger (the row keeps no recipient). */
  const codeRecipients = async (caseId: string): Promise<Map<string, string>> => {
    const sent = await ledger.listOfType(caseId, 'offer.code-sent');
    return new Map(sent.map((e) => [String(e.payload.offerId), String(e.payload.recipient)]));
  };

  const views = async (caseId: string, rows: OfferRow[]): Promise<OfferView[]> => {
    const now = clock().toISOString();
    const recipients = rows.some((r) => r.code_sent_at !== null) ? await codeRecipients(caseId) : new Map<string, string>();
    return rows.map((r) => offerView(r, now, recipients.get(r.id) ?? null));
  };

  /** Whether an offer can be made now; when not, why (the card's words) and the refusal `make` answers with. */
  const assess = async (record: CaseRecord): Promise<{ readiness: OfferReadiness; refusal: HttpError | null }> => {
    const settings = await deps.settings.get();
    const base = { confirmWith: settings.offerConfirmWith, offerRequiresIdentity: settings.offerRequiresIdentity };
    const refuse = (status: number, code: OfferBlocked, reason: ErrorText, receiptCode: string | null = null) => {
      const refusal = new HttpError(status, code, reason);
      return { readiness: { ...base, canOffer: false, reason: refusal.message, blocked: code, receiptCode }, refusal };
    };
    if (record.closedAt !== null) return refuse(409, 'case_closed', text('offer.caseClosed'));
    if (record.kind !== 'damage') return refuse(422, 'not_a_damage_case', text('offer.notDamageCase'));
    // An accepted offer settles the claim: the customer's word is given, so no offer follows it.
    const accepted = (await store.list(record.id)).find((row) => row.state === 'accepted');
    if (accepted) return refuse(409, 'offer_already_accepted', text('offer.alreadyAccepted', { id: accepted.id, receipt: accepted.receipt_code ?? '' }), accepted.receipt_code);
    const needsIdentity = settings.offerRequiresIdentity || settings.offerConfirmWith === 'identity';
    if (needsIdentity && (await passedIdentity(record.id)) === null) {
      const why = word(settings.offerRequiresIdentity ? 'offer.identityFirst' : 'offer.confirmsWithIdentity');
      return refuse(409, 'identity_not_passed', text('offer.identityNotPassed', { why }));
    }
    return { readiness: { ...base, canOffer: true, reason: null, blocked: null, receiptCode: null }, refusal: null };
  };

  /** The customer's offer, if it is theirs: 404 for an unknown id or another case's (the same answer). */
  const customersOffer = async (customer: Customer, offerId: string): Promise<OfferRow> => {
    const row = await store.byId(offerId);
    if (!row || row.case_id !== customer.caseId) throw notFound('offer');
    return row;
  };

  const openOffer = async (customer: Customer, offerId: string): Promise<OfferRow> => {
    const row = await customersOffer(customer, offerId);
    const refusal = closedReason(row, clock().toISOString());
    if (refusal) throw refusal;
    return row;
  };

  const receiptUrl = (base: string, code: string) => `${base}/receipt#${code}`;

  /** Sends the receipt to the contact on file; where it went (masked), or null when it could not go. */
  const sendReceipt = async (record: CaseRecord, row: OfferRow, decision: 'accepted' | 'declined', code: string, base: string): Promise<string | null> => {
    const to = await contactOnFile(db, record.id);
    const send = to?.channel === 'email' ? deps.senders.email : to?.channel === 'sms' ? deps.senders.sms : null;
    if (!to || !send) return null;
    const input = { organisation: deps.organisation, caseReference: record.reference, decision, amount: row.amount, currency: row.currency, receiptCode: code, receiptUrl: receiptUrl(base, code), language: messageLanguage(record) };
    try {
      if (to.channel === 'email') await deps.senders.email!(to.recipient, receiptEmail(input));
      else await deps.senders.sms!(to.recipient, receiptSms(input));
      return maskRecipient(to.channel, to.recipient);
    } catch (err) {
      deps.onError(err, `the receipt ${code} could not be sent`);
      return null;
    }
  };

  const decided = async (caseId: string, offerId: string, code: string, base: string, receiptSentTo: string | null): Promise<OfferDecided> => {
    const row = (await store.byId(offerId))!;
    const [offer] = await views(caseId, [row]);
    return { offer: offer!, receiptCode: code, receiptUrl: receiptUrl(base, code), receiptSentTo };
  };

  return {
    async list(user: User, caseId: string): Promise<CaseOffers> {
      const record = await cases.authorize({ kind: 'user', user }, caseId, 'participants');
      return { offers: await views(caseId, await store.list(caseId)), readiness: (await assess(record)).readiness };
    },

    async make(user: User, caseId: string, body: OfferBody): Promise<OfferView> {
      const record = await cases.authorizeWrite({ kind: 'user', user }, caseId);
      const now = clock();
      const expiresAt = new Date(body.expiresAt);
      if (expiresAt.getTime() <= now.getTime()) throw badRequest('invalid_input', text('offer.expiresInPast'));
      if (expiresAt.getTime() > now.getTime() + MAX_OFFER_DAYS * DAY_MS) throw badRequest('invalid_input', text('offer.expiresTooLate', { days: MAX_OFFER_DAYS }));
      const { readiness: ready, refusal } = await assess(record);
      if (refusal) throw refusal;
      const id = newId('offer');
      const madeAt = now.toISOString();
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const previous = await store.open(caseId);
        if (previous) await store.supersede(previous.id);
        await store.insert({ id, caseId, madeBy: user.id, madeAt, amount: body.amount, currency: body.currency, items: body.items, conditions: body.conditions, expiresAt: expiresAt.toISOString(), confirmWith: ready.confirmWith, supersedes: previous?.id ?? null });
        if (previous) await store.linkSuccessor(previous.id, id);
        await ledger.append({
          caseId, actor: { type: 'assessor', id: user.id }, type: 'offer.made',
          payload: { offerId: id, amount: body.amount, currency: body.currency, items: body.items, conditions: body.conditions, expiresAt: expiresAt.toISOString(), confirmWith: ready.confirmWith, supersedes: previous?.id ?? null },
        });
      });
      await cases.publish(caseId);
      const [view] = await views(caseId, [(await store.byId(id))!]);
      return view!;
    },

    /** The customer's current offer: the open one, else the latest made (decided, superseded or expired). */
    async current(customer: Customer, base: string): Promise<CustomerOffer> {
      const rows = await store.list(customer.caseId);
      const row = rows.find((r) => r.state === 'open') ?? rows.at(-1) ?? null;
      if (!row) return { offer: null, receiptUrl: null };
      const [offer] = await views(customer.caseId, [row]);
      return { offer: offer!, receiptUrl: row.receipt_code ? receiptUrl(base, row.receipt_code) : null };
    },

    async sendCode(customer: Customer, offerId: string): Promise<OfferCodeSent> {
      const record = await cases.authorizeWrite(customer, customer.caseId);
      const row = await openOffer(customer, offerId);
      if (row.confirm_with !== 'code') throw new HttpError(409, 'no_code_needed', text('offer.noCodeNeeded'));
      const sent = await sendCodeToContact(deps, {
        caseId: customer.caseId, reference: record.reference, bindTo: row.id,
        keeper: { put: (code) => store.putCode(row.id, code), clear: () => store.clearCode(row.id) },
      });
      await ledger.append({ caseId: customer.caseId, actor: { type: 'customer', id: customer.tokenId }, type: 'offer.code-sent', payload: { offerId: row.id, channel: sent.channel, recipient: sent.recipient, status: sent.status } });
      await cases.publish(customer.caseId);
      if (sent.failure !== null) throw codeNotSent(sent);
      return { channel: sent.channel, recipient: sent.recipient, expiresAt: sent.expiresAt };
    },

    async accept(customer: Customer, offerId: string, body: AcceptOfferBody, base: string): Promise<OfferDecided> {
      const record = await cases.authorizeWrite(customer, customer.caseId);
      const row = await openOffer(customer, offerId);
      let identityCheckId: string | null = null;
      if (row.confirm_with === 'code') {
        if (body.code === undefined) throw badRequest('invalid_input', text('offer.codeRequired'));
        if (row.code_hash === null) throw new HttpError(409, 'no_code_sent', text('offer.noCodeSent'));
        const verdict = await checkCode(db, {
          countAttempt: (max) => store.countAttempt(row.id, max),
          current: async () => { const current = (await store.byId(row.id))!; return { hash: current.code_hash, expiresAt: current.code_expires_at }; },
          bindTo: row.id, code: body.code, now: () => clock().toISOString(),
        });
        if (verdict !== 'ok') throw codeRefusal(verdict, text('offer.noCodeSent'));
      } else {
        identityCheckId = await passedIdentity(customer.caseId);
        if (identityCheckId === null) throw new HttpError(409, 'identity_not_passed', text('offer.yourIdentityNotPassed'));
      }
      const receiptCode = newReceiptCode();
      const outcome = await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${customer.caseId}`);
        const at = clock().toISOString();
        // Decided only if still open and not expired now: a parallel accept or a new offer wins or loses here.
        const fresh = (await store.byId(row.id))!;
        const refusal = closedReason(fresh, at);
        if (refusal) throw refusal;
        if (!(await store.decide(row.id, { state: 'accepted', at, receiptCode, declineReason: null, identityCheckId }))) throw new HttpError(409, 'offer_decided', text('offer.decidedMeanwhile'));
        await ledger.append({ caseId: customer.caseId, actor: { type: 'customer', id: customer.tokenId }, type: 'offer.accepted', payload: { offerId: row.id, confirmedWith: row.confirm_with, identityCheckId, receiptCode } });
        // The outcome is recorded in the name of the assessor who made the offer, so its reason is written as
        // they would write one: in their console language (English when they have none set).
        const { t, locale } = translators().for(await deps.languageOf(row.made_by));
        const items = (JSON.parse(row.items) as { description: string; amount: number }[])
          .map((i) => t('messages:outcome.item', { description: i.description, amount: moneyWords(i.amount, row.currency, locale) }))
          .join(t('messages:outcome.separator'));
        return deps.outcomes.settled(customer.caseId, {
          amount: row.amount, currency: row.currency, decidedBy: row.made_by, actor: { type: 'customer', id: customer.tokenId },
          reason: t('messages:outcome.offerAccepted', { offer: row.id, receipt: receiptCode, items }),
        });
      });
      deps.hub.publish(record.assessorId, { type: 'outcome', outcome });
      await cases.publish(customer.caseId);
      return decided(customer.caseId, row.id, receiptCode, base, await sendReceipt(record, row, 'accepted', receiptCode, base));
    },

    async decline(customer: Customer, offerId: string, body: DeclineOfferBody, base: string): Promise<OfferDecided> {
      const record = await cases.authorizeWrite(customer, customer.caseId);
      const row = await openOffer(customer, offerId);
      const receiptCode = newReceiptCode();
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${customer.caseId}`);
        const at = clock().toISOString();
        const refusal = closedReason((await store.byId(row.id))!, at);
        if (refusal) throw refusal;
        if (!(await store.decide(row.id, { state: 'declined', at, receiptCode, declineReason: body.reason, identityCheckId: null }))) throw new HttpError(409, 'offer_decided', text('offer.decidedMeanwhile'));
        await ledger.append({ caseId: customer.caseId, actor: { type: 'customer', id: customer.tokenId }, type: 'offer.declined', payload: { offerId: row.id, reason: body.reason, receiptCode } });
      });
      await cases.publish(customer.caseId);
      return decided(customer.caseId, row.id, receiptCode, base, await sendReceipt(record, row, 'declined', receiptCode, base));
    },

    /** For the receipt service: the offer a code names. */
    byReceiptCode: (code: string) => store.byReceiptCode(code),
  };
}
