// Real receivers for sent links, on loopback: an SMTP server (smtp-server) that checks the credentials
// from the SMTP URL and keeps each message, and an HTTP server standing in for an SMS webhook.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail { from: string; to: string[]; raw: string }

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(credentials: { user: string; pass: string }): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS to negotiate, so AUTH is allowed without it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedSms { authorization: string | undefined; contentType: string | undefined; json: unknown }

export interface SmsReceiver {
  url: string;
  messages: ReceivedSms[];
  /** The status the next requests are answered with (201 by default). */
  answer: { status: number; body: string };
  close(): Promise<void>;
}

export async function startSmsReceiver(): Promise<SmsReceiver> {
  const messages: ReceivedSms[] = [];
  const answer = { status: 201, body: '{"sid":"SM0001"}' };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      messages.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages,
    answer,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The decoded text of a MIME part whose Content-Type starts with `type` (quoted-printable or plain). */
export function mimePart(raw: string, type: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => new RegExp(`^Content-Type: ${type}`, 'im').test(p));
  if (!part) throw new Error(`no ${type} part in:\n${raw}`);
  const [head = '', ...body] = part.split(/\r?\n\r?\n/);
  const text = body.join('\n\n').replace(/\r?\n--[^\r\n]+--\s*$/, '');
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(head)) return text;
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
