// The set-up most HTTP test files share: one server for the file, the built-in administrator logged in
// before the first test, the server closed after the last.
import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Client, type Harness } from '../http/harness.ts';

/**
 * Registers the file's beforeAll/afterAll and hands the started server and its administrator to
 * `started` (a test file keeps them in its own `let h` / `let admin`) before any test runs.
 */
export function useAdminHarness(started: (server: { h: Harness; admin: Client }) => void, env?: Record<string, string>): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(env);
    const admin = h.client();
    await admin.login();
    started({ h, admin });
  });
  afterAll(() => h?.close());
}
