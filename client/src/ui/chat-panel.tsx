// The chat log and composer, used by both the customer page and the console.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { authorLabel, isMine, type ChatEntry, type ChatViewer } from './chat-words.ts';
import { formatTime } from './format.ts';
import { i18next, LANGUAGES } from '../i18n/i18n.ts';
import { foreignLanguage } from './chat-language.ts';
import { useTranslation } from 'react-i18next';

export type { ChatEntry } from './chat-words.ts';

export function ChatPanel(props: {
  lines: ChatEntry[];
  viewer: ChatViewer;
  onSend: (text: string) => void;
  disabled?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation('chat');
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLOListElement>(null);
  const count = props.lines.length;

  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    props.onSend(text);
    setDraft('');
  }

  return (
    <section className="chat" aria-label={t('label')}>
      <ol className="chat-log" ref={log} data-testid="chat-log">
        {count === 0 && <li className="chat-empty">{t('empty')}</li>}
        {props.lines.map((line) => (
          <li
            key={line.id}
            className={`chat-line ${isMine(line, props.viewer) ? 'chat-mine' : 'chat-theirs'}${line.whisper ? ' chat-whisper' : ''}`}
            data-testid="chat-line"
            data-from={line.from}
            data-author-role={line.author?.role ?? ''}
          >
            <span className="chat-meta" data-testid="chat-author">
              {authorLabel(line, props.viewer)} · {formatTime(line.at)}
              {line.whisper && t('whisper')}
              {line.delivered === false && t('sending')}
            </span>
            <WriterLanguage language={line.language} />
            <span className="chat-text">{line.text}</span>
          </li>
        ))}
      </ol>
      <form className="chat-form" onSubmit={submit}>
        <input
          data-testid="chat-input"
          value={draft}
          maxLength={4000}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={props.placeholder ?? t('placeholder')}
          aria-label={t('message')}
          disabled={props.disabled}
        />
        <button type="submit" className="btn btn-primary" data-testid="chat-send" disabled={props.disabled || !draft.trim()}>
          {t('send')}
        </button>
      </form>
    </section>
  );
}

/** The writer's language in its own name ("简体中文"), when it is not the page's. */
function WriterLanguage(props: { language: string | undefined }) {
  const language = foreignLanguage(props.language, i18next.language, LANGUAGES);
  if (!language) return null;
  return (
    <span className="chat-language" lang={language} data-testid="chat-language">
      {i18next.getFixedT(language, 'common')('language.name')}
    </span>
  );
}
