// A one-time code sent to the customer's contact on file, and what they type back checked: shared by the
// settlement offer's code and the identity check's. The rules are the front door's (six digits kept only
// as a hash, ten minutes, five attempts); the caller owns the row the code is kept on and its ledger entry.
import { HttpError, text, word, type ErrorKey, type ErrorText } from '../errors.ts';
import { CODE_TTL_MS, codeEmail, codeHash, codeMatches, codeSms, MAX_CODE_ATTEMPTS, newCode } from '../frontdoor/intake/one-time-code.ts';
import type { Db } from '../storage/database.ts';
import { contactOnFile, maskRecipient, type Contact } from './contact-on-file.ts';
import type { SendEmail } from './email-sender.ts';
import { caseMessageLanguage } from './message-language.ts';
import type { SendSms } from './sms-sender.ts';

export interface CodeSenders {
  email: SendEmail | null;
  sms: SendSms | null;
}

/** Where a code is kept: written before it is sent, cleared when the send failed. */
export interface CodeKeeper {
  put(code: { hash: string; sentAt: string; expiresAt: string }): Promise<void>;
  clear(): Promise<void>;
}

export interface CodeSendResult {
  channel: 'email' | 'sms';
  /** Masked, as the customer and the ledger see it. */
  recipient: string;
  expiresAt: string;
  /** "sent", or "failed: <why>" (for the ledger entry). */
  status: string;
  failure: Error | null;
}

/**
 * The contact a code can go to: refused with 409 when there is none on file or this server has no sender for
 * its channel. `then`: what the person reading the refusal can do about it.
 */
export async function codeContact(deps: { db: Db; senders: CodeSenders }, caseId: string, then: ErrorKey = 'code.thenAskAssessor'): Promise<Contact> {
  const to = await contactOnFile(deps.db, caseId);
  if (!to) throw new HttpError(409, 'no_contact', text('code.noContact', { then: word(then) }));
  const send = to.channel === 'email' ? deps.senders.email : deps.senders.sms;
  if (!send) throw new HttpError(409, 'no_sender', text(to.channel === 'email' ? 'code.noEmailSender' : 'code.noSmsSender', { then: word(then) }));
  return to;
}

/**
 * Sends a fresh code (replacing any earlier one, attempts reset) to the case's contact on file. Refuses with
 * 409 before anything is stored when there is no contact or no sender for its channel. A failed send keeps
 * no code and is returned, not thrown: the caller records it, then throws `codeNotSent(result)`. The words are in
 * the case's message language.
 */
export async function sendCodeToContact(
  deps: { db: Db; senders: CodeSenders; organisation: string | null; clock: () => Date },
  input: { caseId: string; reference: string | null; bindTo: string; keeper: CodeKeeper },
): Promise<CodeSendResult> {
  const to = await codeContact(deps, input.caseId);
  const code = newCode();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await input.keeper.put({ hash: codeHash(input.bindTo, code), sentAt: now.toISOString(), expiresAt });
  const language = await caseMessageLanguage(deps.db, input.caseId);
  let failure: Error | null = null;
  try {
    if (to.channel === 'email') await deps.senders.email!(to.recipient, codeEmail({ organisation: deps.organisation, code, reference: input.reference, language }));
    else await deps.senders.sms!(to.recipient, codeSms({ organisation: deps.organisation, code, language }));
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    // Not sent: a code nobody received must not stay guessable.
    await input.keeper.clear();
  }
  const status = failure === null ? 'sent' : `failed: ${failure.message}`.slice(0, 300);
  return { channel: to.channel, recipient: maskRecipient(to.channel, to.recipient), expiresAt, status, failure };
}

export const codeNotSent = (result: CodeSendResult): HttpError =>
  new HttpError(502, 'code_not_sent', text('code.notSent', { reason: result.failure?.message ?? word('code.unknownReason') }));

export type CodeVerdict = 'ok' | 'wrong' | 'expired' | 'none' | 'attempts';

/**
 * Checks a typed code. The attempt is counted in a transaction of its own that commits before any refusal:
 * a refusal that rolled the attempt back would allow guessing forever.
 */
export async function checkCode(
  db: Db,
  input: {
    /** Counts one attempt; false when the attempts were already used up (the store's conditional update). */
    countAttempt: (max: number) => Promise<boolean>;
    current: () => Promise<{ hash: string | null; expiresAt: string | null }>;
    bindTo: string;
    code: string;
    now: () => string;
  },
): Promise<CodeVerdict> {
  return db.transaction(async () => {
    if (!(await input.countAttempt(MAX_CODE_ATTEMPTS))) return 'attempts';
    const current = await input.current();
    if (current.hash === null || current.expiresAt === null) return 'none';
    if (current.expiresAt <= input.now()) return 'expired';
    return codeMatches(current.hash, input.bindTo, input.code) ? 'ok' : 'wrong';
  });
}

/** The refusal for a verdict other than 'ok'; `noCode`: the sentence for "none was sent" in the caller's words. */
export function codeRefusal(verdict: Exclude<CodeVerdict, 'ok'>, noCode: ErrorText): HttpError {
  switch (verdict) {
    case 'attempts': return new HttpError(409, 'code_attempts_used', text('code.attemptsUsed'));
    case 'none': return new HttpError(409, 'no_code_sent', noCode);
    case 'expired': return new HttpError(409, 'code_expired', text('code.expired'));
    case 'wrong': return new HttpError(409, 'code_wrong', text('code.wrong'));
  }
}
