// The callers of the access-control matrix, on one in-process server: nobody, a customer of another
// case, the case's customer with an expired token, the case's own customer, an assessor the case is not
// assigned to, the assigned assessor, an admin, a supervisor (reads every case, changes none) and an
// expert invited to nothing — and fresh cases ("scenes") for them to call about.
import { fileURLToPath } from 'node:url';
import { ADMIN, bearer, startHarness, type Client, type Harness } from '../http/harness.ts';

export const PRINCIPALS = ['none', 'otherCaseCustomer', 'expiredCustomer', 'customer', 'otherAssessor', 'assessor', 'admin', 'supervisor', 'expert'] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const ASSESSOR = { email: 'alice@example.test', name: 'Alice', password: 'alice long password' };
export const OTHER_ASSESSOR = { email: 'bob@example.test', name: 'Bob', password: 'bob long password 1' };
export const SUPERVISOR = { email: 'sue@example.test', name: 'Sue', password: 'sue long password 1' };
export const EXPERT = { email: 'eve@example.test', name: 'Eve', password: 'eve long password 1' };

/** A case assigned to the assessor (with the vehicle checklist), created for one cell, with its consented customer's join token. */
export interface Scene {
  caseId: string;
  token: string;
  /** The assigned assessor's client, to prepare things in the case. */
  assessor: Client;
}

export interface World {
  h: Harness;
  admin: Client;
  assessor: Client;
  otherAssessor: Client;
  /** Another case of the same assessor, whose consented customer is `otherCaseCustomer`. */
  otherCase: { id: string; token: string };
  /** A new case; its join link lives one hour, so `expiredCustomer` moves the clock two hours on. */
  scene(): Promise<Scene>;
  /**
   * The headers that make `principal` the caller about `scene`, and whether the clock must be moved
   * past the join link's life. `ownSession` logs users in anew (for a call that ends its session).
   */
  credentials(principal: Principal, scene: Scene, opts?: { ownSession?: boolean }): Promise<{ headers: Record<string, string>; expired: boolean }>;
  close(): Promise<void>;
}

export const JOIN_LINK_HOURS = 1;
const PAST_EXPIRY_MS = 2 * 3600_000;

/** A folder with one small whole tour, `test-room`, so the tour routes have something to serve. */
export const FIXTURE_TOURS = fileURLToPath(new URL('../tours/fixture', import.meta.url));

export async function createWorld(
  start: () => Promise<Harness> = () => startHarness({ SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '100000', SIGHTLINE_TOURS_DIR: FIXTURE_TOURS }),
): Promise<World> {
  const h = await start();
  const admin = h.client();
  await admin.login();
  for (const [user, role] of [[ASSESSOR, 'assessor'], [OTHER_ASSESSOR, 'assessor'], [SUPERVISOR, 'supervisor'], [EXPERT, 'expert']] as const) {
    const res = await admin.json('/api/users', { method: 'POST', json: { ...user, role } });
    if (res.status !== 201) throw new Error(`could not create ${user.email}: ${res.status}`);
  }
  const assessor = h.client();
  await assessor.login(ASSESSOR.email, ASSESSOR.password);
  const otherAssessor = h.client();
  await otherAssessor.login(OTHER_ASSESSOR.email, OTHER_ASSESSOR.password);
  const supervisor = h.client();
  await supervisor.login(SUPERVISOR.email, SUPERVISOR.password);
  const expert = h.client();
  await expert.login(EXPERT.email, EXPERT.password);

  const newCase = async (title: string, joinLinkHours?: number) => {
    const created = await assessor.json('/api/cases', { method: 'POST', json: { title, joinLinkHours, checklist: 'vehicle' } });
    if (created.status !== 201) throw new Error(`could not create a case: ${created.status}`);
    const consent = await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(created.body.token), json: { recording: true, location: true } });
    if (consent.status !== 200) throw new Error(`could not consent: ${consent.status}`);
    return { id: created.body.case.id as string, token: created.body.token as string };
  };
  const otherCase = await newCase('Another case of the same assessor');

  const cookieOf = async (client: Client, who: { email: string; password: string }, own: boolean) => {
    if (!own) return client.cookie!;
    const fresh = h.client();
    await fresh.login(who.email, who.password);
    return fresh.cookie!;
  };

  return {
    h, admin, assessor, otherAssessor, otherCase,
    async scene() {
      const created = await newCase('Matrix case', JOIN_LINK_HOURS);
      return { caseId: created.id, token: created.token, assessor };
    },
    async credentials(principal, scene, opts = {}) {
      const own = opts.ownSession === true;
      const as = (headers: Record<string, string>, expired = false) => ({ headers, expired });
      switch (principal) {
        case 'none': return as({});
        case 'otherCaseCustomer': return as(bearer(otherCase.token));
        case 'expiredCustomer': return as(bearer(scene.token), true);
        case 'customer': return as(bearer(scene.token));
        case 'otherAssessor': return as({ cookie: await cookieOf(otherAssessor, OTHER_ASSESSOR, own) });
        case 'assessor': return as({ cookie: await cookieOf(assessor, ASSESSOR, own) });
        case 'admin': return as({ cookie: await cookieOf(admin, ADMIN, own) });
        case 'supervisor': return as({ cookie: await cookieOf(supervisor, SUPERVISOR, own) });
        case 'expert': return as({ cookie: await cookieOf(expert, EXPERT, own) });
      }
    },
    close: () => h.close(),
  };
}

/** Runs `fn` with the server clock past every join link a scene has; sessions (12 h) stay valid. */
export async function pastJoinLinkExpiry<T>(h: Harness, fn: () => Promise<T>): Promise<T> {
  h.advance(PAST_EXPIRY_MS);
  try {
    return await fn();
  } finally {
    h.advance(-PAST_EXPIRY_MS);
  }
}
