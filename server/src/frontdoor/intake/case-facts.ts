// What the digital agent may tell a customer about their own case: its status in words, the next
// step, and the checklist items still missing. Pure: the service reads the case, this words it.
import type { CaseFacts } from '../../../../protocol/agent.ts';
import type { ChecklistView } from '../../../../protocol/checklist.ts';
import type { Decision } from '../../../../protocol/http.ts';

export interface CaseFactsInput {
  reference: string | null;
  assessorId: string | null;
  closedAt: string | null;
  decision: Decision | null;
  checklist: ChecklistView | null;
}

export function caseFacts(input: CaseFactsInput): CaseFacts {
  const missingDocuments = input.checklist?.items.filter((item) => item.status !== 'done').map((item) => item.title) ?? [];
  const state = input.closedAt !== null ? 'closed' : input.assessorId !== null ? 'being assessed' : 'open';
  const status = input.decision ? `${state}, decided: ${input.decision}` : state;
  let nextStep: string | null;
  if (input.closedAt !== null) nextStep = 'Nothing more is needed from you.';
  else if (missingDocuments.length > 0) nextStep = 'Send the missing photos from this page.';
  else if (input.decision) nextStep = 'Your assessor will contact you about the decision.';
  else if (input.assessorId !== null) nextStep = 'Your assessor reviews what you sent and contacts you.';
  else nextStep = 'A person picks up your case; you can ask for one at any time.';
  return { reference: input.reference, status, nextStep, missingDocuments };
}
