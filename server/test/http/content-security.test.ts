// The Content-Security-Policy every response carries: scripts only from this server (WebAssembly, no
// eval), no inline code, nothing loaded or connected to elsewhere; blob: only where the page reads its
// own memory (a tour scene's textures, recordings, workers), never for scripts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** The policy's directives, each with its sources. */
async function policy(pathname: string): Promise<Map<string, string[]>> {
  const header = (await fetch(`${h.base}${pathname}`)).headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('content security policy', () => {
  it('keeps scripts, styles and connections to this server, with blob: only for data', async () => {
    for (const pathname of ['/j', '/api/health']) {
      const csp = await policy(pathname);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'", 'blob:', 'ws:', 'wss:']);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });
});
