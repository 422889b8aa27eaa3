// Journey: on a lossy uplink the customer's page lowers its video first (resolution and bitrate on
// the RTCRtpSender), tells the console, and offers audio only before the call breaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { startLiveCall, useJourney } from './support/journey.ts';
import { installStatsFault } from './support/stats-fault.ts';

describe('weak link on the customer side', () => {
  const journey = useJourney({ customer: { initScripts: [installStatsFault] } });

  beforeAll(async () => {
    await startLiveCall(journey, 'Storm damage — fence', 'Kim Example');
  });

  const encoding = () => journey.customer.page.evaluate(() => window.sightlineStatsFault?.videoEncoding() ?? null);

  it('starts at full quality', async () => {
    await expect.poll(encoding).toMatchObject({ scaleResolutionDownBy: 1, maxBitrate: 1_500_000, active: true });
  });

  it('steps the video down under packet loss and tells the console', async () => {
    await journey.customer.page.evaluate(() => window.sightlineStatsFault?.setLoss(0.15));
    await expect.poll(encoding, { timeout: 20_000 }).toMatchObject({ scaleResolutionDownBy: 2, maxBitrate: 600_000 });
    await journey.assessor.page.getByTestId('customer-quality').filter({ hasText: 'medium quality video' }).waitFor();
    await expect.poll(encoding, { timeout: 20_000 }).toMatchObject({ scaleResolutionDownBy: 4, maxBitrate: 200_000 });
    await journey.assessor.page.getByTestId('customer-quality').filter({ hasText: 'low quality video' }).waitFor();
    expect(await journey.assessor.page.getByTestId('customer-quality').textContent()).toMatch(/packet loss \d+ %/);
    await expectAccessible(journey.assessor.page, 'console case, the customer\'s video at low quality');
  });

  it('offers audio only at the lowest level, and the customer can take it', async () => {
    const offer = journey.customer.page.getByTestId('suggest-audio-only');
    await offer.waitFor({ timeout: 20_000 });
    await expectAccessible(journey.customer.page, 'in call, audio only offered', { desktop: true });
    await offer.getByRole('button', { name: 'Switch to audio only' }).click();
    await expect.poll(encoding).toMatchObject({ active: false });
    await journey.assessor.page.getByTestId('customer-quality').filter({ hasText: 'audio only' }).waitFor();
    await journey.assessor.page.getByTestId('video-empty').waitFor();
    await expectAccessible(journey.assessor.page, 'console case, the customer on audio only');
    await expectAccessible(journey.customer.page, 'in call, audio only', { desktop: true });
  });

  it('turning the camera back on resumes video at the adapted level', async () => {
    await journey.customer.page.evaluate(() => window.sightlineStatsFault?.setLoss(0));
    const camera = journey.customer.page.getByTestId('call-camera');
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('true');
    await camera.click();
    await expect.poll(encoding).toMatchObject({ active: true, scaleResolutionDownBy: 4 });
    await journey.assessor.page.getByTestId('video-empty').waitFor({ state: 'detached' });
    await journey.assessor.waitForLiveVideo();
  });
});
