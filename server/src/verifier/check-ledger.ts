// ledger.jsonl, line by line: each line byte-exact, well-formed, of the one case, in gap-free
// sequence from 1, linked to the line before, matching its hash and signed; then the whole ledger
// against the signed manifest (entry count and head), so entries cut off the end are found too.
import type { LedgerEntry } from '../../../protocol/http.ts';
import { entryFault, GENESIS_HASH, type SignatureCheck } from '../ledger/chain.ts';
import { ledgerLine, type BundleManifest } from '../../../protocol/bundle.ts';
import type { Problem } from './report.ts';
import { parseEntry, readJson } from './shape.ts';

export interface LedgerCheck {
  /** The entries that could be read, in line order. */
  entries: LedgerEntry[];
  lines: number;
  /** The entry on the last line, when it could be read. */
  last: LedgerEntry | null;
}

const NEWLINE = 0x0a;

export function checkLedger(bytes: Buffer, caseId: string | null, verify: SignatureCheck, problems: Problem[]): LedgerCheck {
  const segments = splitLines(bytes);
  const entries: LedgerEntry[] = [];
  let lastRead: { line: number; entry: LedgerEntry } | null = null;
  let expectedCase = caseId;

  for (const [index, segment] of segments.entries()) {
    const line = index + 1;
    const fault = (message: string, seq: number | null, type: string | null): void => {
      problems.push({ place: { kind: 'entry', line, seq, type }, message });
    };
    const json = readJson(segment.bytes);
    if (!json.ok) {
      fault(`the line ${json.fault}`, null, null);
      continue;
    }
    const { text, value: raw } = json.value;
    const parsed = parseEntry(raw);
    if (!parsed.ok) {
      const seq = fieldOf(raw, 'seq');
      const type = fieldOf(raw, 'type');
      fault(parsed.fault, typeof seq === 'number' ? seq : null, typeof type === 'string' ? type : null);
      continue;
    }
    const entry = parsed.value;
    expectedCase ??= entry.caseId;
    // After a gap or a bad line, count on from the last entry read, so one fault is reported once.
    const expected = {
      caseId: expectedCase,
      seq: lastRead ? lastRead.entry.seq + (line - lastRead.line) : line,
      prevHash: line === 1 ? GENESIS_HASH : lastRead?.line === line - 1 ? lastRead.entry.hash : null,
    };
    const reason = `${text}\n` !== ledgerLine(entry)
      ? 'the line is not byte-for-byte as exported (reformatted or altered)'
      : !segment.terminated
        ? 'the line does not end with a newline (the file was cut or altered)'
        : entryFault(entry, expected, verify);
    if (reason) fault(reason, entry.seq, entry.type);
    entries.push(entry);
    lastRead = { line, entry };
  }

  const lastLine = segments.length;
  const last = lastRead?.line === lastLine ? lastRead.entry : null;
  return { entries, lines: lastLine, last };
}

function fieldOf(value: unknown, key: string): unknown {
  const found: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  return found;
}

export function checkLedgerAgainstManifest(ledger: LedgerCheck, manifest: BundleManifest, problems: Problem[]): void {
  const listed = manifest.ledger.entries;
  if (ledger.lines < listed) {
    problems.push({
      place: { kind: 'entry', line: null, seq: ledger.lines + 1, type: null },
      message: `is missing: the signed manifest lists ${listed} entries (head ${manifest.ledger.headHash}), ledger.jsonl holds ${ledger.lines}`,
    });
  } else if (ledger.lines > listed) {
    problems.push({
      place: { kind: 'entry', line: listed + 1, seq: null, type: null },
      message: `is one of ${ledger.lines - listed} lines beyond the ${listed} entries the signed manifest lists`,
    });
  } else if (ledger.last && ledger.last.hash !== manifest.ledger.headHash) {
    problems.push({
      place: { kind: 'entry', line: ledger.lines, seq: ledger.last.seq, type: ledger.last.type },
      message: `its hash is not the head hash of the signed manifest (${manifest.ledger.headHash})`,
    });
  }
}

function splitLines(bytes: Buffer): Array<{ bytes: Buffer; terminated: boolean }> {
  const lines: Array<{ bytes: Buffer; terminated: boolean }> = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === -1) {
      lines.push({ bytes: bytes.subarray(start), terminated: false });
      break;
    }
    lines.push({ bytes: bytes.subarray(start, end), terminated: true });
    start = end + 1;
  }
  return lines;
}
