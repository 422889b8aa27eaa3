// Chat as a sheet over the call (a side panel on a wide screen): typeable before the assessor is
// there — each line is stored with the case over HTTP and the assessor sees it when they open the case.
// On a phone the sheet covers the control bar, so it is modal there: Tab stays in it until it closes.
import { useRef } from 'react';
import { ChatPanel, type ChatEntry } from '../ui/chat-panel.tsx';
import { useMediaQuery } from '../ui/use-media-query.ts';
import { useTranslation } from 'react-i18next';
import { useDialogFocus } from './use-dialog-focus.ts';

/** Where the sheet becomes a side panel beside the call (customer.css uses the same width). */
const SIDE_PANEL = '(min-width: 900px)';

const CUSTOMER = { side: 'customer' } as const;

export function ChatSheet(props: { lines: ChatEntry[]; assessorName: string | null; live: boolean; onSend: (text: string) => void; onClose: () => void }) {
  const sheet = useRef<HTMLElement>(null);
  const modal = !useMediaQuery(SIDE_PANEL);
  useDialogFocus(sheet, { modal, onClose: props.onClose, initial: 'input' });

  const { t } = useTranslation('customer');
  const who = props.assessorName ?? t('yourAssessor');
  return (
    <section ref={sheet} className="chat-sheet" role="dialog" aria-modal={modal} aria-labelledby="chat-sheet-title" data-testid="chat-sheet">
      <header className="chat-sheet-head">
        <div>
          <strong id="chat-sheet-title">{t('chat.title', { name: who })}</strong>
          <span className="chat-sheet-note">{props.live ? t('chat.liveNote') : t('chat.savedNote', { name: who })}</span>
        </div>
        <button type="button" className="btn btn-small" data-testid="chat-close" onClick={props.onClose}>
          {t('chat.close')}
        </button>
      </header>
      <ChatPanel lines={props.lines} viewer={CUSTOMER} onSend={props.onSend} placeholder={t('chat.placeholder')} />
    </section>
  );
}
