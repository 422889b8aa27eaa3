// Evidence upload over HTTP (never the data channel): multipart via XMLHttpRequest so the page can
// show upload progress, retried with backoff (or after the server's Retry-After) under one uploadId so
// the server stores it once.
import { EvidenceView, type EvidenceSource, type Location } from '../../../protocol/http.ts';
import type { IdentityPhotoPurpose } from '../../../protocol/identity.ts';
import { ApiRequestError, errorFrom, languageHeader, requestWords } from '../lib/api.ts';
import { isRetryable, retryAfterMs, retryDelay, sleep } from '../lib/retry.ts';

export interface EvidenceUpload {
  caseId: string;
  file: Blob;
  fileName: string;
  source: EvidenceSource;
  /** Client-chosen, constant across retries: makes a retried upload idempotent. */
  uploadId: string;
  deviceTime?: string;
  requestId?: string;
  location?: Location | null;
  /** The guided-capture checklist item this photo is for; the server then judges its quality for it. */
  checklistItem?: string;
  /** An identity check's photo (document front/back, selfie): a live capture only. */
  purpose?: IdentityPhotoPurpose;
  /** The annotation layer visible when the photo was taken, as the JSON text of an `AnnotationLayer`. */
  layer?: string;
  /** The customer's join token; the console sends its session cookie instead. */
  token?: string;
  onProgress?: (fraction: number) => void;
  /** @default 4 */
  attempts?: number;
  signal?: AbortSignal;
}

export async function uploadEvidence(upload: EvidenceUpload): Promise<EvidenceView> {
  const attempts = upload.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(upload);
    } catch (error) {
      const retry = error instanceof ApiRequestError && isRetryable(error.status) && attempt < attempts;
      if (!retry || upload.signal?.aborted) throw error;
      upload.onProgress?.(0);
      // A busy server says when to come back (429/503 with Retry-After): never sooner than that.
      await sleep(retryDelay(attempt, Math.random(), error.retryAfterMs), upload.signal);
    }
  }
}

function formFor(upload: EvidenceUpload): FormData {
  const form = new FormData();
  // Fields first: a streaming multipart parser then knows the metadata before the file arrives.
  form.append('source', upload.source);
  form.append('uploadId', upload.uploadId);
  if (upload.deviceTime) form.append('deviceTime', upload.deviceTime);
  if (upload.requestId) form.append('requestId', upload.requestId);
  if (upload.checklistItem) form.append('checklistItem', upload.checklistItem);
  if (upload.purpose) form.append('purpose', upload.purpose);
  if (upload.layer) form.append('layer', upload.layer);
  if (upload.location) {
    form.append('latitude', String(upload.location.latitude));
    form.append('longitude', String(upload.location.longitude));
    if (upload.location.accuracy !== undefined) form.append('accuracy', String(upload.location.accuracy));
  }
  form.append('file', upload.file, upload.fileName);
  return form;
}

function sendOnce(upload: EvidenceUpload): Promise<EvidenceView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${encodeURIComponent(upload.caseId)}/evidence`);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(languageHeader())) xhr.setRequestHeader(name, value);
    if (upload.token) xhr.setRequestHeader('authorization', `Bearer ${upload.token}`);
    const abort = (): void => xhr.abort();
    upload.signal?.addEventListener('abort', abort, { once: true });
    const finish = (): void => upload.signal?.removeEventListener('abort', abort);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) upload.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      finish();
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFrom(xhr.status, body, retryAfterMs(xhr.getResponseHeader('retry-after'))));
      const parsed = EvidenceView.safeParse(body);
      if (!parsed.success) return reject(new ApiRequestError(xhr.status, 'bad-response', requestWords('upload.badResponse', 'The server sent an unexpected answer to the upload.')));
      upload.onProgress?.(1);
      resolve(parsed.data);
    };
    xhr.onerror = xhr.ontimeout = () => {
      finish();
      reject(new ApiRequestError(0, 'network', requestWords('upload.interrupted', 'The upload was interrupted.')));
    };
    xhr.onabort = () => {
      finish();
      reject(new ApiRequestError(0, 'aborted', requestWords('upload.cancelled', 'The upload was cancelled.')));
    };
    xhr.timeout = 120_000;
    xhr.send(formFor(upload));
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
