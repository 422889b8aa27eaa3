// Journey: the admin's API keys (on the users page). An admin makes a key with two scopes, sees it
// once with a warning and copies it, a claims system (plain HTTP from the test) reads a case by its
// reference and is refused a scope it lacks; the list shows its last use; the admin revokes it in two
// presses and the very next read is refused.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

describe('the admin API keys section', () => {
  const journey = useJourney();
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', `${name}.png`), animations: 'disabled', fullPage: true });

  it('makes a key shown once, which reads the API until it is revoked', async () => {
    const { assessor: console_, server } = journey;
    const page = console_.page;
    const id = (testId: string) => page.getByTestId(testId);
    await console_.login(server.url, server.admin.email, server.admin.password);
    const created = await page.request.post(`${server.url}/api/cases`, { data: { title: 'Hail on the bonnet', reference: 'CLM-API-7' } });
    expect(created.status()).toBe(201);

    await id('nav-users').click();
    await expect.poll(() => id('api-key-none').isVisible()).toBe(true);
    await expectAccessible(page, 'users, API keys and settings');
    await id('api-key-open').click();
    await id('api-key-name').fill('Claims system');
    await id('api-key-scope-evidence:read').check();
    await id('api-key-create').click();
    await id('api-key-shown').waitFor();
    expect(await id('api-key-warning').textContent()).toContain('only time the key is shown');
    const key = await id('api-key-value').inputValue();
    expect(key).toMatch(/^slk_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}$/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await id('api-key-copy').click();
    await expect.poll(() => id('api-key-copy').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shoot(page, 'admin-api-key-created');
    await expectAccessible(page, 'API key shown once');
    await id('api-key-done').click();
    await expect.poll(() => id('api-key-shown').count()).toBe(0);

    // The claims system, outside the browser: no cookie, only the key.
    const read = (url: string) => fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${key}` } });
    const byReference = await read('/api/v1/cases?reference=CLM-API-7');
    expect(byReference.status).toBe(200);
    const caseId = ((await byReference.json()) as { cases: Array<{ id: string }> }).cases[0]!.id;
    expect((await read(`/api/v1/cases/${caseId}/evidence`)).status).toBe(200);
    const outcomes = await read(`/api/v1/cases/${caseId}/outcomes`);
    expect(outcomes.status).toBe(403);
    expect(((await outcomes.json()) as { error: { message: string } }).error.message).toContain('outcomes:read');

    await page.reload();
    const row = id('api-key-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(`slk_${key.slice(4, 12)}_…`);
    expect(await row.textContent()).not.toContain(key.slice(13));
    expect(await row.textContent()).toContain('cases:read, evidence:read');
    expect(await row.locator('td').nth(4).textContent()).not.toBe('never');

    await id('api-key-revoke').click();
    await shoot(page, 'admin-api-keys');
    await expectAccessible(page, 'API key, revoke asked');
    await id('api-key-revoke-confirm').click();
    await id('api-key-revoked').waitFor();
    expect(await row.getAttribute('data-revoked')).toBe('true');
    const refused = await read(`/api/v1/cases/${caseId}`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('api_key_revoked');
  });
});
