// Inline banners and short-lived toasts: how errors reach the person (never alert()).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** `quiet`: not a live region — the page's own announcer says it (the customer's call page), so it is not said twice. */
export function Banner(props: { tone: Tone; children: ReactNode; onDismiss?: () => void; testId?: string; quiet?: boolean }) {
  const { t } = useTranslation('ui');
  const role = props.quiet ? undefined : props.tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`banner banner-${props.tone}`} role={role} data-testid={props.testId ?? 'banner'}>
      <div className="banner-text">{props.children}</div>
      {props.onDismiss && (
        <button type="button" className="banner-close" aria-label={t('dismiss')} onClick={props.onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

export interface Toast {
  id: number;
  tone: Tone;
  text: string;
}

export interface NoticeOptions {
  /** Takes the toast down early when aborted: a notice that waits on someone else goes when they have answered. */
  until?: AbortSignal;
}

export type Notify = (tone: Tone, text: string, options?: NoticeOptions) => void;

/** A small queue of toasts that dismiss themselves; timers and `until` listeners are cleared on unmount. */
export function useToasts(lifetimeMs = 6000) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, { timer: ReturnType<typeof setTimeout>; unwatch: () => void }>());
  const next = useRef(1);

  const dismiss = useCallback((id: number) => {
    const held = timers.current.get(id);
    if (held) {
      clearTimeout(held.timer);
      held.unwatch();
    }
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const push = useCallback<Notify>(
    (tone, text, options) => {
      const until = options?.until;
      if (until?.aborted) return;
      const id = next.current++;
      setToasts((list) => [...list.slice(-3), { id, tone, text }]);
      const timer = setTimeout(() => dismiss(id), tone === 'error' ? lifetimeMs * 2 : lifetimeMs);
      const answered = () => dismiss(id);
      until?.addEventListener('abort', answered, { once: true });
      timers.current.set(id, { timer, unwatch: () => until?.removeEventListener('abort', answered) });
    },
    [dismiss, lifetimeMs],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const held of pending.values()) {
        clearTimeout(held.timer);
        held.unwatch();
      }
      pending.clear();
    };
  }, []);

  return { toasts, push, dismiss };
}

export function ToastStack(props: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toast-stack" aria-live="polite" data-testid="toasts">
      {props.toasts.map((toast) => (
        <Banner key={toast.id} tone={toast.tone} onDismiss={() => props.onDismiss(toast.id)} testId={`toast-${toast.tone}`}>
          {toast.text}
        </Banner>
      ))}
    </div>
  );
}
