// Checklist titles and hints in the customer's language: the English message file is the templates' own
// words (so they cannot drift apart), every item has a Chinese title and hint, and only the words change —
// ids, states and the verdicts stay as the ledger has them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATES, checklistState, ChecklistTemplateId } from '../../../protocol/checklist.ts';
import { localChecklist } from '../../src/checklist/checklist-words.ts';
import { SERVER_LOCALES, translators } from '../../src/i18n/translate.ts';

const read = (language: string) => JSON.parse(fs.readFileSync(path.join(SERVER_LOCALES, language, 'checklist.json'), 'utf8')) as Record<string, { title: string; items: Record<string, { title: string; hint: string }> }>;

describe('checklist words', () => {
  it('the English file says what the templates say', () => {
    const english = read('en');
    for (const template of Object.values(CHECKLIST_TEMPLATES)) {
      expect(english[template.id]?.title).toBe(template.title);
      expect(english[template.id]?.items).toEqual(Object.fromEntries(template.items.map((i) => [i.id, { title: i.title, hint: i.hint }])));
    }
  });

  it('English: the view as the templates give it', () => {
    const view = checklistState('vehicle', [{ itemId: 'odometer', evidenceId: 'ev_1', accepted: true, problems: [], at: '2026-12-05T10:00:00.000Z' }]);
    expect(localChecklist(view, translators().for('en'))).toBe(view);
    expect(localChecklist(view, translators().for(null))).toBe(view);
  });

  it('Simplified Chinese: every title and hint in Chinese, ids, states and evidence unchanged', () => {
    const zh = translators().for('zh-CN');
    for (const id of ChecklistTemplateId.options) {
      const view = checklistState(id, [{ itemId: CHECKLIST_TEMPLATES[id].items[0]!.id, evidenceId: 'ev_1', accepted: false, problems: ['blurry'], at: '2026-12-05T10:00:00.000Z' }]);
      const local = localChecklist(view, zh);
      expect(local.title).toMatch(/\p{Script=Han}/u);
      for (const [i, item] of local.items.entries()) {
        expect(item.title).toMatch(/\p{Script=Han}/u);
        expect(item.hint).toMatch(/\p{Script=Han}/u);
        expect({ ...item, title: view.items[i]!.title, hint: view.items[i]!.hint }).toEqual(view.items[i]);
      }
    }
    expect(localChecklist(checklistState('vehicle', []), zh).items.map((i) => i.title)).toEqual(['车辆左前角', '车辆右前角', '车辆左后角', '车辆右后角', '车架号（VIN）', '里程表', '各处受损部位']);
  });
});
