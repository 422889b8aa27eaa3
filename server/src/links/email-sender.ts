// Sends a message (join link, code, receipt) by email over SMTP (nodemailer), saying its language in
// Content-Language. The only module that imports nodemailer.
import nodemailer from 'nodemailer';
import type { EmailMessage } from './link-message.ts';

export interface EmailSettings {
  /** smtp:// or smtps:// with the credentials in the URL (SIGHTLINE_SMTP_URL). */
  smtpUrl: string;
  /** The From header (SIGHTLINE_MAIL_FROM). */
  from: string;
}

export type SendEmail = (to: string, message: EmailMessage) => Promise<void>;

/** A send that fails rejects with a sentence saying why, for the console and the send's record. */
export function createEmailSender(settings: EmailSettings): SendEmail {
  const url = new URL(settings.smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // An assessor waits on the send: a mail server that does not answer is a failed send, not a hung page.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return async (to, message) => {
    try {
      // nodemailer writes every part as UTF-8 and a subject outside ASCII as RFC 2047 encoded-words, so Chinese survives.
      await transport.sendMail({ from: settings.from, to, subject: message.subject, text: message.text, html: message.html, headers: { 'Content-Language': message.language } });
    } catch (error) {
      throw new Error(`The mail server did not take the message: ${reasonOf(error)}`);
    }
  };
}

function reasonOf(error: unknown): string {
  const e = error as { code?: string; response?: string; message?: string } | null;
  const why = e?.response ?? e?.message ?? String(error);
  return why.replace(/\s+/g, ' ').trim().slice(0, 300);
}
