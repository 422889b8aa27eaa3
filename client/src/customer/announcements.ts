// What the customer's page says to a screen reader, and when not to say it again. Pure: the live regions
// (announcer.tsx) only render what this keeps. React StrictMode runs a mount effect twice and a message can
// arrive twice (data channel, then the stored copy): an announcement names its topic and a language-neutral
// value, and one whose topic already holds that value is dropped.

export type Urgency = 'polite' | 'assertive';

export interface Announcement {
  /** What it is about: `call-state`, `chat:<id>`, `photo:<requestId>`… */
  topic: string;
  /** The language-neutral fact (a state, an id): the same value on the same topic is not said twice. */
  value: string;
  /** The words, already in the page's language. */
  text: string;
  urgency: Urgency;
}

export interface Spoken {
  id: number;
  text: string;
}

export interface AnnouncementLog {
  polite: Spoken[];
  assertive: Spoken[];
  /** Each topic's last value. */
  said: Map<string, string>;
  next: number;
}

/** How many lines each region keeps (older ones leave the DOM; a screen reader reads only additions). */
export const KEPT = 10;

export const emptyLog = (): AnnouncementLog => ({ polite: [], assertive: [], said: new Map(), next: 1 });

/** The log with `announcement` added, or the same log when its topic already holds its value. */
export function announce(log: AnnouncementLog, announcement: Announcement): AnnouncementLog {
  if (!announcement.text.trim() || log.said.get(announcement.topic) === announcement.value) return log;
  const said = new Map(log.said).set(announcement.topic, announcement.value);
  const line = { id: log.next, text: announcement.text };
  const region = [...log[announcement.urgency], line].slice(-KEPT);
  return { ...log, [announcement.urgency]: region, said, next: log.next + 1 };
}
