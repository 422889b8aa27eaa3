// The customer's HTTP calls, all authorised by the join token as a Bearer credential.
import { ChatLine, JoinView, PeerCredential, type ChatBody, type ConsentBody } from '../../../protocol/http.ts';
import { SurveyView, type SurveyBody } from '../../../protocol/after-session.ts';
import { TourActivityReceipt, type TourActivityBody } from '../../../protocol/tour-activity.ts';
import { z } from 'zod';
import { apiFetch } from '../lib/api.ts';

export function fetchJoin(token: string): Promise<JoinView> {
  return apiFetch('/api/join', JoinView, { token });
}

export function giveConsent(token: string, body: ConsentBody): Promise<JoinView> {
  return apiFetch('/api/join/consent', JoinView, { token, body });
}

/** The customer said no on the consent screen; their assessor sees it. */
export function declineJoin(token: string): Promise<unknown> {
  return apiFetch('/api/join/decline', z.unknown(), { token, method: 'POST' });
}

/** Times out quickly: it is retried by the call, and after a network drop a request can hang. */
export function fetchPeerCredential(token: string): Promise<PeerCredential> {
  return apiFetch('/api/join/peer', PeerCredential, { token, method: 'POST', signal: AbortSignal.timeout(8000) });
}

export function postChat(token: string, caseId: string, body: ChatBody): Promise<ChatLine> {
  return apiFetch(`/api/cases/${encodeURIComponent(caseId)}/chat`, ChatLine, { token, body });
}


export function postTourActivity(token: string, caseId: string, body: TourActivityBody, keepalive = false): Promise<TourActivityReceipt> {
  return apiFetch(`/api/cases/${encodeURIComponent(caseId)}/tour-activity`, TourActivityReceipt, { token, body, keepalive, signal: AbortSignal.timeout(10_000) });
}

/** This link's survey answer, or null before it answered (204). */
export function fetchSurvey(token: string, signal?: AbortSignal): Promise<SurveyView | null> {
  return apiFetch('/api/join/survey', z.object({ survey: SurveyView }).optional(), { token, signal }).then((r) => r?.survey ?? null);
}

/** Once per link: a second answer is 409 already_answered. */
export function postSurvey(token: string, body: SurveyBody): Promise<SurveyView> {
  return apiFetch('/api/join/survey', z.object({ survey: SurveyView }), { token, body }).then((r) => r.survey);
}
