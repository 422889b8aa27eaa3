import { describe, expect, it } from 'vitest';
import { createImageGate, ImageGateFull, type ImageGateLimits } from '../../src/evidence/image-gate.ts';

const MB = 1024 * 1024;
const limits: ImageGateLimits = { jobs: 2, memoryBytes: 256 * MB, queue: 4, perCaller: 3 };

/** A job the test finishes by hand, recording when it started. */
function manualJobs() {
  const started: string[] = [];
  const finishers = new Map<string, (fail?: Error) => void>();
  const job = (name: string) => () => {
    started.push(name);
    return new Promise<string>((resolve, reject) => finishers.set(name, (fail) => (fail ? reject(fail) : resolve(name))));
  };
  const finish = async (name: string, fail?: Error) => {
    finishers.get(name)!(fail);
    // Let the gate's bookkeeping and the next start run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, job, finish };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('image gate', () => {
  it('runs at most `jobs` images at once, and one caller\'s images one after another', async () => {
    const gate = createImageGate(limits);
    const { started, job, finish } = manualJobs();
    const runs = [
      gate.run('alice', MB, job('a1')),
      gate.run('alice', MB, job('a2')),
      gate.run('bob', MB, job('b1')),
      gate.run('carol', MB, job('c1')),
    ];
    await settle();
    // a2 waits for a1 although a slot is free; bob takes the second slot.
    expect(started).toEqual(['a1', 'b1']);
    expect(gate.load()).toEqual({ running: 2, waiting: 2, memoryBytes: 2 * MB });
    await finish('a1');
    expect(started).toEqual(['a1', 'b1', 'a2']);
    await finish('b1');
    expect(started).toEqual(['a1', 'b1', 'a2', 'c1']);
    await finish('a2');
    await finish('c1');
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(gate.load()).toEqual({ running: 0, waiting: 0, memoryBytes: 0 });
  });

  it('keeps the images being processed within the memory budget', async () => {
    const gate = createImageGate({ ...limits, jobs: 3 });
    const { started, job, finish } = manualJobs();
    void gate.run('alice', 200 * MB, job('big1'));
    void gate.run('bob', 200 * MB, job('big2'));
    await settle();
    expect(started).toEqual(['big1']);
    await finish('big1');
    expect(started).toEqual(['big1', 'big2']);
    await finish('big2');
  });

  it('lets small images pass a large one that does not fit, but not forever', async () => {
    const gate = createImageGate({ ...limits, queue: 20 });
    const { started, job, finish } = manualJobs();
    void gate.run('small-0', 60 * MB, job('s0'));
    void gate.run('large', 220 * MB, job('large'));
    for (let i = 1; i <= 10; i++) void gate.run(`small-${i}`, 60 * MB, job(`s${i}`));
    await settle();
    expect(started).toEqual(['s0', 's1']);
    // Each small one that finishes lets the next small one pass the large one, eight times in all;
    // then the large one goes first once the memory is free.
    for (let i = 0; i < 8; i++) await finish(`s${i}`);
    expect(started).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8']);
    await finish('s8');
    expect(started.at(-1)).toBe('large');
    await finish('large');
    expect(started.slice(-2)).toEqual(['s9', 's10']);
    await finish('s9');
    await finish('s10');
  });

  it('keeps a slot for ordinary photos: heavy images take all slots but one', async () => {
    const gate = createImageGate(limits);
    const { started, job, finish } = manualJobs();
    void gate.run('alice', 100 * MB, job('heavy1'));
    void gate.run('bob', 100 * MB, job('heavy2'));
    void gate.run('carol', 20 * MB, job('photo'));
    await settle();
    expect(started).toEqual(['heavy1', 'photo']);
    await finish('photo');
    expect(started).toEqual(['heavy1', 'photo']);
    await finish('heavy1');
    expect(started).toEqual(['heavy1', 'photo', 'heavy2']);
    await finish('heavy2');
  });

  it('refuses a caller with `perCaller` images in the gate (429-like), and everyone when the waiting list is full', async () => {
    const gate = createImageGate(limits);
    const { job } = manualJobs();
    for (let i = 0; i < 3; i++) void gate.run('alice', MB, job(`a${i}`));
    const refused = await gate.run('alice', MB, job('a3')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImageGateFull);
    expect(refused).toMatchObject({ who: 'caller' });
    expect((refused as ImageGateFull).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(() => gate.check('alice')).toThrow(ImageGateFull);

    // alice: 1 running, 2 waiting; bob takes the other slot, carol and dave fill the waiting list.
    void gate.run('bob', MB, job('b1'));
    void gate.run('carol', MB, job('c1'));
    void gate.run('dave', MB, job('d1'));
    await settle();
    expect(gate.load()).toMatchObject({ running: 2, waiting: 4 });
    const full = await gate.run('frank', MB, job('f1')).catch((e: unknown) => e);
    expect(full).toMatchObject({ who: 'server' });
    expect((full as ImageGateFull).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('frees the slot of an image that fails, and of one whose sender goes away while it waits', async () => {
    const gate = createImageGate(limits);
    const { started, job, finish } = manualJobs();
    const failing = gate.run('alice', MB, job('a1')).catch((e: unknown) => e);
    void gate.run('bob', MB, job('b1'));
    const gone = new AbortController();
    const abandoned = gate.run('carol', MB, job('c1'), gone.signal).catch((e: unknown) => e);
    await settle();
    gone.abort(new Error('sender gone'));
    expect(await abandoned).toMatchObject({ message: 'sender gone' });
    expect(gate.load()).toMatchObject({ running: 2, waiting: 0 });
    expect(() => gate.check('carol')).not.toThrow();

    await finish('a1', new Error('decoder failed'));
    expect(await failing).toMatchObject({ message: 'decoder failed' });
    expect(gate.load()).toMatchObject({ running: 1, memoryBytes: MB });
    void gate.run('alice', MB, job('a2'));
    await settle();
    expect(started).toEqual(['a1', 'b1', 'a2']);
  });
});
