// A checklist's titles and hints in the customer's language (checklist.json, by template and item id);
// the ledger and the stored captures keep only the neutral ids. English is the templates' own words.
import type { ChecklistView } from '../../../protocol/checklist.ts';
import { SOURCE_LANGUAGE, type Translator } from '../i18n/translate.ts';

export function localChecklist(view: ChecklistView, words: Translator): ChecklistView {
  if (words.language === SOURCE_LANGUAGE) return view;
  const { t } = words;
  const key = `checklist:${view.template}`;
  return {
    ...view,
    title: t(`${key}.title`, { defaultValue: view.title }),
    items: view.items.map((item) => ({
      ...item,
      title: t(`${key}.items.${item.id}.title`, { defaultValue: item.title }),
      hint: t(`${key}.items.${item.id}.hint`, { defaultValue: item.hint }),
    })),
  };
}
