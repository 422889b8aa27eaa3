// The people a simulation runs with: assessors with mixed skills and capacities, and customers with a
// channel, a priority and criteria that relax, all drawn from one seeded generator.
import type { Random } from './seeded-random.ts';
import type { Assessor, Channel, RoutingStep } from './routing-types.ts';

const SERVICES = ['auto', 'property', 'travel'] as const;
const LANGUAGES = ['lang:zh-CN', 'lang:es'] as const;

export interface SimulatedCustomer {
  id: string;
  arrivesAt: number;
  channel: Channel;
  priority: number;
  steps: RoutingStep[];
}

/**
 * Each assessor knows one to three services at levels 1..5, a fifth of them a second language; all take
 * three (or two) chats, voice and video, and about half XR. The first assessor takes every channel, so
 * every customer has someone once their criteria have relaxed to "any assessor".
 */
export function makeAssessors(count: number, random: Random): Assessor[] {
  return Array.from({ length: count }, (_, i) => {
    const skills: Record<string, number> = {};
    const known = SERVICES.filter(() => random.next() < 0.5);
    for (const service of known.length > 0 ? known : [SERVICES[i % SERVICES.length]!]) skills[service] = random.int(1, 5);
    for (const language of LANGUAGES) if (random.next() < 0.2) skills[language] = random.int(2, 5);
    return {
      id: `asr_${String(i).padStart(3, '0')}`,
      status: 'available',
      skills,
      capacity: { text: random.next() < 0.7 ? 3 : 2, voice: 1, video: 1, xr: i === 0 || random.next() < 0.5 ? 1 : 0 },
      load: {},
    };
  });
}

/**
 * Customers arrive uniformly over the window. A service request asks for level 4 at first, 2 after 30 s,
 * 1 after 90 s, anyone after 180 s; one in five also needs a language, which relaxes more slowly.
 * One in ten is a complaint at priority 1.
 */
export function makeCustomers(count: number, overSeconds: number, random: Random): SimulatedCustomer[] {
  const customers = Array.from({ length: count }, (_, i): SimulatedCustomer => {
    const service = SERVICES[random.int(0, SERVICES.length - 1)]!;
    const language = random.next() < 0.2 ? LANGUAGES[random.int(0, LANGUAGES.length - 1)]! : undefined;
    const steps: RoutingStep[] = language
      ? [
          { afterSeconds: 0, requires: [{ skill: service, minLevel: 3 }, { skill: language, minLevel: 3 }] },
          { afterSeconds: 60, requires: [{ skill: language, minLevel: 2 }] },
          { afterSeconds: 180, requires: [] },
        ]
      : [
          { afterSeconds: 0, requires: [{ skill: service, minLevel: 4 }] },
          { afterSeconds: 30, requires: [{ skill: service, minLevel: 2 }] },
          { afterSeconds: 90, requires: [{ skill: service, minLevel: 1 }] },
          { afterSeconds: 180, requires: [] },
        ];
    return {
      id: `cus_${String(i).padStart(5, '0')}`,
      arrivesAt: Math.floor(random.next() * overSeconds * 1000),
      channel: random.pick<Channel>([['text', 55], ['voice', 20], ['video', 20], ['xr', 5]]),
      priority: random.next() < 0.1 ? 1 : 0,
      steps,
    };
  });
  return customers.sort((a, b) => a.arrivesAt - b.arrivesAt || (a.id < b.id ? -1 : 1));
}
