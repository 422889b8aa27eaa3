// Every message exists in every language: the same keys (a plural in the forms each language's plural
// rules use), the same {{placeholders}}, nothing empty. A missing key fails here, before a page shows
// the English fallback or the key itself.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_LANGUAGE, supportedLanguages } from './languages.ts';

/** The pages' messages (bundled into the client) and the server's (PDF report, SMS and email texts). */
const ROOTS = [path.join(import.meta.dirname, 'locales'), path.join(import.meta.dirname, '../../../server/src/i18n/locales')];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function read(root: string, language: string, namespace: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(root, language, `${namespace}.json`), 'utf8')) as Tree;
}

/** `a.b.c` → text, for every leaf. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

/** HTML's void elements: a <Trans> tag named after one renders empty (its content is dropped). */
const VOID_TAGS = /<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)>/i;

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

/** Each base key with its placeholders; plural keys must cover the language's plural categories. */
function messages(root: string, language: string, namespace: string): { keys: Map<string, string[]>; problems: string[] } {
  const keys = new Map<string, string[]>();
  const problems: string[] = [];
  const plurals = new Map<string, Set<string>>();
  for (const [key, text] of leaves(read(root, language, namespace))) {
    if (text.trim() === '') problems.push(`${language}/${namespace}: ${key} is empty`);
    const empty = VOID_TAGS.exec(text);
    if (empty) problems.push(`${language}/${namespace}: ${key} names a <Trans> tag <${empty[1]}>, which renders empty: rename it`);
    const plural = PLURAL.exec(key);
    const base = plural ? key.slice(0, -plural[0].length) : key;
    if (plural) (plurals.get(base) ?? plurals.set(base, new Set()).get(base)!).add(plural[1]!);
    const names = placeholders(text).filter((n) => n !== 'count');
    keys.set(base, [...new Set([...(keys.get(base) ?? []), ...names])].sort());
  }
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const [base, forms] of plurals) {
    for (const category of categories) if (!forms.has(category)) problems.push(`${language}/${namespace}: ${base} lacks its "${category}" plural form`);
  }
  return { keys, problems };
}

for (const ROOT of ROOTS) {
  const languages = supportedLanguages(fs.readdirSync(ROOT).filter((f) => fs.statSync(path.join(ROOT, f)).isDirectory()));
  const namespaces = fs.readdirSync(path.join(ROOT, SOURCE_LANGUAGE)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

  describe(`message files in ${path.relative(path.join(import.meta.dirname, '../../..'), ROOT)}`, () => {
    it('there are at least English and Simplified Chinese', () => {
      expect(languages).toEqual(expect.arrayContaining(['en', 'zh-CN']));
    });

    for (const language of languages) {
      it(`${language} has every namespace, every key and the same placeholders as ${SOURCE_LANGUAGE}`, () => {
        const problems: string[] = [];
        const files = fs.readdirSync(path.join(ROOT, language)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
        for (const extra of files.filter((n) => !namespaces.includes(n))) problems.push(`${language}: ${extra}.json has no ${SOURCE_LANGUAGE} original`);
        for (const namespace of namespaces) {
          if (!files.includes(namespace)) {
            problems.push(`${language}: ${namespace}.json is missing`);
            continue;
          }
          const source = messages(ROOT, SOURCE_LANGUAGE, namespace);
          const target = messages(ROOT, language, namespace);
          problems.push(...target.problems);
          for (const [key, names] of source.keys) {
            const theirs = target.keys.get(key);
            if (!theirs) problems.push(`${language}/${namespace}: ${key} is missing`);
            else if (theirs.join() !== names.join()) problems.push(`${language}/${namespace}: ${key} has {{${theirs.join(', ')}}}, ${SOURCE_LANGUAGE} has {{${names.join(', ')}}}`);
          }
          for (const key of target.keys.keys()) if (!source.keys.has(key)) problems.push(`${language}/${namespace}: ${key} is not in ${SOURCE_LANGUAGE}`);
        }
        expect(problems).toEqual([]);
      });
    }
  });
}
