// A case report as a PDF file for poppler to read: drawn straight from a report model, or downloaded
// over HTTP as a user would.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { CaseReport } from '../../src/report/report-data.ts';
import { renderReport, type RenderDeps } from '../../src/report/report-document.ts';
import type { Client } from '../http/harness.ts';

/** Draws `report` into `file` and returns the file. */
export async function renderReportFile(report: CaseReport, deps: RenderDeps, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of renderReport(report, deps)) chunks.push(chunk as Buffer);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return file;
}

/** Downloads the case's report as `client` into `file` (the download must succeed) and returns the file. */
export async function downloadReport(client: Client, caseId: string, file: string): Promise<string> {
  const res = await client.fetch(`/api/cases/${caseId}/report`);
  expect(res.status).toBe(200);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}
