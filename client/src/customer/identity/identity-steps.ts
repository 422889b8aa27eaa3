// The identity check's steps on the customer's phone: the document's front, its back (not a passport's),
// a selfie; which camera each wants and what the customer is told. Pure.
import type { IdentityDocument, IdentityPhotoPurpose } from '../../../../protocol/identity.ts';

export interface IdentityStep {
  purpose: IdentityPhotoPurpose;
  title: string;
  /** One or two words for the row of steps on a phone ("Front", "Back", "Selfie"). */
  short: string;
  hint: string;
  /** The camera that takes it: the back one for a document, the front one for a selfie. */
  facing: 'environment' | 'user';
}

const NOUN: Record<IdentityDocument, string> = { passport: 'passport', 'id-card': 'ID card', 'driving-licence': 'driving licence' };

export function identitySteps(document: IdentityDocument): IdentityStep[] {
  const noun = NOUN[document];
  const front: IdentityStep = document === 'passport'
    ? { purpose: 'id-front', title: 'The photo page of your passport', short: 'Photo page', hint: 'Open it at the page with your photo. Fit the whole page, with the two lines of letters and <<< at the bottom, inside the frame.', facing: 'environment' }
    : { purpose: 'id-front', title: `Front of your ${noun}`, short: 'Front', hint: `Lay the ${noun} flat in good light and fit it inside the frame.`, facing: 'environment' };
  const back: IdentityStep = { purpose: 'id-back', title: `Back of your ${noun}`, short: 'Back', hint: 'Turn it over. The lines of letters and <<< must be sharp and fully inside the frame.', facing: 'environment' };
  const selfie: IdentityStep = { purpose: 'selfie', title: 'A selfie', short: 'Selfie', hint: 'Look at the camera, face uncovered, in good light.', facing: 'user' };
  return document === 'passport' ? [front, selfie] : [front, back, selfie];
}

/** "1 Front of your ID card · 2 Back of your ID card · 3 A selfie". */
export const stepsLine = (steps: IdentityStep[]): string => steps.map((s, i) => `${i + 1} ${s.title}`).join(' · ');
