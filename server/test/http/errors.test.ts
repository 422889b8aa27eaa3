// Errors as people read them: a page for a browser that asked for a page, sentences in JSON errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { sentence } from '../../src/http/errors.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('error messages read as sentences', () => {
  it('capitalises a plain first word and ends with a full stop', () => {
    expect(sentence('the email or the password is wrong')).toBe('The email or the password is wrong.');
    expect(sentence("can't seal an empty recording")).toBe("Can't seal an empty recording.");
    expect(sentence('no such tour')).toBe('No such tour.');
  });

  it('leaves a field path, a code or a finished sentence as written', () => {
    expect(sentence('viewpoints[1].position[1]: must be a number')).toBe('viewpoints[1].position[1]: must be a number.');
    expect(sentence('kind: expected damage or preview')).toBe('kind: expected damage or preview.');
    expect(sentence('Already a sentence.')).toBe('Already a sentence.');
    expect(sentence('why?')).toBe('Why?');
    expect(sentence('')).toBe('');
  });
});

describe('an address nothing serves', () => {
  it('shows a browser a "Page not found" page with the way back, not JSON', async () => {
    const res = await fetch(`${h.base}/cases/1234`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('href="/"');
    expect(html).not.toContain('<script');
  });

  it('answers an API client with the JSON error, as a sentence', async () => {
    for (const path of ['/cases/1234', '/api/nothing-here']) {
      const res = await fetch(`${h.base}${path}`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: `No route for GET ${path}.` } });
    }
    const api = await fetch(`${h.base}/api/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('words a wrong login as a sentence', async () => {
    const res = await fetch(`${h.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.base },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password here' }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('The email or the password is wrong.');
  });
});

describe('idle connections', () => {
  it('keeps an idle keep-alive connection past a load balancer\'s 60 s, so the client closes it, not the server under a request', async () => {
    const res = await fetch(`${h.base}/api/health`);
    await res.arrayBuffer();
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
  });
});
