// The organisation's settings (protocol/settings.ts): one row per setting that differs from its default,
// its value as JSON. Read on every use (a handful of rows), so every instance sees a change at once.
import { ORG_SETTINGS_DEFAULTS, OrgSettings, type OrgSettingsPatch } from '../../../protocol/settings.ts';
import type { Db } from '../storage/database.ts';

export interface SettingsStore {
  get(): Promise<OrgSettings>;
  /** Stores the changed settings and answers the whole set as it now is. */
  update(patch: OrgSettingsPatch, actorId: string, now: string): Promise<OrgSettings>;
}

export function createSettingsStore(db: Db): SettingsStore {
  const get = async (): Promise<OrgSettings> => {
    const rows = await db.q().selectFrom('settings').select(['name', 'value']).execute();
    const stored = Object.fromEntries(rows.filter((row) => Object.hasOwn(ORG_SETTINGS_DEFAULTS, row.name)).map((row) => [row.name, JSON.parse(row.value) as unknown]));
    // A value an older or newer server wrote that no longer fits falls back to its default.
    const parsed = OrgSettings.partial().safeParse(stored);
    return { ...ORG_SETTINGS_DEFAULTS, ...(parsed.success ? parsed.data : {}) };
  };
  return {
    get,
    update: (patch, actorId, now) =>
      db.transaction(async () => {
        for (const [name, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          await db.q().insertInto('settings').values({ name, value: JSON.stringify(value), updated_by: actorId, updated_at: now })
            .onConflict((oc) => oc.column('name').doUpdateSet({ value: JSON.stringify(value), updated_by: actorId, updated_at: now }))
            .execute();
        }
        return get();
      }),
  };
}
