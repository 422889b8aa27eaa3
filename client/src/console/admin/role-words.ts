// What each staff role is called on the admin pages, in the page's language.
import type { Role } from '../../../../protocol/http.ts';
import { translatedRecord } from '../../ui/translated-record.ts';

const ROLES: readonly Role[] = ['assessor', 'supervisor', 'expert', 'admin'];

export const ROLE_NAMES = translatedRecord(ROLES, (role) => `admin:role.${role}`);
