// Journey: the assessor captions a photo taken in a live call and writes a note on it; the strip shows
// the caption under the thumbnail, the ledger records `evidence.noted`, the downloaded PDF prints both.
// The viewer's actions stay inside its panel at 1024, 1280 and 1440 px; at 390 px the console is
// read-only in one column and never wider than the window. Screenshots: console-live-case.png,
// console-outcome-ledger.png, report-page-1.png and report-evidence.png (the join-link journey takes
// console-case-list.png).
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText, renderPage } from '../../server/test/report/poppler.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';

const CAPTION = 'Three hail dents on the bonnet, left of the washer jets';
const NOTE = 'Largest dent about 4 cm across; paint not broken. Customer says the hail came on Tuesday evening.';

describe('evidence notes', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const page = () => journey.assessor.page;
  /** The window as it is, or (with a height) the page from its top down to that height. */
  const shoot = async (name: string, height?: number): Promise<void> => {
    // From the top: scrolled down, the sticky top bar would be drawn in the middle of a taller picture.
    if (height) await page().evaluate(() => window.scrollTo(0, 0));
    await page().screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled', ...(height ? { fullPage: true, clip: { x: 0, y: 0, width: viewports.desktop.width, height } } : {}) });
  };
  const scrollWidth = () => page().evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
  let caseId = '';
  let photoId = '';

  it('the customer waits for the call', async () => {
    const { assessor, customer, server } = journey;
    await mkdir(shots, { recursive: true });
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Hail damage — car bonnet', 'Dana Example'));
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
  });

  it('in the call the assessor takes a photo, captions it and writes a note; the strip shows the caption', async () => {
    const { assessor } = journey;
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await page().getByTestId('request-photo').click();
    photoId = (await assessor.waitForEvidence('device-still')).id;
    // The encoder starts small and ramps up: give it time before the frame capture, for a sharp picture.
    await page().waitForTimeout(8000);
    await page().getByTestId('capture-frame').click();
    await assessor.waitForEvidence('video-frame');

    const item = page().locator(`[data-testid="evidence-item"][data-evidence-id="${photoId}"]`);
    await item.locator('.thumb').click();
    const viewer = page().getByTestId('evidence-viewer');
    expect(await viewer.getByTestId('noted-by').textContent()).toBe('No caption or note yet');
    expect(await viewer.getByTestId('note-save').isDisabled()).toBe(true);
    await viewer.getByTestId('evidence-caption').fill(CAPTION);
    await viewer.getByTestId('evidence-note').fill(NOTE);
    await viewer.getByTestId('note-save').click();
    await expect.poll(() => viewer.getByTestId('noted-by').textContent(), { timeout: 10_000 }).toMatch(/^Last changed by Administrator, /);
    expect(await viewer.getByTestId('note-save').isDisabled()).toBe(true);
    await expectAccessible(page(), 'console evidence viewer with a caption and a note');
    await viewer.getByTestId('evidence-viewer-close').click();
    await viewer.waitFor({ state: 'detached' });
    expect(await item.getByTestId('thumb-caption').textContent()).toBe(CAPTION);
    // Down to the evidence strip, so the caption under the thumbnail is in the picture.
    await shoot('console-live-case', 1080);
  });

  it('the viewer keeps "Mark as superseded…" and its other actions inside its panel at 1024, 1280 and 1440 px', async () => {
    for (const width of [1024, 1280, 1440]) {
      await page().setViewportSize({ width, height: 800 });
      await page().locator(`[data-testid="evidence-item"][data-evidence-id="${photoId}"]`).locator('.thumb').click();
      const viewer = page().getByTestId('evidence-viewer');
      const panel = await viewer.locator('.modal-side').boundingBox();
      expect(panel, `the viewer's panel at ${width} px`).not.toBeNull();
      for (const testId of ['supersede-open', 'evidence-viewer-close']) {
        const button = viewer.getByTestId(testId);
        await button.scrollIntoViewIfNeeded();
        const box = await button.boundingBox();
        const side = await viewer.locator('.modal-side').boundingBox();
        expect(box && side, `${testId} at ${width} px`).toBeTruthy();
        expect(box!.x, `${testId}'s left edge at ${width} px`).toBeGreaterThanOrEqual(side!.x);
        expect(box!.x + box!.width, `${testId}'s right edge at ${width} px`).toBeLessThanOrEqual(side!.x + side!.width);
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
      expect(await scrollWidth()).toBeLessThanOrEqual(width);
      await viewer.getByTestId('evidence-viewer-close').click();
      await viewer.waitFor({ state: 'detached' });
    }
    await page().setViewportSize(viewports.desktop);
  });

  it('the shortcut help over the viewer: Escape closes the help only, a second Escape the viewer', async () => {
    await page().locator(`[data-testid="evidence-item"][data-evidence-id="${photoId}"]`).locator('.thumb').click();
    const viewer = page().getByTestId('evidence-viewer');
    await viewer.waitFor();
    await page().keyboard.press('Alt+Shift+KeyK');
    const help = page().locator('dialog[data-testid="shortcut-help"][open]');
    await help.waitFor();
    await page().keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await viewer.isVisible()).toBe(true);
    await page().keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  it('the decision and the ledger, with the caption recorded as evidence.noted', async () => {
    await journey.assessor.recordSettlement('Hail dents on the bonnet; repair by a partner shop.', 1200, { area: 'Bonnet', severity: 'moderate', cost: 1200 });
    await page().getByTestId('ledger-refresh').click();
    await page().locator('[data-testid="ledger-row"][data-type="evidence.noted"]').waitFor();
    await page().getByTestId('ledger-verify').click();
    await page().locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    await page().getByTestId('outcome-form').scrollIntoViewIfNeeded();
    await shoot('console-outcome-ledger');
  });

  it('the downloaded PDF prints the caption under the photo and the note', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sightline-notes-'));
    try {
      const report = await journey.assessor.download('download-report', dir);
      const pages = pdfPageCount(report.file);
      const evidencePage = Array.from({ length: pages }, (_, i) => i + 1).find((n) => pdfText(report.file, n).replace(/\s+/g, ' ').includes(CAPTION));
      expect(evidencePage, 'a page with the caption').toBeDefined();
      const flat = pdfText(report.file).replace(/\s+/g, ' ');
      expect(flat).toContain(NOTE);
      expect(flat).toContain(`caption "${CAPTION}"`);
      await copyFile(renderPage(report.file, 1, path.join(dir, 'page'), 80), path.join(shots, 'report-page-1.png'));
      await copyFile(renderPage(report.file, evidencePage!, path.join(dir, 'page'), 80), path.join(shots, 'report-evidence.png'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('at 390 px the console is read-only in one column and no wider than the window', async () => {
    await page().setViewportSize(viewports.phone);
    const notice = page().getByTestId('narrow-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toBe('Open this case on a wider screen to run the call.');
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    for (const hidden of ['remote-video', 'chat-input', 'outcome-form', 'new-join-link', 'show-join-link']) {
      expect(await page().getByTestId(hidden).isVisible(), `${hidden} is hidden`).toBe(false);
    }
    for (const shown of ['evidence-strip', 'ledger-table', 'outcome-entry']) {
      expect(await page().getByTestId(shown).first().isVisible(), `${shown} is shown`).toBe(true);
    }
    await expectAccessible(page(), 'console case at 390 px, read-only');
    await page().locator(`[data-testid="evidence-item"][data-evidence-id="${photoId}"]`).locator('.thumb').click();
    const viewer = page().getByTestId('evidence-viewer');
    expect(await viewer.getByTestId('note-caption').textContent()).toBe(CAPTION);
    expect(await viewer.getByTestId('supersede-open').count()).toBe(0);
    expect(await viewer.getByTestId('evidence-caption').count()).toBe(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await viewer.getByTestId('evidence-viewer-close').click();

    await page().getByTestId('back').click();
    await journey.assessor.caseRow(caseId).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    expect(await page().getByTestId('new-case-open').isVisible()).toBe(false);
  });
});
