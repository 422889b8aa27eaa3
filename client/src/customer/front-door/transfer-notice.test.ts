import { describe, expect, it } from 'vitest';
import type { QueuePlace } from '../../../../protocol/intake.ts';
import { nextTransferNotice, transferWords } from './transfer-notice.ts';

const withAda: QueuePlace = { state: 'assigned', channel: 'video', position: null, etaSeconds: null, callback: null, assessorName: 'Ada Stone' };
const asking: QueuePlace = { ...withAda, transferring: true, transferTo: 'Dana Ruiz' };
const withDana: QueuePlace = { ...withAda, assessorName: 'Dana Ruiz' };

describe('the transfer notice on the call screen', () => {
  it('says who is asked while a warm transfer waits, then who took over', () => {
    const pending = nextTransferNotice(withAda, asking, null);
    expect(pending).toEqual({ state: 'pending', toName: 'Dana Ruiz' });
    expect(transferWords(pending!)).toBe('Transferring you to Dana Ruiz, a colleague — stay on the line');
    const done = nextTransferNotice(asking, withDana, pending);
    expect(done).toEqual({ state: 'done', toName: 'Dana Ruiz' });
    expect(transferWords(done!)).toBe('Dana Ruiz has taken over');
    // It stays until the page clears it, however often the place is read again.
    expect(nextTransferNotice(withDana, withDana, done)).toBe(done);
  });

  it('ends the notice when the transfer ends with the same assessor (declined, timed out, cancelled)', () => {
    expect(nextTransferNotice(asking, withAda, { state: 'pending', toName: 'Dana Ruiz' })).toBeNull();
    expect(nextTransferNotice(null, withAda, null)).toBeNull();
    expect(nextTransferNotice(withAda, withAda, null)).toBeNull();
  });

  it('says "a colleague" when nobody is named yet (a cold transfer back to the queue), and who answers after', () => {
    const cold: QueuePlace = { state: 'waiting', channel: 'video', position: 1, etaSeconds: 30, callback: null, assessorName: null, transferring: true };
    const pending = nextTransferNotice(withAda, cold, null);
    expect(pending).toEqual({ state: 'pending', toName: null });
    expect(transferWords(pending!)).toBe('Transferring you to a colleague — stay on the line');
    expect(nextTransferNotice(cold, withDana, pending)).toEqual({ state: 'done', toName: 'Dana Ruiz' });
  });
});
