// A ws WebSocket whose 'message' events pass a gate before any listener sees them. `peer` attaches its
// listeners to these sockets, so whatever the gate refuses never reaches `peer`.
import { WebSocket } from 'ws';

export type MessageGate = (data: unknown, isBinary: boolean) => boolean;

export class GatedSocket extends WebSocket {
  /** Refuses everything until the server has authenticated the socket and set its gate. */
  gate: MessageGate = () => false;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message' && !this.gate(args[0], args[1] === true)) return false;
    return super.emit(event, ...args);
  }
}
