// The customer's side of the front door: an intake opens a case (or reaches their existing one, by its
// join link or a one-time code), the digital agent answers on the case's link, and a hand-off puts the
// case in the queue with the summary the person reads first; the customer's place, leaving, a callback.
// The agent and the codes speak the customer's language: the one their page sends with the intake, else
// the case's message language.
import { AGENT_LABEL, type AgentAnswer } from '../../../../protocol/agent.ts';
import { checklistState, type ChecklistCapture } from '../../../../protocol/checklist.ts';
import type { CaseFrontDoorView, FrontDoorView, IntakeBody, IntakeCreated, QueuePlace } from '../../../../protocol/intake.ts';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import type { Bookable } from '../../../../protocol/tour.ts';
import type { User } from '../../../../protocol/http.ts';
import type { Principal } from '../../auth/principal.ts';
import { newId } from '../../auth/tokens.ts';
import type { CaseService } from '../../cases/case-service.ts';
import type { CaseRecord, CaseStore } from '../../cases/case-store.ts';
import { localChecklist } from '../../checklist/checklist-words.ts';
import { badRequest, HttpError, notFound, text } from '../../errors.ts';
import type { Languages } from '../../i18n/languages.ts';
import { translators, type Translator } from '../../i18n/translate.ts';
import type { LedgerStore } from '../../ledger/ledger-store.ts';
import type { SendEmail } from '../../links/email-sender.ts';
import { messageLanguage } from '../../links/message-language.ts';
import type { SendSms } from '../../links/sms-sender.ts';
import type { Db } from '../../storage/database.ts';
import { answer } from '../agent/agent.ts';
import { summarise } from '../agent/hand-off-summary.ts';
import type { KbSearch } from '../agent/kb-search.ts';
import type { QueueService } from '../queue-service.ts';
import { caseFacts } from './case-facts.ts';
import type { FrontDoorReader } from './front-door-view.ts';
import type { IntakeStore, StoredIntake } from './intake-store.ts';
import { CODE_TTL_MS, codeEmail, codeHash, codeMatches, codeSms, MAX_CODE_ATTEMPTS, newCode, newReference, NO_CASE, UNMATCHABLE_HASH } from './one-time-code.ts';
import { SERVICE_ROUTES } from './service-routing.ts';

type Customer = Extract<Principal, { kind: 'customer' }>;

/** Who the intake is for: a new case, the case whose join link was presented, or the case a one-time code proves. */
export type IntakeFor =
  | { kind: 'new' }
  | { kind: 'link'; customer: Customer; token: string }
  | { kind: 'code'; reference: string; code: string };

export interface IntakeServiceDeps {
  db: Db;
  store: IntakeStore;
  reader: FrontDoorReader;
  cases: CaseService;
  /** setCustomerLanguage: the language the intake's page was in becomes the customer's. */
  caseStore: Pick<CaseStore, 'byId' | 'setCustomerLanguage'>;
  /** The languages a page may say it is in. */
  languages: Languages;
  checklistCaptures: (caseId: string) => Promise<ChecklistCapture[]>;
  ledger: LedgerStore;
  queue: QueueService;
  kb: KbSearch;
  /** A tour's booking options (for a preview's "what can I book?"); [] when the tour is unknown. */
  bookables: (tourId: string) => readonly Bookable[];
  clock: () => Date;
  organisation: string | null;
  senders: { email: SendEmail | null; sms: SendSms | null };
  /** Where a failed code send is reported (the customer was already answered 202). */
  onError: (error: unknown, what: string) => void;
}

const AGENT = { type: 'system', id: 'digital-agent' } as const;
const codeRefused = () => new HttpError(401, 'code_rejected', text('code.rejected'));

