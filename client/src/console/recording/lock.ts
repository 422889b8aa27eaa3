// A Web Lock held by the tab that uploads a recording, so a second console tab on the same case does
// not resume a recording that is still being made. Where Web Locks are missing, every tab may upload:
// chunk PUTs are idempotent, so the worst case is a duplicate request.

/** Resolves with a release function, or null when another tab holds the lock. */
export function holdLock(name: string): Promise<(() => void) | null> {
  if (!('locks' in navigator)) return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((release) => resolve(release));
    });
  });
}
