// The waiting room's words: a place in line ("You are next", "You are 2nd in line") and an estimate
// that neither promises too much nor jumps about ("about 3 minutes", "under a minute").
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function placeWords(position: number | null): string {
  if (position === null) return 'You are in line';
  return position === 1 ? 'You are next' : `You are ${ordinal(position)} in line`;
}

/** Rounded up to whole minutes past one; null (not known yet) says so rather than guess. */
export function waitWords(etaSeconds: number | null): string {
  if (etaSeconds === null) return 'Working out your wait…';
  if (etaSeconds < 60) return 'Estimated wait: under a minute';
  const minutes = Math.ceil(etaSeconds / 60);
  return `Estimated wait: about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
