// Page object of the assessor console, shared by the journey test and the screenshot script.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ChecklistTemplateId } from '../../../protocol/checklist.ts';
import { CustomerMode } from '../../../protocol/messages.ts';
import type { Tool } from '../../../client/src/console/markup/markup-tools.ts';
import { screenPointToClient } from '../../../client/src/console/call/video-geometry.ts';

export class ConsolePage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async login(baseUrl: string, email: string, password: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.id('login-email').fill(email);
    await this.id('login-password').fill(password);
    await this.id('login-submit').click();
    await this.id('new-case-open').waitFor();
  }

  /** Creates a case (optionally with a guided-capture checklist) and returns its id and join URL as shown on the page. */
  async createCase(title: string, customerName: string, options: { checklist?: ChecklistTemplateId } = {}): Promise<{ caseId: string; joinUrl: string }> {
    await this.id('new-case-open').click();
    await this.id('new-case-title').fill(title);
    await this.id('new-case-kind').selectOption('damage');
    await this.id('new-case-customer').fill(customerName);
    if (options.checklist) await this.id('new-case-checklist').selectOption(options.checklist);
    await this.id('new-case-submit').click();
    // The card of an earlier case may still be showing: wait for this case's.
    const card = this.id('join-link-card').filter({ hasText: title });
    await card.waitFor();
    const joinUrl = await card.getByTestId('join-link-url').inputValue();
    const row = this.page.locator('[data-testid="case-row"]', { hasText: title });
    const caseId = await row.getAttribute('data-case-id');
    if (!caseId) throw new Error('the new case has no row in the list');
    return { caseId, joinUrl };
  }

  caseRow(caseId: string): Locator {
    return this.page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
  }

  async openCase(caseId: string): Promise<void> {
    await this.caseRow(caseId).getByTestId('case-open').click();
    await this.page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
  }

  async connect(): Promise<void> {
    await this.id('connect').click();
    await this.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 45_000 });
  }

  /** Once the case's customer is waiting: opens the case, connects and waits for their live video. */
  async connectWaiting(caseId: string, waitingTimeout?: number): Promise<void> {
    const waiting = this.caseRow(caseId).getByTestId('badge-waiting');
    await (waitingTimeout === undefined ? waiting.waitFor() : waiting.waitFor({ timeout: waitingTimeout }));
    await this.openCase(caseId);
    await this.connect();
    await this.waitForLiveVideo();
  }

  /** Waits until the remote <video> shows frames with bright pixels; returns what it measured. */
  async waitForLiveVideo(timeoutMs = 45_000): Promise<{ width: number; height: number; litFraction: number }> {
    const handle = await this.page.waitForFunction(
      () => {
        const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
        if (!video || video.videoWidth === 0 || video.readyState < 2) return null;
        const canvas = document.createElement('canvas');
        canvas.width = 160;
        canvas.height = 90;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) return null;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let lit = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 60) lit++;
        }
        const litFraction = lit / (data.length / 4);
        return litFraction > 0.05 ? { width: video.videoWidth, height: video.videoHeight, litFraction } : null;
      },
      undefined,
      { timeout: timeoutMs, polling: 200 },
    );
    const value = await handle.jsonValue();
    if (!value) throw new Error('no live video');
    return value;
  }

  async sendChat(text: string): Promise<void> {
    await this.id('chat-input').fill(text);
    await this.id('chat-send').click();
  }

  chatLine(from: 'customer' | 'assessor', text: string): Locator {
    return this.page.locator(`[data-testid="chat-line"][data-from="${from}"]`, { hasText: text });
  }

  /** Waits for an evidence item of this source whose thumbnail image has loaded. */
  async waitForEvidence(source: 'device-still' | 'video-frame' | 'gallery', timeoutMs = 45_000): Promise<{ id: string; naturalWidth: number }> {
    const item = this.page.locator(`[data-testid="evidence-item"][data-source="${source}"]`).first();
    await item.waitFor({ timeout: timeoutMs });
    const thumb = item.getByTestId('evidence-thumb');
    await this.page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await thumb.elementHandle(), { timeout: timeoutMs });
    const naturalWidth = await thumb.evaluate((img) => (img instanceof HTMLImageElement ? img.naturalWidth : 0));
    return { id: (await item.getAttribute('data-evidence-id')) ?? '', naturalWidth };
  }

  async recordSettlement(reason: string, amount: number, item: { area: string; severity: string; cost: number }): Promise<void> {
    await this.id('outcome-decision').selectOption('settled');
    await this.id('outcome-amount').fill(String(amount));
    await this.id('outcome-currency').fill('EUR');
    await this.id('outcome-reason').fill(reason);
    await this.id('damage-add').click();
    const row = this.id('damage-row').last();
    await row.getByTestId('damage-area').fill(item.area);
    await row.getByTestId('damage-severity').selectOption(item.severity);
    await row.getByTestId('damage-cost').fill(String(item.cost));
    await this.id('outcome-submit').click();
    await this.page.locator('[data-testid="outcome-entry"][data-decision="settled"]').waitFor();
  }

  /** The recording this console is making now (auto-started on connect); waits for its server id. */
  async currentRecordingId(timeoutMs = 20_000): Promise<string> {
    const status = this.page.locator('[data-testid="recording-status"][data-recording="true"]:not([data-recording-id=""])');
    await status.waitFor({ timeout: timeoutMs });
    return (await status.getAttribute('data-recording-id')) ?? '';
  }

  recordingUpload(recordingId: string): Locator {
    return this.page.locator(`[data-testid="recording-upload"][data-recording-id="${recordingId}"]`);
  }

  /** The local id of the recording this console is making now: made before any network, it is also the create request's uploadId. */
  async currentLocalId(timeoutMs = 20_000): Promise<string> {
    const status = this.page.locator('[data-testid="recording-status"][data-recording="true"]:not([data-local-id=""])');
    await status.waitFor({ timeout: timeoutMs });
    return (await status.getAttribute('data-local-id')) ?? '';
  }

  /** A recording's upload by its local id; its data-recording-id stays empty until the server created it. */
  localRecordingUpload(localId: string): Locator {
    return this.page.locator(`[data-testid="recording-upload"][data-local-id="${localId}"]`);
  }

  async stopRecording(): Promise<void> {
    await this.page.locator('[data-testid="recording-status"][data-recording="true"]').getByTestId('recording-toggle').click();
    await this.page.locator('[data-testid="recording-status"][data-recording="false"]').waitFor();
  }

  /**
   * How many recording chunks wait in this origin's IndexedDB (not yet acknowledged by the server),
   * whether or not the server created their recording. Opens the database at whatever version it has
   * and closes it again, so it never holds up the console's schema upgrade.
   */
  storedChunkCount(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('sightline-console');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('recording-chunks')) {
              db.close();
              return resolve(0);
            }
            const count = db.transaction('recording-chunks').objectStore('recording-chunks').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
            count.onerror = () => {
              db.close();
              reject(count.error);
            };
          };
        }),
    );
  }

  /** Clicks a download button and saves what the browser downloads into `dir`; returns the file and time taken. */
  async download(testId: 'download-export' | 'download-report', dir: string): Promise<{ file: string; ms: number }> {
    const started = Date.now();
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.id(testId).click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return { file, ms: Date.now() - started };
  }

  /** Picks an inspection tool over the live video; for a label, also types its text. */
  async selectTool(kind: Tool, labelText?: string): Promise<void> {
    await this.id(`tool-${kind}`).click();
    await this.page.locator(`[data-testid="inspection-toolbar"][data-tool="${kind}"]`).waitFor();
    if (labelText !== undefined) await this.id('label-text').fill(labelText);
  }

  /** Clicks the live video at a point of its displayed picture (u right, v down, 0..1), past any letterbox bars. */
  async clickVideo(u: number, v: number): Promise<void> {
    const video = this.id('remote-video');
    await video.scrollIntoViewIfNeeded();
    const box = await video.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const media = element instanceof HTMLVideoElement ? element : null;
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height, videoWidth: media?.videoWidth ?? 0, videoHeight: media?.videoHeight ?? 0 };
    });
    const at = screenPointToClient({ u, v }, box, box.videoWidth, box.videoHeight);
    if (!at) throw new Error('the live video shows no picture yet');
    await this.page.mouse.click(at.x, at.y);
  }

  /** Rows of the annotations panel (data-annotation-id, data-kind, data-status: placing/saving/unsaved/failed/stored/cleared, data-anchored). */
  annotationRows(): Locator {
    return this.id('annotation-row');
  }

  /** Rows of the measurements panel (data-measurement-id, data-status); the distance is in `measurement-value`. */
  measurementRows(): Locator {
    return this.id('measurement-row');
  }

  /** The customer's current mode as their device reported it; null before it did. */
  async customerMode(): Promise<CustomerMode | null> {
    return CustomerMode.safeParse(await this.id('customer-mode').getAttribute('data-mode')).data ?? null;
  }

  /** Asks the customer to switch mode; the answer shows in `mode-answer` (data-status accepted/declined). */
  async requestMode(mode: CustomerMode): Promise<void> {
    await this.id('mode-request-select').selectOption(mode);
    await this.id('mode-request-send').click();
    await this.page.locator(`[data-testid="mode-answer"][data-mode="${mode}"]`).waitFor();
  }

  modeAnswer(): Locator {
    return this.id('mode-answer');
  }

  /** One item of the guided-capture checklist (data-status pending/retake/done, data-attempts; its photos are `checklist-photo`). */
  checklistItem(itemId: string): Locator {
    return this.page.locator(`[data-testid="checklist-item"][data-item-id="${itemId}"]`);
  }

  /** Fetches JSON with the console's session cookie, from inside the page. */
  fetchJson(path: string): Promise<unknown> {
    return this.page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' });
      return { status: response.status, body: await response.json() };
    }, path);
  }
}
