// The identity check's steps on the customer's phone: the document's front, its back (not a passport's),
// a selfie; which camera each wants and what the customer is told, in the page's language. Pure.
import type { IdentityDocument, IdentityPhotoPurpose } from '../../../../protocol/identity.ts';
import { i18next } from '../../i18n/i18n.ts';

export interface IdentityStep {
  purpose: IdentityPhotoPurpose;
  title: string;
  /** One or two words for the row of steps on a phone ("Front", "Back", "Selfie"). */
  short: string;
  hint: string;
  /** The camera that takes it: the back one for a document, the front one for a selfie. */
  facing: 'environment' | 'user';
}

export function identitySteps(document: IdentityDocument): IdentityStep[] {
  const t = i18next.getFixedT(null, 'identity');
  const noun = t(`document.${document}`);
  const front: IdentityStep = document === 'passport'
    ? { purpose: 'id-front', title: t('step.passportTitle'), short: t('step.passportShort'), hint: t('step.passportHint'), facing: 'environment' }
    : { purpose: 'id-front', title: t('step.frontTitle', { document: noun }), short: t('step.frontShort'), hint: t('step.frontHint', { document: noun }), facing: 'environment' };
  const back: IdentityStep = { purpose: 'id-back', title: t('step.backTitle', { document: noun }), short: t('step.backShort'), hint: t('step.backHint'), facing: 'environment' };
  const selfie: IdentityStep = { purpose: 'selfie', title: t('step.selfieTitle'), short: t('step.selfieShort'), hint: t('step.selfieHint'), facing: 'user' };
  return document === 'passport' ? [front, selfie] : [front, back, selfie];
}

/** "1 Front of your ID card · 2 Back of your ID card · 3 A selfie". */
export const stepsLine = (steps: IdentityStep[]): string =>
  steps.map((s, i) => i18next.t('identity:step.numbered', { number: i + 1, title: s.title })).join(' · ');
