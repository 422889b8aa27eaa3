// Markup is the assessor's marks and measures on what the customer's camera sees: annotations (marker,
// arrow, circle, label) and two-point measurements, placed on the live video and, when the customer's
// device tracks the room (AR), anchored in 3D there. The customer's device does the 3D work; this
// session asks it over the data channel, waits for its answers, stores the results over HTTP, and
// knows the customer's mode (which decides what markup is possible) and the tool in hand. It is the
// console's one word for the capability: the wire keeps its own names (annotation-place,
// AnnotationLayer, the spatial schemas, the test ids), which stored data and journeys depend on.
// No React here: the thin hook in use-markup.ts renders a MarkupSession's state.
import type { CustomerMode } from '../../../../protocol/messages.ts';
import type { AnnotationView, MeasurementBody, MeasurementView, ScreenPoint } from '../../../../protocol/spatial.ts';
import type { MessageChannel, PeerMessageOf } from '../../call/message-bus.ts';
import { i18next } from '../../i18n/i18n.ts';
import { messageOf } from '../../lib/api.ts';
import { Emitter } from '../../lib/emitter.ts';
import { randomId } from '../../lib/ids.ts';
import { Timers } from '../../lib/timers.ts';
import type { Tone } from '../../ui/banner.tsx';
import type { consoleApi } from '../app/console-api.ts';
import type { SessionAnnotation, SessionMeasurement } from './markup-items.ts';
import { isAnnotationTool, placementErrorText, toolBlocked, type MarkupContext, type Tool } from './markup-tools.ts';
import { applyResult, expirePick, pickPoint, type CompletedMeasurement, type MeasureDraft } from './measure-flow.ts';

/** How long the customer's device has to answer a placement or a measure point. */
export const ANSWER_TIMEOUT_MS = 15_000;
/** What an end or a placement the device never answered says, in the console's language. */
export const noAnswer = (): string => i18next.t('casework:markup.noAnswer');

export interface CustomerModeState {
  mode: CustomerMode;
  available: CustomerMode[];
}

export interface ModeRequest {
  mode: CustomerMode;
  status: 'waiting' | 'accepted' | 'declined';
}

/** What the call says about markup now. */
export interface MarkupCall {
  /** Why the tools are down (the call is not connected with its data channel open), or null. */
  offline: string | null;
  /** The customer is sending a picture (not audio only). */
  picture: boolean;
  /** The call ended or failed: the customer's mode is no longer known. */
  ended: boolean;
}

export interface MarkupState {
  call: MarkupCall;
  /** The customer's mode as their device last reported it; null until it does, and after the call. */
  mode: CustomerModeState | null;
  modeRequest: ModeRequest | null;
  /** The tool the assessor picked; the one in hand is `pointer` while this one is blocked. */
  chosenTool: Tool;
  labelText: string;
  problem: string | null;
  annotations: SessionAnnotation[];
  measurements: SessionMeasurement[];
  /** The measurement being picked, end by end. */
  draft: MeasureDraft | null;
}

/** Where markup is stored (the console API). */
export type MarkupApi = Pick<typeof consoleApi, 'postAnnotation' | 'clearAnnotations' | 'postMeasurement' | 'proposeChannel'>;

export interface MarkupDeps {
  caseId: string;
  /** The call at the start; later changes come through `setCall`. */
  call: MarkupCall;
  channel: MessageChannel;
  api: MarkupApi;
  /** The case's stored markup, updated with what the server answered. */
  addAnnotation: (annotation: AnnotationView) => void;
  addAnnotations: (annotations: AnnotationView[]) => void;
  addMeasurement: (measurement: MeasurementView) => void;
  notify: (tone: Tone, text: string) => void;
  /** @default randomId */
  newId?: () => string;
  /** @default () => new Date() */
  now?: () => Date;
}

/** The tools' context: the call and the customer's mode. */
export function markupContext(state: MarkupState): MarkupContext {
  return { offline: state.call.offline, picture: state.call.picture, mode: state.mode?.mode ?? null, available: state.mode?.available ?? [] };
}

/** The tool in hand: the chosen one, or the pointer while the chosen one cannot be used. */
export function toolInHand(state: MarkupState): Tool {
  return toolBlocked(state.chosenTool, markupContext(state)) ? 'pointer' : state.chosenTool;
}

const INITIAL: Omit<MarkupState, 'call'> = {
  mode: null,
  modeRequest: null,
  chosenTool: 'pointer',
  labelText: '',
  problem: null,
  annotations: [],
  measurements: [],
  draft: null,
};

export class MarkupSession extends Emitter<{ change: () => void }> {
  private current: MarkupState;
  // Each request gets a deadline; an answer in time makes its expiry a no-op (it only touches what still waits).
  private readonly timers = new Timers();
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(private readonly deps: MarkupDeps) {
    super();
    this.current = { ...INITIAL, call: deps.call };
    this.newId = deps.newId ?? randomId;
    this.now = deps.now ?? (() => new Date());
  }

