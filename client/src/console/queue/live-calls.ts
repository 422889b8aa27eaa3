// Whether this console holds a live call: the case view reports its call, and the status picker shows
// "In call" over the status the assessor chose, as a contact-centre desktop does; the chosen status
// shows (and is what the queue routes by) again once the call ends.
import { createContext, createElement, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';

export interface LiveCalls {
  /** The case's call is live now (true) or no longer (false). */
  report(caseId: string, live: boolean): void;
  /** Any call is live. */
  inCall(): boolean;
  /** Hears every change of `inCall`; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createLiveCalls(): LiveCalls {
  const live = new Set<string>();
  const listeners = new Set<() => void>();
  return {
    report(caseId, now) {
      const was = live.size > 0;
      if (now) live.add(caseId);
      else live.delete(caseId);
      if (was !== live.size > 0) for (const listener of [...listeners]) listener();
    },
    inCall: () => live.size > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const LiveCallsContext = createContext<LiveCalls | null>(null);

/** One record of live calls for the console's top bar and its case view. */
export function LiveCallsProvider(props: { children: ReactNode }) {
  const [calls] = useState(createLiveCalls);
  return createElement(LiveCallsContext.Provider, { value: calls }, props.children);
}

/** Reports this case's call while `live`; a closed case view (its call ends with it) reports the end. */
export function useReportLiveCall(caseId: string, live: boolean): void {
  const calls = useContext(LiveCallsContext);
  useEffect(() => {
    if (!calls || !live) return;
    calls.report(caseId, true);
    return () => calls.report(caseId, false);
  }, [calls, caseId, live]);
}

const never = (): (() => void) => () => undefined;

/** Whether the console holds a live call now. */
export function useInLiveCall(): boolean {
  const calls = useContext(LiveCallsContext);
  return useSyncExternalStore(calls?.subscribe ?? never, () => calls?.inCall() ?? false);
}
