// The recording upload's HTTP calls (session cookie), every answer parsed with its shared schema.
import { ChunkReceipt, CHUNK_SHA256_HEADER, RecordingResponse, RecordingView, type CreateRecordingBody, type SealRecordingBody } from '../../../../protocol/recording.ts';
import { ApiRequestError, apiFetch, errorFrom, languageHeader } from '../../lib/api.ts';

const base = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}/recordings`;
const one = (caseId: string, recordingId: string): string => `${base(caseId)}/${encodeURIComponent(recordingId)}`;

export const recordingApi = {
  create: (caseId: string, body: CreateRecordingBody, signal?: AbortSignal) => apiFetch(base(caseId), RecordingResponse, { body, signal }).then((r) => r.recording),
  view: (caseId: string, recordingId: string, signal?: AbortSignal) => apiFetch(one(caseId, recordingId), RecordingView, { signal }),
  seal: (caseId: string, recordingId: string, body: SealRecordingBody) =>
    apiFetch(`${one(caseId, recordingId)}/seal`, RecordingResponse, { body }).then((r) => r.recording),

  /** PUTs one chunk's bytes; resolves with the receipt on 200/201, throws ApiRequestError otherwise. */
  async putChunk(caseId: string, recordingId: string, n: number, sha256: string, blob: Blob, signal?: AbortSignal): Promise<ChunkReceipt> {
    let response: Response;
    try {
      response = await fetch(`${one(caseId, recordingId)}/chunks/${n}`, {
        method: 'PUT',
        headers: { accept: 'application/json', ...languageHeader(), 'content-type': 'application/octet-stream', [CHUNK_SHA256_HEADER]: sha256 },
        body: blob,
        credentials: 'same-origin',
        signal,
      });
    } catch {
      throw new ApiRequestError(0, 'network', 'Cannot reach the server.');
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorFrom(response.status, payload);
    const parsed = ChunkReceipt.safeParse(payload);
    if (!parsed.success) throw new ApiRequestError(response.status, 'bad-response', 'The server sent an unexpected answer to a chunk upload.');
    return parsed.data;
  },
};

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
