// The HTTPS identity: a configured certificate, or a self-signed one created on first start (kept in
// the data dir) so phones on the LAN can reach a secure context for camera access.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsFiles { cert: string; key: string; selfSigned: boolean; fingerprint: string | null }

/** IPv4 addresses of this machine's LAN interfaces (what a phone on the same network can reach). */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((info): info is os.NetworkInterfaceInfo => Boolean(info) && info!.family === 'IPv4' && !info!.internal)
    .map((info) => info.address);
}

export async function loadOrCreateCertificate(opts: { dataDir: string; configured: { certFile: string; keyFile: string } | null }): Promise<TlsFiles> {
  if (opts.configured) {
    return { cert: fs.readFileSync(opts.configured.certFile, 'utf8'), key: fs.readFileSync(opts.configured.keyFile, 'utf8'), selfSigned: false, fingerprint: null };
  }
  const dir = path.join(opts.dataDir, 'tls');
  const certFile = path.join(dir, 'self-signed-cert.pem');
  const keyFile = path.join(dir, 'self-signed-key.pem');
  const hosts = ['localhost', os.hostname()];
  const ips = ['127.0.0.1', ...lanAddresses()];
  const covers = (pem: string) => ips.every((ip) => new crypto.X509Certificate(pem).checkIP(ip) !== undefined);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    const x509 = new crypto.X509Certificate(cert);
    // A new LAN address (another network) or an expiry soon needs a new certificate.
    if (covers(cert) && Date.parse(x509.validTo) > Date.now() + 7 * 86400_000) {
      return { cert, key: fs.readFileSync(keyFile, 'utf8'), selfSigned: true, fingerprint: x509.fingerprint256 };
    }
  }
  const now = new Date();
  const result = await generate([{ name: 'commonName', value: 'Sightline (self-signed)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86400_000),
    notAfterDate: new Date(now.getTime() + 365 * 86400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...hosts.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, result.private, { mode: 0o600 });
  fs.writeFileSync(certFile, result.cert, { mode: 0o644 });
  return { cert: result.cert, key: result.private, selfSigned: true, fingerprint: new crypto.X509Certificate(result.cert).fingerprint256 };
}
