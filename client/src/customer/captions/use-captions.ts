// Live captions of the assessor's speech, when the customer turns them on: asks the device whether it can
// recognise the page's language locally, offers the one-time download where it can, and runs a
// recogniser on the assessor's audio track (restarted when a session ends or the track is replaced).
// Any failure is final for the call and shown as "not available" with the chat offered instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formattingLocale } from '../../i18n/languages.ts';
import { captionTail, decideCaptions, type CaptionsDecision, type OnDeviceStatus } from './captions-support.ts';
import { createRecognition, installLanguage, onDeviceStatus, speechFeatures, transcriptOf } from './speech-recognition.ts';

/** How often to ask again while a language downloads. */
const DOWNLOAD_POLL_MS = 3000;
/** A pause before a recogniser that ended (silence, a time limit) listens again. */
const RESTART_MS = 300;
/** Errors after which listening on goes nowhere: the rest (no speech heard, aborted) only end a session. */
const PASSING_ERRORS = new Set(['no-speech', 'aborted']);

export interface Captions {
  on: boolean;
  decision: CaptionsDecision;
  /** The last words heard, earlier sessions first. */
  text: string;
  toggle: () => void;
  /** Installs the language on the device; call from the customer's tap. */
  download: () => void;
}

/** `language`: the page's; the assessor is taken to speak it. */
export function useCaptions(remoteAudio: MediaStream | null, language: string): Captions {
  const [features] = useState(speechFeatures);
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<{ language: string; value: OnDeviceStatus } | null>(null);
  const [failed, setFailed] = useState(false);
  const [earlier, setEarlier] = useState('');
  const [current, setCurrent] = useState('');
  const heard = useRef('');
  const locale = formattingLocale(language, typeof navigator === 'undefined' ? [] : navigator.languages);
  const separator = language.startsWith('zh') ? '' : ' ';
  const known = status?.language === locale ? status.value : null;
  const track = remoteAudio?.getAudioTracks()[0] ?? null;
  const decision: CaptionsDecision = failed ? 'unavailable' : decideCaptions(features, known, track !== null);

  useEffect(() => {
    if (!on || decision !== 'checking') return;
    let live = true;
    void onDeviceStatus(locale).then((value) => live && setStatus({ language: locale, value }));
    return () => {
      live = false;
    };
  }, [on, decision, locale]);

  useEffect(() => {
    if (!on || decision !== 'downloading') return;
    const timer = setInterval(() => void onDeviceStatus(locale).then((value) => setStatus({ language: locale, value })), DOWNLOAD_POLL_MS);
    return () => clearInterval(timer);
  }, [on, decision, locale]);

  useEffect(() => {
    if (!on || decision !== 'ready' || !track) return;
    let stopped = false;
    let restart: ReturnType<typeof setTimeout> | undefined;
    let recognition = createRecognition(locale);
    const listen = (): void => {
      if (!recognition || stopped) return;
      recognition.onresult = (event) => {
        heard.current = transcriptOf(event, separator);
        setCurrent(heard.current);
      };
      recognition.onerror = (event) => {
        if (PASSING_ERRORS.has(event.error)) return;
        stopped = true;
        setFailed(true);
      };
      recognition.onend = () => {
        const said = heard.current;
        heard.current = '';
        setEarlier((before) => captionTail(before, said, 400, separator));
        setCurrent('');
        if (stopped) return;
        recognition = createRecognition(locale);
        restart = setTimeout(listen, RESTART_MS);
      };
      try {
        recognition.start(track);
      } catch {
        // A browser whose start() takes no track (TypeError) would not caption the assessor.
        stopped = true;
        setFailed(true);
      }
    };
    listen();
    return () => {
      stopped = true;
      clearTimeout(restart);
      if (recognition) {
        recognition.onend = null;
        recognition.onerror = null;
        recognition.abort();
      }
    };
  }, [on, decision, track, locale, separator]);

  const toggle = useCallback(() => setOn((was) => !was), []);
  const download = useCallback(() => {
    setStatus({ language: locale, value: 'downloading' });
    void installLanguage(locale).then((installed) => {
      if (!installed) setFailed(true);
      else void onDeviceStatus(locale).then((value) => setStatus({ language: locale, value }));
    });
  }, [locale]);

  return { on, decision, text: captionTail(earlier, current, 160, separator), toggle, download };
}