  /** The state now; a new object after every change. */
  get state(): MarkupState {
    return this.current;
  }

  /** Listens to the customer's device; the returned stop also drops pending answer deadlines. */
  start(): () => void {
    const { channel } = this.deps;
    const offs = [
      channel.on('mode', (m) => this.change({ mode: { mode: m.mode, available: m.available } })),
      channel.on('mode-answer', (m) => this.change({ modeRequest: { mode: m.mode, status: m.accepted ? 'accepted' : 'declined' } })),
      channel.on('annotation-placed', (m) => this.onPlaced(m)),
      channel.on('measure-point-result', (m) => this.onMeasurePoint(m)),
      channel.on('measurement', (m) => this.onCustomerMeasurement(m)),
    ];
    return () => {
      for (const off of offs) off();
      this.timers.clearAll();
    };
  }

  /** The call changed; once it ends, the customer's mode and a measurement being picked are forgotten. */
  setCall(call: MarkupCall): void {
    const was = this.current.call;
    if (was.offline === call.offline && was.picture === call.picture && was.ended === call.ended) return;
    this.change(call.ended && !was.ended ? { call, mode: null, modeRequest: null, draft: null } : { call });
  }

  /** A click on the picture with the tool in hand. */
  pick(screen: ScreenPoint): void {
    const tool = toolInHand(this.current);
    this.change({ problem: null });
    if (tool === 'measure') return this.pickMeasurePoint(screen);
    if (!isAnnotationTool(tool)) return;
    const label = tool === 'label' ? this.current.labelText.trim() : '';
    if (tool === 'label' && !label) return this.change({ problem: i18next.t('casework:markup.labelFirst') });
    const id = this.newId();
    const annotation: SessionAnnotation = { id, kind: tool, screen, ...(label ? { label } : {}), at: this.now().toISOString(), status: 'placing', anchor: null, error: null };
    this.change({ annotations: [...this.current.annotations, annotation] });
    this.deps.channel.send({ v: 1, type: 'annotation-place', id, kind: tool, screen, ...(label ? { label } : {}) });
    if (label) this.change({ labelText: '' });
    this.timers.after(ANSWER_TIMEOUT_MS, () => {
      this.change({ annotations: this.current.annotations.map((a) => (a.id === id && a.status === 'placing' ? { ...a, status: 'failed', error: noAnswer() } : a)) });
    });
  }

  /** A click beside the picture (on the bars of a letterboxed video). */
  missPick(): void {
    this.change({ problem: i18next.t('casework:markup.clickPicture') });
  }

  selectTool(tool: Tool): void {
    this.change({ chosenTool: tool, problem: null, ...(tool !== 'measure' ? { draft: null } : {}) });
  }

  setLabelText(labelText: string): void {
    this.change({ labelText });
  }

  dismissProblem(): void {
    this.change({ problem: null });
  }

  /** Removes every annotation from the customer's view and the console, and hides the measurements (all stay in the ledger). */
  clearAll(): void {
    const { caseId, api, channel } = this.deps;
    this.change({ annotations: [], measurements: this.current.measurements.map((m) => ({ ...m, shown: false })), draft: null, problem: null });
    channel.send({ v: 1, type: 'annotations-clear' });
    api.clearAnnotations(caseId, {}).then(this.deps.addAnnotations, (e: unknown) => this.deps.notify('error', i18next.t('casework:markup.annotationsNotCleared', { error: messageOf(e) })));
  }

  retryAnnotation(id: string): void {
    const a = this.current.annotations.find((s) => s.id === id && s.status === 'unsaved');
    if (a) this.saveAnnotation(a);
  }

  retryMeasurement(id: string): void {
    const m = this.current.measurements.find((s) => s.id === id && s.status === 'unsaved');
    if (m?.body) this.saveMeasurement(m.body);
  }

  /**
   * Proposes a switch of the customer's mode, with the assessor's reason: stored first (the ledger's
   * channel.proposed, which the customer's answer names), then asked over the call; the answer comes
   * back as `mode-answer`. Returns when it was asked (or could not be stored).
   */
  async requestMode(mode: CustomerMode, reason: string | null = null): Promise<void> {
    const from = this.current.mode?.mode;
    if (!from || from === mode) return;
    const proposalId = this.newId();
    this.change({ modeRequest: { mode, status: 'waiting' } });
    const why = reason?.trim() ? { reason: reason.trim().slice(0, 200) } : {};
    try {
      await this.deps.api.proposeChannel(this.deps.caseId, { proposalId, from, to: mode, ...why });
    } catch (error) {
      this.change({ modeRequest: null, problem: i18next.t('casework:markup.switchFailed', { error: messageOf(error) }) });
      return;
    }
    this.deps.channel.send({ v: 1, type: 'mode-request', mode, proposalId, ...why });
  }

