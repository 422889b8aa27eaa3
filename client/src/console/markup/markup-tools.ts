// The markup tools over the live video and when each can be used: what the customer's current
// mode tracks decides it (measuring needs AR; annotations need a picture, and are flat without AR).
import type { CustomerMode } from '../../../../protocol/messages.ts';
import type { AnnotationKind } from '../../../../protocol/spatial.ts';

export const TOOLS = ['pointer', 'marker', 'arrow', 'circle', 'label', 'measure'] as const;
export type Tool = (typeof TOOLS)[number];

export const toolText: Record<Tool, string> = {
  pointer: 'Pointer',
  marker: 'Marker',
  arrow: 'Arrow',
  circle: 'Circle',
  label: 'Label',
  measure: 'Measure',
};

/** What a click with the tool does, shown under the tool bar. */
export const toolHint: Record<Tool, string> = {
  pointer: 'Pick a tool, then click on the picture.',
  marker: 'Click on the picture where the marker should go.',
  arrow: 'Click on the point the arrow should point at.',
  circle: 'Click on the centre of what to circle.',
  label: 'Type the label, then click where it should go.',
  measure: 'Click the first end of the distance to measure.',
};

export const modeText: Record<CustomerMode, string> = {
  ar: 'AR',
  overlay: '3D overlay',
  camera: 'Camera',
  voice: 'Voice only',
  text: 'Text chat',
};

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
  if (context.mode === 'voice' || context.mode === 'text') return `The customer is in ${modeText[context.mode].toLowerCase()} mode: there is no picture to point at.`;
  if (!context.picture) return 'The customer’s camera is off: there is no picture to point at.';
  if (tool === 'measure' && context.mode !== 'ar') {
    if (context.mode === null) return 'Measuring needs the customer in AR mode; their device has not said which mode it is in yet.';
    if (!context.available.includes('ar')) return 'Measuring needs AR surface tracking, which the customer’s device does not offer.';
    return `Measuring needs the customer in AR mode (they are in ${modeText[context.mode]}): ask them to switch.`;
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
  if (context.mode === 'overlay' || context.mode === 'camera') notes.push(`Annotations stay flat at the point you click (no room tracking in ${modeText[context.mode]} mode).`);
  return notes.length > 0 ? notes.join(' ') : null;
}

const NO_SURFACE = 'No surface found there — try a point on the floor, a wall or a table.';

/** What the assessor is told when the customer's device placed (or measured) nothing. */
export function placementErrorText(deviceError: string | undefined, what: 'place it' | 'measure there' = 'place it'): string {
  if (!deviceError || /surface|hit/i.test(deviceError)) return NO_SURFACE;
  return `The customer’s device could not ${what}: ${deviceError}`;
}
