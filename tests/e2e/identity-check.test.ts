// Journey: identity check (issue 15). The assessor asks for an ID card check during the call; the customer's
// phone shows the guided card, films the generated card's front and back (its MRZ has valid check digits) and
// a selfie, and sends them; the console shows the three photos and the MRZ read offline on the server, and
// the assessor marks it passed with a reason. The ledger holds the three identity entries.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIdCard, SAMPLE_PERSON, type IdCardImages } from '../support/id-card.ts';
import { expectAccessible, expectTouchTargets } from './support/axe.ts';
import { installImageCamera, showToCamera } from './support/image-camera.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

function removeWebXr(): void {
  Reflect.deleteProperty(Navigator.prototype, 'xr');
}

describe('identity check', () => {
  const journey = useJourney({ customer: { initScripts: [removeWebXr, installImageCamera] } });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let card: IdCardImages;
  let caseId = '';

  it('the assessor asks for an ID card during the call; the customer page shows the guided card', async () => {
    const { assessor, customer, server } = journey;
    card = await makeIdCard();
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const created = await assessor.createCase('Identity — hail damage', SAMPLE_PERSON.givenNames);
    caseId = created.caseId;
    await customer.open(created.joinUrl);
    await showToCamera(customer.page, card.front);
    await customer.accept();
    await assessor.openCase(caseId);
    await assessor.connect();
    await customer.callPage('in-call');

    const console = assessor.page;
    await console.getByTestId('identity-document').selectOption('id-card');
    await console.getByTestId('identity-request').click();
    await console.locator('[data-testid="identity-check"][data-state="requested"]').waitFor();
    const sheet = customer.page.getByTestId('identity-sheet');
    await sheet.waitFor({ timeout: 20_000 });
    expect(await sheet.getAttribute('data-step')).toBe('id-front');
    expect(await customer.page.getByTestId('identity-step-id-front').textContent()).toContain('Front');
    expect(await customer.page.getByTestId('identity-hint').textContent()).toContain('Front of your ID card.');
    await mkdir(shots, { recursive: true });
    await customer.page.screenshot({ path: path.join(shots, 'identity-customer-phone.png'), animations: 'disabled' });
    await expectAccessible(customer.page, 'identity sheet, front', { desktop: true });
    await expectTouchTargets(customer.page, 'identity sheet');
  });

  it('the customer takes the front, the back and a selfie, live, and sends them', async () => {
    const page = journey.customer.page;
    const sheet = page.getByTestId('identity-sheet');
    for (const [picture, step, next] of [[card.front, 'id-front', 'id-back'], [card.back, 'id-back', 'selfie'], [card.front, 'selfie', 'send']] as const) {
      await showToCamera(page, picture);
      expect(await sheet.getAttribute('data-step')).toBe(step);
      if (step === 'selfie') await expectAccessible(page, 'identity sheet, selfie');
      await page.getByTestId('identity-take').click();
      await page.locator(`[data-testid="identity-sheet"][data-step="${next}"]`).waitFor({ timeout: 30_000 });
    }
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('identity-sent').waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'identity photos sent', { desktop: true });
  });

  it('the console shows the three photos and the MRZ with every check digit valid; the assessor passes it', async () => {
    const console = journey.assessor.page;
    await console.locator('[data-testid="identity-check"][data-state="submitted"]').waitFor({ timeout: 30_000 });
    for (const which of ['front', 'back', 'selfie']) await console.getByTestId(`identity-photo-${which}`).locator('img').waitFor();
    expect(await console.getByTestId('mrz-document-number').textContent()).toContain(SAMPLE_PERSON.documentNumber);
    expect(await console.getByTestId('mrz-document-number').textContent()).toContain('check digit valid');
    expect(await console.getByTestId('mrz-name').textContent()).toContain('ANNA MARIA DE VRIES');
    expect(await console.getByTestId('identity-mrz-summary').textContent()).toBe('Every check digit is valid.');
    await console.getByTestId('identity-card').screenshot({ path: path.join(shots, 'identity-console.png'), animations: 'disabled' });
    await expectAccessible(console, 'console identity check, photos received');
    await console.getByTestId('identity-pass').check();
    await console.getByTestId('identity-reason-input').fill('Card, selfie and the customer on the call match');
    await console.getByTestId('identity-decide').click();
    await console.locator('[data-testid="identity-check"][data-state="passed"]').waitFor();

    const ledger = await console.evaluate(async (id) => (await (await fetch(`/api/cases/${id}/ledger`)).json()) as { entries: Array<{ type: string }> }, caseId);
    expect(ledger.entries.map((e) => e.type).filter((t) => t.startsWith('identity.'))).toEqual(['identity.requested', 'identity.submitted', 'identity.checked']);
  });
});
