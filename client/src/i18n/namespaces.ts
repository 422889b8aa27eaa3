// How the pages' message files are cut into chunks: per language, locales/<lang>/pages.ts (every
// namespace but the console's own and common.json) and locales/<lang>/console.ts (the console's own, so
// the customer's pages — join, start, receipt — do not fetch the console's words); i18n/messages.ts
// fetches them. common.json (each language's name in its own words, for the language switch) is in no
// chunk: every page carries it for every language.

/** Namespaces only client/src/console uses (i18n.test.ts checks that no other folder does, and that console.ts lists exactly these). */
export const CONSOLE_NAMESPACES: readonly string[] = ['admin', 'casework', 'console', 'supervisor'];

/** `[language, file name without extension]` of a file under `…/locales/<language>/`. */
export function messageFile(file: string): [language: string, name: string] | null {
  const match = /[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/]+)\.(json|ts)$/.exec(file);
  return match ? [match[1]!, match[2]!] : null;
}

/** The built file's name for a language's chunk (vite.config.ts): `messages-<lang>` or `messages-console-<lang>`; null for any other chunk. */
export function messageChunk(id: string | null | undefined): string | null {
  if (!id || !/[\\/]client[\\/]src[\\/]i18n[\\/]locales[\\/][^\\/]+[\\/](pages|console)\.ts$/.test(id)) return null;
  const at = messageFile(id);
  if (!at) return null;
  return at[1] === 'console' ? `messages-console-${at[0]}` : `messages-${at[0]}`;
}
