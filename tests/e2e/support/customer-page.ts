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

  async accept(): Promise<void> {
    await this.id('consent-accept').click();
    await this.id('waiting').waitFor({ timeout: 45_000 });
  }

  async waitForState(state: 'waiting' | 'connected' | 'reconnecting'): Promise<void> {
    await this.page.locator(`[data-testid="call-state"][data-state="${state}"]`).waitFor({ timeout: 45_000 });
  }

  async sendChat(text: string): Promise<void> {
    const input = this.id('chat-input');
    await input.waitFor();
    await this.page.waitForFunction((el) => el instanceof HTMLInputElement && !el.disabled, await input.elementHandle());
    await input.fill(text);
    await this.id('chat-send').click();
  }

  chatLine(from: 'customer' | 'assessor', text: string): Locator {
    return this.page.locator(`[data-testid="chat-line"][data-from="${from}"]`, { hasText: text });
  }

  async evidenceCount(): Promise<number> {
    return Number(await this.id('evidence-count').getAttribute('data-count'));
  }
}
