// Where each registered peer's socket is held, and the room left under the per-case and server limits:
// the one piece of signalling state instances must share. The in-memory directory serves one instance
// (no Redis); redis-directory.ts serves many.
import { randomBytes } from 'node:crypto';
import { roomFor, type PeerLimits, type Refusal } from './admission.ts';
import type { DirectoryEntry, InstanceMessage } from './instance-messages.ts';
import { OnlinePeers } from './online-peers.ts';
import type { PeerGrant } from './peer-token.ts';

export type { DirectoryEntry, InstanceMessage } from './instance-messages.ts';

export type Claim = { ok: true; registration: string } | Refusal;

/** What the directory tells the signalling instance it serves. */
export interface DirectoryEvents {
  /** A message another instance sent to this one. */
  onMessage(message: InstanceMessage): void;
  /** This instance's registrations now, kept alive by the directory while they are listed. */
  held(): Array<{ peerId: string; registration: string }>;
  /**
   * Registrations of this instance the directory no longer holds (they expired while this instance could
   * not refresh them, and were reaped): their sockets must go, without presence, which the reaper reported.
   */
  onLost(lost: Array<{ peerId: string; registration: string }>): void;
  /** Registrations of an instance that stopped refreshing them (it died), reaped by this one: report them offline. */
  onExpired(grants: PeerGrant[]): void;
}

export interface PeerDirectory {
  /** This instance's id in the directory. */
  readonly instance: string;
  /** Starts delivering events; called once, by the signalling server that owns the directory. */
  attach(events: DirectoryEvents): void;
  /** Registers the grant's peer on this instance, if no socket holds its id and its case and the server have room. */
  claim(grant: PeerGrant, limits: PeerLimits): Promise<Claim>;
  /** Removes a registration if it is still this one; true when it did: the caller then reports the peer offline. */
  release(grant: PeerGrant, registration: string): Promise<boolean>;
  /** The live registration of a peer id. */
  locate(peerId: string): Promise<DirectoryEntry | undefined>;
  /** The live registrations of a case, on every instance. */
  inCase(caseId: string): Promise<DirectoryEntry[]>;
  /** Delivers a message to an instance's `onMessage`; a message to an instance that is gone is lost. */
  send(instance: string, message: InstanceMessage): Promise<void>;
  close(): Promise<void>;
}

export function createRegistrationId(): string {
  return randomBytes(12).toString('base64url');
}

/** One instance, in process: registrations never expire, and every message is for this instance. */
export function createMemoryDirectory(): PeerDirectory {
  const instance = 'local';
  const registered = new OnlinePeers<string>();
  let events: DirectoryEvents | undefined;
  const entry = (found: { grant: PeerGrant; held: string } | undefined): DirectoryEntry | undefined =>
    found && { grant: { ...found.grant }, instance, registration: found.held };
  return {
    instance,
    attach(handlers) {
      events = handlers;
    },
    async claim(grant, limits) {
      const room = roomFor(grant, limits, registered);
      if (!room.ok) return room;
      const registration = createRegistrationId();
      registered.add(grant, registration);
      return { ok: true, registration };
    },
    async release(grant, registration) {
      if (registered.get(grant.peerId)?.held !== registration) return false;
      registered.remove(grant.peerId);
      return true;
    },
    locate: async (peerId) => entry(registered.get(peerId)),
    inCase: async (caseId) => registered.inCase(caseId).flatMap((grant) => entry(registered.get(grant.peerId)) ?? []),
    async send(to, message) {
      if (to === instance) events?.onMessage(message);
    },
    async close() {
      events = undefined;
    },
  };
}
