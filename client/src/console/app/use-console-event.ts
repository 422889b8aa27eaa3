// Subscribes a component to the console's live feed for as long as it is mounted.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { ConsoleEvent } from '../../../../protocol/http.ts';
import type { ConsoleEvents } from './console-events.ts';

export const ConsoleEventsContext = createContext<ConsoleEvents | null>(null);

export function useConsoleEvent(handler: (event: ConsoleEvent) => void): void {
  const events = useContext(ConsoleEventsContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => events?.on('event', (event) => latest.current(event)), [events]);
}
