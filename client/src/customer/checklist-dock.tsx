// The photo checklist on the call page. With no assessor on the call it is the page's main content,
// open, saying that the customer works through it on their own; during a call it folds into one line
// that opens it again.
import { useState } from 'react';
import { ChecklistPanelView } from './checklist/checklist-panel.tsx';
import { doneCount } from './checklist/checklist-state.ts';
import type { Checklist } from './checklist/use-checklist.ts';
import { useTranslation } from 'react-i18next';

export function ChecklistDock(props: { checklist: Checklist; stream: MediaStream | null; main: boolean }) {
  const { t } = useTranslation('customer');
  const [open, setOpen] = useState(false);
  const view = props.checklist.view;
  if (!view) return null;
  if (props.main) {
    return (
      <section className="checklist-dock checklist-dock-main" data-testid="guided-capture" aria-label={t('checklist.label')}>
        <p className="checklist-dock-note">{t('checklist.alone')}</p>
        <ChecklistPanelView checklist={props.checklist} stream={props.stream} />
      </section>
    );
  }
  return (
    <section className={`checklist-dock ${open ? 'checklist-dock-open' : ''}`} aria-label={t('checklist.label')}>
      <button type="button" className="checklist-dock-toggle" data-testid="checklist-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span>
          {t('checklist.progress', { done: doneCount(view), total: view.items.length })}
        </span>
        <span aria-hidden="true">{open ? '▾' : '▴'}</span>
      </button>
      {open && <ChecklistPanelView checklist={props.checklist} stream={props.stream} />}
    </section>
  );
}
