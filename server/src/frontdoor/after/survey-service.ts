// The customer's satisfaction survey: one answer per join link. A link is one contact: the front door
// issues a new link for every intake (IntakeCreated.joinToken), while a call dropped and joined again on
// the same link is the same session and must not count twice in the satisfaction KPI.
import type { SurveyBody, SurveyView } from '../../../../protocol/after-session.ts';
import type { Principal } from '../../auth/principal.ts';
import { HttpError, text } from '../../errors.ts';
import type { LedgerStore } from '../../ledger/ledger-store.ts';
import type { Db } from '../../storage/database.ts';
import type { AfterStore } from './after-store.ts';

type Customer = Extract<Principal, { kind: 'customer' }>;

/** The survey's id follows from the link's, so "once per link" is the table's primary key. */
const surveyIdOf = (customer: Customer): string => `sv_${customer.tokenId}`;

export type SurveyService = ReturnType<typeof createSurveyService>;

export function createSurveyService(deps: { db: Db; store: AfterStore; ledger: LedgerStore; clock: () => Date }) {
  const { db, store, ledger } = deps;
  return {
    /** The answer this link gave; null before it answers. */
    answerOf: (customer: Customer): Promise<SurveyView | null> => store.survey(surveyIdOf(customer)),

    async answer(customer: Customer, body: SurveyBody): Promise<SurveyView> {
      const id = surveyIdOf(customer);
      const survey: SurveyView = { id, caseId: customer.caseId, score: body.score, comment: body.comment || null, answeredAt: deps.clock().toISOString() };
      await db.transaction(async () => {
        // Two answers sent at once take turns here, so the second finds the first and gets 409, not a 500.
        await db.lockInTransaction(`survey:${id}`);
        if (await store.survey(id)) throw new HttpError(409, 'already_answered', text('survey.alreadyAnswered'));
        await store.insertSurvey(survey);
        await ledger.append({ caseId: customer.caseId, actor: { type: 'customer', id: customer.tokenId }, type: 'survey.answered', payload: { surveyId: id, score: survey.score, comment: survey.comment } });
      });
      return survey;
    },
  };
}
