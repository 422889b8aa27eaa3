// Identity checks before regulated steps: the assessor asks for a document (and a selfie), the customer sends
// three live captures, the MRZ is read offline, and the assessor decides. Each step is a ledger entry written
// in the transaction that changes the check's row.
import type { User } from '../../../protocol/http.ts';
import type { MrzReading } from '../../../protocol/identity.ts';
import type {
  CustomerIdentityCheck, IdentityCheckView, IdentityDecisionBody, IdentityRequestBody, IdentitySubmitBody,
} from '../../../protocol/identity-http.ts';
import type { Logger } from 'pino';
import { actorOf, type Principal } from '../auth/principal.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, notFound } from '../errors.ts';
import type { EvidenceRecord, EvidenceStore } from '../evidence/evidence-store.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
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
    if (!check) throw notFound('the identity check');
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

  const service = {
    async list(user: User, caseId: string): Promise<IdentityCheckView[]> {
      await deps.cases.authorize({ kind: 'user', user }, caseId);
      return store.list(caseId);
    },

    async request(user: User, caseId: string, body: IdentityRequestBody): Promise<IdentityCheckView> {
      await deps.cases.authorizeWrite({ kind: 'user', user }, caseId);
      const check = await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const open = await store.open(caseId);
        if (open) throw new HttpError(409, 'identity_check_open', `identity check ${open.id} is still ${open.state}; decide it before asking again`);
        const id = newId('idc');
        await store.insert({ id, caseId, document: body.document, requestedBy: user.id, requestedAt: clock().toISOString() });
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'identity.requested', payload: { checkId: id, document: body.document } });
        return (await store.byId(caseId, id))!;
      });
      await deps.cases.publish(caseId);
      return check;
    },

    /** The customer's open check (requested or waiting for the assessor), or null. */
    async forCustomer(customer: Customer): Promise<CustomerIdentityCheck | null> {
      await deps.cases.authorize(customer, customer.caseId);
      const open = await store.open(customer.caseId);
      return open ? { id: open.id, document: open.document, state: open.state as CustomerIdentityCheck['state'] } : null;
    },

    async submit(customer: Customer, checkId: string, body: IdentitySubmitBody): Promise<CustomerIdentityCheck> {
      const caseId = customer.caseId;
      await deps.cases.authorizeWrite(customer, caseId);
      const check = await mustFind(caseId, checkId);
      if (check.state !== 'requested') throw new HttpError(409, 'identity_check_not_requested', `identity check ${checkId} is ${check.state}; it takes photos only once`);
      const hasBack = check.document !== 'passport';
      if (hasBack && body.backEvidenceId === undefined) throw new HttpError(422, 'back_required', `backEvidenceId: a photo of the back of the ${check.document} is needed`);
      if (!hasBack && body.backEvidenceId !== undefined) throw new HttpError(422, 'no_back', 'backEvidenceId: a passport has no back; send the photo page as the front');
      const photo = (role: PhotoRole, id: string) => evidenceFor(deps.evidence, caseId, role, id);
      const front = await photo('id-front', body.frontEvidenceId);
      const back = body.backEvidenceId === undefined ? null : await photo('id-back', body.backEvidenceId);
      const selfie = await photo('selfie', body.selfieEvidenceId);
      // Outside the transaction: OCR takes seconds. A card's MRZ is on its back, a passport's on its photo page.
      const mrz = await readMrz(back ? [back, front] : [front]);
      await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const now = await mustFind(caseId, checkId);
        if (now.state !== 'requested') throw new HttpError(409, 'identity_check_not_requested', `identity check ${checkId} is ${now.state}; it takes photos only once`);
        await store.submitted(checkId, { front: front.id, back: back?.id ?? null, selfie: selfie.id, mrz, at: clock().toISOString() });
        await ledger.append({
          caseId,
          actor: actorOf(customer),
          type: 'identity.submitted',
          payload: { checkId, frontEvidenceId: front.id, backEvidenceId: back?.id ?? null, selfieEvidenceId: selfie.id, mrz },
        });
      });
      await deps.cases.publish(caseId);
      return { id: checkId, document: check.document, state: 'submitted' };
    },

    async decide(user: User, caseId: string, checkId: string, body: IdentityDecisionBody): Promise<IdentityCheckView> {
      await deps.cases.authorizeWrite({ kind: 'user', user }, caseId);
      const decided = await db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const check = await mustFind(caseId, checkId);
        if (check.state === 'requested') throw new HttpError(409, 'identity_check_not_submitted', `identity check ${checkId} has no photos yet; it can be decided once the customer sends them`);
        if (check.state !== 'submitted') throw new HttpError(409, 'identity_check_decided', `identity check ${checkId} is ${check.state} already`);
        await store.decided(checkId, { result: body.result, by: user.id, at: clock().toISOString(), reason: body.reason });
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'identity.checked', payload: { checkId, result: body.result, reason: body.reason } });
        return (await store.byId(caseId, checkId))!;
      });
      await deps.cases.publish(caseId);
      return decided;
    },

    /**
     * The check a regulated step (a settlement offer) may rely on: the case's latest check, when it passed
     * (a check asked for after a pass replaces it, whatever comes of it). Null: none passed.
     */
    async hasPassedIdentity(caseId: string): Promise<{ checkId: string } | null> {
      const latest = await store.latest(caseId);
      return latest?.state === 'passed' ? { checkId: latest.id } : null;
    },
  };
  return service;
}
