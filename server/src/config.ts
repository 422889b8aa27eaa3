// Environment → one typed, validated config object. A bad value stops the process with a clear message.
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { IceServer, IceTransportPolicy } from '../../protocol/http.ts';
import type { ShutdownConfig } from './cluster/shutdown.ts';
import type { TurnConfig } from './signalling/turn-credentials.ts';

const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (v === 'off') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a port number (0-65535, or "off")` });
        return z.NEVER;
      }
      return n;
    });

/** The tours `npm run assets` generates, shipped in the repository. */
const BUILT_IN_TOURS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/tours');

/** The digital agent's knowledge base shipped in the repository. */
const DEFAULT_KNOWLEDGE_BASE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../kb/default.md');

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().optional().transform((v) => v ?? fallback);

/** A whole number in [min, max]; unset or blank → undefined, so the caller picks the default. */
const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number of ${unit} (${min}-${max}), not "${v}"` });
        return z.NEVER;
      }
      return n;
    });

/** `s3://<bucket>[/<prefix>]`: a bucket name as S3 allows it, a prefix of S3's safe key characters. */
const blobStoreUrl = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text.trim() === '') return null;
    const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(text.trim());
    const bucket = match?.[1] ?? '';
    const prefix = (match?.[2] ?? '').replace(/^\/+|\/+$/g, '');
    const segments = prefix === '' ? [] : prefix.split('/');
    if (!match || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || segments.some((s) => !/^[A-Za-z0-9!_.*'()-]+$/.test(s) || s === '.' || s === '..')) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not s3://<bucket>[/<prefix>] (e.g. s3://sightline-evidence/prod); leave it unset for the local store under SIGHTLINE_DATA_DIR/blobs` });
      return z.NEVER;
    }
    return { bucket, prefix };
  });

const optionalText = z.string().trim().optional().transform((v) => v || undefined);

