// Journey: a browser without WebXR (navigator.xr removed, as on iOS Safari) is offered the 3D overlay
// and the plain camera, never AR. In the overlay the assessor's marker is drawn over the camera at the
// clicked point and streamed; it is stored flat (no room anchor); measuring is refused with a reason.
import { describe, expect, it } from 'vitest';
import { CaseDetail } from '../../protocol/http.ts';
import { annotationCentre } from './support/annotation-pixels.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { withoutWebXr } from './support/xr-device.ts';

describe('fallback without WebXR: the 3D overlay over the camera', () => {
  const journey = useJourney({ customer: { initScripts: [withoutWebXr] } });
  let caseId = '';

  it('the customer is offered the overlay and the camera, not AR, and switches to the overlay', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Cracked tile — bathroom', 'Kim Example'));
    await customer.open(joinUrl);
    await customer.accept();
    await customer.page.getByTestId('mode-overlay').waitFor();
    expect(await customer.page.getByTestId('mode-ar').count()).toBe(0);
    await expectAccessible(customer.page, 'camera, overlay offered without WebXR', { desktop: true });
    await customer.page.getByTestId('mode-overlay').click();
    await customer.page.getByTestId('overlay-view').waitFor();
    expect(await customer.page.getByTestId('customer-mode').getAttribute('data-mode')).toBe('overlay');
    await expectAccessible(customer.page, 'the 3D overlay over the camera', { desktop: true });
  });

  it('the assessor places a marker; it is drawn over the camera, streamed, and stored flat', async () => {
    const { assessor } = journey;
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo(60_000);
    await expect.poll(() => assessor.customerMode(), { timeout: 20_000 }).toBe('overlay');
    expect(await assessor.page.getByTestId('tool-measure').isDisabled()).toBe(true);
    await assessor.selectTool('marker');
    await assessor.clickVideo(0.4, 0.6);
    const row = assessor.annotationRows().first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');
    await expect.poll(async () => (await assessor.page.evaluate(annotationCentre))?.pixels ?? 0, { timeout: 20_000 }).toBeGreaterThan(30);
    const answer = (await assessor.fetchJson(`/api/cases/${caseId}`)) as { body: unknown };
    const annotation = CaseDetail.parse(answer.body).annotations?.[0];
    expect(annotation?.anchor).toBeNull();
    expect(annotation?.screen.u).toBeCloseTo(0.4, 1);
    expect(annotation?.screen.v).toBeCloseTo(0.6, 1);
    await expectAccessible(assessor.page, 'console with a flat marker, measuring refused');
    await expectAccessible(journey.customer.page, 'the 3D overlay with the assessor’s marker, in a call');
  });
});
