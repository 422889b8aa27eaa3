// Journey: guided capture (issue #5, item 4). The assessor creates a property case with a checklist;
// the customer joins on a phone browser without WebXR (so the plain camera) and works through the
// checklist alone while waiting: a deliberately blurred photo is rejected with advice and retaken.
// Then the assessor connects and one more damage photo arrives during the call. The server keeps
// every photo with its verdict, the ledger records each verdict, and the chain verifies.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QUALITY_ADVICE } from '../../protocol/checklist.ts';
import { CaseDetail, LedgerEntry } from '../../protocol/http.ts';
import { expectAccessible, expectTouchTargets } from './support/axe.ts';
import { installFakeCamera, setCameraBlur } from './support/fake-camera.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

/** A phone browser without WebXR: the mode ladder must start below AR. */
function removeWebXr(): void {
  Reflect.deleteProperty(Navigator.prototype, 'xr');
}

const Detail = z.object({ status: z.literal(200), body: CaseDetail });
const Ledger = z.object({ status: z.literal(200), body: z.object({ entries: z.array(LedgerEntry) }) });
/** The server's blur threshold (Laplacian variance at 512 px, server/src/evidence/image-pipeline.ts). */
const BLUR_THRESHOLD = 100;

describe('guided capture', () => {
  const journey = useJourney({ customer: { initScripts: [removeWebXr, installFakeCamera] } });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let caseId = '';
  let rejectedId = '';

  const screenshotChecklist = async (name: string): Promise<void> => {
    const page = journey.customer.page;
    await page.getByTestId('checklist').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(shots, `customer-checklist-${name}.png`), animations: 'disabled' });
  };

  it('the customer joins a property case without WebXR: the checklist is the page, not "Waiting for your assessor"', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const created = await assessor.createCase('Water damage — kitchen ceiling', 'Sam Example', { checklist: 'property' });
    caseId = created.caseId;
    await customer.open(created.joinUrl);
    await customer.accept();
    expect(await customer.page.evaluate(() => 'xr' in navigator)).toBe(false);
    await expect.poll(() => customer.page.getByTestId('customer-mode').getAttribute('data-mode')).toMatch(/^(camera|overlay)$/);
    expect(await customer.checklistProgress()).toEqual({ done: 0, total: 2, complete: false });
    expect(await customer.checklistItem()).toEqual({ id: 'room-overview', status: 'pending', title: 'Room overview' });
    await customer.page.getByTestId('guided-capture').waitFor();
    expect(await customer.page.getByTestId('waiting').count()).toBe(0);
    await mkdir(shots, { recursive: true });
    // The case title whole (not cut to "Water damage — kitchen…"), the language at hand, the modes as named elsewhere ("3D").
    const title = customer.page.getByTestId('call-title');
    expect(await title.textContent()).toBe('Water damage — kitchen ceiling');
    expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await customer.page.locator('.call-app-top').getByTestId('language-switch').isVisible()).toBe(true);
    expect(await customer.page.textContent('body')).not.toContain('3d');
    await customer.page.screenshot({ path: path.join(shots, 'customer-checklist-waiting.png'), animations: 'disabled' });
    await expectAccessible(customer.page, 'checklist, first step', { desktop: true });
    await expectTouchTargets(customer.page, 'checklist');
  });

  it('a sharp photo of the room is accepted and the damage close-up comes next', async () => {
    const { customer } = journey;
    await customer.openChecklistCamera();
    const viewfinder = customer.page.getByTestId('checklist-viewfinder');
    expect(await viewfinder.getAttribute('data-aim')).toBe('wide');
    expect(await viewfinder.getByTestId('aim-instruction').textContent()).toBe('Step back — get it all in the frame');
    await expectAccessible(customer.page, 'checklist viewfinder', { desktop: true });
    await expectTouchTargets(customer.page, 'viewfinder');
    await customer.pressChecklistShutter();
    expect(await customer.checklistVerdict('room-overview')).toMatchObject({ verdict: 'accepted' });
    expect(await customer.checklistItem()).toMatchObject({ id: 'damage-close-up', status: 'pending' });
    expect(await customer.checklistProgress()).toEqual({ done: 1, total: 2, complete: false });
  });

  it('a blurred close-up is rejected with the blur advice and must be retaken', async () => {
    const { customer } = journey;
    await setCameraBlur(customer.page, true);
    await customer.openChecklistCamera();
    expect(await customer.page.getByTestId('checklist-viewfinder').getAttribute('data-aim')).toBe('close-up');
    await customer.page.screenshot({ path: path.join(shots, 'customer-checklist-viewfinder.png'), animations: 'disabled' });
    await customer.pressChecklistShutter();
    const verdict = await customer.checklistVerdict('damage-close-up');
    expect(verdict).toMatchObject({ verdict: 'rejected', problems: [QUALITY_ADVICE.blurry] });
    rejectedId = verdict.evidenceId;
    expect(rejectedId).not.toBe('');
    expect(await customer.checklistItem()).toMatchObject({ id: 'damage-close-up', status: 'retake' });
    expect(await customer.page.getByTestId('checklist-take').textContent()).toBe('Retake photo');
    expect(await customer.checklistProgress()).toEqual({ done: 1, total: 2, complete: false });
    await screenshotChecklist('retake');
    await expectAccessible(customer.page, 'checklist, retake', { desktop: true });
  });

  it('retaken sharp, the close-up is accepted and the checklist is complete', async () => {
    const { customer } = journey;
    await setCameraBlur(customer.page, false);
    await customer.takeChecklistPhoto();
    expect(await customer.checklistVerdict('damage-close-up')).toMatchObject({ verdict: 'accepted' });
    await customer.waitForChecklistComplete();
    expect(await customer.page.getByTestId('checklist-complete').textContent()).toContain('All photos done — thank you');
    expect(await customer.checklistProgress()).toEqual({ done: 2, total: 2, complete: true });
    await expect.poll(() => customer.evidenceCount()).toBe(3);
    await screenshotChecklist('complete');
    await expectAccessible(customer.page, 'checklist complete', { desktop: true });
  });

  it('with the assessor watching live, "Add another" sends one more damage photo', async () => {
    const { assessor, customer } = journey;
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.waitForState('connected');
    // With the assessor on the call the checklist folds into one line above the controls.
    await customer.openChecklist();
    await expectAccessible(customer.page, 'checklist opened in a call');
    await customer.addAnotherChecklistPhoto('damage-close-up');
    await customer.takeChecklistPhoto();
    expect(await customer.checklistVerdict('damage-close-up')).toMatchObject({ verdict: 'accepted' });
    await customer.waitForChecklistComplete();
    await expect.poll(() => customer.evidenceCount()).toBe(4);
  });

  it('the server keeps every photo with its verdict, the ledger records them, and the chain verifies', async () => {
    const { assessor } = journey;
    const detail = Detail.parse(await assessor.fetchJson(`/api/cases/${caseId}`)).body;
    const photos = detail.evidence.filter((e) => e.checklist).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    console.log(photos.map((e) => `${e.checklist?.itemId} ${e.checklist?.accepted ? 'accepted' : 'rejected'} ${e.width}x${e.height} sharpness=${e.sharpness} brightness=${e.brightness}`).join('\n'));
    expect(photos).toHaveLength(4);
    for (const photo of photos) {
      // A device still at the camera's photo size, not a 1280x720 frame of the video.
      expect(photo).toMatchObject({ source: 'device-still', capturedBy: 'customer', width: 2560, height: 1440 });
      expect(photo.deviceTime).not.toBeNull();
    }
    const rejected = photos.filter((e) => !e.checklist?.accepted);
    expect(rejected.map((e) => e.id)).toEqual([rejectedId]);
    expect(rejected[0]).toMatchObject({ blurry: true, checklist: { itemId: 'damage-close-up', problems: ['blurry'] } });
    expect(rejected[0]!.sharpness).toBeLessThan(BLUR_THRESHOLD / 5);
    const accepted = photos.filter((e) => e.checklist?.accepted);
    expect(accepted.map((e) => e.checklist?.itemId)).toEqual(['room-overview', 'damage-close-up', 'damage-close-up']);
    for (const photo of accepted) expect(photo.sharpness).toBeGreaterThan(BLUR_THRESHOLD * 10);

    expect(detail.checklist).toMatchObject({ template: 'property', complete: true });
    expect(detail.checklist?.items.map((i) => [i.id, i.status, i.attempts, i.acceptedEvidenceIds.length])).toEqual([
      ['room-overview', 'done', 1, 1],
      ['damage-close-up', 'done', 3, 2],
    ]);

    const ledger = Ledger.parse(await assessor.fetchJson(`/api/cases/${caseId}/ledger`)).body.entries;
    const captured = ledger.filter((e) => e.type === 'checklist.captured');
    expect(captured.map((e) => [e.payload.itemId, e.payload.accepted, e.payload.evidenceId])).toEqual(
      photos.map((e) => [e.checklist?.itemId, e.checklist?.accepted, e.id]),
    );
    expect(await assessor.fetchJson(`/api/cases/${caseId}/verify`)).toMatchObject({ status: 200, body: { ok: true } });
  });
});
