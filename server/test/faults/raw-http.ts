// One HTTP/1.1 request written byte by byte on a plain socket, for what fetch will not send: a
// Content-Length that does not match the body, or a body cut off by the client half-closing.
import net from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The Content-Length to declare, whatever the body's real length. */
  declaredLength: number;
  /** Half-close after the body (the client is gone, the body incomplete). */
  halfClose: boolean;
}

export interface RawAnswer {
  /** Status of the first response; null when the server closed without answering. */
  status: number | null;
  contentType: string | null;
  body: string;
  timedOut: boolean;
}

export function rawRequest(base: string, request: RawRequest, timeoutMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Connection: close',
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${request.declaredLength}`,
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    // A reset after the server answered is the end of the exchange, not a failure of the test.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ ...parseFirstResponse(Buffer.concat(chunks)), timedOut });
    });
    socket.write(head);
    socket.write(request.body);
    if (request.halfClose) socket.end();
  });
}

function parseFirstResponse(bytes: Buffer): Omit<RawAnswer, 'timedOut'> {
  const text = bytes.toString('latin1');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
  if (!status) return { status: null, contentType: null, body: '' };
  const headEnd = text.indexOf('\r\n\r\n');
  const head = text.slice(0, headEnd < 0 ? undefined : headEnd);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
  const length = Number(header('content-length') ?? 0);
  const body = headEnd < 0 ? '' : bytes.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
  return { status: Number(status[1]), contentType: header('content-type'), body };
}
