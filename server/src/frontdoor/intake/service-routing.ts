// Where each service type goes in the queue: the skills that take it, relaxing over time (claims wait
// 30 s for a senior claims handler, then any claims handler, then anyone after 90 s), and its priority.
import type { ServiceType } from '../../../../protocol/agent.ts';
import type { RoutingStep } from '../../../../protocol/queue.ts';

export interface ServiceRoute {
  steps: RoutingStep[];
  /** Higher is served first: a complaint is not left waiting behind routine questions. */
  priority: number;
}

const only = (skill: string, minLevel = 1): RoutingStep[] => [{ afterSeconds: 0, requires: [{ skill, minLevel }] }];

export const SERVICE_ROUTES: Record<ServiceType, ServiceRoute> = {
  claim: {
    steps: [
      { afterSeconds: 0, requires: [{ skill: 'claims', minLevel: 2 }] },
      { afterSeconds: 30, requires: [{ skill: 'claims', minLevel: 1 }] },
      { afterSeconds: 90, requires: [] },
    ],
    priority: 0,
  },
  preview: { steps: only('sales'), priority: 0 },
  complaint: { steps: only('complaints'), priority: 5 },
  query: { steps: only('service'), priority: 0 },
  consult: { steps: only('service'), priority: 0 },
  transaction: { steps: only('service'), priority: 0 },
};
