// Which precompressed variant of a file to send, from the request's Accept-Encoding header (RFC 9110
// §12.5.3), as a pure function.

export type ContentCoding = 'br' | 'gzip';

/**
 * The coding of `available` (listed in the server's order of preference) that the client accepts with
 * the highest weight, or null for the file as it is. A coding given `q=0`, or not named while no `*`
 * is, is refused; ties go to the server's order, so brotli wins where both are equally welcome.
 */
export function preferredEncoding(header: string | undefined, available: readonly ContentCoding[]): ContentCoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const element of header.split(',')) {
    const [name = '', ...params] = element.split(';').map((part) => part.trim());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q=([01](?:\.\d{0,3})?)$/i.exec(param);
      q = match ? Math.min(1, Number(match[1])) : Number.NaN;
    }
    if (!Number.isNaN(q)) weights.set(name.toLowerCase(), q);
  }
  let best: ContentCoding | null = null;
  let bestWeight = 0;
  for (const coding of available) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0;
    if (q > bestWeight) {
      best = coding;
      bestWeight = q;
    }
  }
  return best;
}
