import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { AnnotationView, MeasurementBody, MeasurementView, Pose } from '../../../../protocol/spatial.ts';
import { MessageBus } from '../../call/message-bus.ts';
import { ANSWER_TIMEOUT_MS, MarkupSession, noAnswer, toolInHand, type MarkupApi, type MarkupCall } from './markup-session.ts';

const LIVE: MarkupCall = { offline: null, picture: true, ended: false };
const cameraPose: Pose = { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] };
const anchor = { pose: { position: [0, 0, -1] as [number, number, number], orientation: [0, 0, 0, 1] as [number, number, number, number] }, anchored: true, cameraPose };
const AT = '2026-12-04T10:00:00.000Z';

function annotationView(id: string): AnnotationView {
  return { id, caseId: 'case-1', kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor: null, createdBy: 'assessor', at: AT, clearedAt: null } as AnnotationView;
}

/** A session on a bus whose sent messages are kept, with an API whose answers the test settles. */
function setup(call: MarkupCall = LIVE) {
  const sent: PeerMessage[] = [];
  const bus = new MessageBus((message) => {
    sent.push(message);
    return true;
  });
  const stored = { annotations: [] as AnnotationView[], measurements: [] as MeasurementView[], cleared: [] as AnnotationView[][] };
  const notices: string[] = [];
  let fail = false;
  const api: MarkupApi = {
    postAnnotation: vi.fn((_caseId: string, body: { id: string }) => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(annotationView(body.id)))),
    postMeasurement: vi.fn((_caseId: string, body: MeasurementBody) =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve({ id: body.id } as MeasurementView),
    ),
    clearAnnotations: vi.fn((_caseId: string, body: { ids?: string[] }) => Promise.resolve((body.ids ?? ['all']).map(annotationView))),
    proposeChannel: vi.fn(() => Promise.resolve({})),
  } as unknown as MarkupApi;
  let next = 0;
  const session = new MarkupSession({
    caseId: 'case-1',
    call,
    channel: bus,
    api,
    addAnnotation: (a) => stored.annotations.push(a),
    addAnnotations: (list) => stored.cleared.push(list),
    addMeasurement: (m) => stored.measurements.push(m),
    notify: (_tone, text) => notices.push(text),
    newId: () => `mark-${String(++next).padStart(4, '0')}`,
    now: () => new Date(AT),
  });
  const stop = session.start();
  const changes = vi.fn();
  session.on('change', changes);
  return { session, bus, sent, stored, notices, api, stop, changes, failSaves: (on: boolean) => (fail = on) };
}

