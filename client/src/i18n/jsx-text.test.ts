// No user-facing text bypasses the i18n function, on any page: a JSX text node with a letter in it, or a
// literal aria-label / placeholder / title / alt / label attribute with one, fails here naming the file
// and line.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLIENT = path.join(import.meta.dirname, '..');

/**
 * Every page's folder under client/src: all of them go through t(), and a .tsx file added anywhere is
 * checked from its first commit. A new top-level folder joins here (the test below fails until it does).
 */
export const TRANSLATED: readonly string[] = ['console', 'customer', 'receipt', 'start', 'ui', 'xr'];

const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'title', 'alt', 'label']);
const LETTER = /\p{L}/u;

function sources(entry: string): string[] {
  const full = path.join(CLIENT, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
    .map((f) => path.join(full, f));
}

/** Each bypass as `file:line: text`. */
export function bypasses(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(CLIENT, file)}:${line + 1}: ${text.trim().slice(0, 60)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression : null;
      if (literal && LETTER.test(literal.text)) report(node, `${node.name.getText(source)}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-facing text goes through i18n', () => {
  it('finds a bypass when there is one (the check itself works)', () => {
    const probe = path.join(fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'jsx-text-')), 'probe.tsx');
    fs.writeFileSync(probe, 'export const A = () => <p aria-label="Close">Hello {name}<b>{t("ok")}</b> · 2</p>;\n');
    expect(bypasses(probe).map((b) => b.replace(/^.*probe\.tsx/, 'probe.tsx'))).toEqual(['probe.tsx:1: aria-label="Close"', 'probe.tsx:1: Hello']);
  });

  it.each(TRANSLATED)('%s has no text outside t()', (entry) => {
    expect(sources(entry).flatMap(bypasses)).toEqual([]);
  });

  it('every folder with .tsx files is checked', () => {
    const folders = fs.readdirSync(CLIENT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const withJsx = folders.filter((folder) => sources(folder).length > 0);
    expect(withJsx.filter((folder) => !TRANSLATED.includes(folder))).toEqual([]);
  });
});
