// The ledger's keyring: the public half of every key that ever signed an entry, so entries signed
// before a rotation stay verifiable after it. Rows are only ever added.
import type { KeyringKey } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { LedgerKeysTable } from '../storage/schema.ts';
import type { LedgerSigner } from './signing-key.ts';

export interface Keyring {
  /** Adds a key unless one with its id is there (instances starting together add it once). */
  record(key: KeyringKey): Promise<void>;
  /** Every key, oldest first. */
  list(): Promise<KeyringKey[]>;
}

export function createKeyring(db: Db): Keyring {
  return {
    async record(key) {
      await db.q().insertInto('ledger_keys').values({
        key_id: key.keyId,
        algorithm: key.algorithm,
        public_key_pem: key.publicKeyPem,
        created_at: key.createdAt,
        endorsed_by: key.endorsedBy,
        endorsement: key.endorsement,
      }).onConflict((oc) => oc.column('key_id').doNothing()).execute();
    },
    list: async () => (await db.q().selectFrom('ledger_keys').selectAll().orderBy('created_at').orderBy('key_id').execute()).map(fromRow),
  };
}

/**
 * Records the key the server signs with, if absent (a key made by `npm run ledger-key -- rotate` is
 * there already, endorsed). Returns a warning when it joins other keys unendorsed: bundles then link
 * its entries to no earlier key, and an auditor who trusts an earlier one cannot follow.
 */
export async function recordSigningKey(keyring: Keyring, signer: LedgerSigner, now: Date): Promise<string | null> {
  await keyring.record({ ...signer.key, createdAt: now.toISOString(), endorsedBy: null, endorsement: null });
  const keys = await keyring.list();
  const mine = keys.find((key) => key.keyId === signer.key.keyId);
  if (keys.length > 1 && mine && mine.endorsedBy === null && keys[0]!.keyId !== mine.keyId) {
    return `the ledger key ${mine.keyId} is endorsed by no earlier key of the keyring: it was replaced by hand, not with npm run ledger-key -- rotate (docs/DEPLOY.md), so exported bundles cannot link its entries to the earlier keys`;
  }
  return null;
}

function fromRow(row: LedgerKeysTable): KeyringKey {
  if (row.algorithm !== 'Ed25519') throw new Error(`the keyring's key ${row.key_id} has algorithm ${row.algorithm}, not Ed25519`);
  return {
    algorithm: 'Ed25519',
    keyId: row.key_id,
    publicKeyPem: row.public_key_pem,
    createdAt: row.created_at,
    endorsedBy: row.endorsed_by,
    endorsement: row.endorsement,
  };
}
