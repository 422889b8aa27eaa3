// Settings parsed in config.ts alone (the ICE policy, the PostgreSQL pool, the shutdown timings): their
// defaults, and a bad value stopping the start with a message that names the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

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

describe('SIGHTLINE_DATABASE_POOL', () => {
  it('is 10 unless set', () => {
    expect(loadConfig(base).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, SIGHTLINE_DATABASE_POOL: '' }).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, SIGHTLINE_DATABASE_POOL: '40' }).databasePoolSize).toBe(40);
  });

  it.each(['0', '-1', '2.5', 'ten', '1001'])('refuses %j, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, SIGHTLINE_DATABASE_POOL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SIGHTLINE_DATABASE_POOL: value })).toThrow(`SIGHTLINE_DATABASE_POOL: must be a whole number of connections (1-1000), not "${value}"`);
  });
});

describe('SIGHTLINE_SHUTDOWN_NOTICE_S and SIGHTLINE_SHUTDOWN_GRACE_S', () => {
  it('default to 20 s of grace, and 5 s of notice with Redis (behind a load balancer), none without', () => {
    expect(loadConfig(base).shutdown).toEqual({ noticeMs: 0, graceMs: 20_000 });
    expect(loadConfig({ ...base, SIGHTLINE_REDIS_URL: 'redis://127.0.0.1:6379' }).shutdown).toEqual({ noticeMs: 5_000, graceMs: 20_000 });
  });

  it('take whole seconds from 0 to 3600', () => {
    expect(loadConfig({ ...base, SIGHTLINE_SHUTDOWN_NOTICE_S: '0', SIGHTLINE_SHUTDOWN_GRACE_S: '3600', SIGHTLINE_REDIS_URL: 'redis://127.0.0.1:6379' }).shutdown)
      .toEqual({ noticeMs: 0, graceMs: 3_600_000 });
  });

  it.each(['soon', '-1', '1.5', '3601'])('refuse %j, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, SIGHTLINE_SHUTDOWN_GRACE_S: value })).toThrow(`SIGHTLINE_SHUTDOWN_GRACE_S: must be a whole number of seconds (0-3600), not "${value}"`);
    expect(() => loadConfig({ ...base, SIGHTLINE_SHUTDOWN_NOTICE_S: value })).toThrow(`SIGHTLINE_SHUTDOWN_NOTICE_S: must be a whole number of seconds (0-3600), not "${value}"`);
  });
});

describe('SIGHTLINE_TRUST_PROXY', () => {
  it('trusts loopback only unless set', () => {
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, SIGHTLINE_TRUST_PROXY: ' 10.0.0.5, 10.0.1.0/24 ,fd00::/8,uniquelocal' }).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24', 'fd00::/8', 'uniquelocal']);
  });

  it.each(['*', 'true', 'everyone', '10.0.0.0/33', '10.0.0.1/8/8', 'fd00::/129', '10.0.0', ',', ''])('refuses %j, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, SIGHTLINE_TRUST_PROXY: value })).toThrow(/SIGHTLINE_TRUST_PROXY: must be addresses or CIDR ranges of the load balancers/);
  });
});
