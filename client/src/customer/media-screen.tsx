// Step 2: camera and microphone permission, with a clear way forward when it fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MediaAccessError, openMedia, type MediaMode, type MediaProblem } from './media.ts';

export type JoinMode = MediaMode | 'chat';

const explain: Record<MediaProblem, { title: string; text: string }> = {
  denied: {
    title: 'Camera access is blocked',
    text: 'Your browser did not allow the camera. Tap the lock or camera icon in the address bar, allow the camera and microphone, then try again.',
  },
  'no-device': { title: 'No camera found', text: 'This device has no camera we can use. You can still join with your voice.' },
  'in-use': { title: 'The camera is busy', text: 'Another app is using the camera. Close it and try again, or join with your voice.' },
  insecure: { title: 'This page is not secure', text: 'Camera access needs a secure (https) link. Ask your assessor for a new link.' },
  unsupported: { title: 'Camera not supported', text: 'This browser cannot share the camera. Try Chrome or Safari, or join with your voice.' },
};

/** `first`: what to ask for first — the camera, or only the microphone for a customer who chose voice. */
export function MediaScreen(props: { first?: MediaMode; onReady: (stream: MediaStream | null, mode: JoinMode) => void }) {
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
        <h1>Allow camera and microphone</h1>
        <p className="muted">Your browser will ask for permission. Tap “Allow” so your assessor can see and hear you.</p>
      </main>
    );
  }
  const { title, text } = problem.mode === 'voice' ? { title: 'Microphone unavailable', text: 'We could not use your microphone either. You can still chat with your assessor in writing.' } : explain[problem.problem];
  return (
    <main className="screen" data-testid="media-problem" data-problem={problem.problem}>
      <h1>{title}</h1>
      <p>{text}</p>
      <div className="actions">
        {problem.problem !== 'insecure' && (
          <button type="button" className="btn btn-primary btn-block" data-testid="media-retry" onClick={() => void request(problem.mode)}>
            Try again
          </button>
        )}
        {problem.mode === 'camera' ? (
          <button type="button" className="btn btn-block" data-testid="media-voice-only" onClick={() => void request('voice')}>
            Continue with voice only
          </button>
        ) : (
          <button type="button" className="btn btn-block" data-testid="media-chat-only" onClick={() => ready.current(null, 'chat')}>
            Continue with chat only
          </button>
        )}
      </div>
    </main>
  );
}
