// React view of a MarkupSession (markup-session.ts): one session per case view, listening to the
// call's messages while mounted, told what the call says now, and re-rendered on every change.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CustomerMode } from '../../../../protocol/messages.ts';
import type { AnnotationView, MeasurementView, ScreenPoint } from '../../../../protocol/spatial.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { i18next } from '../../i18n/i18n.ts';
import type { Tone } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { liveMarks } from './markup-items.ts';
import { MarkupSession, markupContext, toolInHand, type MarkupCall } from './markup-session.ts';
import { toolBlocked, toolHint, toolsNote, type Tool } from './markup-tools.ts';
import { measureStep } from './measure-flow.ts';

interface Deps extends MarkupCall {
  caseId: string;
  channel: MessageChannel;
  addAnnotation: (annotation: AnnotationView) => void;
  addMeasurement: (measurement: MeasurementView) => void;
  addAnnotations: (annotations: AnnotationView[]) => void;
  notify: (tone: Tone, text: string) => void;
}

/** Made once per mount: all but the call are read from the first render (the case view is keyed by case). */
export function useMarkup({ offline, picture, ended, ...deps }: Deps) {
  const [session] = useState(() => new MarkupSession({ ...deps, api: consoleApi, call: { offline, picture, ended } }));
  useEffect(() => session.start(), [session]);
  useEffect(() => session.setCall({ offline, picture, ended }), [session, offline, picture, ended]);
  const subscribe = useCallback((onChange: () => void) => session.on('change', onChange), [session]);
  const state = useSyncExternalStore(subscribe, () => session.state);

  const actions = useMemo(
    () => ({
      requestMode: (mode: CustomerMode, reason: string | null) => void session.requestMode(mode, reason),
      selectTool: (tool: Tool) => session.selectTool(tool),
      setLabelText: (text: string) => session.setLabelText(text),
      pick: (screen: ScreenPoint) => session.pick(screen),
      missPick: () => session.missPick(),
      dismissProblem: () => session.dismissProblem(),
      retryAnnotation: (id: string) => session.retryAnnotation(id),
      retryMeasurement: (id: string) => session.retryMeasurement(id),
      clearAll: () => session.clearAll(),
    }),
    [session],
  );

  return useMemo(() => {
    // Drawn from the call as rendered now: the session hears of a change in an effect, after this
    // commit, and every panel of the console must agree at the commit itself.
    const now = { ...state, call: { offline, picture, ended } };
    const context = markupContext(now);
    const tool = toolInHand(now);
    const step = measureStep(state.draft);
    const hint = tool !== 'measure' ? toolHint[tool] : step === 'first' ? toolHint.measure : step === 'second' ? i18next.t('casework:markup.hint.measureSecond') : i18next.t('casework:markup.hint.measureWaiting');
    return {
      ...actions,
      mode: state.mode,
      modeRequest: state.modeRequest,
      tool,
      blocked: (t: Tool) => toolBlocked(t, context),
      note: toolsNote(context),
      hint,
      measureStep: step,
      labelText: state.labelText,
      problem: state.problem,
      /** Drawn over the live video: this session's annotations, the measurement being picked, and finished ones. */
      marks: liveMarks(state.annotations, state.draft, state.measurements),
      annotations: state.annotations,
      measurements: state.measurements,
    };
  }, [actions, state, offline, picture, ended]);
}

export type Markup = ReturnType<typeof useMarkup>;
