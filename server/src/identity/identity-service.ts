// Identity checks before regulated steps: the assessor asks for a document (and a selfie, and optionally a
// one-time code sent to the contact on file), the customer sends three live captures, the MRZ is read
// offline, and the assessor decides or withdraws the check. Each step is a ledger entry written
// in the transaction that changes the check's row.
import type { LedgerActor, User } from '../../../protocol/http.ts';
import type { MrzReading } from '../../../protocol/identity.ts';
import type {
  CustomerIdentityCheck, IdentityCancelBody, IdentityCheckView, IdentityCodeBody, IdentityCodeSent, IdentityDecisionBody, IdentityRequestBody, IdentitySubmitBody,
} from '../../../protocol/identity-http.ts';
import type { Logger } from 'pino';
import { actorOf, type Principal } from '../auth/principal.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, notFound, text, word } from '../errors.ts';
import type { EvidenceRecord, EvidenceStore } from '../evidence/evidence-store.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { checkCode, codeContact, codeNotSent, codeRefusal, sendCodeToContact, type CodeSenders } from '../links/code-to-contact.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Db } from '../storage/database.ts';
import type { IdentityStore } from './identity-store.ts';
import type { MrzReader } from './mrz-ocr.ts';
import { evidenceFor, type PhotoRole } from './identity-photos.ts';

export interface IdentityServiceDeps {
  db: Db;
  store: IdentityStore;
  evidence: Pick<EvidenceStore, 'byId'>;
  blobs: Pick<BlobStore, 'open'>;
  ledger: LedgerStore;
  cases: CaseService;
  mrz: MrzReader;
  clock: () => Date;
  log: Logger;
  /** Where an optional one-time code goes: the link channels' senders. */
  senders: CodeSenders;
  organisation: string | null;
}

export type IdentityService = ReturnType<typeof createIdentityService>;

