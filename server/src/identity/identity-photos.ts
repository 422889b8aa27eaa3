// Which evidence may stand as an identity check's photo: this case's, taken live by the customer on their
// device, uploaded for that very purpose. Anything else is refused, naming the field.
import type { IdentityPhotoPurpose } from '../../../protocol/identity.ts';
import { HttpError, text, word } from '../errors.ts';
import type { EvidenceRecord, EvidenceStore } from '../evidence/evidence-store.ts';

export type PhotoRole = IdentityPhotoPurpose;

const FIELD: Record<PhotoRole, string> = { 'id-front': 'frontEvidenceId', 'id-back': 'backEvidenceId', selfie: 'selfieEvidenceId' };

export async function evidenceFor(evidence: Pick<EvidenceStore, 'byId'>, caseId: string, role: PhotoRole, id: string): Promise<EvidenceRecord> {
  const field = FIELD[role];
  const record = await evidence.byId(caseId, id);
  // Evidence of another case is "not found" here: its existence is not this customer's business.
  if (!record) throw new HttpError(422, 'evidence_not_found', text('identity.noPhoto', { field, id }));
  if (record.capturedBy !== 'customer') throw new HttpError(422, 'not_customer_photo', text('identity.notCustomerPhoto', { field, id }));
  if (record.source !== 'device-still') throw new HttpError(422, 'not_live_photo', text('identity.notLivePhoto', { field, id }));
  if (record.purpose !== role) throw new HttpError(422, 'wrong_purpose', text('identity.wrongPurpose', { field, id, purpose: record.purpose ?? word('identity.ordinaryPhoto'), role }));
  return record;
}
