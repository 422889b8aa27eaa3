// Journey: when and where photos were taken (issue 15). The assessor pastes the case's address
// coordinate into the address card; the customer's phone sends a photo whose clock is 10 minutes off,
// one taken 50 km away and a gallery file with EXIF; the console shows each flag in words with an icon
// under its thumbnail and in the viewer, the card counts the flagged photos, and "use where photo N was
// taken" fills the coordinate. Screenshot: console-capture-flags.png (the strip).
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detailedJpeg } from '../../server/test/evidence/fixtures.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const HOME = { latitude: 55.9756, longitude: -3.1711 };

describe('capture flags', () => {
  const journey = useJourney();
  const page = () => journey.assessor.page;
  let caseId = '';
  let token = '';
  /** Presses a control of the address card as a user would. */
  const press = async (testId: string): Promise<void> => {
    await page().getByTestId('address-card').getByTestId(testId).click();
  };

  async function upload(fields: Record<string, string>, file: Buffer): Promise<string> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await fetch(`${journey.server.url}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('the assessor pastes the address coordinate; a bad one is refused with a reason', async () => {
    const { assessor, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Flooded garage, Leith', 'Dana Example'));
    token = joinUrl.split('#')[1]!;
    const consent = await fetch(`${server.url}/api/join/consent`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ recording: true, location: true }) });
    expect(consent.status).toBe(200);
    await assessor.openCase(caseId);
    const card = page().getByTestId('address-card');
    expect(await card.getByTestId('address-none').textContent()).toBe('No address yet: photos are not checked for distance.');
    await press('address-edit');
    await card.getByTestId('address-input').fill('1 Shore, Leith, Edinburgh');
    await card.getByTestId('address-coordinate-input').fill('95.1, -3.17');
    await press('address-save');
    expect(await card.getByTestId('address-error').textContent()).toMatch(/Latitude 95.1 is outside/);
    await card.getByTestId('address-coordinate-input').fill('55.9756, −3.1711');
    await press('address-save');
    await expect.poll(() => card.getAttribute('data-has-address'), { timeout: 10_000 }).toBe('true');
    expect(await card.getByTestId('address-words').textContent()).toBe('1 Shore, Leith, Edinburgh');
    expect(await card.getByTestId('address-coordinate').textContent()).toBe('55.97560, -3.17110');
  });

  it('each photo shows its flags in words with an icon; the card counts them', async () => {
    const photo = await detailedJpeg(640, 480);
    const now = () => new Date().toISOString();
    await upload({ source: 'device-still', deviceTime: now(), latitude: String(HOME.latitude), longitude: String(HOME.longitude) }, photo);
    const clock = await upload({ source: 'device-still', deviceTime: new Date(Date.now() - 10 * 60_000).toISOString(), latitude: String(HOME.latitude), longitude: String(HOME.longitude) }, photo);
    const far = await upload({ source: 'device-still', deviceTime: now(), latitude: '56.4256', longitude: '-3.1711' }, photo);
    const withExif = await sharp(photo).withExif({
      IFD2: { DateTimeOriginal: '2026:12:03 14:02:05' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 58/1 3216/100', GPSLongitudeRef: 'W', GPSLongitude: '3/1 10/1 1596/100' },
    }).jpeg().toBuffer();
    const gallery = await upload({ source: 'gallery' }, withExif);

    const item = (id: string) => page().locator(`[data-testid="evidence-item"][data-evidence-id="${id}"]`);
    await item(gallery).waitFor({ timeout: 15_000 });
    const words = async (id: string) => (await item(id).getByTestId('capture-flag').allTextContents()).map((t) => t.trim());
    expect(await words(clock)).toEqual(['Clock 10 min off']);
    expect(await words(far)).toEqual(['50 km from the case address']);
    expect(await words(gallery)).toEqual(['Gallery upload — not live']);
    expect(await item(gallery).getByTestId('capture-exif').textContent()).toBe('EXIF: 3 Dec 2026 14:02, 55.98, −3.17');
    // Every flag carries an icon, not colour alone.
    expect(await item(far).locator('[data-testid="capture-flag"] svg').count()).toBe(1);

    const card = page().getByTestId('address-card');
    await expect.poll(() => card.getByTestId('address-flagged').textContent(), { timeout: 10_000 }).toBe('3 of 4 photos flagged (photo 2, 3, 4)');

    await mkdir(path.join(repoRoot, 'docs', 'screenshots'), { recursive: true });
    await page().getByTestId('evidence-strip').screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'console-capture-flags.png'), animations: 'disabled' });
    await expectAccessible(page(), 'console case with flagged photos');

    await item(gallery).locator('.thumb').dispatchEvent('click');
    const viewer = page().getByTestId('evidence-viewer');
    expect((await viewer.getByTestId('capture-flag').allTextContents()).map((t) => t.trim())).toEqual(['Gallery upload — not live']);
    expect(await viewer.getByTestId('capture-exif').textContent()).toBe('EXIF: 3 Dec 2026 14:02, 55.98, −3.17');
    await expectAccessible(page(), 'console evidence viewer with a flagged photo');
    await viewer.getByTestId('evidence-viewer-close').dispatchEvent('click');
    await viewer.waitFor({ state: 'detached' });
    await item(far).locator('.thumb').dispatchEvent('click');
    expect((await viewer.getByTestId('capture-flag').allTextContents()).map((t) => t.trim())).toEqual(['50 km from the case address']);
    await viewer.getByTestId('evidence-viewer-close').dispatchEvent('click');
    await viewer.waitFor({ state: 'detached' });
  });

  it('"use where photo 3 was taken" fills the coordinate', async () => {
    const card = page().getByTestId('address-card');
    await press('address-edit');
    const select = card.getByTestId('address-from-photo');
    const options = await select.locator('option').allTextContents();
    expect(options).toContain('Use where photo 3 was taken (device: 56.4256, -3.1711)');
    expect(options).toContain('Use where photo 4 was taken (EXIF: 55.9756, -3.1711)');
    const value = await select.locator('option', { hasText: 'photo 3' }).getAttribute('value');
    await select.selectOption(value!);
    expect(await card.getByTestId('address-coordinate-input').inputValue()).toBe('56.4256, -3.1711');
  });
});