type Customer = Extract<Principal, { kind: 'customer' }>;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export function createIdentityService(deps: IdentityServiceDeps) {
  const { db, store, ledger, clock } = deps;

  const mustFind = async (caseId: string, checkId: string): Promise<IdentityCheckView> => {
    const check = await store.byId(caseId, checkId);
    if (!check) throw notFound('identityCheck');
    return check;
  };

  /** The document photos' MRZ, tried back first for a card (its MRZ is on the back); null when none is readable. */
  async function readMrz(photos: EvidenceRecord[]): Promise<MrzReading | null> {
    try {
      const images = await Promise.all(photos.map(async (p) => readAll(await deps.blobs.open(p.sha256))));
      return await deps.mrz.read(images);
    } catch (err) {
      // The check goes on without a reading: the assessor compares the document by eye.
      deps.log.error({ err }, 'identity check: the MRZ could not be read');
      return null;
    }
  }

  /** Each check's latest code recipient (masked) of a code that went out, from the ledger: the row keeps no recipient. */
  const withRecipients = async (caseId: string, checks: IdentityCheckView[]): Promise<IdentityCheckView[]> => {
    if (!checks.some((c) => c.withCode)) return checks;
    const sent = await ledger.listOfType(caseId, 'identity.code-sent');
    // Only a code that went out: a failed send left no code to enter.
    const to = new Map(sent.filter((e) => e.payload.status === 'sent').map((e) => [String(e.payload.checkId), String(e.payload.recipient)]));
    return checks.map((c) => ({ ...c, codeSentTo: to.get(c.id) ?? null }));
  };
  const viewOf = async (caseId: string, checkId: string): Promise<IdentityCheckView> => (await withRecipients(caseId, [await mustFind(caseId, checkId)]))[0]!;

  /** Sends a fresh code for an open check that asks for one and records it; the send's failure is thrown after. */
  const sendCode = async (caseId: string, reference: string | null, checkId: string, actor: LedgerActor): Promise<IdentityCodeSent> => {
    const sent = await sendCodeToContact(deps, {
      caseId, reference, bindTo: checkId,
      keeper: { put: (code) => store.putCode(checkId, code), clear: () => store.clearCode(checkId) },
    });
    await ledger.append({ caseId, actor, type: 'identity.code-sent', payload: { checkId, channel: sent.channel, recipient: sent.recipient, status: sent.status } });
    await deps.cases.publish(caseId);
    if (sent.failure !== null) throw codeNotSent(sent);
    return { channel: sent.channel, recipient: sent.recipient, expiresAt: sent.expiresAt };
  };

  /** The customer's check still waiting for its code: requested, asking for one, not yet confirmed. */
  const awaitingCode = async (customer: Customer, checkId: string): Promise<IdentityCheckView> => {
    const check = await mustFind(customer.caseId, checkId);
    if (check.state !== 'requested') throw new HttpError(409, 'identity_check_not_requested', text('identity.takesNoCode', { id: checkId, state: word(`identity.state.${check.state}`) }));
    if (!check.withCode) throw new HttpError(409, 'no_code_needed', text('identity.noCodeNeeded'));
    if (check.codeConfirmedAt !== null) throw new HttpError(409, 'code_already_confirmed', text('identity.codeConfirmed'));
    return check;
  };

  const service = {
    async list(user: User, caseId: string): Promise<IdentityCheckView[]> {
      await deps.cases.authorize({ kind: 'user', user }, caseId);
      return withRecipients(caseId, await store.list(caseId));
    },

    async request(user: User, caseId: string, body: IdentityRequestBody): Promise<IdentityCheckView> {
      const record = await deps.cases.authorizeWrite({ kind: 'user', user }, caseId);
      const withCode = body.withCode === true;
      // Refused before anything is stored: a code that cannot reach the customer would block the check.
      if (withCode) await codeContact(deps, caseId, 'code.thenSendLinkFirst');
      const check = await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const open = await store.open(caseId);
        if (open) throw new HttpError(409, 'identity_check_open', text('identity.stillOpen', { id: open.id, state: word(`identity.state.${open.state}`) }));
        const id = newId('idc');
        await store.insert({ id, caseId, document: body.document, requestedBy: user.id, requestedAt: clock().toISOString(), withCode });
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'identity.requested', payload: { checkId: id, document: body.document } });
        return (await store.byId(caseId, id))!;
      });
      await deps.cases.publish(caseId);
      if (withCode) {
        try {
          await sendCode(caseId, record.reference, check.id, { type: 'assessor', id: user.id });
        } catch (err) {
          // The check stands and its entry says the send failed: the customer's page offers to send again.
          deps.log.error({ err }, 'identity check: the first code could not be sent');
        }
      }
      return viewOf(caseId, check.id);
    },

    async cancel(user: User, caseId: string, checkId: string, body: IdentityCancelBody): Promise<IdentityCheckView> {
      await deps.cases.authorizeWrite({ kind: 'user', user }, caseId);
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const check = await mustFind(caseId, checkId);
        if (!(await store.cancelled(checkId, { by: user.id, reason: body.reason }))) {
          throw new HttpError(409, 'identity_check_closed', text('identity.cannotWithdraw', { id: checkId, state: word(`identity.state.${check.state}`) }));
        }
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'identity.cancelled', payload: { checkId, reason: body.reason } });
      });
      await deps.cases.publish(caseId);
      return viewOf(caseId, checkId);
    },

    /** The customer asks for a (new) code: the earlier one stops working and the attempts start again. */
    async sendCode(customer: Customer, checkId: string): Promise<IdentityCodeSent> {
      const record = await deps.cases.authorizeWrite(customer, customer.caseId);
      await awaitingCode(customer, checkId);
      return sendCode(customer.caseId, record.reference, checkId, actorOf(customer));
    },

    async confirmCode(customer: Customer, checkId: string, body: IdentityCodeBody): Promise<CustomerIdentityCheck> {
      const caseId = customer.caseId;
      await deps.cases.authorizeWrite(customer, caseId);
      await awaitingCode(customer, checkId);
      const verdict = await checkCode(db, {
        countAttempt: (max) => store.countAttempt(checkId, max),
        current: async () => { const row = (await store.row(checkId))!; return { hash: row.code_hash, expiresAt: row.code_expires_at }; },
        bindTo: checkId, code: body.code, now: () => clock().toISOString(),
      });
      if (verdict !== 'ok') throw codeRefusal(verdict, text('identity.noCodeSent'));
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const now = await mustFind(caseId, checkId);
        if (now.state !== 'requested' || now.codeConfirmedAt !== null) throw new HttpError(409, 'identity_check_not_requested', text('identity.takesNoCode', { id: checkId, state: word(`identity.state.${now.state}`) }));
        await store.codeConfirmed(checkId, clock().toISOString());
        await ledger.append({ caseId, actor: actorOf(customer), type: 'identity.code-confirmed', payload: { checkId } });
      });
      await deps.cases.publish(caseId);
      return (await service.forCustomer(customer))!;
    },

    /** The customer's open check (requested or waiting for the assessor), or null. */
    async forCustomer(customer: Customer): Promise<CustomerIdentityCheck | null> {
      await deps.cases.authorize(customer, customer.caseId);
      const found = await store.open(customer.caseId);
      if (!found) return null;
      const [open] = await withRecipients(customer.caseId, [found]);
      const code = open!.withCode ? { sentTo: open!.codeSentTo, confirmed: open!.codeConfirmedAt !== null } : null;
      return { id: open!.id, document: open!.document, state: open!.state as CustomerIdentityCheck['state'], code };
    },

    async submit(customer: Customer, checkId: string, body: IdentitySubmitBody): Promise<CustomerIdentityCheck> {
      const caseId = customer.caseId;
      await deps.cases.authorizeWrite(customer, caseId);
      const check = await mustFind(caseId, checkId);
      if (check.state !== 'requested') throw new HttpError(409, 'identity_check_not_requested', text('identity.photosOnce', { id: checkId, state: word(`identity.state.${check.state}`) }));
      if (check.withCode && check.codeConfirmedAt === null) throw new HttpError(409, 'code_not_confirmed', text('identity.enterCodeFirst'));
      const hasBack = check.document !== 'passport';
      if (hasBack && body.backEvidenceId === undefined) throw new HttpError(422, 'back_required', text('identity.backRequired', { document: word(`identity.document.${check.document}`) }));
      if (!hasBack && body.backEvidenceId !== undefined) throw new HttpError(422, 'no_back', text('identity.noBack'));
      const photo = (role: PhotoRole, id: string) => evidenceFor(deps.evidence, caseId, role, id);
      const front = await photo('id-front', body.frontEvidenceId);
      const back = body.backEvidenceId === undefined ? null : await photo('id-back', body.backEvidenceId);
      const selfie = await photo('selfie', body.selfieEvidenceId);
      // Outside the transaction: OCR takes seconds. A card's MRZ is on its back, a passport's on its photo page.
      const mrz = await readMrz(back ? [back, front] : [front]);
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const now = await mustFind(caseId, checkId);
        if (now.state !== 'requested') throw new HttpError(409, 'identity_check_not_requested', text('identity.photosOnce', { id: checkId, state: word(`identity.state.${now.state}`) }));
        await store.submitted(checkId, { front: front.id, back: back?.id ?? null, selfie: selfie.id, mrz, at: clock().toISOString() });
        await ledger.append({
          caseId,
          actor: actorOf(customer),
          type: 'identity.submitted',
          payload: { checkId, frontEvidenceId: front.id, backEvidenceId: back?.id ?? null, selfieEvidenceId: selfie.id, mrz },
        });
      });
      await deps.cases.publish(caseId);
      return { id: checkId, document: check.document, state: 'submitted', code: check.withCode ? { sentTo: null, confirmed: true } : null };
    },

    async decide(user: User, caseId: string, checkId: string, body: IdentityDecisionBody): Promise<IdentityCheckView> {
      await deps.cases.authorizeWrite({ kind: 'user', user }, caseId);
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const check = await mustFind(caseId, checkId);
        if (check.state === 'cancelled') throw new HttpError(409, 'identity_check_closed', text('identity.withdrawn', { id: checkId }));
        if (check.state === 'requested') throw new HttpError(409, 'identity_check_not_submitted', text('identity.noPhotosYet', { id: checkId }));
        if (check.state !== 'submitted') throw new HttpError(409, 'identity_check_decided', text('identity.decidedAlready', { id: checkId, state: word(`identity.state.${check.state}`) }));
        await store.decided(checkId, { result: body.result, by: user.id, at: clock().toISOString(), reason: body.reason });
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'identity.checked', payload: { checkId, result: body.result, reason: body.reason } });
      });
      await deps.cases.publish(caseId);
      return viewOf(caseId, checkId);
    },

    /**
     * The check a regulated step (a settlement offer) may rely on: the case's latest check, when it passed
     * (a check asked for after a pass replaces it, whatever comes of it, unless it was withdrawn). Null: none passed.
     */
    async hasPassedIdentity(caseId: string): Promise<{ checkId: string } | null> {
      const latest = await store.latest(caseId);
      return latest?.state === 'passed' ? { checkId: latest.id } : null;
    },
  };
  return service;
}
