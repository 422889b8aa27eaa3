// The markup tools over the live video and when each can be used: what the customer's current
// mode tracks decides it (measuring needs AR; annotations need a picture, and are flat without AR).
import type { CustomerMode } from '../../../../protocol/messages.ts';
import type { AnnotationKind } from '../../../../protocol/spatial.ts';
import { i18next } from '../../i18n/i18n.ts';
import { translatedRecord } from '../../ui/translated-record.ts';

export const TOOLS = ['pointer', 'marker', 'arrow', 'circle', 'label', 'measure'] as const;
export type Tool = (typeof TOOLS)[number];

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`casework:markup.${key}`, options);

export const toolText = translatedRecord(TOOLS, (tool) => `casework:markup.tool.${tool}`);

/** What a click with the tool does, shown under the tool bar. */
export const toolHint = translatedRecord(TOOLS, (tool) => `casework:markup.hint.${tool}`);

export const modeText = translatedRecord<CustomerMode>(['ar', 'overlay', 'camera', 'voice', 'text'], (mode) => `casework:markup.mode.${mode}`);

/** The modes in ladder order, best first (the customer's device falls back down it). */
export const MODE_LADDER: readonly CustomerMode[] = ['ar', 'overlay', 'camera', 'voice', 'text'];

export function isAnnotationTool(tool: Tool): tool is AnnotationKind {
  return tool === 'marker' || tool === 'arrow' || tool === 'circle' || tool === 'label';
}

export interface MarkupContext {
  /** Why nothing can be placed on the customer's picture now (call-text's toolsDownText); null while connected with the data channel open. */
  offline: string | null;
  /** The customer's picture is showing (not audio only). */
  picture: boolean;
  /** The customer's current mode; null until their device reports it. */
  mode: CustomerMode | null;
  available: readonly CustomerMode[];
}

/** Why the tool cannot be used now, or null when it can. */
export function toolBlocked(tool: Tool, context: MarkupContext): string | null {
  if (tool === 'pointer') return null;
  if (context.offline) return context.offline;
  if (context.mode === 'voice' || context.mode === 'text') return t('blocked.noPicture', { mode: t(`modeLower.${context.mode}`) });
  if (!context.picture) return t('blocked.cameraOff');
  if (tool === 'measure' && context.mode !== 'ar') {
    if (context.mode === null) return t('blocked.modeUnknown');
    if (!context.available.includes('ar')) return t('blocked.noAr');
    return t('blocked.askSwitch', { mode: modeText[context.mode] });
  }
  return null;
}

/** The one line shown under the tool bar that explains what is limited in the current mode. */
export function toolsNote(context: MarkupContext): string | null {
  const all = toolBlocked('marker', context);
  if (all) return all;
  const notes: string[] = [];
  const measure = toolBlocked('measure', context);
  if (measure) notes.push(measure);
  if (context.mode === 'overlay' || context.mode === 'camera') notes.push(t('blocked.flat', { mode: modeText[context.mode] }));
  return notes.length > 0 ? notes.join(' ') : null;
}

/** What the assessor is told when the customer's device placed (or measured) nothing. */
export function placementErrorText(deviceError: string | undefined, what: 'place it' | 'measure there' = 'place it'): string {
  if (!deviceError || /surface|hit/i.test(deviceError)) return t('noSurface');
  return t(what === 'place it' ? 'deviceCouldNotPlace' : 'deviceCouldNotMeasure', { error: deviceError });
}
