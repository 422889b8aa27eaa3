// The directory group commit: a caller is only answered by an fsync that started after it called, and
// everyone who calls while one runs shares a single next fsync.
import { describe, expect, it } from 'vitest';
import { createDirSyncer } from '../../src/storage/dir-sync.ts';

/** An fsync stand-in that records each call and finishes when the test says so. */
function fakeFsync() {
  const calls: Array<{ dir: string; finish: (error?: Error) => void }> = [];
  const fsync = (dir: string) => new Promise<void>((resolve, reject) => {
    calls.push({ dir, finish: (error) => (error ? reject(error) : resolve()) });
  });
  return { calls, fsync };
}

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(() => { done = true; }, () => { done = true; });
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('createDirSyncer', () => {
  it('runs one fsync for a lone caller', async () => {
    const { calls, fsync } = fakeFsync();
    const sync = createDirSyncer(fsync);
    const a = sync('/d');
    expect(calls.map((c) => c.dir)).toEqual(['/d']);
    calls[0]!.finish();
    await a;
  });

  it('answers callers that arrive during an fsync with one more fsync, shared', async () => {
    const { calls, fsync } = fakeFsync();
    const sync = createDirSyncer(fsync);
    const first = sync('/d');
    const late = [sync('/d'), sync('/d'), sync('/d')];
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await first;
    expect(await settled(Promise.all(late)), 'the fsync that was running when they called does not cover them').toBe(false);
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await Promise.all(late);
    // Nothing running any more: the next caller starts afresh.
    const again = sync('/d');
    expect(calls).toHaveLength(3);
    calls[2]!.finish();
    await again;
  });

  it('keeps directories apart', async () => {
    const { calls, fsync } = fakeFsync();
    const sync = createDirSyncer(fsync);
    const both = Promise.all([sync('/a'), sync('/b')]);
    expect(calls.map((c) => c.dir)).toEqual(['/a', '/b']);
    for (const call of calls) call.finish();
    await both;
  });

  it('fails only the callers of a failed fsync; those waiting get their own', async () => {
    const { calls, fsync } = fakeFsync();
    const sync = createDirSyncer(fsync);
    const first = sync('/d');
    const late = sync('/d');
    calls[0]!.finish(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await expect(late).resolves.toBeUndefined();
  });
});
