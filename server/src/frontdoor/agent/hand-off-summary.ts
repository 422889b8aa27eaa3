// What the person taking over sees before answering: the intent, the service type, each question the
// agent was asked with where its answer came from, the photos attached, and why it hands off. Short
// enough to read at a glance (at most SUMMARY_MAX_CHARS), and structured for the console to lay out.
import type { AgentAnswer, ServiceType } from '../../../../protocol/agent.ts';

export const SUMMARY_MAX_CHARS = 600;

export interface AgentTurn { question: string; answer: AgentAnswer }

export interface AgentConversation {
  service: ServiceType;
  intent: string;
  turns: AgentTurn[];
  /** Evidence ids of the photos the customer attached. */
  photos: string[];
}

export interface HandOffSummary {
  text: string;
  service: ServiceType;
  intent: string;
  turns: { question: string; source: AgentAnswer['source']; handOff: AgentAnswer['handOff'] }[];
  photos: { count: number; ids: string[] };
  reason: string;
}

const cut = (text: string, max: number): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, Math.max(1, max - 1))}…` : oneLine;
};

/** Why a person is needed, from the last answer that offered or needed one. */
function reasonOf(turns: AgentTurn[]): string {
  const last = [...turns].reverse().find((turn) => turn.answer.handOff !== 'none');
  if (!last) return 'the customer asked to continue with a person';
  if (last.answer.source === 'rule:complaint') return 'a complaint: a person was offered at once';
  if (last.answer.source === 'rule:person-asked') return 'the customer asked for a person';
  return `the assistant could not answer "${cut(last.question, 80)}"`;
}

function render(s: Omit<HandOffSummary, 'text'>, quote: number, shownTurns: number): string {
  const lines = [`${s.service}: "${cut(s.intent, quote)}"`];
  const turns = shownTurns === 0 ? [] : s.turns.slice(-shownTurns);
  if (turns.length < s.turns.length) lines.push(`(${s.turns.length - turns.length} earlier question${s.turns.length - turns.length === 1 ? '' : 's'} not shown)`);
  for (const turn of turns) lines.push(`Q "${cut(turn.question, quote)}" → ${turn.source === 'none' ? 'not answered' : turn.source}`);
  const ids = s.photos.ids.slice(0, 5).join(', ') + (s.photos.count > 5 ? ', …' : '');
  lines.push(s.photos.count === 0 ? 'Photos: none' : `Photos: ${s.photos.count} (${ids})`);
  lines.push(`Hand-off: ${s.reason}`);
  return lines.join('\n');
}

export function summarise(conversation: AgentConversation): HandOffSummary {
  const structured = {
    service: conversation.service,
    intent: conversation.intent,
    turns: conversation.turns.map((t) => ({ question: t.question, source: t.answer.source, handOff: t.answer.handOff })),
    photos: { count: conversation.photos.length, ids: [...conversation.photos] },
    reason: reasonOf(conversation.turns),
  };
  // Shorten the quotes first, then show only the latest questions, until the text fits.
  for (const shownTurns of [structured.turns.length, 5, 3, 1, 0]) {
    for (const quote of [160, 100, 60, 40]) {
      const text = render(structured, quote, shownTurns);
      if (text.length <= SUMMARY_MAX_CHARS) return { text, ...structured };
    }
  }
  return { text: cut(render(structured, 40, 0), SUMMARY_MAX_CHARS), ...structured };
}
