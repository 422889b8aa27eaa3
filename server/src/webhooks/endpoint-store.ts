// The organisation's webhook endpoints: where events go, which ones, and the secret each is signed with.
// Few rows, read whole: the outbox writer asks for the subscribers of an event on every ledger append.
import { WebhookEvent, type WebhookEndpointView } from '../../../protocol/webhooks.ts';
import type { Db } from '../storage/database.ts';
import type { WebhookEndpointsTable } from '../storage/schema.ts';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  secret: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface EndpointChange {
  url?: string;
  events?: WebhookEvent[];
  description?: string | null;
  disabledAt?: string | null;
  secret?: string;
}

export interface EndpointStore {
  create(endpoint: WebhookEndpoint & { createdBy: string }): Promise<void>;
  byId(id: string): Promise<WebhookEndpoint | null>;
  /** Every endpoint with its undelivered and abandoned message counts, oldest first. */
  list(): Promise<WebhookEndpointView[]>;
  update(id: string, change: EndpointChange): Promise<WebhookEndpoint | null>;
  /** Removes the endpoint with its messages and their attempts; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** The enabled endpoints that receive `event`. */
  subscribers(event: WebhookEvent): Promise<WebhookEndpoint[]>;
}

export function createEndpointStore(db: Db): EndpointStore {
  const byId = async (id: string) => {
    const row = await db.q().selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  };
  return {
    async create(endpoint) {
      await db.q().insertInto('webhook_endpoints').values({
        id: endpoint.id, url: endpoint.url, description: endpoint.description, events: JSON.stringify(endpoint.events), secret: endpoint.secret,
        created_by: endpoint.createdBy, created_at: endpoint.createdAt, disabled_at: endpoint.disabledAt,
      }).execute();
    },
    byId,
    async list() {
      const rows = await db.q().selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
      const counts = await db.q().selectFrom('webhook_outbox').select(['endpoint_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('state', 'in', ['pending', 'abandoned']).groupBy(['endpoint_id', 'state']).execute();
      const count = (id: string, state: string) => Number(counts.find((c) => c.endpoint_id === id && c.state === state)?.n ?? 0);
      return rows.map(fromRow).map((e) => ({
        id: e.id, url: e.url, description: e.description, events: e.events, enabled: e.disabledAt === null, createdAt: e.createdAt, disabledAt: e.disabledAt,
        pending: count(e.id, 'pending'), abandoned: count(e.id, 'abandoned'),
      }));
    },
    async update(id, change) {
      const set = {
        ...(change.url !== undefined ? { url: change.url } : {}),
        ...(change.events !== undefined ? { events: JSON.stringify(change.events) } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.disabledAt !== undefined ? { disabled_at: change.disabledAt } : {}),
        ...(change.secret !== undefined ? { secret: change.secret } : {}),
      };
      if (Object.keys(set).length > 0) await db.q().updateTable('webhook_endpoints').set(set).where('id', '=', id).execute();
      return byId(id);
    },
    remove: (id) => db.transaction(async () => {
      const messages = db.q().selectFrom('webhook_outbox').select('id').where('endpoint_id', '=', id);
      await db.q().deleteFrom('webhook_attempts').where('outbox_id', 'in', messages).execute();
      await db.q().deleteFrom('webhook_outbox').where('endpoint_id', '=', id).execute();
      const removed = await db.q().deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
      return Number(removed.numDeletedRows) > 0;
    }),
    async subscribers(event) {
      const rows = await db.q().selectFrom('webhook_endpoints').selectAll().where('disabled_at', 'is', null).execute();
      return rows.map(fromRow).filter((e) => e.events.includes(event));
    },
  };
}

function fromRow(row: WebhookEndpointsTable): WebhookEndpoint {
  // Events a newer server knew and this one does not are dropped, never delivered.
  const events = (JSON.parse(row.events) as unknown[]).flatMap((e) => (WebhookEvent.safeParse(e).success ? [e as WebhookEvent] : []));
  return { id: row.id, url: row.url, description: row.description, events, secret: row.secret, createdAt: row.created_at, disabledAt: row.disabled_at };
}
