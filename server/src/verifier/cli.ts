// sightline-verify: checks an evidence bundle offline and prints the verdict. Exit 0 verified,
// 1 failed verification, 2 usage error or a zip that cannot be read at all.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UnreadableBundle } from './bundle-reader.ts';
import { verifyBundle, type Trust } from './check-bundle.ts';
import { formatReport } from './report.ts';

export const EXIT = { verified: 0, failed: 1, usage: 2 } as const;

const USAGE = `Usage: sightline-verify <bundle.zip> [--key <public-key.pem>] [--key-id <id>] [--json]

Checks a Sightline evidence bundle offline: every ledger entry's signature and hash, the hash
chain and its sequence, every blob's sha-256 and size, that every blob the ledger names is there
and no other file is, and the signed manifest.

  --key <file>    the server's Ed25519 public key you trust (PEM, e.g. saved from
                  https://<server>/.well-known/sightline-ledger-key.pem)
  --key-id <id>   the key id you trust (16 hex digits, GET /api/ledger/key)
  --json          print the full report as JSON

Without --key or --key-id the bundle is checked with its own public-key.pem, and the output says so.
Exit status: 0 verified, 1 verification failed, 2 usage error or unreadable zip.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths are taken from here. */
  cwd: string;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { key: { type: 'string' }, 'key-id': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (args.values.help) {
    io.stdout(USAGE);
    return EXIT.verified;
  }
  const [bundle, ...extra] = args.positionals;
  if (!bundle || extra.length > 0) return usageError(io, bundle ? `one bundle at a time, not ${args.positionals.length}` : 'no bundle given');

  const trust: Trust = {};
  const keyId = args.values['key-id'];
  if (keyId !== undefined) {
    if (!/^[0-9a-fA-F]{16}$/.test(keyId)) return usageError(io, `--key-id ${keyId} is not a key id (16 hex digits)`);
    trust.keyId = keyId.toLowerCase();
    trust.label = `--key-id ${trust.keyId}`;
  }
  if (args.values.key !== undefined) {
    const keyFile = path.resolve(io.cwd, args.values.key);
    const pem = readTrustedKey(keyFile);
    if (typeof pem !== 'string') return usageError(io, `--key ${args.values.key}: ${pem.error}`);
    trust.publicKeyPem = pem;
    trust.label = [`--key ${args.values.key}`, trust.label].filter(Boolean).join(' and ');
  }

  let report;
  try {
    report = await verifyBundle(path.resolve(io.cwd, bundle), trust);
  } catch (error) {
    if (error instanceof UnreadableBundle) {
      io.stderr(`sightline-verify: cannot read ${bundle}: ${error.message}\n`);
      return EXIT.usage;
    }
    // A bundle no check foresaw still gets a verdict line, never a stack trace: it is not verified.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`sightline-verify: cannot check ${bundle}: ${message} (an error the checks did not foresee; please report it)\n`);
    return EXIT.usage;
  }
  io.stdout(args.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? EXIT.verified : EXIT.failed;
}

function readTrustedKey(file: string): string | { error: string } {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const key = crypto.createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') return { error: `it holds a ${key.asymmetricKeyType ?? 'non-Ed25519'} key, not an Ed25519 one` };
    return pem;
  } catch {
    return { error: 'it is not a PEM public key' };
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`sightline-verify: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}
