// The customer page's two live regions — polite for what happens in the call, assertive for what
// cannot wait (the connection dropped, the link expired, the call ended) — present from the first render,
// so a screen reader hears each line added. Anything on the page announces through useAnnounce().
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { announce, emptyLog, type Announcement } from './announcements.ts';

type Announce = (announcement: Announcement) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/** Says `announcement` to a screen reader (once per topic and value); a no-op outside an Announcer. */
export const useAnnounce = (): Announce => useContext(AnnounceContext);

export function Announcer(props: { children: ReactNode }) {
  const [log, setLog] = useState(emptyLog);
  const say = useCallback<Announce>((announcement) => setLog((current) => announce(current, announcement)), []);
  return (
    <AnnounceContext.Provider value={say}>
      {props.children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announce-polite">
        {log.polite.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" data-testid="announce-assertive">
        {log.assertive.map((line) => (
          <p key={line.id}>{line.text}</p>
        ))}
      </div>
    </AnnounceContext.Provider>
  );
}
