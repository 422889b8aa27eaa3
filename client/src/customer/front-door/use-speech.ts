// Reads the assistant's answers aloud where the customer chose voice (the browser's speechSynthesis),
// with a mute that stops what is being said. No speech engine in the browser: nothing is spoken, and
// the toggle is not offered.
import { useCallback, useEffect, useState } from 'react';

const MUTE_KEY = 'sightline.agentMuted';

export function useSpeech(wanted: boolean, lang: string) {
  const available = typeof window !== 'undefined' && 'speechSynthesis' in window;
  const [muted, setMuted] = useState(() => sessionStorage.getItem(MUTE_KEY) === 'yes');
  const on = wanted && available && !muted;

  const speak = useCallback(
    (text: string) => {
      if (!on) return;
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      window.speechSynthesis.speak(utterance);
    },
    [on, lang],
  );

  const toggle = useCallback(() => {
    setMuted((was) => {
      sessionStorage.setItem(MUTE_KEY, was ? 'no' : 'yes');
      if (!was) window.speechSynthesis.cancel();
      return !was;
    });
  }, []);

  // Leaving the conversation stops whatever is still being read.
  useEffect(() => () => {
    if (available) window.speechSynthesis.cancel();
  }, [available]);

  return { offered: wanted && available, muted, speak, toggle };
}
