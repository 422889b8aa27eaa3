// The PDF report of a case with spatial evidence and a checklist, read with poppler: the photo's
// annotation layer drawn over it (its colours on the rendered page), the measurements with their
// uncertainty, the checklist with thumbnails, and the new entries on the timeline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMeasurement, measure } from '../../../protocol/spatial.ts';
import type { Client, Harness } from '../http/harness.ts';
import { useAdminHarness } from '../support/admin-harness.ts';
import { downloadReport } from '../support/report-pdf.ts';
import { pdfFlatText, pdfImages, renderPage } from './poppler.ts';
import { buildSpatialCase, SPATIAL_CASE, type SpatialCase } from './spatial-case.ts';

let h: Harness;
let admin: Client;
let built: SpatialCase;
let dir: string;
let pdfFile: string;

useAdminHarness((server) => ({ h, admin } = server));
beforeAll(async () => {
  built = await buildSpatialCase(h, admin);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-spatial-report-'));
  pdfFile = await downloadReport(admin, built.caseId, path.join(dir, 'report.pdf'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const flatText = (page?: number) => pdfFlatText(pdfFile, page);
const { tape } = SPATIAL_CASE;
const figure = (() => {
  const m = measure(tape.a, tape.b, tape.cameraPose.position);
  return formatMeasurement(m.distanceM, m.uncertaintyM);
})();

describe('the report of a case with spatial evidence and a checklist', () => {
  it('lists the measurement with its uncertainty, who took it and its points', () => {
    const text = flatText();
    expect(text).toContain('Measurements');
    expect(text).toContain('Door width');
    expect(text).toContain(figure);
    expect(text).toContain('Sam Lee (customer)');
    expect(text).toContain('A (0.000, 0.000, -2.000)');
    expect(text).toContain('B (0.820, 0.000, -2.000)');
  });

  it('shows the checklist with each item\'s status and attempts', () => {
    const text = flatText();
    expect(text).toContain('Guided capture checklist');
    expect(text).toContain('Property checklist: complete');
    expect(text).toMatch(/Room overview Done 1 photo taken; accepted: Photo 1/);
    expect(text).toMatch(/Damage close-up with a reference object Done 2 photos taken; accepted: Photo 3/);
    expect(text).toContain('Retake needed for "Damage close-up with a reference object": The photo is blurred');
  });

  it('puts annotations, measurements and checklist verdicts on the timeline', () => {
    const text = flatText();
    expect(text).toContain('Annotation placed: marker "Leak", on the picture only');
    expect(text).toContain('1 annotation cleared');
    expect(text).toContain(`Measurement "Door width": ${figure}`);
    expect(text).toContain('Checklist: Photo 2 for "Damage close-up with a reference object" needs a retake (blurry)');
    expect(text).toContain('Photo 1 added: device still (camera), 1280 × 960, with 5 annotations drawn over it');
  });

  it('embeds the three previews and a thumbnail of each accepted checklist photo', () => {
    const images = pdfImages(pdfFile);
    expect(images.filter((i) => i.width === 1280 || i.width === 1600 || i.height === 960)).toHaveLength(3);
    expect(images.filter((i) => Math.max(i.width, i.height) === 320)).toHaveLength(2);
  });

  it('draws the layer over the first photo (its marks\' colours are on the page) and the labels as text', async () => {
    const evidencePage = [1, 2, 3, 4].find((page) => flatText(page).includes('Photo 1'))!;
    const text = flatText(evidencePage);
    for (const label of ['Water stain', 'Pipe joint', 'Floor tiles lifted', figure]) expect(text).toContain(label);
    const png = renderPage(pdfFile, evidencePage, path.join(dir, 'page'), 50);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    let orange = 0;
    let yellow = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r > 230 && g > 90 && g < 150 && b < 50) orange += 1;
      if (r > 230 && g > 190 && b < 60) yellow += 1;
    }
    expect(orange).toBeGreaterThan(20);
    expect(yellow).toBeGreaterThan(10);
  });
});
