// Settings parsed in config.ts alone (the ICE policy): their defaults, and a bad value stopping the
// start with a message that names the variable.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

const base = { PORT: '0', HTTPS_PORT: 'off' };
const turn = { SIGHTLINE_TURN_URLS: 'turn:relay.example.test:3478', SIGHTLINE_TURN_SECRET: 'north-relay-secret-0123' };

describe('SIGHTLINE_ICE_POLICY', () => {
  it('is all unless set', () => {
    expect(loadConfig(base).iceTransportPolicy).toBe('all');
    expect(loadConfig({ ...base, ...turn }).iceTransportPolicy).toBe('all');
  });

  it('is relay with minted TURN credentials, or with a turn: server among the static ICE servers', () => {
    expect(loadConfig({ ...base, ...turn, SIGHTLINE_ICE_POLICY: 'relay' }).iceTransportPolicy).toBe('relay');
    const staticTurn = JSON.stringify([{ urls: ['stun:stun.example.test', 'turns:relay.example.test:5349'], username: 'u', credential: 'c' }]);
    expect(loadConfig({ ...base, SIGHTLINE_ICE_SERVERS: staticTurn, SIGHTLINE_ICE_POLICY: 'relay' }).iceTransportPolicy).toBe('relay');
  });

  it('refuses relay with no TURN relay configured, saying what to set', () => {
    const refusal = /SIGHTLINE_ICE_POLICY=relay needs a TURN relay, and none is configured: set SIGHTLINE_TURN_URLS and SIGHTLINE_TURN_SECRET/;
    expect(() => loadConfig({ ...base, SIGHTLINE_ICE_POLICY: 'relay' })).toThrow(refusal);
    // A STUN server is no relay.
    expect(() => loadConfig({ ...base, SIGHTLINE_ICE_POLICY: 'relay', SIGHTLINE_ICE_SERVERS: '[{"urls":"stun:stun.example.test"}]' })).toThrow(refusal);
  });

  it.each(['RELAY', 'none', 'host', ''])('refuses %j, naming the variable and the two values', (value) => {
    expect(() => loadConfig({ ...base, ...turn, SIGHTLINE_ICE_POLICY: value })).toThrow(/SIGHTLINE_ICE_POLICY: must be "all" \(the default\) or "relay"/);
  });
});
