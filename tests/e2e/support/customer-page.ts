// Page object of the customer's join page, shared by the journey test and the screenshot script.
import type { Locator, Page } from 'playwright-core';

export class CustomerPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async open(joinUrl: string): Promise<void> {
    await this.page.goto(joinUrl);
    await this.id('consent-screen').waitFor();
  }

  /** Accepts the consent screen; resolves once the page is registered and waiting for the assessor. */
  async accept(): Promise<void> {
    await this.id('consent-accept').click();
    await this.callPage('waiting', 45_000);
  }

  async waitForState(state: 'waiting' | 'connected' | 'reconnecting'): Promise<void> {
    await this.page.locator(`[data-testid="call-state"][data-state="${state}"]`).waitFor({ timeout: 45_000 });
  }

  /** Waits for the call page's own state (waiting, connecting, in-call, reconnecting, ended, left). */
  async callPage(state: 'waiting' | 'connecting' | 'in-call' | 'reconnecting' | 'ended' | 'left', timeoutMs = 45_000): Promise<void> {
    await this.page.locator(`[data-testid="customer-call"][data-state="${state}"]`).waitFor({ timeout: timeoutMs });
  }

  /** Opens the chat sheet (a button of the control bar) unless it is open. */
  async openChat(): Promise<void> {
    if (await this.id('chat-sheet').isVisible()) return;
    await this.id('chat-open').click();
    await this.id('chat-sheet').waitFor();
  }

  async closeChat(): Promise<void> {
    if (!(await this.id('chat-sheet').isVisible())) return;
    await this.id('chat-close').click();
    await this.id('chat-sheet').waitFor({ state: 'detached' });
  }

  async sendChat(text: string): Promise<void> {
    await this.openChat();
    await this.id('chat-input').fill(text);
    await this.id('chat-send').click();
  }

  chatLine(from: 'customer' | 'assessor', text: string): Locator {
    return this.page.locator(`[data-testid="chat-line"][data-from="${from}"]`, { hasText: text });
  }

  async evidenceCount(): Promise<number> {
    return Number(await this.id('evidence-count').getAttribute('data-count'));
  }

  /** The checklist item the customer is asked to photograph (data-item-id, data-status pending/retake/done). */
  async checklistItem(): Promise<{ id: string; status: string; title: string }> {
    const item = this.id('checklist-item');
    await item.waitFor();
    return {
      id: (await item.getAttribute('data-item-id')) ?? '',
      status: (await item.getAttribute('data-status')) ?? '',
      title: (await item.getByTestId('checklist-item-title').textContent()) ?? '',
    };
  }

  /** How far the checklist is: photos done, items in all, and whether it is complete. */
  async checklistProgress(): Promise<{ done: number; total: number; complete: boolean }> {
    const checklist = this.id('checklist');
    await checklist.waitFor();
    return {
      done: Number(await checklist.getAttribute('data-done')),
      total: Number(await checklist.getAttribute('data-total')),
      complete: (await checklist.getAttribute('data-complete')) === 'true',
    };
  }

  /** "Take photo" (or "Retake photo"): opens the viewfinder with the aim guide for the current item. */
  async openChecklistCamera(): Promise<void> {
    await this.id('checklist-take').click();
    await this.id('checklist-viewfinder').waitFor();
  }

  /** Presses the shutter; resolves when the still is taken and the viewfinder has closed. */
  async pressChecklistShutter(): Promise<void> {
    await this.id('checklist-shutter').click();
    await this.id('checklist-viewfinder').waitFor({ state: 'detached' });
  }

  async takeChecklistPhoto(): Promise<void> {
    await this.openChecklistCamera();
    await this.pressChecklistShutter();
  }

  /** Waits for the server's verdict on the last photo of `itemId`: accepted, or rejected with its advice lines. */
  async checklistVerdict(itemId: string, timeoutMs = 30_000): Promise<{ verdict: 'accepted' | 'rejected'; evidenceId: string; problems: string[] }> {
    const verdict = this.page.locator(`[data-testid="checklist-verdict"][data-item-id="${itemId}"]`);
    await verdict.waitFor({ timeout: timeoutMs });
    const kind = await verdict.getAttribute('data-verdict');
    return {
      verdict: kind === 'rejected' ? 'rejected' : 'accepted',
      evidenceId: (await verdict.getAttribute('data-evidence-id')) ?? '',
      problems: kind === 'rejected' ? await verdict.getByTestId('checklist-problems').locator('li').allTextContents() : [],
    };
  }

  /** During a call the checklist folds into one line: opens it (no-op while it is the page's main content). */
  async openChecklist(): Promise<void> {
    const toggle = this.id('checklist-toggle');
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await this.id('checklist').waitFor();
  }

  /** "Add another" on a done repeatable item of the list. */
  async addAnotherChecklistPhoto(itemId: string): Promise<void> {
    await this.page.locator(`[data-testid="checklist-row"][data-item-id="${itemId}"]`).getByTestId('checklist-add-another').click();
    await this.page.locator(`[data-testid="checklist-item"][data-item-id="${itemId}"]`).waitFor();
  }

  async waitForChecklistComplete(timeoutMs = 30_000): Promise<void> {
    await this.id('checklist-complete').waitFor({ timeout: timeoutMs });
  }
}
