// README.txt of an evidence bundle: what it is and how to verify it, with the tool or by hand.
import { GENESIS_HASH } from '../ledger/chain.ts';
import type { UnsignedManifest } from '../../../protocol/bundle.ts';

export type ReadmeFacts = Omit<UnsignedManifest, 'readme'>;

export function bundleReadme(facts: ReadmeFacts): string {
  const { case: summary, ledger, ledgerKey, ledgerKeys, blobs } = facts;
  const bytes = blobs.reduce((sum, blob) => sum + blob.size, 0);
  return `SIGHTLINE EVIDENCE BUNDLE (${facts.format})
============================================================

Case:       ${summary.id} (${summary.kind}) ${JSON.stringify(summary.title)}, created ${summary.createdAt}
Exported:   ${facts.exportedAt}
Ledger:     ${ledger.entries} entries (seq 1 to ${ledger.entries}), head hash ${ledger.headHash}
Blobs:      ${blobs.length} files, ${bytes} bytes
Ledger key: ${ledgerKey.algorithm}, key id ${ledgerKey.keyId}

This zip is a self-contained copy of one case's evidence as the Sightline server held it at the
export time: the case ledger (every event of the case - evidence added, captioned or corrected, chat lines, annotations,
measurements, checklist verdicts, outcomes, joins - hash-chained and signed by the server) and every file the ledger names (photos exactly as
uploaded, their previews and thumbnails, recordings). Any changed byte, removed, reordered or added
entry, and any changed, missing or added file is detected by the checks below.

WHAT IS INSIDE
  manifest.json   format id, case summary, export time, the ledger key, entry count and head hash,
                  every blob with its sha-256 and size, and the sha-256 of this README; signed with
                  the ledger key (so entries cut off the end of the ledger are detected too).
  ledger.jsonl    every ledger entry of the case, one JSON object per line, in sequence order.
  blobs/<sha256>  every file an entry names, once, named by the sha-256 of its content.
  photos/         a copy of each photo as uploaded, to open and look at: 001-<hash>.jpg is the
                  first photo taken, <hash> the start of its sha-256 (the manifest gives it whole);
                  the same bytes as blobs/<sha256>.
  public-key.pem  the server's Ed25519 public key (the ledger key).
  README.txt      this file.
${ledgerKeys ? keysSection(ledgerKeys, ledgerKey.keyId) : ''}
WHEN AND WHERE EACH PHOTO WAS TAKEN
  Each "evidence.added" entry carries "capture", the server's check when the photo arrived:
  clockSkewMs (the server's clock minus the device's), distanceM (from the case's address, which
  "case.address-set" entries record), maxDistanceM (the organisation's limit then) and its flags -
  "clock-off" (more than 5 minutes off), "far-from-address" (farther than the limit) and "not-live"
  (a gallery upload, not a live capture; its EXIF time and place, when the file had them, are in
  "exif"). Flags are findings, not faults. The verifier re-derives every check from the ledger alone,
  lists each flagged photo, and fails when a stored check does not match its entry's own facts.
  By hand, the flagged photos:
    jq -c 'select(.type == "evidence.added" and (.payload.capture.flags // []) != [])
           | {seq, photo: .payload.evidenceId, capture: .payload.capture, exif: .payload.exif}' ledger.jsonl

WHICH KEY TO TRUST
  Anyone can build a consistent bundle with a key of their own, so check the bundle against the
  key you trust, obtained from the server (https://<server>/.well-known/sightline-ledger-key.pem)
  or its operator - not against the public-key.pem inside this bundle. This bundle's key id is
  ${ledgerKey.keyId} (the first 16 hex digits of the sha-256 of the key's DER form).

VERIFY WITH THE SIGHTLINE VERIFIER (offline)
  The verifier is one file: download https://<server>/verify/sightline-verify.cjs (or ask the
  operator for it) and run it with Node.js 18 or later; it installs and downloads nothing:
    node sightline-verify.cjs bundle.zip --key trusted-key.pem
  In a Sightline checkout, after npm install (from any folder of it), the same verifier is:
    npx --no sightline-verify bundle.zip --key trusted-key.pem
    npm run verify -- bundle.zip --key trusted-key.pem
  From anywhere else, naming the checkout:
    npx --package=/path/to/sightline sightline-verify bundle.zip --key trusted-key.pem
  (Outside a checkout a bare "npx sightline-verify" would look for a package of that name on the
  npm registry instead: do not run that.) --key-id ${ledgerKey.keyId} can stand for --key.
  It prints "VERIFIED: ..." and exits 0, or "FAILED: ..." naming the entry (seq and type) or the
  file (path) and what is wrong, and exits 1; it exits 2 when the zip cannot be read at all.
  Without --key or --key-id it says that it took the key from the bundle itself.

VERIFY BY HAND (unzip, jq, sha256sum, base64, OpenSSL 3)
  unzip bundle.zip -d bundle && cd bundle

  1. The key. Compare public-key.pem with the key you trust; its key id is
       openssl pkey -pubin -in public-key.pem -outform DER | sha256sum | cut -c1-16

  2. Every entry. A line of ledger.jsonl holds caseId, seq, at, actor, type, payload, blobs,
     prevHash, ${ledgerKeys ? 'keyId (the key that signed it; absent on entries from before keys were named), ' : ''}hash and signature. "hash" is the sha-256 (hex) of the canonical JSON (RFC 8785:
     keys sorted, no whitespace) of the entry without "hash" and "signature"; "signature" is
     Ed25519 (base64url) over those same bytes. "jq -cS" writes that canonical form for the values
     Sightline stores (text, integers, ordinary decimals). ${ledgerKeys ? `Each entry is checked with the key it names
     (one without keyId: the oldest key), so first write each listed key to a file:
       jq -r '.ledgerKeys[].keyId' manifest.json | while read -r id; do
         jq -rj --arg id "$id" '.ledgerKeys[] | select(.keyId == $id) | .publicKeyPem' manifest.json > "key-$id.pem"; done
       oldest=$(jq -r '.ledgerKeys | sort_by(.createdAt, .keyId) | .[0].keyId' manifest.json)
     ` : ''}This loop prints nothing when all agree:
       n=0; while IFS= read -r line; do n=$((n+1))
         printf '%s' "$line" | jq -cjS 'del(.hash, .signature)' > entry.json
         [ "$(sha256sum < entry.json | cut -c1-64)" = "$(printf '%s' "$line" | jq -r .hash)" ] || echo "line $n: hash differs"
         printf '%s' "$line" | jq -rj .signature | tr '_-' '/+' | sed 's/$/==/' | base64 -d > entry.sig
         openssl pkeyutl -verify -pubin -inkey ${ledgerKeys ? '"key-$(printf \'%s\' "$line" | jq -r --arg o "$oldest" \'.keyId // $o\').pem"' : 'public-key.pem'} -rawin -in entry.json -sigfile entry.sig > /dev/null || echo "line $n: bad signature"
       done < ledger.jsonl

${ledgerKeys ? `     The endorsements: for each listed key with an "endorsedBy", this must print "Signature Verified
     Successfully" (the key it names must be listed too):
       jq -c '.ledgerKeys[] | select(.endorsedBy != null)' manifest.json | while IFS= read -r k; do
         printf '%s' "$k" | jq -cjS '{algorithm, keyId, publicKeyPem, createdAt}' > key.json
         printf '%s' "$k" | jq -rj .endorsement | tr '_-' '/+' | sed 's/$/==/' | base64 -d > key.sig
         openssl pkeyutl -verify -pubin -inkey "key-$(printf '%s' "$k" | jq -r .endorsedBy).pem" -rawin -in key.json -sigfile key.sig
       done

` : ''}  3. The chain. Line N must have "seq": N, the same "caseId" as every other line, and a
     "prevHash" equal to the "hash" of line N-1 (line 1: ${GENESIS_HASH}):
       jq -r '[.seq, .prevHash, .hash] | @tsv' ledger.jsonl | awk -v g=${GENESIS_HASH} \\
         '$1 != NR || $2 != (NR == 1 ? g : prev) { print "line " NR ": broken link" } { prev = $3 }'

  4. The blobs. Each file's sha-256 must equal its name, every hash named in any entry's "blobs"
     must be a file, and no other file may be there:
       cd blobs && sha256sum * | awk '$1 != $2 { print "changed: " $2 }'; cd ..
       diff <(jq -r '.blobs[]' ledger.jsonl | sort -u) <(ls blobs | sort)
     Exception: a "retention.purged" entry (a signed tombstone) lists in payload.purgedBlobs the
     files deleted on purpose under the retention policy; a blob named only by entries before such a
     tombstone is absent by design (and left out of the manifest), and the diff above shows it.

     The photo copies: each file in photos/ must have the bytes of the blob the manifest's
     "photos" list gives for it:
       jq -r '.photos[] | "\\(.sha256)  \\(.path)"' manifest.json | sha256sum -c --quiet

  5. The manifest. Its "ledger" entries and headHash must match the last line, its "blobs" the
     files, "readme.sha256" the sha-256 of this file, and its signature must verify:
       jq -cjS 'del(.signature)' manifest.json > manifest.bytes
       jq -rj .signature manifest.json | tr '_-' '/+' | sed 's/$/==/' | base64 -d > manifest.sig
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.bytes -sigfile manifest.sig
`;
}

/** Format 3: which keys signed, and how each is linked to the key that signed the manifest. */
function keysSection(keys: NonNullable<ReadmeFacts['ledgerKeys']>, signer: string): string {
  const lines = keys.map((key) => `    ${key.keyId}  created ${key.createdAt}  ${key.endorsedBy ? `endorsed by ${key.endorsedBy}` : 'endorsed by no earlier key'}${key.keyId === signer ? '  (signs this manifest)' : ''}`);
  return `
LEDGER KEYS (the key was rotated at least once when more than one is listed)
  Each entry names the key that signed it ("keyId"); an entry without one was written before entries
  named their key and is signed by the oldest key listed. manifest.json's "ledgerKeys" lists each key
  that signed an entry here and those that link it to the manifest's key: when a key is replaced, the
  old key signs (endorses) the canonical JSON of {algorithm, keyId, publicKeyPem, createdAt} of the new
  one ("endorsement", by "endorsedBy"). So a key you trust from before a rotation still vouches for
  this bundle if its endorsements reach the manifest's key ${signer}:
${lines.join('\n')}
`;
}
