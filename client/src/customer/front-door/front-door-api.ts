// The customer's calls at the front door, on their join link (Bearer join token): ask the digital
// assistant, hand off to a person, and their place in the queue (read, callback, leave).
import { z } from 'zod';
import { AgentAnswer, QueuePlace, type CallbackBody, type HandOffBody } from '../../../../protocol/intake.ts';
import { apiFetch } from '../../lib/api.ts';

export function askAgent(token: string, question: string): Promise<AgentAnswer> {
  return apiFetch('/api/join/agent', z.object({ answer: AgentAnswer }), { token, body: { question } }).then((r) => r.answer);
}

export function handOff(token: string, body: HandOffBody = {}): Promise<QueuePlace> {
  return apiFetch('/api/join/hand-off', QueuePlace, { token, body });
}

/** Polled: times out quickly so a hung request does not hold the next poll back. */
export function fetchPlace(token: string, signal?: AbortSignal): Promise<QueuePlace> {
  return apiFetch('/api/join/queue', QueuePlace, { token, signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(8000)]) : AbortSignal.timeout(8000) });
}

export function requestCallback(token: string, body: CallbackBody): Promise<QueuePlace> {
  return apiFetch('/api/join/queue/callback', QueuePlace, { token, body });
}

export function leaveQueue(token: string): Promise<QueuePlace> {
  return apiFetch('/api/join/queue', QueuePlace, { token, method: 'DELETE' });
}
