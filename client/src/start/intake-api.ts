// The /start page's calls: the intake itself, a one-time code for an existing case, and (opened from a
// join page's "Ask for help") the case that link belongs to.
import { z } from 'zod';
import { IntakeCreated, type IntakeBody } from '../../../protocol/intake.ts';
import { JoinView } from '../../../protocol/http.ts';
import { apiFetch } from '../lib/api.ts';

/** With `token` (the case's join link) the intake is for that case; else `body.existing` or a new case. */
export function postIntake(body: IntakeBody, token: string | null): Promise<IntakeCreated> {
  return apiFetch('/api/intake', IntakeCreated, { body, ...(token ? { token } : {}) });
}

/** Always accepted (202): whether the reference exists is not told. */
export function requestCode(reference: string): Promise<unknown> {
  return apiFetch('/api/intake/code', z.unknown(), { body: { reference } });
}

export function fetchLinkedCase(token: string): Promise<JoinView> {
  return apiFetch('/api/join', JoinView, { token });
}
