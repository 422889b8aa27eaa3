// Pure helpers for evidence corrections: stable photo numbers, what replaces what, and which photos
// may be named as a replacement.
import type { EvidenceView } from '../../../../protocol/http.ts';

type Item = Pick<EvidenceView, 'id' | 'receivedAt' | 'supersededBy' | 'superseded' | 'purged'>;

/** Photo numbers in arrival order (1 = first received), so a number never changes as more arrive. */
export function photoNumbers(evidence: readonly Item[]): Map<string, number> {
  const ordered = [...evidence].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  return new Map(ordered.map((e, i) => [e.id, i + 1]));
}

export function isSuperseded(e: Item): boolean {
  return Boolean(e.superseded) || Boolean(e.supersededBy);
}

/** The id of the item that replaces this one, if it named one. */
export function replacementOf(e: Item): string | null {
  return e.superseded?.replacedBy ?? e.supersededBy ?? null;
}

/** The items this one was named as the replacement of. */
export function replacedItems<T extends Item>(evidence: readonly T[], id: string): T[] {
  return evidence.filter((e) => replacementOf(e) === id);
}

/** Photos that may replace `targetId`: the case's others, not superseded or purged, newest first. */
export function replacementCandidates<T extends Item>(evidence: readonly T[], targetId: string): T[] {
  return evidence
    .filter((e) => e.id !== targetId && !isSuperseded(e) && !e.purged)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
}
