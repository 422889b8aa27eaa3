// Step 2: camera and microphone permission, with a clear way forward when it fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MediaAccessError, openMedia, type MediaMode, type MediaProblem } from './media.ts';
import { useTranslation } from 'react-i18next';

export type JoinMode = MediaMode | 'chat';

/** The message keys (customer:media.<key>Title / <key>Text) explaining each problem. */
const explain: Record<MediaProblem, string> = { denied: 'denied', 'no-device': 'noDevice', 'in-use': 'inUse', insecure: 'insecure', unsupported: 'unsupported' };

/** `first`: what to ask for first — the camera, or only the microphone for a customer who chose voice. */
export function MediaScreen(props: { first?: MediaMode; onReady: (stream: MediaStream | null, mode: JoinMode) => void }) {
  const { t } = useTranslation('customer');
  const [problem, setProblem] = useState<{ mode: MediaMode; problem: MediaProblem } | null>(null);
  const [pending, setPending] = useState(true);
  const ready = useRef(props.onReady);
  ready.current = props.onReady;
  /** Bumped per request and on unmount: only the latest request may hand over its stream. */
  const generation = useRef(0);

  const request = useCallback(async (mode: MediaMode) => {
    const mine = ++generation.current;
    setPending(true);
    setProblem(null);
    try {
      const stream = await openMedia(mode);
      if (mine === generation.current) ready.current(stream, mode);
      else stream.getTracks().forEach((t) => t.stop());
    } catch (error) {
      if (mine !== generation.current) return;
      setProblem({ mode, problem: error instanceof MediaAccessError ? error.problem : 'unsupported' });
      setPending(false);
    }
  }, []);

  const first = props.first ?? 'camera';
  useEffect(() => {
    void request(first);
    return () => {
      generation.current++;
    };
  }, [request, first]);

  if (!problem) {
    return (
      <main className="screen message-screen" data-testid="media-screen" aria-busy={pending}>
        <div className="spinner" aria-hidden="true" />
        <h1>{t('media.askTitle')}</h1>
        <p className="muted">{t('media.askText')}</p>
      </main>
    );
  }
  const key = problem.mode === 'voice' ? 'voice' : explain[problem.problem];
  const title = t(`media.${key}Title`);
  const text = t(`media.${key}Text`);
  return (
    <main className="screen" data-testid="media-problem" data-problem={problem.problem}>
      <h1>{title}</h1>
      <p>{text}</p>
      <div className="actions">
        {problem.problem !== 'insecure' && (
          <button type="button" className="btn btn-primary btn-block" data-testid="media-retry" onClick={() => void request(problem.mode)}>
            {t('tryAgain')}
          </button>
        )}
        {problem.mode === 'camera' ? (
          <button type="button" className="btn btn-block" data-testid="media-voice-only" onClick={() => void request('voice')}>
            {t('media.voiceOnly')}
          </button>
        ) : (
          <button type="button" className="btn btn-block" data-testid="media-chat-only" onClick={() => ready.current(null, 'chat')}>
            {t('media.chatOnly')}
          </button>
        )}
      </div>
    </main>
  );
}
