// Draws a case report as an A4 PDF in the report's language, section by section, streaming it while
// it is drawn: photos are read one at a time, and drawing waits while a slow reader has a backlog.
import type { Readable } from 'node:stream';
import type { ReportFonts } from './fonts.ts';
import { reportWords } from './format.ts';
import type { CaseReport } from './report-data.ts';
import { createPen, createReportDocument, MARGIN, stampPages } from './report-layout.ts';
import { drawEvidence, type PreviewImage } from './sections/evidence.ts';
import { drawChecklist } from './sections/checklist.ts';
import { drawIdentity } from './sections/identity.ts';
import { drawIntegrity } from './sections/integrity.ts';
import { drawMeasurements } from './sections/measurements.ts';
import { drawOutcome } from './sections/outcome.ts';
import { drawSummary } from './sections/summary.ts';
import { drawTourShown } from './sections/tour.ts';
import { drawChat, drawTimeline } from './sections/timeline.ts';

export interface RenderDeps {
  fonts: ReportFonts;
  /** A preview or thumbnail blob the report embeds, checked against the hash its ledger entry names. */
  readPreview: (sha256: string) => Promise<PreviewImage>;
}

/** Bytes of PDF allowed to wait for the reader before drawing pauses. */
const BACKLOG_BYTES = 4 * 1024 * 1024;

/** The PDF as a stream; a drawing error destroys the stream with that error. */
export function renderReport(report: CaseReport, deps: RenderDeps): Readable {
  const words = reportWords(report.language);
  const doc = createReportDocument({
    title: words.say('document.title', { title: report.case.title }),
    subject: words.say('document.subject', { id: report.case.id }),
  });
  draw(doc, report, deps).catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}

async function draw(doc: PDFKit.PDFDocument, report: CaseReport, deps: RenderDeps): Promise<void> {
  const pen = createPen(doc, deps.fonts, reportWords(report.language));
  const { words } = pen;
  doc.y = MARGIN.top;
  drawSummary(pen, report);
  drawOutcome(pen, report);
  drawTourShown(pen, report);
  const images = { readPreview: deps.readPreview, ready: () => readerCaughtUp(doc) };
  await drawEvidence(pen, report, images);
  if (doc.destroyed) return;
  await drawIdentity(pen, report.identity ?? [], report.generatedAt, images);
  if (doc.destroyed) return;
  drawMeasurements(pen, report);
  await drawChecklist(pen, report.checklist, images);
  if (doc.destroyed) return;
  drawTimeline(pen, report);
  drawChat(pen, report);
  drawIntegrity(pen, report, pen.replaced());
  const time = words.time(report.generatedAt);
  const head = report.ledger.headHash;
  stampPages(pen, report.case.id, head ? words.say('document.footer', { time, head: head.slice(0, 16) }) : words.say('document.footerEmpty', { time }));
  doc.end();
}

/**
 * Resolves true once the backlog is below the limit, false if the stream was closed meanwhile. It
 * waits only while a consumer has paused the stream: a 'data' listener on a stream nobody reads yet
 * would start it flowing into that listener and lose the bytes.
 */
async function readerCaughtUp(stream: Readable): Promise<boolean> {
  // A stream hands its buffer to the consumer on a later tick, which a run of resolved promises
  // never yields to: give it one turn of the event loop before judging the backlog.
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (stream.readableLength > BACKLOG_BYTES && stream.readableFlowing === false && !stream.destroyed) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('data', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('data', done);
      stream.on('close', done);
    });
  }
  return !stream.destroyed;
}
