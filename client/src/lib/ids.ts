// Random ids for chat lines, upload ids, request ids and call ids. getRandomValues works on plain
// http too (a phone on the LAN), where crypto.randomUUID does not exist.
export function randomId(bytes = 12): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}