const inAr = (bus: MessageBus): void => bus.dispatch({ v: 1, type: 'mode', mode: 'ar', available: ['ar', 'overlay', 'camera', 'voice', 'text'] });
/** Lets the API's answers (already settled promises) reach the session; timers are fake. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('markup session', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  describe('placing and clearing marks', () => {
    it('asks the customer’s device to place a marker, and stores it once placed', async () => {
      const { session, bus, sent, stored } = setup();
      session.selectTool('marker');
      session.pick({ u: 0.25, v: 0.75 });
      expect(sent).toEqual([{ v: 1, type: 'annotation-place', id: 'mark-0001', kind: 'marker', screen: { u: 0.25, v: 0.75 } }]);
      expect(session.state.annotations[0]).toMatchObject({ id: 'mark-0001', status: 'placing', anchor: null });

      bus.dispatch({ v: 1, type: 'annotation-placed', id: 'mark-0001', kind: 'marker', screen: { u: 0.25, v: 0.75 }, anchor });
      expect(session.state.annotations[0]).toMatchObject({ status: 'saving', anchor });
      await vi.runAllTimersAsync();
      expect(session.state.annotations[0]!.status).toBe('saved');
      expect(stored.annotations.map((a) => a.id)).toEqual(['mark-0001']);
    });

    it('sends a label with its text and empties the text box; no text, no label', () => {
      const { session, sent } = setup();
      session.selectTool('label');
      session.pick({ u: 0.1, v: 0.1 });
      expect(sent).toEqual([]);
      expect(session.state.problem).toBe('Type the label text first, then click on the picture.');
      session.setLabelText('  Crack  ');
      session.pick({ u: 0.1, v: 0.1 });
      expect(sent).toEqual([{ v: 1, type: 'annotation-place', id: 'mark-0001', kind: 'label', screen: { u: 0.1, v: 0.1 }, label: 'Crack' }]);
      expect(session.state.labelText).toBe('');
      expect(session.state.problem).toBeNull();
    });

    it('says why the device placed nothing, and fails a placement it never answered', async () => {
      const { session, bus } = setup();
      session.selectTool('arrow');
      session.pick({ u: 0.5, v: 0.5 });
      bus.dispatch({ v: 1, type: 'annotation-placed', id: 'mark-0001', kind: 'arrow', screen: { u: 0.5, v: 0.5 }, anchor: null, error: 'No surface found' });
      expect(session.state.annotations[0]).toMatchObject({ status: 'failed' });
      expect(session.state.problem).toMatch(/No surface found there/);

      session.pick({ u: 0.6, v: 0.6 });
      await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS);
      expect(session.state.annotations[1]).toMatchObject({ status: 'failed', error: noAnswer() });
    });

    it('keeps an unsaved mark for a retry, and says so', async () => {
      const { session, bus, notices, failSaves, stored } = setup();
      failSaves(true);
      session.selectTool('circle');
      session.pick({ u: 0.5, v: 0.5 });
      bus.dispatch({ v: 1, type: 'annotation-placed', id: 'mark-0001', kind: 'circle', screen: { u: 0.5, v: 0.5 }, anchor: null });
      await settle();
      expect(session.state.annotations[0]!.status).toBe('unsaved');
      expect(notices).toEqual(['Annotation not saved: offline']);
      failSaves(false);
      session.retryAnnotation('mark-0001');
      await settle();
      expect(session.state.annotations[0]!.status).toBe('saved');
      expect(stored.annotations).toHaveLength(1);
    });

    it('clears every mark on both sides and hides the measurements', async () => {
      const { session, bus, sent, stored, api } = setup();
      session.selectTool('marker');
      session.pick({ u: 0.5, v: 0.5 });
      bus.dispatch({ v: 1, type: 'measurement', id: 'meas-0001', a: [0, 0, 0], b: [1, 0, 0], distanceM: 1, uncertaintyM: 0.01 });
      session.clearAll();
      expect(sent.at(-1)).toEqual({ v: 1, type: 'annotations-clear' });
      expect(session.state.annotations).toEqual([]);
      expect(session.state.measurements.map((m) => m.shown)).toEqual([false]);
      expect(api.clearAnnotations).toHaveBeenCalledWith('case-1', {});
      await settle();
      expect(stored.cleared).toHaveLength(1);
    });

    it('clears the stored copy of a mark that was cleared while it was being stored', async () => {
      const { session, bus, api } = setup();
      session.selectTool('marker');
      session.pick({ u: 0.5, v: 0.5 });
      bus.dispatch({ v: 1, type: 'annotation-placed', id: 'mark-0001', kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor: null });
      session.clearAll();
      await settle();
      expect(api.clearAnnotations).toHaveBeenCalledWith('case-1', { ids: ['mark-0001'] });
    });
  });

  describe('the measure flow', () => {
    it('needs the customer in AR: the measure tool is not in hand before', () => {
      const { session, bus } = setup();
      session.selectTool('measure');
      expect(toolInHand(session.state)).toBe('pointer');
      inAr(bus);
      expect(toolInHand(session.state)).toBe('measure');
    });

    it('asks for each end, then sends and stores the measurement', async () => {
      const { session, bus, sent, stored } = setup();
      inAr(bus);
      session.selectTool('measure');
      session.pick({ u: 0.2, v: 0.5 });
      expect(sent.at(-1)).toEqual({ v: 1, type: 'measure-point', id: 'mark-0001', index: 0, screen: { u: 0.2, v: 0.5 } });
      bus.dispatch({ v: 1, type: 'measure-point-result', id: 'mark-0001', index: 0, screen: { u: 0.2, v: 0.5 }, point: [0, 0, -2], cameraPose });
      session.pick({ u: 0.8, v: 0.5 });
      expect(sent.at(-1)).toEqual({ v: 1, type: 'measure-point', id: 'mark-0001', index: 1, screen: { u: 0.8, v: 0.5 } });
      bus.dispatch({ v: 1, type: 'measure-point-result', id: 'mark-0001', index: 1, screen: { u: 0.8, v: 0.5 }, point: [1, 0, -2], cameraPose });

      expect(session.state.draft).toBeNull();
      const message = sent.at(-1);
      expect(message).toMatchObject({ type: 'measurement', id: 'mark-0001', a: [0, 0, -2], b: [1, 0, -2] });
      expect(message?.type === 'measurement' && message.distanceM).toBeCloseTo(1);
      expect(session.state.measurements[0]).toMatchObject({ id: 'mark-0001', createdBy: 'assessor', status: 'saving', shown: true });
      await settle();
      expect(session.state.measurements[0]!.status).toBe('saved');
      expect(stored.measurements.map((m) => m.id)).toEqual(['mark-0001']);
    });

    it('asks again for an end the device missed, and refuses a third click while it looks', () => {
      const { session, bus, sent } = setup();
      inAr(bus);
      session.selectTool('measure');
      session.pick({ u: 0.2, v: 0.5 });
      bus.dispatch({ v: 1, type: 'measure-point-result', id: 'mark-0001', index: 0, screen: { u: 0.2, v: 0.5 }, point: null, cameraPose: null, error: 'No surface hit' });
      expect(session.state.problem).toMatch(/Click that end again\.$/);
      session.pick({ u: 0.3, v: 0.5 });
      expect(sent.at(-1)).toMatchObject({ type: 'measure-point', index: 0, screen: { u: 0.3, v: 0.5 } });
      bus.dispatch({ v: 1, type: 'measure-point-result', id: 'mark-0001', index: 0, screen: { u: 0.3, v: 0.5 }, point: [0, 0, -2], cameraPose });
      session.pick({ u: 0.8, v: 0.5 });
      const before = sent.length;
      session.pick({ u: 0.9, v: 0.5 });
      expect(sent).toHaveLength(before);
      expect(session.state.problem).toBe('Still waiting for the customer’s device to find the second end…');
    });

    it('gives up on an end the device never answered', async () => {
      const { session, bus } = setup();
      inAr(bus);
      session.selectTool('measure');
      session.pick({ u: 0.2, v: 0.5 });
      await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS);
      expect(session.state.draft?.picks[0]).toMatchObject({ status: 'missed', error: noAnswer() });
      expect(session.state.problem).toBe(noAnswer());
    });

    it('drops the measurement being picked when another tool is picked or the call ends', () => {
      const { session, bus } = setup();
      inAr(bus);
      session.selectTool('measure');
      session.pick({ u: 0.2, v: 0.5 });
      session.selectTool('marker');
      expect(session.state.draft).toBeNull();
      session.selectTool('measure');
      session.pick({ u: 0.2, v: 0.5 });
      session.setCall({ offline: 'The call ended.', picture: false, ended: true });
      expect(session.state.draft).toBeNull();
      expect(session.state.mode).toBeNull();
    });
  });

  describe('messages in and out', () => {
    it('shows the customer’s own measurement once, live', () => {
      const { session, bus } = setup();
      const measurement: PeerMessage = { v: 1, type: 'measurement', id: 'meas-0001', a: [0, 0, 0], b: [0, 2, 0], distanceM: 2, uncertaintyM: 0.02 };
      bus.dispatch(measurement);
      bus.dispatch(measurement);
      expect(session.state.measurements).toEqual([
        { id: 'meas-0001', a: [0, 0, 0], b: [0, 2, 0], distanceM: 2, uncertaintyM: 0.02, body: null, createdBy: 'customer', at: AT, status: 'live', shown: true },
      ]);
    });

    it('stores the proposal, asks the customer to switch mode with the reason, and hears the answer', async () => {
      const { session, bus, sent, api } = setup();
      bus.dispatch({ v: 1, type: 'mode', mode: 'camera', available: ['ar', 'camera', 'text'] });
      await session.requestMode('ar', ' so I can measure the dent ');
      expect(api.proposeChannel).toHaveBeenCalledWith('case-1', { proposalId: 'mark-0001', from: 'camera', to: 'ar', reason: 'so I can measure the dent' });
      expect(sent).toEqual([{ v: 1, type: 'mode-request', mode: 'ar', proposalId: 'mark-0001', reason: 'so I can measure the dent' }]);
      expect(session.state.modeRequest).toEqual({ mode: 'ar', status: 'waiting' });
      bus.dispatch({ v: 1, type: 'mode-answer', mode: 'ar', accepted: false });
      expect(session.state.modeRequest).toEqual({ mode: 'ar', status: 'declined' });
    });

    it('ignores an answer for a mark it never asked for, and messages that are not markup', () => {
      const { session, bus, changes } = setup();
      bus.dispatch({ v: 1, type: 'annotation-placed', id: 'mark-9999', kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor: null });
      bus.dispatch({ v: 1, type: 'chat', id: 'line-0001', text: 'Hi', at: AT });
      expect(changes).not.toHaveBeenCalled();
      expect(session.state.annotations).toEqual([]);
    });

    it('blocks the tools while the call is down, and hears nothing once stopped', () => {
      const { session, bus, sent, stop } = setup({ offline: 'Not connected.', picture: false, ended: true });
      session.selectTool('marker');
      expect(toolInHand(session.state)).toBe('pointer');
      session.pick({ u: 0.5, v: 0.5 });
      expect(sent).toEqual([]);
      session.setCall(LIVE);
      expect(toolInHand(session.state)).toBe('marker');
      stop();
      inAr(bus);
      expect(session.state.mode).toBeNull();
    });
  });
});
