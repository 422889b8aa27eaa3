// How the pages' message files are cut into chunks (vite.config.ts) and fetched (i18n.ts): each language's
// files in one chunk, but the console's own namespaces in a chunk of their own, so the customer's pages
// (join, start, receipt) do not fetch the console's words. common.json (each language's name in its own
// words, for the language switch) is in no chunk: every page carries it for every language.

/** Namespaces only client/src/console uses (i18n.test.ts checks that no other folder does). */
export const CONSOLE_NAMESPACES: readonly string[] = ['admin', 'casework', 'console', 'supervisor'];

/** `[language, namespace]` of a message file's path (`…/locales/<language>/<namespace>.json`). */
export function messageFile(file: string): [language: string, namespace: string] | null {
  const match = /[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/]+)\.json$/.exec(file);
  return match ? [match[1]!, match[2]!] : null;
}

/** The chunk a module goes in when it is a message file: `messages-<lang>` or `messages-console-<lang>`; null otherwise. */
export function messageChunk(id: string): string | null {
  if (!/[\\/]client[\\/]src[\\/]i18n[\\/]locales[\\/]/.test(id)) return null;
  const at = messageFile(id);
  if (!at || at[1] === 'common') return null;
  return CONSOLE_NAMESPACES.includes(at[1]) ? `messages-console-${at[0]}` : `messages-${at[0]}`;
}
