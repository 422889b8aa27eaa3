// The organisation's settings an admin changes in the admin pages (issue 15): what a settlement needs
// before it can be offered and accepted, and how far from the case's address a photo may be taken.
import { z } from 'zod';

export const OrgSettings = z.object({
  /** A settlement offer cannot be made until the case's identity check passed. */
  offerRequiresIdentity: z.boolean(),
  /** How the customer confirms accepting an offer: a one-time code sent to them, or the passed identity check. */
  offerConfirmWith: z.enum(['code', 'identity']),
  /** A photo taken farther than this from the case's address (metres) is flagged. */
  captureMaxDistanceM: z.number().int().min(10).max(1_000_000),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export const ORG_SETTINGS_DEFAULTS: OrgSettings = {
  offerRequiresIdentity: true,
  offerConfirmWith: 'code',
  captureMaxDistanceM: 1000,
};

/** A change: any subset of the settings. */
export const OrgSettingsPatch = OrgSettings.partial().strict();
export type OrgSettingsPatch = z.infer<typeof OrgSettingsPatch>;
