// Types for scripts/postgres.mjs (a plain script, shared by scripts/ and the TypeScript tests and benches).
export function findPostgres(): string | null;
export function ensurePostgres(): string | null;
export function startPostgres(bin?: string | null, options?: { durable?: boolean }): Promise<{ url: string; port: number; stop: () => void }>;
