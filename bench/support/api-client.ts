// A small HTTP client for benchmarks that drive a server in another process: keeps the session
// cookie, sends a join token as a bearer when asked, and runs work a few items at a time.

export interface ApiClient {
  json(pathname: string, init?: { method?: string; json?: unknown; bearer?: string }): Promise<{ status: number; body: unknown }>;
  login(email: string, password: string): Promise<void>;
  /** `name=value` of the session cookie, once logged in. */
  cookie(): string | null;
}

export function apiClient(base: string): ApiClient {
  let cookie: string | null = null;
  const client: ApiClient = {
    async json(pathname, init = {}) {
      const headers: Record<string, string> = {};
      if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
      else if (cookie) headers.cookie = cookie;
      if (init.json !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + pathname, {
        method: init.method ?? 'GET',
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
        signal: AbortSignal.timeout(30_000),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? null;
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async login(email, password) {
      const res = await client.json('/api/auth/login', { method: 'POST', json: { email, password } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    },
    cookie: () => cookie,
  };
  return client;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function inBatches<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
  }));
}
