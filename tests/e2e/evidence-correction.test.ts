// Journey: the customer uploads two gallery photos; the assessor marks the first superseded by the
// second with a reason. Nothing is deleted: the strip dims and badges it, the viewers cross-link, the
// ledger records `evidence.superseded`, and the chain still verifies.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const REASON = 'Wrong vehicle in frame — retaken by the customer.';

describe('evidence correction', () => {
  const journey = useJourney();
  let caseId = '';
  let first = '';
  let second = '';

  async function upload(name: string, background: { r: number; g: number; b: number }, count: number): Promise<void> {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background } }).jpeg().toBuffer();
    await journey.customer.page.getByTestId('gallery-input').setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => journey.customer.evidenceCount(), { timeout: 30_000 }).toBe(count);
    await expect.poll(() => journey.assessor.page.getByTestId('evidence-item').count(), { timeout: 30_000 }).toBe(count);
  }

  it('the customer joins and uploads two gallery photos', async () => {
    await journey.assessor.login(journey.server.url, journey.server.admin.email, journey.server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await journey.assessor.createCase('Scratch — rear door', 'Sam Example'));
    await journey.customer.open(joinUrl);
    await journey.customer.accept();
    await journey.assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await journey.assessor.openCase(caseId);
    await upload('door-1.jpg', { r: 200, g: 60, b: 60 }, 1);
    first = (await journey.assessor.waitForEvidence('gallery')).id;
    await upload('door-2.jpg', { r: 60, g: 90, b: 200 }, 2);
    second = (await journey.assessor.page.getByTestId('evidence-item').first().getAttribute('data-evidence-id')) ?? '';
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
  });

  it('the first photo is marked superseded by the second through the viewer', async () => {
    const page = journey.assessor.page;
    const item = page.locator(`[data-testid="evidence-item"][data-evidence-id="${first}"]`);
    await item.locator('.thumb').click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.getByTestId('supersede-open').click();
    // An empty reason is refused in the form, shown as a banner.
    await viewer.getByTestId('supersede-submit').click();
    await viewer.getByTestId('supersede-error').waitFor();
    await expectAccessible(page, 'console evidence viewer, the correction form with its error');
    const options = await viewer.getByTestId('supersede-replaced-by').locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(options).toEqual(['', second]);
    await viewer.getByTestId('supersede-reason').fill(REASON);
    await viewer.getByTestId('supersede-replaced-by').selectOption(second);
    await viewer.getByTestId('supersede-submit').click();

    await viewer.getByTestId('superseded-details').waitFor();
    expect(await viewer.getByTestId('superseded-reason').textContent()).toBe(REASON);
    expect(await viewer.getByTestId('supersede-open').count()).toBe(0);
    await expect.poll(() => item.getAttribute('data-superseded')).toBe('true');
    await item.getByTestId('badge-superseded').waitFor();
    expect(await page.getByTestId('evidence-item').count()).toBe(2);
    expect(await page.locator(`[data-testid="evidence-item"][data-evidence-id="${second}"]`).getByTestId('thumb-replaces').textContent()).toBe('Replaces photo 1');
    expect(await page.locator('[data-testid="evidence-item"][data-superseded="false"]').getAttribute('data-evidence-id')).toBe(second);

    // The link leads to the replacement, which names what it replaces.
    await viewer.getByTestId('superseded-details').getByTestId('evidence-link').click();
    await page.locator(`[data-testid="evidence-viewer"][data-evidence-id="${second}"]`).waitFor();
    expect(await viewer.getByTestId('replaces').textContent()).toBe('Replaces photo 1');
    await viewer.getByTestId('evidence-viewer-close').click();
    await viewer.waitFor({ state: 'detached' });

    const outDir = path.join(repoRoot, 'docs', 'screenshots');
    await mkdir(outDir, { recursive: true });
    await page.locator('section.evidence').screenshot({ path: path.join(outDir, 'console-superseded.png'), animations: 'disabled' });
    await expectAccessible(page, 'console evidence strip with a superseded photo');
  });

  it('a refusal from the server (409 already superseded) is shown in the form as a banner, never alert()', async () => {
    const page = journey.assessor.page;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator(`[data-testid="evidence-item"][data-evidence-id="${second}"]`).locator('.thumb').click();
    const viewer = page.getByTestId('evidence-viewer');
    await viewer.getByTestId('supersede-open').click();
    // Meanwhile the same photo is corrected elsewhere (another tab of the same assessor).
    const status = await page.evaluate(
      async ({ caseId, second }) => {
        const response = await fetch(`/api/cases/${caseId}/evidence/${second}/supersede`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'Corrected in another tab.' }) });
        return response.status;
      },
      { caseId, second },
    );
    expect(status).toBe(201);
    await viewer.getByTestId('supersede-reason').fill('Duplicate.');
    await viewer.getByTestId('supersede-submit').click();
    const error = viewer.getByTestId('supersede-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toMatch(/supersed/i);
    expect(dialogs).toEqual([]);
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  it('the ledger lists evidence.superseded and the chain verifies', async () => {
    const page = journey.assessor.page;
    await page.getByTestId('ledger-refresh').click();
    // One entry for the correction made in the viewer, one for the one made "in another tab".
    await expect.poll(() => page.locator('[data-testid="ledger-row"][data-type="evidence.superseded"]').count(), { timeout: 10_000 }).toBe(2);
    await page.getByTestId('ledger-verify').click();
    await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const detail = await journey.assessor.fetchJson(`/api/cases/${caseId}`);
    expect(detail).toMatchObject({ status: 200, body: { evidence: expect.arrayContaining([expect.objectContaining({ id: first, supersededBy: second, superseded: expect.objectContaining({ reason: REASON, replacedBy: second }) })]) } });
  });
});
