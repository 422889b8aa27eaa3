// One signalling instance as a process of its own, sharing Redis with others: what the cluster tests
// SIGKILL and the signalling-cluster benchmark measures. Run with `node --import tsx`; configured by
// the environment below; prints one JSON line when it listens ({"port"}) and one per presence event
// ({"presence"}); closes gracefully on SIGTERM.
import { createServer } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { createRedisDirectory } from '../../../src/signalling/redis-directory.ts';
import { createSignalling } from '../../../src/signalling/signalling.ts';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

// Quiet unless asked: the tests provoke warnings on purpose.
const log = { info: () => undefined, warn: (obj: object, msg?: string) => process.env.SIGNALLING_LOG === '1' && console.error(msg, JSON.stringify(obj)) };
const app = express();
const server = createServer(app);
const bytesPerSecond = Number(env('SIGNALLING_BYTES_PER_SECOND', String(128 * 1024)));
const signalling = createSignalling({
  secret: Buffer.from(env('SIGNALLING_SECRET'), 'hex'),
  servers: [server],
  mountPath: '/peerjs',
  tokenTtlMs: 120_000,
  maxPeersPerCase: Number(env('MAX_PEERS_PER_CASE', '8')),
  maxPeers: Number(env('MAX_PEERS', '5000')),
  relayRate: { bytesPerSecond, burstBytes: 4 * bytesPerSecond },
  onPresence: (event) => process.stdout.write(`${JSON.stringify({ presence: event })}\n`),
  log,
  directory: await createRedisDirectory({
    url: env('REDIS_URL'),
    log: pino({ level: process.env.SIGNALLING_LOG === '1' ? 'warn' : 'silent' }),
    ttlMs: Number(env('REGISTRY_TTL_MS', '30000')),
    prefix: env('REGISTRY_PREFIX', 'sightline:signalling:'),
  }),
});
app.use('/peerjs', signalling.handler);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});
process.once('SIGTERM', () => {
  void signalling.close().then(() => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
});
