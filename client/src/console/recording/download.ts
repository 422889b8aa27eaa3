// Downloads a file with progress (fetch + stream reader against Content-Length) and hands it to the
// browser's save dialog through a blob URL and an <a download> — both allowed by the console's CSP.
import { ApiRequestError, errorFrom, languageHeader } from '../../lib/api.ts';

export interface DownloadProgress {
  received: number;
  /** From Content-Length; null when the server streams without one. */
  total: number | null;
}

export async function downloadWithProgress(url: string, onProgress: (progress: DownloadProgress) => void, signal?: AbortSignal): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: languageHeader(), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw errorFrom(response.status, await response.json().catch(() => undefined));
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  }
  if (total !== null && received !== total) throw new ApiRequestError(0, 'truncated', `The download stopped after ${received} of ${total} bytes.`);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(parts, { type }), fileName: fileNameOf(response.headers.get('content-disposition')) ?? url.split('/').pop() ?? 'download' };
}

export function fileNameOf(disposition: string | null): string | null {
  const match = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return match?.[1] ?? null;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled; revoke later so a slow save still works.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
