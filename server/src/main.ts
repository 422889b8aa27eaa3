// Composition root: read the config, start the service, print where to reach it, stop cleanly.
import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  const server = await startServer(config, log);

  console.log(`Sightline listening ${JSON.stringify({ http: server.httpUrl, https: server.httpsUrl, lan: server.lanUrls })}`);
  const lines = ['', '  Sightline is running.'];
  if (server.httpUrl) lines.push(`  Console:         ${server.httpUrl}/`);
  if (server.httpsUrl) lines.push(`  Console (https): ${server.httpsUrl}/   (self-signed certificate unless SIGHTLINE_TLS_CERT is set)`);
  for (const url of server.lanUrls) lines.push(`  On your LAN:     ${url}/   (phones open join links here)`);
  if (server.firstAdmin) {
    lines.push('', `  First admin login: ${server.firstAdmin.email}  /  ${server.firstAdmin.password}`);
    if (server.firstAdmin.generated) lines.push('  (generated now and shown only once; set SIGHTLINE_ADMIN_EMAIL/SIGHTLINE_ADMIN_PASSWORD to choose it)');
  }
  console.log(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    // A second signal while draining: the operator wants it gone now.
    if (stopping) {
      log.warn({ signal }, 'stopping at once');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, ...config.shutdown }, 'stopping: draining');
    server.drain().then(() => process.exit(0), (err: unknown) => {
      log.error({ err }, 'error while stopping');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Sightline could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
