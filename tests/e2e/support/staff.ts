// Set-up steps of the journeys with more than one member of staff (transfer, third participant and their
// Chinese visits): a JSON call to the server with a page's session, and a console set to Available.
import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** `method route` with the request context's session; asserts the status and returns the JSON body (null for 204). */
export async function apiCall(baseUrl: string, request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) {
  const response = await request.fetch(`${baseUrl}${route}`, { method, ...(data !== undefined ? { data } : {}), ...(headers ? { headers } : {}) });
  expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
  return expected === 204 ? null : await response.json();
}

/** Sets an English console's status to Available from the top bar's status menu. */
export async function setAvailable(page: Page): Promise<void> {
  await page.getByTestId('status-picker').click();
  await page.getByRole('menuitemradio', { name: /Available/ }).click();
  await page.locator('[data-testid="status-picker"][data-status="available"]').waitFor();
}
