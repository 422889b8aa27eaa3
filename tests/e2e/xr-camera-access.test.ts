// Journey: what the assessor sees of the customer's AR view is the camera image with the 3D overlay
// on it. The emulated phone's getUserMedia camera turns magenta in AR, so the picture shows which
// camera reached the assessor. With WebXR Raw Camera Access it is the XR camera image (the room) and
// never the camera stream; without it, the camera stream under the rendered overlay. Run on a phone
// whose XR layer renders into a framebuffer of its own (as on Android), and on iwer's layer (the
// page's canvas).
import { describe, expect, it } from 'vitest';
import { annotationCentre } from './support/annotation-pixels.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney, type Journey } from './support/journey.ts';
import { cellDifference, pictureSummary, type PictureSummary } from './support/stream-picture.ts';
import { installXrDevice, setPhonePose } from './support/xr-device.ts';
import type { XrDeviceOptions } from './support/xr-device-options.ts';

/** A spot on the office floor, the phone held 1.4 m above it looking straight down. */
const OVER_THE_FLOOR: [number, number, number] = [-0.3, 1.4, 0.4];
/** How far (mean per colour channel, 0–255) the received picture's coarse cells may be from the room's: video coding and scaling. */
const SAME_PICTURE = 20;
/** The same picture, but the magenta camera stream's cells are at least this far from the room's. */
const OTHER_PICTURE = 60;

async function enterArAndConnect(journey: Journey, title: string, checkScreens = false): Promise<void> {
  const { assessor, customer, server } = journey;
  await assessor.login(server.url, server.admin.email, server.admin.password);
  const { caseId, joinUrl } = await assessor.createCase(title, 'Ari Example');
  await customer.open(joinUrl);
  await customer.accept();
  await customer.page.getByTestId('mode-ar').click();
  await customer.page.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
  await assessor.openCase(caseId);
  await assessor.connect();
  await assessor.waitForLiveVideo(60_000);
  if (checkScreens) {
    await expectAccessible(customer.page, 'AR view and its DOM overlay, in a call');
    await expectAccessible(assessor.page, 'console with the customer in AR');
  }
}

function cameraSource(journey: Journey): Promise<string | null> {
  return journey.customer.page.getByTestId('ar-view').getAttribute('data-camera-source');
}

/** The received picture and the room the phone sees now, summarised. */
async function received(journey: Journey): Promise<{ picture: PictureSummary | null; room: PictureSummary }> {
  const room = (await journey.customer.page.evaluate(pictureSummary, 'room' as const))!;
  return { picture: await journey.assessor.page.evaluate(pictureSummary, 'received' as const), room };
}

/** Resolves once the received picture is the room (not the magenta camera stream, not an empty fill). */
async function expectRoomReceived(journey: Journey): Promise<void> {
  await expect
    .poll(
      async () => {
        const { picture, room } = await received(journey);
        return picture !== null && picture.mark < 0.01 && picture.dark < 0.2 && cellDifference(picture, room) < SAME_PICTURE;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

/** The assessor marks the middle of the picture; the marker shows in the received picture, in the middle. */
async function expectMarkerInMiddle(journey: Journey): Promise<void> {
  const { assessor, customer } = journey;
  await setPhonePose(customer.page, OVER_THE_FLOOR, -90);
  await assessor.selectTool('marker');
  await assessor.clickVideo(0.5, 0.5);
  const row = assessor.annotationRows().first();
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');
  await expect.poll(async () => (await assessor.page.evaluate(annotationCentre))?.pixels ?? 0, { timeout: 20_000 }).toBeGreaterThan(30);
  const centre = (await assessor.page.evaluate(annotationCentre))!;
  expect(Math.abs(centre.u - 0.5)).toBeLessThan(0.1);
  expect(Math.abs(centre.v - 0.5)).toBeLessThan(0.1);
}

function arJourney(device: XrDeviceOptions): Journey {
  return useJourney({ setup: (j) => installXrDevice(j.contexts[1]!, { ...device, cameraStreamInAr: 'mark' }) });
}

describe('AR stream on a phone with raw camera access, its XR layer a framebuffer of its own', () => {
  const journey = arJourney({ layer: 'own-framebuffer' });

  it('the assessor receives the XR camera image, not the camera stream', async () => {
    await enterArAndConnect(journey, 'Water stain — camera access', true);
    expect(await cameraSource(journey)).toBe('xr-camera-access');
    await expectRoomReceived(journey);
  });

  it('a marker the assessor places shows over the camera image where they clicked', async () => {
    await expectMarkerInMiddle(journey);
    await expectRoomReceived(journey);
    expect(await cameraSource(journey)).toBe('xr-camera-access');
  });
});

describe('AR stream on a phone without raw camera access, its XR layer a framebuffer of its own', () => {
  const journey = arJourney({ layer: 'own-framebuffer', cameraAccess: false });

  it('the assessor receives the camera stream under the rendered overlay', async () => {
    await enterArAndConnect(journey, 'Water stain — camera stream');
    expect(await cameraSource(journey)).toBe('media-stream');
    await expect.poll(async () => (await journey.assessor.page.evaluate(pictureSummary, 'received' as const))?.mark ?? 0, { timeout: 30_000 }).toBeGreaterThan(0.9);
    const { picture, room } = await received(journey);
    expect(cellDifference(picture!, room)).toBeGreaterThan(OTHER_PICTURE);
  });

  it('a marker the assessor places shows over the camera stream where they clicked', async () => {
    await expectMarkerInMiddle(journey);
    expect(await cameraSource(journey)).toBe('media-stream');
  });
});

describe('AR stream on the emulator’s own XR layer (the page canvas), with raw camera access', () => {
  const journey = arJourney({});

  it('the assessor receives the XR camera image, not the camera stream', async () => {
    await enterArAndConnect(journey, 'Water stain — emulator layer');
    expect(await cameraSource(journey)).toBe('xr-camera-access');
    await expectRoomReceived(journey);
  });
});
