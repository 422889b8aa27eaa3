// The chat log and composer, used by both the customer page and the console.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatTime } from './format.ts';

export interface ChatEntry {
  id: string;
  from: 'customer' | 'assessor';
  text: string;
  at: string;
  /** False while a line sent by this page is not yet confirmed delivered or stored. */
  delivered?: boolean;
}

export function ChatPanel(props: {
  lines: ChatEntry[];
  self: 'customer' | 'assessor';
  onSend: (text: string) => void;
  disabled?: boolean;
  placeholder?: string;
}) {
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

  const otherName = props.self === 'customer' ? 'Assessor' : 'Customer';
  return (
    <section className="chat" aria-label="Chat">
      <ol className="chat-log" ref={log} data-testid="chat-log">
        {count === 0 && <li className="chat-empty">No messages yet.</li>}
        {props.lines.map((line) => (
          <li key={line.id} className={`chat-line ${line.from === props.self ? 'chat-mine' : 'chat-theirs'}`} data-testid="chat-line" data-from={line.from}>
            <span className="chat-meta">
              {line.from === props.self ? 'You' : otherName} · {formatTime(line.at)}
              {line.delivered === false && ' · sending…'}
            </span>
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
          placeholder={props.placeholder ?? 'Type a message'}
          aria-label="Message"
          disabled={props.disabled}
        />
        <button type="submit" className="btn btn-primary" data-testid="chat-send" disabled={props.disabled || !draft.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
