// Case outcomes. A changed decision is a new outcome that names the one it supersedes; none is edited.
import type { OutcomeBody, OutcomeView, User } from '../../../protocol/http.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';

interface Row {
  id: string; case_id: string; decision: OutcomeView['decision']; reason: string; amount: number | null;
  currency: string | null; damage_items: string; decided_by: string; at: string; supersedes: string | null;
}

const toView = (r: Row): OutcomeView => ({
  id: r.id, caseId: r.case_id, decision: r.decision, reason: r.reason, amount: r.amount, currency: r.currency,
  damageItems: JSON.parse(r.damage_items) as OutcomeView['damageItems'], decidedBy: r.decided_by, at: r.at, supersedes: r.supersedes,
});

export type OutcomeService = ReturnType<typeof createOutcomeService>;

export function createOutcomeService(deps: { db: Db; ledger: LedgerStore; cases: CaseService; hub: EventHub; clock: () => Date }) {
  const { db, ledger, hub, clock } = deps;
  const latest = db.prepare<[string], Row>('SELECT * FROM outcomes WHERE case_id = ? ORDER BY at DESC, rowid DESC LIMIT 1');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM outcomes WHERE case_id = ? ORDER BY at, rowid');
  return {
    list: (caseId: string): OutcomeView[] => listStmt.all(caseId).map(toView),

    record(user: User, caseId: string, body: OutcomeBody): OutcomeView {
      const caseRecord = deps.cases.authorize({ kind: 'user', user }, caseId);
      const outcome = db.transaction((): OutcomeView => {
        const previous = latest.get(caseId);
        const view: OutcomeView = {
          id: newId('out'),
          caseId,
          decision: body.decision,
          reason: body.reason,
          amount: body.amount ?? null,
          currency: body.currency ?? null,
          damageItems: body.damageItems,
          decidedBy: user.id,
          at: clock().toISOString(),
          supersedes: previous?.id ?? null,
        };
        db.prepare(
          `INSERT INTO outcomes (id, case_id, decision, reason, amount, currency, damage_items, decided_by, at, supersedes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(view.id, caseId, view.decision, view.reason, view.amount, view.currency, JSON.stringify(view.damageItems), user.id, view.at, view.supersedes);
        const { id, decision, reason, amount, currency, damageItems, supersedes } = view;
        ledger.append({
          caseId,
          actor: { type: 'assessor', id: user.id },
          type: 'outcome.recorded',
          payload: { outcomeId: id, decision, reason, amount, currency, damageItems, supersedes },
        });
        return view;
      }).immediate();
      hub.publish(caseRecord.assessorId, { type: 'outcome', outcome });
      deps.cases.publish(caseId);
      return outcome;
    },
  };
}