  private pickMeasurePoint(screen: ScreenPoint): void {
    const next = pickPoint(this.current.draft, screen, this.newId);
    if (!next) return this.change({ problem: i18next.t('casework:markup.stillWaiting') });
    const { id, index } = next.message;
    this.change({ draft: next.draft });
    this.deps.channel.send(next.message);
    this.timers.after(ANSWER_TIMEOUT_MS, () => {
      const before = this.current.draft;
      const draft = expirePick(before, id, index, screen, noAnswer());
      if (draft !== before) this.change({ draft, problem: noAnswer() });
    });
  }

  private onPlaced(message: PeerMessageOf<'annotation-placed'>): void {
    const known = this.current.annotations.find((a) => a.id === message.id);
    // A late answer after the timeout still counts: the customer's device shows it.
    if (!known || (known.status !== 'placing' && known.status !== 'failed')) return;
    if (message.error) {
      const text = placementErrorText(message.error);
      this.setAnnotation(known.id, { status: 'failed', error: text });
      this.change({ problem: text });
      return;
    }
    this.setAnnotation(known.id, { anchor: message.anchor, error: null });
    this.saveAnnotation({ ...known, anchor: message.anchor, error: null });
  }

  private onMeasurePoint(message: PeerMessageOf<'measure-point-result'>): void {
    const result = applyResult(this.current.draft, message);
    this.change({ draft: result.draft });
    if (result.error) this.change({ problem: i18next.t('casework:markup.clickAgain', { problem: placementErrorText(result.error, 'measure there') }) });
    if (result.completed) this.finishMeasurement(result.completed);
  }

  /** The customer measured on their own: shown live until their device stores it. */
  private onCustomerMeasurement(message: PeerMessageOf<'measurement'>): void {
    if (this.current.measurements.some((m) => m.id === message.id)) return;
    const { id, a, b, distanceM, uncertaintyM } = message;
    const measurement: SessionMeasurement = { id, a, b, distanceM, uncertaintyM, body: null, createdBy: 'customer', at: this.now().toISOString(), status: 'live', shown: true };
    this.change({ measurements: [...this.current.measurements, measurement] });
  }

  private finishMeasurement({ body, distanceM, uncertaintyM }: CompletedMeasurement): void {
    const measurement: SessionMeasurement = { id: body.id, a: body.a, b: body.b, distanceM, uncertaintyM, body, createdBy: 'assessor', at: this.now().toISOString(), status: 'saving', shown: true };
    this.change({ measurements: [...this.current.measurements.filter((m) => m.id !== body.id), measurement] });
    this.deps.channel.send({ v: 1, type: 'measurement', id: body.id, a: body.a, b: body.b, distanceM, uncertaintyM });
    this.saveMeasurement(body);
  }

  private saveAnnotation(a: SessionAnnotation): void {
    const { caseId, api, notify } = this.deps;
    this.setAnnotation(a.id, { status: 'saving' });
    api.postAnnotation(caseId, { id: a.id, kind: a.kind, screen: a.screen, anchor: a.anchor, ...(a.label ? { label: a.label } : {}) }).then(
      (view) => {
        this.deps.addAnnotation(view);
        // Cleared while it was being stored: clear the stored one too.
        if (this.current.annotations.some((s) => s.id === a.id)) this.setAnnotation(a.id, { status: 'saved' });
        else api.clearAnnotations(caseId, { ids: [a.id] }).then(this.deps.addAnnotations, (e: unknown) => notify('error', i18next.t('casework:markup.annotationNotCleared', { error: messageOf(e) })));
      },
      (e: unknown) => {
        this.setAnnotation(a.id, { status: 'unsaved' });
        notify('error', i18next.t('casework:markup.annotationNotSaved', { error: messageOf(e) }));
      },
    );
  }

  private saveMeasurement(body: MeasurementBody): void {
    const mark = (status: SessionMeasurement['status']): void => this.change({ measurements: this.current.measurements.map((m) => (m.id === body.id ? { ...m, status } : m)) });
    mark('saving');
    this.deps.api.postMeasurement(this.deps.caseId, body).then(
      (view) => {
        this.deps.addMeasurement(view);
        mark('saved');
      },
      (e: unknown) => {
        mark('unsaved');
        this.deps.notify('error', i18next.t('casework:markup.measurementNotSaved', { error: messageOf(e) }));
      },
    );
  }

  private setAnnotation(id: string, change: Partial<SessionAnnotation>): void {
    this.change({ annotations: this.current.annotations.map((a) => (a.id === id ? { ...a, ...change } : a)) });
  }

  private change(next: Partial<MarkupState>): void {
    this.current = { ...this.current, ...next };
    this.emit('change');
  }
}
