// Identity check (issue 15): the document the customer photographs, what was read from its
// machine-readable zone (MRZ, ICAO 9303), and the assessor's decision.
import { z } from 'zod';
import { text } from './text.ts';

/** A passport has one side (TD3); an ID card and a driving licence have a back. */
export const IdentityDocument = z.enum(['passport', 'id-card', 'driving-licence']);
export type IdentityDocument = z.infer<typeof IdentityDocument>;

export const IdentityPhotoPurpose = z.enum(['id-front', 'id-back', 'selfie']);
export type IdentityPhotoPurpose = z.infer<typeof IdentityPhotoPurpose>;

/** The MRZ as read offline: the lines, the parsed fields (null where unreadable) and each check digit's verdict. */
export const MrzReading = z.object({
  format: z.enum(['TD1', 'TD2', 'TD3']),
  lines: z.array(text()),
  documentNumber: text().nullable(),
  surname: text().nullable(),
  givenNames: text().nullable(),
  nationality: text().nullable(),
  issuingState: text().nullable(),
  /** YYYY-MM-DD. */
  birthDate: text().nullable(),
  expiryDate: text().nullable(),
  sex: text().nullable(),
  checkDigits: z.object({
    documentNumber: z.boolean(),
    birthDate: z.boolean(),
    expiryDate: z.boolean(),
    composite: z.boolean().nullable(),
  }),
  /** Every check digit holds. */
  valid: z.boolean(),
});
export type MrzReading = z.infer<typeof MrzReading>;

export const IdentityResult = z.enum(['passed', 'failed']);
export type IdentityResult = z.infer<typeof IdentityResult>;

/** A document number as the PDF report shows it: all but the last four characters hidden. */
export function redactDocumentNumber(value: string): string {
  return value.length <= 4 ? value : `${'•'.repeat(value.length - 4)}${value.slice(-4)}`;
}
