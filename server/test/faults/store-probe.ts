// Looks at what a server stored, from outside its code: a digest of every row of every table (a
// read-only SQLite connection, or a PostgreSQL client of its own) and of the blob files, the temp
// folder, and the content-addressed layout check (every blob at `xx/yy/<sha-256>` and hashing to its name).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Tables that change by themselves while the server runs and hold nothing a request stores: each
 * instance's heartbeat (cluster/instance-registry.ts).
 */
const LIVENESS_TABLES = new Set(['instances']);

export interface StoreDigest {
  /** Table name → sha-256 of all its rows (liveness tables left out). */
  tables: Record<string, string>;
  /** Blob files (path below blobs/, size), sorted; the temp folder excluded. */
  blobs: string[];
}

export interface StoreProbe {
  digest(): Promise<StoreDigest>;
  /** Files in the blob store's temp folder now. */
  tempFiles(): string[];
  close(): Promise<void>;
}

/** `databaseUrl`: the server's PostgreSQL (Harness.databaseUrl); null for its SQLite file in `dataDir`. */
export async function openStoreProbe(dataDir: string, databaseUrl: string | null = null): Promise<StoreProbe> {
  const rows = databaseUrl ? await postgresRows(databaseUrl) : sqliteRows(dataDir);
  return {
    async digest() {
      const digest: StoreDigest = { tables: {}, blobs: [] };
      for (const [name, all] of Object.entries(await rows.read())) {
        if (!LIVENESS_TABLES.has(name)) digest.tables[name] = sha256(Buffer.from(JSON.stringify(all)));
      }
      digest.blobs = blobFiles(dataDir).map((f) => `${f.relative} ${f.size}`);
      return digest;
    },
    tempFiles: () => tempFiles(dataDir),
    close: rows.close,
  };
}

interface TableRows {
  /** Table name → every row as an array of values, in a stable order. */
  read(): Promise<Record<string, unknown[][]>>;
  close(): Promise<void>;
}

function sqliteRows(dataDir: string): TableRows {
  const db = new Database(path.join(dataDir, 'sightline.db'), { readonly: true, fileMustExist: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
  const selects = tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`)] as const);
  return {
    read: async () => Object.fromEntries(selects.map(([name, select]) => [name, select.raw().all() as unknown[][]])),
    close: async () => {
      db.close();
    },
  };
}

async function postgresRows(url: string): Promise<TableRows> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query<{ name: string; columns: number }>(
    `SELECT c.table_name AS name, count(*)::int AS columns FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' GROUP BY c.table_name ORDER BY c.table_name`,
  );
  return {
    async read() {
      const out: Record<string, unknown[][]> = {};
      for (const { name, columns } of tables) {
        // Ordered by every column: PostgreSQL returns rows in no promised order otherwise.
        const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
        out[name] = (await client.query({ text: `SELECT * FROM "${name}" ORDER BY ${order}`, rowMode: 'array' })).rows as unknown[][];
      }
      return out;
    },
    close: () => client.end(),
  };
}

export function tempFiles(dataDir: string): string[] {
  const tmp = path.join(dataDir, 'blobs', 'tmp');
  return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
}

interface BlobFile { relative: string; full: string; size: number }

function blobFiles(dataDir: string): BlobFile[] {
  const root = path.join(dataDir, 'blobs');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = path.join(d.parentPath, d.name);
      return { relative: path.relative(root, full), full, size: fs.statSync(full).size };
    })
    .filter((f) => !f.relative.startsWith(`tmp${path.sep}`))
    .sort((a, b) => a.relative.localeCompare(b.relative));
}

/**
 * Everything wrong with the blob store's layout: a file that is not `xx/yy/<64 hex>` with `xx`/`yy` the
 * first hex pairs of its name, a blob whose content does not hash to its name (half-written), and any
 * entry below the blob root other than those and the temp folder. Empty when the store is sound.
 */
export function blobStoreProblems(dataDir: string): string[] {
  const root = path.join(dataDir, 'blobs');
  const problems: string[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name));
    const parts = relative.split(path.sep);
    if (entry.isDirectory()) {
      const ok = relative === 'tmp' || (parts.length <= 2 && parts.every((p) => /^[0-9a-f]{2}$/.test(p)));
      if (!ok) problems.push(`unexpected folder ${relative}`);
      continue;
    }
    if (parts[0] === 'tmp' && parts.length === 2) continue;
    const [a, b, name] = parts;
    if (parts.length !== 3 || !name || !/^[0-9a-f]{64}$/.test(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) {
      problems.push(`unexpected file ${relative}`);
      continue;
    }
    const actual = sha256(fs.readFileSync(path.join(root, relative)));
    if (actual !== name) problems.push(`blob ${name} holds content hashing to ${actual}`);
  }
  return problems;
}

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');
