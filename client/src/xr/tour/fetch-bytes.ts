// Downloads one tour file with its progress in bytes. XMLHttpRequest rather than fetch: its progress
// counts the bytes on the wire against Content-Length, which a fetch body stream cannot do once the
// server compresses the file (the stream yields the larger, decoded bytes).
import { i18next } from '../../i18n/i18n.ts';

export interface ByteProgress {
  loaded: number;
  /** null until the size is known (no Content-Length). */
  total: number | null;
}

export class TourFileError extends Error {
  override readonly name = 'TourFileError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export function fetchBytes(url: string, file: string, onProgress: (progress: ByteProgress) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'arraybuffer';
    const abort = () => request.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    let wireTotal: number | null = null;
    request.onprogress = (event) => {
      if (event.lengthComputable) wireTotal = event.total;
      onProgress({ loaded: event.loaded, total: wireTotal });
    };
    request.onload = () => {
      done();
      if (request.status < 200 || request.status >= 300) {
        reject(new TourFileError(file, i18next.t('tour:files.status', { file, status: request.status })));
        return;
      }
      const body = request.response as ArrayBuffer;
      // Done counts as all of it, in the same (wire) bytes the progress counted.
      const size = wireTotal ?? body.byteLength;
      onProgress({ loaded: size, total: size });
      resolve(body);
    };
    request.onerror = () => {
      done();
      reject(new TourFileError(file, i18next.t('tour:files.network', { file })));
    };
    request.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    };
    request.send();
  });
}
