// Group commit for directory fsyncs. One fsync of a directory makes durable every entry change made in
// it before that fsync started (a rename in, a new subfolder, an unlink), so callers that arrive while
// one is running share the next one instead of each opening and syncing the directory themselves.
import fsp from 'node:fs/promises';

export type DirSync = (dir: string) => Promise<void>;

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `sync(dir)` resolves once an fsync of `dir` that started after the call has completed. */
export function createDirSyncer(fsync: DirSync = fsyncDir): DirSync {
  const slots = new Map<string, { running: Promise<void>; next: Promise<void> | null }>();

  const run = (dir: string): Promise<void> => {
    const running = fsync(dir).finally(() => {
      if (slots.get(dir)?.next === null) slots.delete(dir);
    });
    slots.set(dir, { running, next: null });
    return running;
  };

  return (dir) => {
    const slot = slots.get(dir);
    if (!slot) return run(dir);
    // The running fsync may have started before the caller's change, so it cannot count: wait for it,
    // then share one more with everyone else who arrives meanwhile. Its failure is not theirs.
    slot.next ??= slot.running.catch(() => undefined).then(() => run(dir));
    return slot.next;
  };
}
