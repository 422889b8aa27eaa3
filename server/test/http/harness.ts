// Starts the real server in-process on an ephemeral loopback port with a temp data dir, and gives
// tests a small HTTP client that keeps the session cookie.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };

export interface Harness {
  server: RunningServer;
  base: string;
  dataDir: string;
  /** The server's PostgreSQL database (the postgres test project); null: its SQLite file in dataDir. */
  databaseUrl: string | null;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  client(): Client;
  close(): Promise<void>;
}

export interface Client {
  cookie: string | null;
  fetch(pathname: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  json<T = any>(pathname: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; body: T }>;
  login(email?: string, password?: string): Promise<void>;
}

/**
 * The database engine the HTTP suites run on: SQLite, or PostgreSQL in the `postgres` test project
 * (SIGHTLINE_TEST_ENGINE=postgres), a fresh database per server.
 */
async function engineEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env.SIGHTLINE_TEST_ENGINE !== 'postgres') return { env: {}, drop: async () => {} };
  const { engines } = await import('../support/engines.ts');
  const postgres = engines().find((engine) => engine.name === 'postgres')!;
  if (postgres.skip) throw new Error(`the postgres test project needs PostgreSQL: ${postgres.skip}`);
  const made = await postgres.fresh();
  return { env: made.env, drop: made.drop };
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-it-'));
  const engine = await engineEnv();
  const config = loadConfig({
    PORT: '0',
    HTTPS_PORT: 'off',
    HOST: '127.0.0.1',
    SIGHTLINE_DATA_DIR: dataDir,
    SIGHTLINE_ADMIN_EMAIL: ADMIN.email,
    SIGHTLINE_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...engine.env,
    ...env,
  });
  let offset = 0;
  const server = await startServer(config, pino({ level: 'silent' }), () => new Date(Date.now() + offset));
  const base = server.httpUrl!.replace('localhost', '127.0.0.1');
  return {
    server,
    base,
    dataDir,
    databaseUrl: engine.env.SIGHTLINE_DATABASE_URL ?? null,
    advance: (ms) => {
      offset += ms;
    },
    client: () => makeClient(base),
    async close() {
      await server.close();
      await engine.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function makeClient(base: string): Client {
  const client: Client = {
    cookie: null,
    async fetch(pathname, init = {}) {
      const headers = new Headers(init.headers);
      if (client.cookie && !headers.has('cookie')) headers.set('cookie', client.cookie);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      const res = await fetch(base + pathname, { ...init, headers, body });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) client.cookie = setCookie.split(';')[0] ?? null;
      return res;
    },
    async json(pathname, init) {
      const res = await client.fetch(pathname, init);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async login(email = ADMIN.email, password = ADMIN.password) {
      const res = await client.json('/api/auth/login', { method: 'POST', json: { email, password } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    },
  };
  return client;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The password every user `newUser` makes has. */
export const USER_PASSWORD = 'a long enough password';
let usersMade = 0;

/**
 * A new user of `role` (made by `admin` through POST /api/users), logged in on a client of their own;
 * `name` defaults to "<role> <n>". Throws, naming the answer, when the server refuses.
 */
export async function newUser(h: Harness, admin: Client, role = 'assessor', name?: string): Promise<{ id: string; name: string; email: string; client: Client }> {
  usersMade += 1;
  const email = `user${usersMade}@example.test`;
  const shown = name ?? `${role} ${usersMade}`;
  const created = await admin.json('/api/users', { method: 'POST', json: { email, name: shown, password: USER_PASSWORD, role } });
  if (created.status !== 201) throw new Error(`creating a ${role}: ${created.status} ${JSON.stringify(created.body)}`);
  const client = h.client();
  await client.login(email, USER_PASSWORD);
  return { id: created.body.user.id, name: shown, email, client };
}

/** Everything stored about a case, to assert that a rejected request changed nothing. */
export async function snapshotOf(admin: Client, caseId: string, dataDir: string) {
  const ledger = await admin.json(`/api/cases/${caseId}/ledger`);
  const detail = await admin.json(`/api/cases/${caseId}`);
  return {
    ledger: ledger.body.entries.map((e: { hash: string }) => e.hash),
    evidence: detail.body.evidence.length,
    chat: detail.body.chat.length,
    outcomes: detail.body.outcomes.length,
    annotations: detail.body.annotations,
    measurements: detail.body.measurements,
    checklist: detail.body.checklist,
    blobs: listFiles(path.join(dataDir, 'blobs')).filter((f) => !f.includes(`${path.sep}tmp${path.sep}`)).sort(),
    temp: listFiles(path.join(dataDir, 'blobs', 'tmp')),
  };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}
