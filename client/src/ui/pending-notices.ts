// Notices that wait on the customer ("offer made; the customer sees it when they next open their page"):
// each is held by the id of what it announced and taken down when the live state shows the customer has
// answered, so a toast never contradicts the card beside it.
import { useCallback, useEffect, useRef } from 'react';

export interface PendingItem {
  id: string;
  state: string;
}

/** The ids among `held` whose item is loaded and no longer waits on the customer; an id not yet in `items` stays held. */
export function answeredIds<T extends PendingItem>(held: Iterable<string>, items: readonly T[], waiting: (item: T) => boolean): string[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return [...held].filter((id) => {
    const item = byId.get(id);
    return item !== undefined && !waiting(item);
  });
}

/**
 * `hold(id)` gives the signal to pass as a notice's `until`; it aborts once `items` (reloaded as the case
 * changes) shows that item answered. A new hold on the same id takes the earlier notice down.
 */
export function usePendingNotices<T extends PendingItem>(items: readonly T[] | null, waiting: (item: T) => boolean) {
  const held = useRef(new Map<string, AbortController>());
  useEffect(() => {
    if (!items) return;
    for (const id of answeredIds(held.current.keys(), items, waiting)) {
      held.current.get(id)?.abort();
      held.current.delete(id);
    }
  }, [items, waiting]);
  return useCallback((id: string) => {
    held.current.get(id)?.abort();
    const controller = new AbortController();
    held.current.set(id, controller);
    return controller.signal;
  }, []);
}
