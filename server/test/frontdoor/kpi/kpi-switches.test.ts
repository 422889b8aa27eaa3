// The KPIs' "switches": channel.switched only — a proposal or the customer's answer to it is not a switch.
import { describe, expect, it } from 'vitest';
import { SWITCH_KINDS } from '../../../src/frontdoor/kpi/kpi-store.ts';

describe('switches', () => {
  it('count channel.switched, not channel.proposed or channel.answered', () => {
    expect(SWITCH_KINDS).toEqual(['channel.switched']);
  });
});
