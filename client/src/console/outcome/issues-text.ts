// A form's validation problems in one line for its banner: each field by its name in the console's
// language, then what is wrong with it (the schema's own words).
import { i18next } from '../../i18n/i18n.ts';

/** "amount: Number must be greater than 0 · reason: Required"; `form` names a problem of the whole form. */
export function issuesText(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, form: 'outcome' | 'settlement'): string {
  const field = (path: readonly PropertyKey[]): string => {
    const [first, ...rest] = path.map(String);
    const name = i18next.t(`casework:${form}.field.${first ?? (form === 'outcome' ? 'outcome' : 'offer')}`, { defaultValue: first });
    return [name, ...rest].join('.');
  };
  return issues.map((i) => i18next.t(`casework:${form}.invalid`, { field: field(i.path), message: i.message })).join(i18next.t(`casework:${form}.invalidSeparator`));
}
