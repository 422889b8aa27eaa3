// An S3 stand-in for tests: s3rver on 127.0.0.1 with an ephemeral port and a temp folder, one bucket
// made before it listens. It accepts what the Sightline S3 blob store sends but checks less than a real
// store (see s3-blob-store.ts): no If-None-Match on PUT, no x-amz-checksum-sha256 check.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { loadBlobStoreConfig, type S3BlobStoreConfig } from '../../src/config.ts';

export interface S3TestServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  bucket: string;
  /** The environment that points a Sightline server (or the retention CLI) at this bucket. */
  env: Record<string, string>;
  /** The blob store settings that environment parses to. */
  config: S3BlobStoreConfig;
  close(): Promise<void>;
}

export async function startS3Server(opts: { bucket?: string; prefix?: string } = {}): Promise<S3TestServer> {
  const bucket = opts.bucket ?? 'sightline-test';
  const directory = await fsp.mkdtemp(path.join(os.tmpdir(), 'sightline-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    SIGHTLINE_BLOB_STORE: `s3://${bucket}${opts.prefix ? `/${opts.prefix}` : ''}`,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: 'us-east-1',
    // s3rver's one built-in account.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
  const config = loadBlobStoreConfig(env);
  if (config.kind !== 's3') throw new Error('the test S3 environment did not parse as an S3 blob store');
  return {
    endpoint,
    bucket,
    env,
    config,
    async close() {
      const closing = server.close();
      // Clients keep connections alive; the server's close would wait for them.
      server.httpServer?.closeAllConnections();
      await closing;
      await fsp.rm(directory, { recursive: true, force: true });
    },
  };
}
