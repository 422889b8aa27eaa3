// What the digital agent may tell a customer about their own case: its status in words, the next
// step, and the checklist items still missing, in the customer's language (agent.json; the checklist's
// titles come already in it). Pure: the service reads the case, this words it.
import type { CaseFacts } from '../../../../protocol/agent.ts';
import type { ChecklistView } from '../../../../protocol/checklist.ts';
import type { Decision } from '../../../../protocol/http.ts';
import { translators, type Translator } from '../../i18n/translate.ts';

export interface CaseFactsInput {
  reference: string | null;
  assessorId: string | null;
  closedAt: string | null;
  decision: Decision | null;
  checklist: ChecklistView | null;
}

export function caseFacts(input: CaseFactsInput, words: Translator = translators().for(null)): CaseFacts {
  const { t } = words;
  const missingDocuments = input.checklist?.items.filter((item) => item.status !== 'done').map((item) => item.title) ?? [];
  const state = t(input.closedAt !== null ? 'agent:facts.closed' : input.assessorId !== null ? 'agent:facts.beingAssessed' : 'agent:facts.open');
  const status = input.decision ? t('agent:facts.decided', { state, decision: t(`agent:facts.decision.${input.decision}`) }) : state;
  let nextStep: string;
  if (input.closedAt !== null) nextStep = t('agent:facts.nextClosed');
  else if (missingDocuments.length > 0) nextStep = t('agent:facts.nextMissing');
  else if (input.decision) nextStep = t('agent:facts.nextDecided');
  else if (input.assessorId !== null) nextStep = t('agent:facts.nextAssessing');
  else nextStep = t('agent:facts.nextOpen');
  return { reference: input.reference, status, nextStep, missingDocuments };
}