/** What Express's `trust proxy` takes by name: the address ranges of a kind (proxy-addr). */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One trusted proxy: a range name, an address, or an address/prefix (CIDR). */
function isProxyRange(item: string): boolean {
  if (PROXY_RANGE_NAMES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * The load balancers whose X-Forwarded-For is believed (comma-separated): the client address that the
 * login limit counts, and that the logs show, is the one the nearest untrusted hop gave. Loopback
 * only by default, so a direct client cannot choose its own address; never "everyone", which would
 * let any client reset its login count by sending a new X-Forwarded-For.
 */
const trustedProxies = z
  .string()
  .optional()
  .transform((v) => (v ?? 'loopback').split(',').map((item) => item.trim()).filter(Boolean))
  .refine((items) => items.length > 0 && items.every(isProxyRange), {
    error: 'must be addresses or CIDR ranges of the load balancers in front (comma-separated), or loopback, linklocal, uniquelocal; e.g. 10.0.0.5,10.0.1.0/24',
  });

/** The blob store's part of the environment, parsed alone by tools that need only it (the retention CLI). */
const BlobStoreEnv = z.object({
  SIGHTLINE_BLOB_STORE: blobStoreUrl,
  AWS_ENDPOINT_URL_S3: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  AWS_REGION: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  SIGHTLINE_S3_OBJECT_LOCK: optionalText.pipe(
    z.enum(['GOVERNANCE', 'COMPLIANCE'], { error: 'must be GOVERNANCE or COMPLIANCE (or unset for no lock on each upload)' }).optional(),
  ),
  // Here, not only with the customer notice below: the Object Lock's length is these days.
  SIGHTLINE_RETENTION_DAYS: z.coerce.number().int().positive().optional(),
});

const EnvSchema = z.object({
  ...BlobStoreEnv.shape,
  PORT: port(8080),
  HTTPS_PORT: port(8443),
  HOST: z.string().default('0.0.0.0'),
  SIGHTLINE_DATA_DIR: z.string().default('./data'),
  SIGHTLINE_TOURS_DIR: z.string().optional(),
  SIGHTLINE_KNOWLEDGE_BASE: z.string().trim().optional(),
  SIGHTLINE_PUBLIC_URL: z.url().optional(),
  SIGHTLINE_ADMIN_EMAIL: z.email().optional(),
  SIGHTLINE_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SIGHTLINE_ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return z.array(IceServer).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {"urls", "username"?, "credential"?}' });
        return z.NEVER;
      }
    }),
  SIGHTLINE_TURN_URLS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return undefined;
      const urls = text.split(',').map((url) => url.trim()).filter(Boolean);
      const bad = urls.find((url) => !/^turns?:[^\s]+$/.test(url));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not a turn: or turns: URL (e.g. turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349)` });
        return z.NEVER;
      }
      return urls;
    }),
  SIGHTLINE_TURN_SECRET: z.string().min(16, 'must be at least 16 characters (coturn static-auth-secret)').optional(),
  SIGHTLINE_TURN_TTL_HOURS: positiveInt(12),
  SIGHTLINE_ICE_POLICY: z
    .enum(IceTransportPolicy.options, { error: 'must be "all" (the default) or "relay" (TURN relay only, so peers never learn each other\'s addresses)' })
    .default('all'),
  SIGHTLINE_TLS_CERT: z.string().optional(),
  SIGHTLINE_TLS_KEY: z.string().optional(),
  SIGHTLINE_MAX_UPLOAD_MB: positiveInt(25),
  SIGHTLINE_MAX_CHUNK_MB: positiveInt(16),
  SIGHTLINE_MAX_IMAGE_PIXELS: positiveInt(80_000_000),
  SIGHTLINE_MAX_IMAGE_DECODED_MB: positiveInt(256),
  SIGHTLINE_IMAGE_MEMORY_MB: positiveInt(256),
  SIGHTLINE_IMAGE_JOBS: positiveInt(2),
  SIGHTLINE_IMAGE_QUEUE: positiveInt(32),
  SIGHTLINE_IMAGE_QUEUE_PER_CALLER: positiveInt(4),
  UV_THREADPOOL_SIZE: positiveInt(4),
  SIGHTLINE_JOIN_LINK_HOURS: positiveInt(72),
  SIGHTLINE_ORGANISATION: z.string().trim().min(1).max(200).optional(),
  SIGHTLINE_PRIVACY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIGHTLINE_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL, e.g. postgres://sightline:secret@db.internal:5432/sightline' })
    .optional(),
  SIGHTLINE_DATABASE_POOL: wholeNumber(1, 1000, 'connections'),
  SIGHTLINE_REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL, e.g. redis://:secret@redis.internal:6379/0' })
    .optional(),
  SIGHTLINE_LEDGER_KEY_FILE: z.string().trim().min(1).optional(),
  SIGHTLINE_SIGNALLING_SECRET_FILE: z.string().trim().min(1).optional(),
  SIGHTLINE_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com' })
    .optional(),
  SIGHTLINE_MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, or a name and an address: Harbour Mutual <claims@harbour.example>')
    .optional(),
  SIGHTLINE_SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SIGHTLINE_SMS_WEBHOOK_AUTH: z.string().trim().min(1).max(4096).optional(),
  SIGHTLINE_LOGIN_LIMIT_PER_15MIN: positiveInt(30),
  SIGHTLINE_TRUST_PROXY: trustedProxies,
  SIGHTLINE_MAX_PEERS: positiveInt(5000),
  SIGHTLINE_QUEUE_OFFER_SECONDS: positiveInt(20),
  SIGHTLINE_QUEUE_AWAY_SECONDS: positiveInt(60),
  SIGHTLINE_INTAKE_LIMIT_PER_10MIN: positiveInt(10),
  SIGHTLINE_CODE_LIMIT_PER_10MIN: positiveInt(20),
  SIGHTLINE_CODE_LIMIT_PER_REFERENCE_PER_10MIN: positiveInt(10),
  // At least 32: the burst (four seconds' worth) must hold the largest signalling message, 64 KiB.
  SIGHTLINE_SIGNALLING_KIB_PER_SEC: z.coerce.number().int().min(32).optional().transform((v) => v ?? 128),
  SIGHTLINE_SHUTDOWN_NOTICE_S: wholeNumber(0, 3600, 'seconds'),
  SIGHTLINE_SHUTDOWN_GRACE_S: wholeNumber(0, 3600, 'seconds'),
  SIGHTLINE_WEBHOOK_RETRY_BASE_MS: wholeNumber(10, 3_600_000, 'milliseconds'),
  SIGHTLINE_API_LIMIT_PER_MIN: positiveInt(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface S3BlobStoreConfig {
  kind: 's3';
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for none. */
  prefix: string;
  /** AWS_ENDPOINT_URL_S3 for an S3-compatible store (Ceph RGW, s3rver), addressed path-style; null for AWS. */
  endpoint: string | null;
  region: string;
  /** From AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; null leaves them to the SDK's chain (instance role, ~/.aws). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** SIGHTLINE_S3_OBJECT_LOCK: every upload locked for SIGHTLINE_RETENTION_DAYS from its upload; null: no lock per upload. */
  objectLock: S3ObjectLock | null;
}

export interface S3ObjectLock {
  mode: 'GOVERNANCE' | 'COMPLIANCE';
  days: number;
}

export type BlobStoreConfig = { kind: 'local' } | S3BlobStoreConfig;

export interface Config {
  httpPort: number | null;
  httpsPort: number | null;
  host: string;
  dataDir: string;
  /** PostgreSQL to keep everything in; null: SQLite in the data dir. */
  databaseUrl: string | null;
  /** Connections each instance keeps to PostgreSQL at most. */
  databasePoolSize: number;
  /** Files holding the secrets every instance shares; null: the data dir (SQLite) or the database (PostgreSQL). */
  secretFiles: { ledgerKey: string | null; signallingSecret: string | null };
  /** Redis that instances share signalling, presence, live events and rate limits through; null: one instance, in process. */
  redisUrl: string | null;
  /** Where blobs live: `<dataDir>/blobs`, or an S3 bucket (SIGHTLINE_BLOB_STORE). */
  blobStore: BlobStoreConfig;
  /** The folder of preview tours, one sub-folder per tour (docs/TOURS.md). */
  toursDir: string;
  /** The digital agent's knowledge base, a Markdown file (SIGHTLINE_KNOWLEDGE_BASE; default server/kb/default.md). */
  knowledgeBase: string;
  publicUrl: string | null;
  admin: { email: string; password: string } | null;
  iceServers: IceServer[];
  /** coturn REST credentials minted per peer; null when no TURN relay is configured. */
  turn: TurnConfig | null;
  /** `relay`: every page uses TURN relay candidates only (refused at start unless a TURN server is configured). */
  iceTransportPolicy: IceTransportPolicy;
  tls: { certFile: string; keyFile: string } | null;
  maxUploadBytes: number;
  /** Largest accepted recording chunk. */
  maxChunkBytes: number;
  maxImagePixels: number;
  /** Bounds on decoding uploaded images: see evidence/image-cost.ts and evidence/image-gate.ts. */
  imageWork: { maxDecodedBytes: number; memoryBytes: number; jobs: number; queue: number; perCaller: number };
  joinLinkHours: number;
  /** What the customer's consent screen says about who holds their data, how long, and where to read more. */
  customerNotice: { organisation: string | null; retentionDays: number | null; privacyUrl: string | null };
  /** How join links are sent to customers; a channel left unset is not offered. */
  linkSending: {
    email: { smtpUrl: string; from: string } | null;
    sms: { webhookUrl: string; authorization: string | null } | null;
  };
  loginLimitPer15Min: number;
  /** Express `trust proxy`: the proxies whose X-Forwarded-For names the client (SIGHTLINE_TRUST_PROXY). */
  trustProxy: string[];
  maxPeers: number;
  /** The front door's queue: how long an offer waits for an answer; how long a silent console counts as there. */
  queue: { offerTimeoutMs: number; awayAfterMs: number };
  /** The front door's limits per ten minutes: intakes per address, one-time code requests and attempts per address and per case reference. */
  intakeLimits: { intakesPerAddress: number; codesPerAddress: number; codesPerReference: number };
  /** What one signalling socket may send per second, in bytes; it may send four seconds' worth at once. */
  signallingBytesPerSecond: number;
  /** On SIGTERM/SIGINT: how long to announce the stop, then how long requests under way may take. */
  shutdown: ShutdownConfig;
  /** Outgoing webhooks: the first retry's wait (the schedule, 5 s … 6 h, scales with it). */
  webhooks: { retryBaseMs: number };
  /** Requests each API key may make a minute on the read API (/api/v1). */
  apiLimitPerMinute: number;
  logLevel: string;
}

export class ConfigError extends Error {}

/** A TURN server among the static ICE servers (a turn: or turns: URL), which relay-only ICE can use. */
function isTurnServer(server: IceServer): boolean {
  return (typeof server.urls === 'string' ? [server.urls] : server.urls).some((url) => /^turns?:/.test(url));
}

function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function blobStoreConfig(e: z.infer<typeof BlobStoreEnv>): BlobStoreConfig {
  if (!e.SIGHTLINE_BLOB_STORE) {
    if (e.SIGHTLINE_S3_OBJECT_LOCK) {
      throw new ConfigError('Invalid configuration: SIGHTLINE_S3_OBJECT_LOCK is set but SIGHTLINE_BLOB_STORE names no S3 bucket (files in the local blob store cannot be locked); unset it, or set SIGHTLINE_BLOB_STORE');
    }
    return { kind: 'local' };
  }
  if (!e.AWS_REGION) {
    throw new ConfigError('Invalid configuration: SIGHTLINE_BLOB_STORE names an S3 bucket but AWS_REGION is not set (any region name your store accepts, e.g. us-east-1 for Ceph RGW)');
  }
  if (Boolean(e.AWS_ACCESS_KEY_ID) !== Boolean(e.AWS_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together');
  }
  if (e.SIGHTLINE_S3_OBJECT_LOCK && e.SIGHTLINE_RETENTION_DAYS === undefined) {
    throw new ConfigError('Invalid configuration: SIGHTLINE_S3_OBJECT_LOCK is set but SIGHTLINE_RETENTION_DAYS is not (each upload is locked for that many days)');
  }
  return {
    kind: 's3',
    ...e.SIGHTLINE_BLOB_STORE,
    endpoint: e.AWS_ENDPOINT_URL_S3 ?? null,
    region: e.AWS_REGION,
    credentials: e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY } : null,
    // Days from the upload, as the case's retention runs N days from its latest outcome, which follows
    // its uploads: the lock does not outlast what the customer is promised (s3-blob-store.ts, `put`).
    objectLock: e.SIGHTLINE_S3_OBJECT_LOCK && e.SIGHTLINE_RETENTION_DAYS !== undefined
      ? { mode: e.SIGHTLINE_S3_OBJECT_LOCK, days: e.SIGHTLINE_RETENTION_DAYS }
      : null,
  };
}

/** The blob store settings alone, for tools that open the store but not the server. */
export function loadBlobStoreConfig(env: NodeJS.ProcessEnv): BlobStoreConfig {
  return blobStoreConfig(parseEnv(BlobStoreEnv, env));
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const e = parseEnv(EnvSchema, env);
  if (e.PORT === null && e.HTTPS_PORT === null) throw new ConfigError('Invalid configuration: PORT and HTTPS_PORT are both off');
  if (Boolean(e.SIGHTLINE_ADMIN_EMAIL) !== Boolean(e.SIGHTLINE_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: set SIGHTLINE_ADMIN_EMAIL and SIGHTLINE_ADMIN_PASSWORD together');
  }
  if (Boolean(e.SIGHTLINE_TLS_CERT) !== Boolean(e.SIGHTLINE_TLS_KEY)) {
    throw new ConfigError('Invalid configuration: set SIGHTLINE_TLS_CERT and SIGHTLINE_TLS_KEY together');
  }
  if (Boolean(e.SIGHTLINE_SMTP_URL) !== Boolean(e.SIGHTLINE_MAIL_FROM)) {
    throw new ConfigError('Invalid configuration: set SIGHTLINE_SMTP_URL and SIGHTLINE_MAIL_FROM together');
  }
  if (Boolean(e.SIGHTLINE_TURN_URLS) !== Boolean(e.SIGHTLINE_TURN_SECRET)) {
    throw new ConfigError('Invalid configuration: set SIGHTLINE_TURN_URLS and SIGHTLINE_TURN_SECRET together');
  }
  if (e.SIGHTLINE_ICE_POLICY === 'relay' && !e.SIGHTLINE_TURN_URLS && !e.SIGHTLINE_ICE_SERVERS.some(isTurnServer)) {
    throw new ConfigError('Invalid configuration: SIGHTLINE_ICE_POLICY=relay needs a TURN relay, and none is configured: set SIGHTLINE_TURN_URLS and SIGHTLINE_TURN_SECRET (or list a turn: server in SIGHTLINE_ICE_SERVERS), or leave SIGHTLINE_ICE_POLICY unset; without a relay no call could connect');
  }
  if (e.SIGHTLINE_SMS_WEBHOOK_AUTH && !e.SIGHTLINE_SMS_WEBHOOK_URL) {
    throw new ConfigError('Invalid configuration: SIGHTLINE_SMS_WEBHOOK_AUTH is set but SIGHTLINE_SMS_WEBHOOK_URL is not');
  }
  // Each image job holds a libuv thread while it decodes; file reads and writes need the others.
  if (e.SIGHTLINE_IMAGE_JOBS >= e.UV_THREADPOOL_SIZE) {
    throw new ConfigError(`Invalid configuration: SIGHTLINE_IMAGE_JOBS (${e.SIGHTLINE_IMAGE_JOBS}) must be below UV_THREADPOOL_SIZE (${e.UV_THREADPOOL_SIZE}), so file I/O keeps a thread while images are decoded`);
  }
  const blobStore = blobStoreConfig(e);
  return {
    httpPort: e.PORT,
    httpsPort: e.HTTPS_PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SIGHTLINE_DATA_DIR),
    databaseUrl: e.SIGHTLINE_DATABASE_URL ?? null,
    databasePoolSize: e.SIGHTLINE_DATABASE_POOL ?? 10,
    redisUrl: e.SIGHTLINE_REDIS_URL ?? null,
    secretFiles: {
      ledgerKey: e.SIGHTLINE_LEDGER_KEY_FILE ? path.resolve(e.SIGHTLINE_LEDGER_KEY_FILE) : null,
      signallingSecret: e.SIGHTLINE_SIGNALLING_SECRET_FILE ? path.resolve(e.SIGHTLINE_SIGNALLING_SECRET_FILE) : null,
    },
    blobStore,
    toursDir: e.SIGHTLINE_TOURS_DIR ? path.resolve(e.SIGHTLINE_TOURS_DIR) : BUILT_IN_TOURS,
    knowledgeBase: e.SIGHTLINE_KNOWLEDGE_BASE ? path.resolve(e.SIGHTLINE_KNOWLEDGE_BASE) : DEFAULT_KNOWLEDGE_BASE,
    publicUrl: e.SIGHTLINE_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    admin: e.SIGHTLINE_ADMIN_EMAIL && e.SIGHTLINE_ADMIN_PASSWORD
      ? { email: e.SIGHTLINE_ADMIN_EMAIL.toLowerCase(), password: e.SIGHTLINE_ADMIN_PASSWORD }
      : null,
    iceServers: e.SIGHTLINE_ICE_SERVERS,
    turn: e.SIGHTLINE_TURN_URLS && e.SIGHTLINE_TURN_SECRET
      ? { urls: e.SIGHTLINE_TURN_URLS, secret: e.SIGHTLINE_TURN_SECRET, ttlMs: e.SIGHTLINE_TURN_TTL_HOURS * 3600_000 }
      : null,
    iceTransportPolicy: e.SIGHTLINE_ICE_POLICY,
    tls: e.SIGHTLINE_TLS_CERT && e.SIGHTLINE_TLS_KEY ? { certFile: e.SIGHTLINE_TLS_CERT, keyFile: e.SIGHTLINE_TLS_KEY } : null,
    maxUploadBytes: e.SIGHTLINE_MAX_UPLOAD_MB * 1024 * 1024,
    maxChunkBytes: e.SIGHTLINE_MAX_CHUNK_MB * 1024 * 1024,
    maxImagePixels: e.SIGHTLINE_MAX_IMAGE_PIXELS,
    imageWork: {
      maxDecodedBytes: e.SIGHTLINE_MAX_IMAGE_DECODED_MB * 1024 * 1024,
      memoryBytes: e.SIGHTLINE_IMAGE_MEMORY_MB * 1024 * 1024,
      jobs: e.SIGHTLINE_IMAGE_JOBS,
      queue: e.SIGHTLINE_IMAGE_QUEUE,
      perCaller: e.SIGHTLINE_IMAGE_QUEUE_PER_CALLER,
    },
    joinLinkHours: e.SIGHTLINE_JOIN_LINK_HOURS,
    customerNotice: {
      organisation: e.SIGHTLINE_ORGANISATION ?? null,
      retentionDays: e.SIGHTLINE_RETENTION_DAYS ?? null,
      privacyUrl: e.SIGHTLINE_PRIVACY_URL ?? null,
    },
    linkSending: {
      email: e.SIGHTLINE_SMTP_URL && e.SIGHTLINE_MAIL_FROM ? { smtpUrl: e.SIGHTLINE_SMTP_URL, from: e.SIGHTLINE_MAIL_FROM } : null,
      sms: e.SIGHTLINE_SMS_WEBHOOK_URL ? { webhookUrl: e.SIGHTLINE_SMS_WEBHOOK_URL, authorization: e.SIGHTLINE_SMS_WEBHOOK_AUTH ?? null } : null,
    },
    loginLimitPer15Min: e.SIGHTLINE_LOGIN_LIMIT_PER_15MIN,
    trustProxy: e.SIGHTLINE_TRUST_PROXY,
    maxPeers: e.SIGHTLINE_MAX_PEERS,
    queue: { offerTimeoutMs: e.SIGHTLINE_QUEUE_OFFER_SECONDS * 1000, awayAfterMs: e.SIGHTLINE_QUEUE_AWAY_SECONDS * 1000 },
    intakeLimits: { intakesPerAddress: e.SIGHTLINE_INTAKE_LIMIT_PER_10MIN, codesPerAddress: e.SIGHTLINE_CODE_LIMIT_PER_10MIN, codesPerReference: e.SIGHTLINE_CODE_LIMIT_PER_REFERENCE_PER_10MIN },
    signallingBytesPerSecond: e.SIGHTLINE_SIGNALLING_KIB_PER_SEC * 1024,
    // Behind a load balancer (Redis set) its checks need a few seconds to see the stop; a lone instance need not wait.
    shutdown: {
      noticeMs: (e.SIGHTLINE_SHUTDOWN_NOTICE_S ?? (e.SIGHTLINE_REDIS_URL ? 5 : 0)) * 1000,
      graceMs: (e.SIGHTLINE_SHUTDOWN_GRACE_S ?? 20) * 1000,
    },
    webhooks: { retryBaseMs: e.SIGHTLINE_WEBHOOK_RETRY_BASE_MS ?? 5000 },
    apiLimitPerMinute: e.SIGHTLINE_API_LIMIT_PER_MIN,
    logLevel: e.LOG_LEVEL,
  };
}
