// Which messages from a held socket reach whom. A message for a peer this instance holds is left to
// `peer` to deliver, as with one instance; one for a peer held elsewhere is located in the directory,
// judged by the same case check, and handed to that instance, which writes it to the socket under the
// same back-pressure rule.
import type { CutOff, HeldPeers, HeldSocket, SignallingLog } from './held-socket.ts';
import type { InstanceMessage, PeerDirectory } from './peer-directory.ts';
import type { PeerGrant } from './peer-token.ts';
import type { RelayBudget } from './relay-budget.ts';
import { judgeSignal, readSignal, relayedSignal, type Signal, type SignalVerdict } from './signal-filter.ts';

export interface RelayDeps {
  online: HeldPeers;
  directory: PeerDirectory;
  cutOff: CutOff;
  log: SignallingLog;
  clock: () => number;
  /** What a binary or unreadable message is charged as: the largest accepted. */
  maxMessageBytes: number;
  /** What the server queues for one socket before dropping it as a peer that does not read. */
  maxQueuedBytes: number;
}

export interface PeerRelay {
  /** The gate of a held socket: true lets `peer` handle the message. */
  mayForward(sender: PeerGrant, held: HeldSocket, budget: RelayBudget, data: unknown, isBinary: boolean): boolean;
  /** Writes a signal another instance relayed to a peer this one holds. */
  deliver(message: Extract<InstanceMessage, { kind: 'signal' }>): void;
}

export function createPeerRelay(deps: RelayDeps): PeerRelay {
  const { online, directory, log } = deps;

  function relayElsewhere(sender: PeerGrant, held: HeldSocket, signal: Signal, dst: string): void {
    held.outbound = held.outbound.then(async () => {
      const entry = await directory.locate(dst);
      const verdict = judgeSignal(signal, sender.caseId, entry?.grant.caseId, entry ? { sender: sender.role, dst: entry.grant.role } : undefined);
      if (!verdict.forward) return noteDrop(sender, verdict);
      // Registered here but not (or no longer) held: its handshake is under way or it has just left.
      if (!entry || entry.instance === directory.instance) return;
      // A sender cut off meanwhile relays nothing more.
      if (online.get(sender.peerId)?.held !== held) return;
      await directory.send(entry.instance, { kind: 'signal', dst, caseId: sender.caseId, data: relayedSignal(signal, sender.peerId) });
    }).catch((err: unknown) => log.warn({ err, ...sender }, 'signalling: could not relay a message to another instance'));
  }

  function noteDrop(sender: PeerGrant, verdict: Extract<SignalVerdict, { forward: false }>): void {
    if (verdict.reason === 'cross-case') log.warn({ ...sender }, 'signalling: dropped a message addressed to another case');
  }

  /** A peer that stops reading while others keep sending to it would have the server queue all of it. */
  function overfull(receiver: { grant: PeerGrant; held: HeldSocket }, bytes: number): boolean {
    if (receiver.held.socket.bufferedAmount + bytes <= deps.maxQueuedBytes) return false;
    void deps.cutOff(receiver.grant, receiver.held, 'not reading its signalling socket');
    return true;
  }

  return {
    mayForward(sender, held, budget, data, isBinary) {
      const bytes = Buffer.isBuffer(data) ? data.length : deps.maxMessageBytes;
      if (!budget.spend(bytes, deps.clock())) {
        void deps.cutOff(sender, held, 'signalling rate limit exceeded', 1008);
        return false;
      }
      if (isBinary || !Buffer.isBuffer(data)) return false;
      const signal = readSignal(data.toString('utf8'));
      const receiver = signal?.dst === undefined ? undefined : online.get(signal.dst);
      if (signal?.dst !== undefined && signal.type !== 'HEARTBEAT' && !receiver) {
        // Not held here: perhaps by another instance. `peer` never sees it either way.
        relayElsewhere(sender, held, signal, signal.dst);
        return false;
      }
      const verdict = judgeSignal(signal, sender.caseId, receiver?.grant.caseId, receiver ? { sender: sender.role, dst: receiver.grant.role } : undefined);
      if (!verdict.forward) {
        noteDrop(sender, verdict);
        return false;
      }
      return receiver === undefined || !overfull(receiver, bytes);
    },
    deliver(message) {
      const receiver = online.get(message.dst);
      // Gone since the sender's instance located it, or (never expected) not of the sender's case.
      if (!receiver || receiver.grant.caseId !== message.caseId) return;
      if (!overfull(receiver, Buffer.byteLength(message.data))) receiver.held.socket.send(message.data);
    },
  };
}
