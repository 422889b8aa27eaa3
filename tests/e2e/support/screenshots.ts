// Walks the live-inspection journey and saves screenshots of each surface at its design size:
// the customer's phone (390x844) at consent, waiting and in call (plus the same page on a desktop);
// the console (1440x900) at the case list, a live case with evidence, and outcome with ledger.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureClientBuild } from './client-build.ts';
import { ConsolePage } from './console-page.ts';
import { CustomerPage } from './customer-page.ts';
import { launchBrowser, newPeerContext, viewports } from './launcher.ts';
import { startServer } from './server.ts';

export async function captureScreenshots(outDir: string, log: (line: string) => void = console.log): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  ensureClientBuild();
  const server = await startServer();
  const browser = await launchBrowser();
  const saved: string[] = [];
  const shoot = async (page: Page, name: string): Promise<void> => {
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    saved.push(file);
    log(`saved ${file}`);
  };
  try {
    const assessor = new ConsolePage(await (await newPeerContext(browser, { viewport: viewports.desktop })).newPage());
    const customer = new CustomerPage(await (await newPeerContext(browser, { viewport: viewports.phone, mobile: true })).newPage());

    await assessor.login(server.url, server.admin.email, server.admin.password);
    await assessor.createCase('Storm damage — garage roof', 'Robin Meyer');
    const { caseId, joinUrl } = await assessor.createCase('Hail damage — car bonnet', 'Dana Example');

    await customer.open(joinUrl);
    await shoot(customer.page, 'customer-consent');
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await shoot(customer.page, 'customer-waiting');
    await shoot(assessor.page, 'console-case-list');

    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await assessor.sendChat('Hello Dana, could you point the camera at the bonnet?');
    await customer.openChat();
    await customer.chatLine('assessor', 'bonnet').waitFor();
    await customer.sendChat('Sure, here it is. The dents are near the edge.');
    await assessor.chatLine('customer', 'dents').waitFor();
    await customer.closeChat();
    await assessor.page.getByTestId('request-photo').click();
    await assessor.waitForEvidence('device-still');
    // Give the encoder time to ramp up from its start resolution before the frame capture.
    await assessor.page.waitForTimeout(8000);
    await assessor.page.getByTestId('capture-frame').click();
    await assessor.waitForEvidence('video-frame');
    await shoot(customer.page, 'customer-in-call');
    await customer.page.setViewportSize({ width: 1280, height: 800 });
    await shoot(customer.page, 'customer-in-call-desktop');
    await customer.page.setViewportSize(viewports.phone);
    await assessor.page.waitForTimeout(1200);
    await shoot(assessor.page, 'console-live-case');
    await assessor.recordSettlement('Hail dents on the bonnet; repair by a partner shop.', 1200, { area: 'Bonnet', severity: 'moderate', cost: 1200 });
    await assessor.page.getByTestId('ledger-verify').click();
    await assessor.page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    await assessor.page.getByTestId('outcome-form').scrollIntoViewIfNeeded();
    await shoot(assessor.page, 'console-outcome-ledger');
    return saved;
  } finally {
    await browser.close();
    await server.stop();
  }
}