const cut = (text: string, max: number): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export function createIntakeService(deps: IntakeServiceDeps) {
  const { db, store, reader, cases, ledger, queue, clock } = deps;
  const customerActor = (tokenId: string) => ({ type: 'customer' as const, id: tokenId });

  const factsOf = async (record: CaseRecord, words: Translator) => caseFacts({
    reference: record.reference,
    assessorId: record.assessorId,
    closedAt: record.closedAt,
    decision: record.decision,
    checklist: record.checklist === null ? null : localChecklist(checklistState(record.checklist, await deps.checklistCaptures(record.id)), words),
  }, words);

  const ask = (record: CaseRecord | null, service: StoredIntake['service'], question: string, locale: string | undefined, facts: Awaited<ReturnType<typeof factsOf>>, words: Translator): AgentAnswer =>
    answer({
      service, intent: question, caseFacts: facts,
      ...(service === 'preview' && record?.tour ? { bookables: [...deps.bookables(record.tour)] } : {}),
      ...(locale ? { locale } : {}),
    }, deps.kb, words.language);

  /** The intake's page language, checked (400 for one the service does not speak); null when it sent none. */
  const pageLanguage = (body: IntakeBody): string | null => (body.language === undefined ? null : deps.languages.require(body.language, 'language'));

  /** Records the intake page's language as the customer's, telling the console when it changed. */
  const keepLanguage = async (caseId: string, language: string | null): Promise<void> => {
    if (language !== null && (await deps.caseStore.setCustomerLanguage(caseId, language))) await cases.publish(caseId);
  };

  /** In the caller's transaction: the intake row, intake.received, the agent's answer to the intent. */
  const recordIntake = async (caseId: string, tokenId: string, body: IntakeBody, existingCase: boolean, reply: AgentAnswer): Promise<string> => {
    const intakeId = newId('in');
    await store.insert({ id: intakeId, caseId, service: body.service, intent: body.intent, channel: body.channel, createdAt: clock().toISOString() });
    await ledger.append({ caseId, actor: customerActor(tokenId), type: 'intake.received', payload: { intakeId, service: body.service, intent: body.intent, channel: body.channel, existingCase } });
    await ledger.append({ caseId, actor: AGENT, type: 'agent.answered', payload: { question: body.intent, answer: reply.text, source: reply.source, handOff: reply.handOff } });
    if (reply.handOff === 'none') await store.setOutcome(intakeId, 'answered');
    return intakeId;
  };

  /** A fresh reference no case has (a clash among a billion is retried, not trusted to luck). */
  const freshReference = async (): Promise<string> => {
    for (let i = 0; i < 5; i++) {
      const reference = newReference();
      if (!(await store.referenceTaken(reference))) return reference;
    }
    throw new Error('could not find a free case reference in 5 tries');
  };

  /**
   * Checks a reference and code with the same work whatever the reference names: one read of the case,
   * one of a code, one hash compared in constant time, one counted attempt. The attempt is counted (and
   * committed) before the answer, so five wrong guesses void the code even the right one then fails.
   */
  const verifyCode = async (reference: string, code: string): Promise<string> => {
    const verdict = await db.transaction(async () => {
      const caseId = await store.caseIdByReference(reference);
      const subject = caseId ?? NO_CASE;
      const stored = await store.code(subject);
      const matched = codeMatches(stored?.codeHash ?? UNMATCHABLE_HASH, subject, code);
      const counted = await store.countAttempt(subject, MAX_CODE_ATTEMPTS);
      return caseId !== null && stored !== null && counted && matched && stored.expiresAt > clock().toISOString() ? caseId : null;
    });
    // Refused after the commit: a refusal that rolled the attempt back would allow guessing forever.
    if (verdict === null) throw codeRefused();
    return verdict;
  };

  const latestIntake = async (caseId: string): Promise<StoredIntake> => {
    const intake = await store.latest(caseId);
    if (!intake) throw new HttpError(409, 'no_intake', text('intake.noIntake'));
    return intake;
  };

  const openCase = async (caseId: string): Promise<CaseRecord> => {
    const record = await deps.caseStore.byId(caseId);
    if (!record) throw notFound('case');
    if (record.closedAt !== null) throw new HttpError(409, 'case_closed', text('intake.caseClosed'));
    return record;
  };

  /** Sends a code for the case with this reference to where its link last went; nothing when there is no such case or no send. */
  const sendCode = async (reference: string): Promise<void> => {
    const caseId = await store.caseIdByReference(reference);
    if (caseId === null) return;
    const record = await deps.caseStore.byId(caseId);
    const language = record ? messageLanguage(record) : null;
    const to = await store.lastRecipient(caseId);
    const send = to?.channel === 'email' ? deps.senders.email : to?.channel === 'sms' ? deps.senders.sms : null;
    if (!to || !send) return;
    const code = newCode();
    const now = clock();
    await store.putCode({ caseId, codeHash: codeHash(caseId, code), sentAt: now.toISOString(), expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString() });
    try {
      if (to.channel === 'email') await deps.senders.email!(to.recipient, codeEmail({ organisation: deps.organisation, code, reference, language }));
      else await deps.senders.sms!(to.recipient, codeSms({ organisation: deps.organisation, code, language }));
    } catch (error) {
      // Not sent: a code nobody received must not stay guessable.
      await store.deleteCode(caseId);
      throw error;
    }
  };

  return {
    async intake(body: IntakeBody, who: IntakeFor, joinBase: string): Promise<IntakeCreated> {
      if (body.tour !== undefined && body.service !== 'preview') throw badRequest('invalid_input', text('intake.tourOnlyPreview'));
      const language = pageLanguage(body);
      if (who.kind === 'new') {
        const words = translators().for(language);
        const reference = await freshReference();
        const facts = caseFacts({ reference, assessorId: null, closedAt: null, decision: null, checklist: null }, words);
        const reply = ask(null, body.service, body.intent, body.locale, facts, words);
        const opened = await db.transaction(async () => {
          const created = await cases.openFromIntake({
            kind: body.service === 'preview' ? 'preview' : 'damage',
            // In the customer's language: the title is what their page shows for the case.
            title: words.t('agent:caseTitle', { service: words.t(`agent:caseService.${body.service}`), intent: cut(body.intent, 60) }),
            customerName: body.customerName ?? null,
            tour: body.tour ?? null,
            reference,
            language,
          }, joinBase);
          const intakeId = await recordIntake(created.case.id, created.tokenId, body, false, reply);
          if (language !== null) await deps.caseStore.setCustomerLanguage(created.case.id, language);
          return { created, intakeId };
        });
        await cases.publish(opened.created.case.id);
        return { intakeId: opened.intakeId, caseId: opened.created.case.id, reference, joinToken: opened.created.token, joinUrl: opened.created.joinUrl, answer: reply };
      }
      if (who.kind === 'link') {
        const record = await openCase(who.customer.caseId);
        const words = translators().for(language ?? messageLanguage(record));
        const reply = ask(record, body.service, body.intent, body.locale, await factsOf(record, words), words);
        const intakeId = await db.transaction(() => recordIntake(record.id, who.customer.tokenId, body, true, reply));
        await keepLanguage(record.id, language);
        return { intakeId, caseId: record.id, reference: record.reference, joinToken: who.token, joinUrl: `${joinBase}/j#${who.token}`, answer: reply };
      }
      const caseId = await verifyCode(who.reference, who.code);
      const record = await openCase(caseId);
      const words = translators().for(language ?? messageLanguage(record));
      const reply = ask(record, body.service, body.intent, body.locale, await factsOf(record, words), words);
      const done = await db.transaction(async () => {
        await store.deleteCode(caseId);
        const created = await cases.issueForCustomer(caseId, joinBase);
        return { created, intakeId: await recordIntake(caseId, created.tokenId, body, true, reply) };
      });
      await cases.linkReplaced(caseId);
      await keepLanguage(caseId, language);
      return { intakeId: done.intakeId, caseId, reference: record.reference, joinToken: done.created.token, joinUrl: done.created.joinUrl, answer: reply };
    },

    /** `sendCode` for a route that has answered 202 already (no enumeration): never rejects, reports failures. */
    async sendCode(reference: string): Promise<void> {
      try {
        await sendCode(reference);
      } catch (error) {
        deps.onError(error, 'could not send a one-time code');
      }
    },

    /** One more question to the agent, answered from the case's facts or the knowledge base, and ledgered. */
    async ask(customer: Customer, question: string): Promise<AgentAnswer> {
      const record = await openCase(customer.caseId);
      const intake = await latestIntake(record.id);
      const words = translators().for(messageLanguage(record));
      const reply = ask(record, intake.service, question, undefined, await factsOf(record, words), words);
      await db.transaction(async () => {
        await ledger.append({ caseId: record.id, actor: AGENT, type: 'agent.answered', payload: { question, answer: reply.text, source: reply.source, handOff: reply.handOff } });
        if (intake.outcome === 'open' && reply.handOff === 'none') await store.setOutcome(intake.id, 'answered');
      });
      return reply;
    },

    /** To a person: the summary, then the queue entry (service's skills and priority). A second hand-off while queued is the same place. */
    async handOff(customer: Customer, channel: QueueChannel | undefined): Promise<QueuePlace> {
      const record = await openCase(customer.caseId);
      const intake = await latestIntake(record.id);
      const current = await reader.place(record.id);
      if (current.state === 'waiting' || current.state === 'offered' || current.state === 'assigned') return current;
      const turns = (await reader.turns(intake)).map((t) => ({ question: t.question, answer: { speaker: 'digital-agent' as const, label: AGENT_LABEL as typeof AGENT_LABEL, text: t.answer, source: t.source, handOff: t.handOff, confidence: 0 } }));
      const summary = summarise({ service: intake.service, intent: intake.intent, turns, photos: await store.customerPhotos(record.id) });
      const route = SERVICE_ROUTES[intake.service];
      try {
        await queue.enqueue(customerActor(customer.tokenId), {
          caseId: record.id, channel: channel ?? intake.channel, priority: route.priority, steps: route.steps, service: intake.service, summary: JSON.stringify(summary),
        }, async () => {
          await ledger.append({ caseId: record.id, actor: AGENT, type: 'agent.handed-off', payload: { summary: summary.text, reason: summary.reason } });
          await store.setOutcome(intake.id, 'handed-off', clock().toISOString());
        });
      } catch (error) {
        // Two hand-offs at once: the other one queued the case; this one answers with the same place.
        if (!(error instanceof HttpError && error.code === 'already_queued')) throw error;
      }
      return reader.place(record.id);
    },

    place: (customer: Customer): Promise<QueuePlace> => reader.place(customer.caseId),

    /** Leaving the queue before anyone answered: abandonment, on the intake too. */
    async leave(customer: Customer): Promise<QueuePlace> {
      const intake = await store.latest(customer.caseId);
      await queue.leave(customer.caseId, customerActor(customer.tokenId), async () => {
        if (intake) await store.setOutcome(intake.id, 'left');
      });
      return reader.place(customer.caseId);
    },

    async callback(customer: Customer, callback: { phone: string; note: string | null }): Promise<QueuePlace> {
      await queue.requestCallback(customer.caseId, customerActor(customer.tokenId), callback);
      return reader.place(customer.caseId);
    },

    frontDoorView: (caseId: string): Promise<FrontDoorView | null> => reader.view(caseId),

    /** For whoever may read the case: the intake, the agent's answers, the hand-off summary and any callback. */
    async caseFrontDoor(user: User, caseId: string): Promise<CaseFrontDoorView> {
      // An invited expert reads how the customer came in too: the summary is what they are asked to help with.
      await cases.authorize({ kind: 'user', user }, caseId, 'participants');
      const intake = await store.latest(caseId);
      if (!intake) throw new HttpError(404, 'not_found', text('intake.notFrontDoor'));
      const entry = (await queue.placeOf(caseId))?.entry ?? null;
      const offered = entry === null ? null : queue.frontDoorOf(entry);
      return {
        intake: { id: intake.id, service: intake.service, intent: intake.intent, channel: intake.channel, createdAt: intake.createdAt, outcome: intake.outcome },
        turns: await reader.turns(intake),
        summary: offered?.summary ?? null,
        callback: offered?.callback ?? null,
      };
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
