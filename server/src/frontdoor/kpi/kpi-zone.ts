// Days and hours as a time zone's clock shows them, for the KPI buckets. Pure, from Intl (Node's ICU knows
// every IANA zone and its history), so SQLite and PostgreSQL group alike with no SQL of either's.
// A "wall" time is a number of ms whose UTC fields are the zone's clock: instant + the zone's offset then.

export const UTC = 'UTC';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** An IANA name (Asia/Shanghai, America/Argentina/Buenos_Aires, UTC, Etc/GMT+5): not an offset such as +05:30. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formats.set(zone, format);
  }
  return format;
}

/** Whether `name` is a zone the server knows (a wrong name would throw deep inside a report). */
export function isTimeZone(name: string): boolean {
  if (name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    offsetFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms ("GMT+05:30" → 19 800 000; before 1900 offsets have seconds). */
export function offsetMs(zone: string, at: number): number {
  if (zone === UTC) return 0;
  // format() and a match are about three times as fast as formatToParts(), and a year's days call this ~700 times.
  const shown = offsetFormat(zone).format(at);
  const match = /GMT(?:([+\-\u2212])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(shown);
  if (!match) throw new Error(`unexpected offset in "${shown}" for ${zone}`);
  if (!match[1]) return 0;
  const ms = (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] === '+' ? ms : -ms;
}

export const wallOf = (zone: string, at: number): number => at + offsetMs(zone, at);

/** The wall time of the local midnight that starts the day `at` falls in. */
export const wallDayOf = (zone: string, at: number): number => Math.floor(wallOf(zone, at) / DAY_MS) * DAY_MS;

/**
 * The first instant whose clock reads `wall` or later: the earlier of two when the clock shows it twice
 * (a fall back), the moment the clock jumps past it when it never shows it (a spring forward at midnight,
 * as in America/Havana or Asia/Beirut). Assumes at most one offset change within a day either side.
 */
export function instantOfWall(zone: string, wall: number): number {
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  // No change within a day either side (nearly every day): the one instant.
  if (before === after) return wall - before;
  const candidates = [wall - before, wall - after].filter((at) => wallOf(zone, at) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap the clock runs forward across it, so its wall time rises: the jump lies between the two guesses.
  let low = Math.min(wall - before, wall - after);
  let high = Math.max(wall - before, wall - after);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallOf(zone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/** Local day starts covering [from, to): the first is the start of the day `from` falls in. */
export function dayStarts(zone: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let wall = wallDayOf(zone, from), at = instantOfWall(zone, wall); at < to; wall += DAY_MS, at = instantOfWall(zone, wall)) starts.push(at);
  return starts;
}

/** Local hour starts covering [from, to): whole UTC hours but in zones half an hour (or 45 min) off them. */
export function hourStarts(zone: string, from: number, to: number): number[] {
  const floorHour = (at: number): number => at - (((wallOf(zone, at) % HOUR_MS) + HOUR_MS) % HOUR_MS);
  const starts: number[] = [];
  for (let at = floorHour(from); at < to; ) {
    starts.push(at);
    const next = floorHour(at + HOUR_MS);
    at = next > at ? next : at + HOUR_MS;
  }
  return starts;
}

/** An instant as ISO 8601 on the zone's clock with its offset ("2026-12-05T00:00:00.000+08:00"); in UTC with Z, as toISOString. */
export function zonedIso(zone: string, at: number): string {
  const offset = offsetMs(zone, at);
  if (zone === UTC) return new Date(at).toISOString();
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${new Date(at + offset).toISOString().slice(0, -1)}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
