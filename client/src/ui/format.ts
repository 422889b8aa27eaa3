// Display helpers shared by the console and the customer page. Pure, so they are unit tested.

/**
 * The locale dates, times and amounts are written in: the page's language once i18n/i18n.ts chose one
 * (undefined until then: the browser's own).
 */
let displayLocale: string | undefined;

export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale;
}

export function formatBitrate(kbps: number): string {
  if (kbps >= 1000) return `${(kbps / 1000).toFixed(1)} Mbit/s`;
  return `${Math.round(kbps)} kbit/s`;
}

export function formatPercent(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} %`;
}

export function formatRtt(ms: number | null): string {
  return ms === null ? '—' : `${Math.round(ms)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Skews under two minutes are ordinary clock drift and not worth showing. */
export function isNotableSkew(skewMs: number | null): skewMs is number {
  return skewMs !== null && Math.abs(skewMs) > 2 * 60_000;
}

/** A time of day in the page's language: "14:02:09", or "14:02" with `seconds: false`. */
export function formatTime(iso: string, { seconds = true }: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(displayLocale ?? [], { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(displayLocale ?? [], { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(displayLocale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

export function formatLocation(latitude: number, longitude: number, accuracy?: number): string {
  const base = `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
  return accuracy === undefined ? base : `${base} (±${Math.round(accuracy)} m)`;
}
