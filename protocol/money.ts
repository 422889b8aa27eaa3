// Money as the protocol carries it: an amount in the currency's major unit and an ISO 4217 code.
import { text } from './text.ts';

export const Currency = text().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
