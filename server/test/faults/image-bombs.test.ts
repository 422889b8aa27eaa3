// Hole 1 of issue 10, as the attacker sent it: with one customer's join token, eight copies at once of
// a 602 KiB Adam7-interlaced 16-bit RGBA PNG of 8900 × 8900 pixels (634 MB once decoded, just under
// the 80 MP limit). The real server runs as a child process so that its own memory is what is
// measured (peak RSS, VmHWM). Then the heaviest images it does accept, from many callers at once and
// from one caller at a time: the work is queued, the queue is bounded and says when to retry, and
// another customer's photo still goes through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { detailedJpeg, zeroPng } from '../evidence/fixtures.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';

const ADMIN = { email: 'image-bombs@example.test', password: 'image bombs password' };
const MB = 1024 * 1024;
/** The goal the issue sets for the server under this attack. */
const RSS_LIMIT = 512 * MB;
/** Short waiting lists, so that a burst fills them within a few images' time. */
const QUEUE = 2;
const PER_CALLER = 2;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-image-bombs-'));
let child: ChildServer;
let cookie = '';

beforeAll(async () => {
  child = await startChildServer({ dataDir, admin: ADMIN, env: { SIGHTLINE_IMAGE_QUEUE: String(QUEUE), SIGHTLINE_IMAGE_QUEUE_PER_CALLER: String(PER_CALLER) } });
  const res = await fetch(`${child.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(res.status).toBe(200);
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await child?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The server's peak resident memory so far, from the kernel. */
function peakRss(): number {
  const status = fs.readFileSync(`/proc/${child.process.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
}

interface Customer { caseId: string; token: string }

/** A new case and its customer, consented. */
async function customer(title: string): Promise<Customer> {
  const res = await fetch(`${child.base}/api/cases`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
  const created = (await res.json()) as { case: { id: string }; token: string };
  const consent = await fetch(`${child.base}/api/join/consent`, {
    method: 'POST',
    headers: { authorization: `Bearer ${created.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ recording: true }),
  });
  expect(consent.status).toBe(200);
  return { caseId: created.case.id, token: created.token };
}

interface Answer { status: number; code: string | null; message: string | null; retryAfter: string | null }

async function upload(who: Customer, bytes: Buffer, name: string): Promise<Answer> {
  const form = new FormData();
  form.set('source', 'gallery');
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${child.base}/api/cases/${who.caseId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who.token}` },
    body: form,
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, code: body.error?.code ?? null, message: body.error?.message ?? null, retryAfter: res.headers.get('retry-after') };
}

it('refuses eight 602 KiB interlaced 16-bit 8900×8900 PNGs sent at once from their headers, stays under 512 MB and stores another customer\'s photo meanwhile', async () => {
  const bomb = await zeroPng(8900, 8900, { channels: 4, depth: 16, interlaced: true });
  expect(bomb.length).toBeLessThan(602 * 1024 + 1024);
  const attacker = await customer('attacker');
  const victim = await customer('victim');

  const [bombs, photo] = await Promise.all([
    Promise.all(Array.from({ length: 8 }, (_, i) => upload(attacker, bomb, `bomb-${i}.png`))),
    upload(victim, await detailedJpeg(1280, 960), 'kitchen.jpg'),
  ]);

  for (const answer of bombs) {
    expect(answer).toMatchObject({ status: 413, code: 'image_too_large' });
    expect(answer.message).toContain('8900 × 8900 pixels, 4 channels, 16 bits per channel');
  }
  expect(photo.status).toBe(201);
  console.log(`image-bombs: peak RSS after the eight bombs ${Math.round(peakRss() / MB)} MB`);
  expect(peakRss()).toBeLessThan(RSS_LIMIT);
}, 60_000);

it('queues the heaviest images it accepts, refuses past the queue with 503 and past a caller\'s share with 429, both with Retry-After, within 512 MB', async () => {
  // 4000 × 3000, 16-bit RGBA, interlaced: held whole (96 MB), a heavy image: one at a time.
  const heavy = await zeroPng(4000, 3000, { channels: 4, depth: 16, interlaced: true });
  const callers = await Promise.all(Array.from({ length: 10 }, (_, i) => customer(`heavy ${i}`)));
  const victim = await customer('victim during the flood');

  // Ten callers at once: one is processed, two wait, the others find the waiting list full.
  const burst = await Promise.all(callers.map((who, i) => upload(who, heavy, `heavy-${i}.png`)));
  const stored = burst.filter((a) => a.status === 201);
  const busy = burst.filter((a) => a.status === 503);
  expect(stored.length + busy.length).toBe(burst.length);
  expect(stored.length).toBeGreaterThanOrEqual(1 + QUEUE);
  expect(busy.length).toBeGreaterThanOrEqual(1);
  for (const answer of busy) {
    expect(answer.code).toBe('images_busy');
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  }

  // One caller, eight at once: its images go one after another, two at most in the gate, the rest
  // 429; another customer's photo meanwhile takes the slot heavy images leave free.
  const [own] = callers;
  const [flood, photo] = await Promise.all([
    Promise.all(Array.from({ length: 8 }, (_, i) => upload(own!, heavy, `flood-${i}.png`))),
    upload(victim, await detailedJpeg(1280, 960), 'hallway.jpg'),
  ]);
  expect(photo.status).toBe(201);
  const refused = flood.filter((a) => a.status === 429);
  expect(flood.filter((a) => a.status === 201).length + refused.length).toBe(8);
  expect(refused.length).toBeGreaterThanOrEqual(8 - PER_CALLER);
  for (const answer of refused) {
    expect(answer.code).toBe('too_many_images');
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  }

  console.log(`image-bombs: peak RSS after the heaviest accepted images ${Math.round(peakRss() / MB)} MB`);
  expect(peakRss()).toBeLessThan(RSS_LIMIT);
}, 120_000);
