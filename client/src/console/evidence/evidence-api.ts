// The evidence viewer's own HTTP call (session cookie): a photo's caption and note, parsed with the shared schema.
import { EvidenceView, type EvidenceNoteBody } from '../../../../protocol/http.ts';
import { apiFetch } from '../../lib/api.ts';

export const evidenceApi = {
  note: (caseId: string, evidenceId: string, body: EvidenceNoteBody) =>
    apiFetch(`/api/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}/notes`, EvidenceView, { body }),
};
