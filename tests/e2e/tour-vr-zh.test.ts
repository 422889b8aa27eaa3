// Journey in Simplified Chinese (issue 16): the screens of tour-vr in a headset (iwer's emulated Quest 3,
// a 640×480 page) with &lang=zh-CN: the cabin tour offering "进入 VR", the page behind the headset in VR,
// and the tour after leaving VR. Each screen: axe, 200 % reflow, a screenshot
// docs/screenshots/tour-vr-<screen>-zh.png, and its words from the zh-CN locale files.
import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey.ts';
import { useToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, TourPage } from './support/tour-page.ts';
import { installXrHeadset } from './support/xr-headset.ts';
import { zh, zhScreen } from './support/zh-screen.ts';

describe('a preview tour in a VR headset, in Simplified Chinese', () => {
  useToursDir();
  const journey = useJourney({
    customer: { context: { viewport: { width: 640, height: 480 } } },
    setup: (j) => installXrHeadset(j.contexts[1]!),
  });

  it('the cabin tour offers VR in Chinese, shows the page behind the headset, and comes back after VR', async () => {
    const cabinId = (await listTours(journey.server)).find((t) => t.kind === 'cabin' && !t.id.startsWith('fixture-'))!.id;
    const cabin = await fetchManifest(journey.server, cabinId);
    const { joinUrl } = await createPreviewCase(journey.server, '客舱 VR 预览', cabin.id);
    const tour = new TourPage(journey.customer.page);
    const page = tour.page;
    await tour.open(`${joinUrl}&lang=zh-CN`);
    await tour.waitForShown(cabin.start);
    const enter = page.getByRole('button', { name: zh('tour:toolbar.enterVr') });
    expect(await enter.count()).toBe(1);
    await zhScreen(page, 'tour-vr-offered', 'tour offering Enter VR');

    await enter.click();
    await page.locator('[data-testid="tour-renderer"][data-xr="presenting"]').waitFor({ timeout: 30_000 });
    await tour.waitForShown(cabin.start);
    expect(await page.getByRole('button', { name: zh('tour:toolbar.leaveVr') }).count()).toBe(1);
    await zhScreen(page, 'tour-vr-in', 'tour in VR (the page behind the headset)');

    await page.evaluate(() => window.__xrHeadset.activeSession?.end());
    await page.locator('[data-testid="tour-renderer"][data-xr="off"]').waitFor({ timeout: 30_000 });
    expect(await enter.count()).toBe(1);
    await zhScreen(page, 'tour-vr-after', 'tour after leaving VR');
  });
});
