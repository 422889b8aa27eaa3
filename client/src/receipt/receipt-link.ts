// The receipt page's address: `/receipt#<code>`, optionally `&lang=<tag>` after the code (the link in
// a message sent in the case's language). Pure, so it is unit tested.
export interface ReceiptLink {
  code: string;
  language: string | null;
}

export function parseReceiptHash(hash: string): ReceiptLink {
  const [code = '', ...rest] = hash.replace(/^#/, '').split('&');
  const language = new URLSearchParams(rest.join('&')).get('lang')?.trim() || null;
  let decoded = code;
  try {
    decoded = decodeURIComponent(code);
  } catch {
    // A malformed escape is left as typed; the server answers that no decision has this code.
  }
  return { code: decoded.trim(), language };
}

/** The fragment for `code`, keeping the language the page was opened in. */
export function receiptHash(code: string, language: string | null): string {
  return `#${code}${language ? `&lang=${encodeURIComponent(language)}` : ''}`;
}
