// Guided capture on the server: refuses a photo for an item the case's checklist does not have,
// records each photo's verdict as `checklist.captured` inside the photo's own transaction, and folds
// the verdicts into the state the customer page (in the customer's language) and the console show.
import { checklistState, type ChecklistCapture, type ChecklistView } from '../../../protocol/checklist.ts';
import type { LedgerActor } from '../../../protocol/http.ts';
import type { Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { CaseRecord } from '../cases/case-store.ts';
import { badRequest, HttpError, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { translators } from '../i18n/translate.ts';
import { messageLanguage } from '../links/message-language.ts';
import { checklistItemRefusal, judgePhoto } from './checklist-rules.ts';
import type { ChecklistStore } from './checklist-store.ts';
import { localChecklist } from './checklist-words.ts';

export const CHECKLIST_CAPTURED = 'checklist.captured';

export interface ChecklistServiceDeps {
  store: ChecklistStore;
  cases: CaseService;
  ledger: LedgerStore;
  hub: EventHub;
}

export type ChecklistService = ReturnType<typeof createChecklistService>;

export function createChecklistService(deps: ChecklistServiceDeps) {
  const { store, ledger, hub } = deps;

  const stateOf = async (record: CaseRecord): Promise<ChecklistView | null> =>
    record.checklist === null ? null : checklistState(record.checklist, await store.list(record.id));

  return {
    stateOf,

    /** Throws the 422 for a photo that cannot be filed under `itemId` in this case. */
    check(record: CaseRecord, itemId: string): void {
      const refusal = checklistItemRefusal(record.checklist, itemId);
      if (refusal) throw refusal;
    },

    /** Judges a stored photo and appends its verdict; call inside the transaction that adds the photo. */
    async capture(record: CaseRecord, actor: LedgerActor, photo: { itemId: string; evidenceId: string; blurry: boolean; brightness: number }): Promise<ChecklistCapture> {
      const { itemId, evidenceId } = photo;
      const { accepted, problems } = judgePhoto(photo);
      const entry = await ledger.append({ caseId: record.id, actor, type: CHECKLIST_CAPTURED, payload: { itemId, evidenceId, accepted, problems } });
      const capture: ChecklistCapture = { itemId, evidenceId, accepted, problems, at: entry.at };
      await store.insert(record.id, capture, entry.seq);
      return capture;
    },

    /** The verdicts of a case's photos, by evidence id. */
    byEvidence: async (caseId: string): Promise<Map<string, ChecklistCapture>> => new Map((await store.list(caseId)).map((c) => [c.evidenceId, c])),

    /**
     * The checklist state, for the customer (in `language`, their page's, else the case's message language)
     * or the case's assessor (the templates' words); 400 for a language the service does not speak, 404 when
     * the case has none.
     */
    async view(principal: Principal, caseId: string, language?: string): Promise<ChecklistView> {
      const spoken = language === undefined ? undefined : translators().languages.find((l) => l.toLowerCase() === language.toLowerCase());
      if (language !== undefined && spoken === undefined) {
        throw badRequest('invalid_input', text('language.notSpokenQuery', { tag: language, languages: translators().languages.join(', ') }));
      }
      const record = await deps.cases.authorize(principal, caseId);
      const state = await stateOf(record);
      if (!state) throw new HttpError(404, 'no_checklist', text('checklist.none'));
      return principal.kind === 'customer' ? localChecklist(state, translators().for(spoken ?? messageLanguage(record))) : state;
    },

    /** Tells the console the new state after a capture committed. */
    async publish(record: CaseRecord): Promise<void> {
      const state = await stateOf(record);
      if (state) hub.publish(record.assessorId, { type: 'checklist', caseId: record.id, checklist: state });
    },
  };
}
