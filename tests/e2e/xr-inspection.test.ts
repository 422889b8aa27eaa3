// Journey: the customer's phone (an emulated WebXR AR phone in a synthetic office) enters AR; the
// assessor places a marker by clicking the live video, the phone anchors it at the hit pose on the
// floor and it stays there as the phone moves; a two-point measurement between two known floor points
// comes out at their true distance; the marks show in the stream; everything is in the ledger.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseDetail, VerifyResult } from '../../protocol/http.ts';
import { annotationCentre } from './support/annotation-pixels.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { installXrDevice, setPhonePose } from './support/xr-device.ts';

/** Two points of the office floor, 0.80 m apart, each straight below where the phone is held. */
const POINT_A: [number, number, number] = [-0.3, 1.4, 0.4];
const POINT_B: [number, number, number] = [0.5, 1.4, 0.4];
const TRUE_DISTANCE_M = 0.8;
/** Hit-tests against the room's mesh are exact in emulation; 1 cm covers its float rounding. */
const TOLERANCE_M = 0.01;

const Ledger = z.array(z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()) }));

describe('WebXR inspection on an AR phone', () => {
  const journey = useJourney({ setup: (j) => installXrDevice(j.contexts[1]!) });
  let caseId = '';

  async function detail(): Promise<CaseDetail> {
    const answer = (await journey.assessor.fetchJson(`/api/cases/${caseId}`)) as { status: number; body: unknown };
    return CaseDetail.parse(answer.body);
  }

  async function arAnnotation(id: string) {
    const item = journey.customer.page.locator(`[data-testid="ar-annotation"][data-id="${id}"]`);
    await item.waitFor({ state: 'attached' });
    const read = async (name: string) => Number(await item.getAttribute(`data-${name}`));
    return { x: await read('x'), y: await read('y'), z: await read('z'), anchored: (await item.getAttribute('data-anchored')) === 'true' };
  }

  it('the customer joins, sees AR offered and enters it', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Water stain — office floor', 'Ari Example'));
    await customer.open(joinUrl);
    await customer.accept();
    const modeAr = customer.page.getByTestId('mode-ar');
    await modeAr.waitFor();
    expect(await customer.page.getByTestId('customer-mode').getAttribute('data-mode')).toBe('camera');
    await expectAccessible(customer.page, 'camera with AR offered', { desktop: true });
    await modeAr.click();
    await customer.page.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await customer.page.getByTestId('customer-mode').getAttribute('data-mode')).toBe('ar');
    await expectAccessible(customer.page, 'AR view and its DOM overlay');
  });

  it('the console connects and sees the AR stream and the mode', async () => {
    await journey.assessor.openCase(caseId);
    await journey.assessor.connect();
    await journey.assessor.waitForLiveVideo(60_000);
    await expect.poll(() => journey.assessor.customerMode(), { timeout: 20_000 }).toBe('ar');
    await expectAccessible(journey.assessor.page, 'console with the customer in AR');
  });

  let markerId = '';
  it('a click on the live video places a marker the phone anchors on the floor at the hit pose', async () => {
    await setPhonePose(journey.customer.page, POINT_A, -90);
    await journey.assessor.selectTool('marker');
    await journey.assessor.clickVideo(0.5, 0.5);
    const row = journey.assessor.annotationRows().first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');
    markerId = (await row.getAttribute('data-annotation-id')) ?? '';
    expect(await row.getAttribute('data-anchored')).toBe('true');

    const placed = await arAnnotation(markerId);
    expect(placed.anchored).toBe(true);
    expect(placed.x).toBeCloseTo(POINT_A[0], 2);
    expect(placed.z).toBeCloseTo(POINT_A[2], 2);
    expect(Math.abs(placed.y)).toBeLessThan(0.1);

    const stored = (await detail()).annotations?.find((a) => a.id === markerId);
    expect(stored?.anchor?.anchored).toBe(true);
    expect(stored?.anchor?.pose.position[0]).toBeCloseTo(POINT_A[0], 2);
    expect(stored?.anchor?.cameraPose.position[1]).toBeCloseTo(POINT_A[1], 2);
  });

  it('the marker stays on its spot as the phone moves, and shows in the stream', async () => {
    await setPhonePose(journey.customer.page, [POINT_A[0] + 0.3, POINT_A[1], POINT_A[2] + 0.2], -80, 15);
    await journey.customer.page.waitForTimeout(1000);
    const moved = await arAnnotation(markerId);
    expect(moved.x).toBeCloseTo(POINT_A[0], 2);
    expect(moved.z).toBeCloseTo(POINT_A[2], 2);
    await expect.poll(async () => (await journey.assessor.page.evaluate(annotationCentre))?.pixels ?? 0, { timeout: 20_000 }).toBeGreaterThan(30);
  });

  it('a two-point measurement between two known floor points gives their distance', async () => {
    const { assessor, customer } = journey;
    await assessor.selectTool('measure');
    await setPhonePose(customer.page, POINT_A, -90);
    await customer.page.waitForTimeout(500);
    await assessor.clickVideo(0.5, 0.5);
    await assessor.page.locator('[data-testid="inspection-toolbar"][data-measure="second"]').waitFor({ timeout: 20_000 });
    await setPhonePose(customer.page, POINT_B, -90);
    await customer.page.waitForTimeout(500);
    await assessor.clickVideo(0.5, 0.5);
    const row = assessor.measurementRows().first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');

    const measurement = (await detail()).measurements?.[0];
    expect(measurement).toBeDefined();
    expect(Math.abs(measurement!.distanceM - TRUE_DISTANCE_M)).toBeLessThan(TOLERANCE_M);
    expect(measurement!.uncertaintyM).toBeGreaterThan(0);
    const shown = customer.page.locator('[data-testid="ar-measurement"]').first();
    await expect.poll(async () => Math.abs(Number(await shown.getAttribute('data-distance')) - TRUE_DISTANCE_M), { timeout: 20_000 }).toBeLessThan(TOLERANCE_M);
  });

  it('a full-resolution photo from the phone keeps the visible marks as a separate annotation layer', async () => {
    const { assessor, customer } = journey;
    await setPhonePose(customer.page, [0.1, 1.3, 1.1], -50);
    await customer.page.waitForTimeout(1000);
    await assessor.page.getByTestId('request-photo').click();
    const still = await assessor.waitForEvidence('device-still');
    const evidence = (await detail()).evidence.find((e) => e.id === still.id);
    const kinds = evidence?.layer?.items.map((i) => i.kind) ?? [];
    expect(kinds).toContain('marker');
    expect(kinds).toContain('measurement');
    const line = evidence!.layer!.items.find((i) => i.kind === 'measurement')!;
    expect(line.points).toHaveLength(2);
    expect(line.label).toMatch(/^80\.\d cm ± /);
  });

  it('screenshots of the AR view and the console with the marker and the measurement', async () => {
    const { assessor, customer } = journey;
    const outDir = path.join(repoRoot, 'docs', 'screenshots');
    await setPhonePose(customer.page, [0.1, 1.3, 1.1], -50);
    await customer.page.waitForTimeout(1500);
    await customer.page.screenshot({ path: path.join(outDir, 'customer-ar-view.png'), animations: 'disabled' });
    await assessor.page.waitForTimeout(1500);
    await assessor.page.screenshot({ path: path.join(outDir, 'console-ar-inspection.png'), animations: 'disabled', fullPage: true });
    await expectAccessible(customer.page, 'AR view with a marker and a measurement');
    await expectAccessible(assessor.page, 'console AR inspection with a marker and a measurement');
  });

  it('the annotation and the measurement are signed ledger entries, and the chain verifies', async () => {
    const ledger = Ledger.parse((((await journey.assessor.fetchJson(`/api/cases/${caseId}/ledger`)) as { body: { entries: unknown } }).body).entries);
    const types = ledger.map((e) => e.type);
    expect(types).toContain('annotation.placed');
    expect(types).toContain('measurement.recorded');
    const verify = VerifyResult.parse(((await journey.assessor.fetchJson(`/api/cases/${caseId}/verify`)) as { body: unknown }).body);
    expect(verify.ok).toBe(true);
  });
});
