// Case reports: one consistent read of a case (a single read transaction), the case re-verified at
// that moment, then the PDF drawn from that snapshot, in the case's language, while it streams. Reading is not an event:
// generating a report writes nothing to the ledger.
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Readable } from 'node:stream';
import type { LedgerKey, User } from '../../../protocol/http.ts';
import type { Principal } from '../auth/principal.ts';
import type { UserStore } from '../auth/user-store.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
import type { Keyring } from '../ledger/keyring.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { verifyCase } from '../ledger/verify.ts';
import type { MeasurementService } from '../measurements/measurement-service.ts';
import type { OutcomeService } from '../outcomes/outcome-service.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Db } from '../storage/database.ts';
import { findReportFonts, type ReportFonts } from './fonts.ts';
import { reportWords, type ReportWords } from './format.ts';
import type { TourActivityService } from '../tours/tour-activity-service.ts';
import { renderReport } from './report-document.ts';
import { buildCaseReport, userIdsNamedBy } from './report-model.ts';
import type { PreviewImage } from './sections/evidence.ts';

export interface ReportServiceDeps {
  db: Db;
  cases: CaseService;
  users: Pick<UserStore, 'byId'>;
  evidence: Pick<EvidenceService, 'list'>;
  chat: Pick<ChatService, 'list'>;
  outcomes: Pick<OutcomeService, 'list'>;
  measurements: Pick<MeasurementService, 'listFor'>;
  checklist: Pick<ChecklistService, 'stateOf'>;
  tourActivity: Pick<TourActivityService, 'exposure' | 'timeline'>;
  /** The title of a tour this server offers. */
  tourTitle: (id: string) => string | null;
  ledger: LedgerStore;
  blobs: BlobStore;
  ledgerKey: LedgerKey;
  keyring: Pick<Keyring, 'list'>;
  clock: () => Date;
  /** @default DejaVu when the system has it, else the PDF standard fonts; Noto Sans CJK behind either when installed */
  fonts?: ReportFonts;
  /** Told once, at start, when no CJK font was found (Chinese text then prints as replacement marks). */
  log?: Pick<Logger, 'warn'>;
}

export interface CaseReportDownload {
  filename: string;
  /** The ledger head the report was made from. */
  headHash: string | null;
  stream: Readable;
}

export type ReportService = ReturnType<typeof createReportService>;

export function createReportService(deps: ReportServiceDeps) {
  const fonts = deps.fonts ?? findReportFonts();
  if (!fonts.fallback) {
    deps.log?.warn({ fonts: fonts.regular }, 'report: no Noto Sans CJK font found (Debian: apt-get install fonts-noto-cjk); Chinese, Japanese and Korean text in PDF reports prints as replacement marks');
  }

  /** Everything the report shows, read in one repeatable-read transaction: one moment of the case. */
  const readCase = (principal: Principal, caseId: string) => deps.db.transaction(async () => {
    const record = await deps.cases.authorize(principal, caseId);
    const entries = await deps.ledger.list(record.id);
    const outcomes = await deps.outcomes.list(record.id);
    const users = new Map<string, User>();
    for (const id of userIdsNamedBy(record, entries, outcomes)) {
      const user = await deps.users.byId(id);
      if (user) users.set(id, user);
    }
    return {
      generatedAt: deps.clock().toISOString(),
      case: record,
      users,
      evidence: await deps.evidence.list(record.id),
      chat: await deps.chat.list(record.id),
      outcomes,
      measurements: await deps.measurements.listFor(record.id),
      checklist: await deps.checklist.stateOf(record),
      tour:
        record.tour === null
          ? null
          : {
              id: record.tour,
              title: deps.tourTitle(record.tour) ?? record.tour,
              exposure: await deps.tourActivity.exposure(record.id, record.tour),
              moments: await deps.tourActivity.timeline(record.id),
            },
      entries,
    };
  }, { isolation: 'repeatable read' });

  /** Reads a preview for a report in `words`' language, which says why one cannot be shown. */
  const previewReader = (words: ReportWords) => async (sha256: string): Promise<PreviewImage> => {
    let bytes: Buffer;
    try {
      bytes = await readAll(await deps.blobs.open(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: words.say('evidence.missing') };
      throw error;
    }
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) {
      return { ok: false, reason: words.say('evidence.mismatch') };
    }
    return { ok: true, bytes };
  };

  return {
    /** Authorises, reads and verifies before the first byte; 404/403 come from `cases.authorize`. */
    async generate(principal: Principal, caseId: string): Promise<CaseReportDownload> {
      const snapshot = await readCase(principal, caseId);
      // The chain checked is the one read above, so the verdict is about exactly the entries the report
      // shows, whatever was appended since.
      const asRead: LedgerStore = { ...deps.ledger, list: async (id) => (id === snapshot.case.id ? snapshot.entries : deps.ledger.list(id)) };
      const verification = await verifyCase(snapshot.case.id, asRead, deps.blobs, deps.keyring);
      const report = buildCaseReport({ ...snapshot, ledgerKey: deps.ledgerKey, verification });
      return {
        filename: `sightline-${report.case.id}.pdf`,
        headHash: report.ledger.headHash,
        stream: renderReport(report, { fonts, readPreview: previewReader(reportWords(report.language)) }),
      };
    },
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
