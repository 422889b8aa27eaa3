// No user-facing text bypasses the i18n function in the surfaces that are translated: a JSX text node
// with a letter in it, or a literal aria-label / placeholder / title / alt / label attribute with one,
// fails here naming the file and line. A surface joins TRANSLATED once its strings go through t().
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLIENT = path.join(import.meta.dirname, '..');

/** Files and folders (relative to client/src) whose every user-facing string goes through t(). */
export const TRANSLATED: readonly string[] = [
  'console/admin',
  'console/app',
  'console/call',
  'console/case',
  'console/chat',
  'console/evidence',
  'console/identity',
  'console/keyboard',
  'console/main.tsx',
  'console/markup',
  'console/outcome',
  'console/participants',
  'console/queue',
  'console/recording',
  'console/settlement',
  'console/supervisor',
  'console/tour',
  'console/wrap-up',
  'customer/announcer.tsx',
  'customer/call-controls.tsx',
  'customer/call-ended.tsx',
  'customer/call-icons.tsx',
  'customer/call-screen.tsx',
  'customer/captions',
  'customer/chat-sheet.tsx',
  'customer/checklist',
  'customer/checklist-dock.tsx',
  'customer/consent-screen.tsx',
  'customer/declined-screen.tsx',
  'customer/front-door',
  'customer/gallery-upload.tsx',
  'customer/identity',
  'customer/join-app.tsx',
  'customer/live-view.tsx',
  'customer/main.tsx',
  'customer/media-screen.tsx',
  'customer/message-screen.tsx',
  'customer/mode-bar.tsx',
  'customer/settlement',
  'customer/spatial',
  'customer/survey-card.tsx',
  'customer/survey-face.tsx',
  'customer/tour',
  'receipt',
  'start',
  'ui/banner.tsx',
  'ui/chat-panel.tsx',
  'ui/language-switch.tsx',
  'ui/offer-items.tsx',
  'xr',
];

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

  it.each(TRANSLATED.length ? TRANSLATED : ['(none yet)'])('%s has no text outside t()', (entry) => {
    if (entry === '(none yet)') return;
    expect(sources(entry).flatMap(bypasses)).toEqual([]);
  });
});
