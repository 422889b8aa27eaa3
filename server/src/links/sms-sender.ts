// Sends a join link by SMS through the operator's HTTP webhook: POST {"to", "body"} as JSON, with the
// configured Authorization header. Any 2xx answer counts as sent.
export interface SmsSettings {
  /** SIGHTLINE_SMS_WEBHOOK_URL */
  webhookUrl: string;
  /** The Authorization header value (SIGHTLINE_SMS_WEBHOOK_AUTH); null sends none. */
  authorization: string | null;
}

export type SendSms = (to: string, body: string) => Promise<void>;

const TIMEOUT_MS = 10_000;

/** A send that fails rejects with a sentence saying why, for the console and the send's record. */
export function createSmsSender(settings: SmsSettings): SendSms {
  return async (to, body) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (settings.authorization) headers.authorization = settings.authorization;
    let res: Response;
    try {
      res = await fetch(settings.webhookUrl, { method: 'POST', headers, body: JSON.stringify({ to, body }), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const why = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (cause ?? (error as Error).message);
      throw new Error(`The SMS gateway could not be reached: ${why}`);
    }
    if (!res.ok) {
      const why = gatewayReason(await res.text().catch(() => ''));
      throw new Error(`The SMS gateway refused the message: ${why ? `${why} (HTTP ${res.status})` : `HTTP ${res.status}`}`);
    }
    await res.body?.cancel();
  };
}

/** A gateway's own words for a refusal: the `message` or `error` of a JSON answer (Twilio's shape), else its text. */
function gatewayReason(body: string): string {
  let why = body;
  try {
    const parsed: unknown = JSON.parse(body);
    const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    const named = [fields.message, fields.error].find((v): v is string => typeof v === 'string');
    if (named !== undefined) why = named;
  } catch {
    // Not JSON: the text itself is the reason.
  }
  return why.replace(/\s+/g, ' ').trim().slice(0, 200);
}
