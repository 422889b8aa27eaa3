// The operator's knowledge base: a Markdown file whose `## ` headings are entries. Under each heading,
// optional front lines `Tags: a, b`, `Services: query, claim` and `Id: lower-case-words`, then the answer
// text. A file that does not fit is refused whole, naming the line and what is wrong, so the agent never
// starts on half of it.
//
// Languages: the file itself is English (the source language). Its answers in another language sit in a
// file beside it named with the language's tag — `default.md` and `default.zh-CN.md` — in the same
// format; the agent answers a customer from the entries in their language, and from the English ones when
// theirs has none that fit. An entry whose title has no Latin letters or digits (a Chinese one) takes its
// id from an `Id:` line; giving it the id of the same answer in English keeps `kb:<id>` the same in every
// language.
import fs from 'node:fs';
import path from 'node:path';
import { ServiceType } from '../../../../protocol/agent.ts';

export interface KnowledgeBaseEntry {
  /** From the `Id:` line, else the title: lower-case words joined by dashes; unique in the file. */
  id: string;
  title: string;
  tags: string[];
  /** The service types the entry answers; empty: every type. */
  services: ServiceType[];
  text: string;
  /** The heading's line, 1-based. */
  line: number;
  /** The language of the file the entry is in (BCP 47); absent: English, the source language. */
  language?: string;
}

/** The language of the knowledge-base file named by SIGHTLINE_KNOWLEDGE_BASE. */
export const KB_SOURCE_LANGUAGE = 'en';

export class KnowledgeBaseError extends Error {
  /** `line`: 1-based; null when the file could not be read at all. */
  constructor(readonly line: number | null, readonly problem: string, source = 'knowledge base') {
    super(`${source}${line === null ? '' : ` line ${line}`}: ${problem}`);
  }
}

export const MAX_TITLE_CHARS = 120;
export const MAX_ANSWER_CHARS = 4000;
const MAX_ENTRIES = 2000;

const slug = (title: string): string => title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64).replace(/-$/, '');

const list = (value: string): string[] => value.split(',').map((item) => item.trim()).filter(Boolean);

interface Draft { entry: KnowledgeBaseEntry; body: string[]; frontOpen: boolean }

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The entries of a knowledge-base file's text; `source` names the file in errors, `language` is the file's. */
export function parseKnowledgeBase(markdown: string, source = 'knowledge base', language = KB_SOURCE_LANGUAGE): KnowledgeBaseEntry[] {
  const fail = (line: number, problem: string): never => { throw new KnowledgeBaseError(line, problem, source); };
  const entries: KnowledgeBaseEntry[] = [];
  const ids = new Map<string, number>();
  let draft: Draft | null = null;

  const finish = (d: Draft): void => {
    if (d.entry.id === '') fail(d.entry.line, `the title "${d.entry.title}" has no letters or digits to make an id from; give it an "Id: some-words" line`);
    const earlier = ids.get(d.entry.id);
    if (earlier !== undefined) fail(d.entry.line, `"${d.entry.title}" repeats the entry of line ${earlier} (both are "${d.entry.id}")`);
    ids.set(d.entry.id, d.entry.line);
    const answer = d.body.join('\n').trim();
    if (answer === '') fail(d.entry.line, `"${d.entry.title}" has no answer text under its heading`);
    if (answer.length > MAX_ANSWER_CHARS) fail(d.entry.line, `"${d.entry.title}" has ${answer.length} characters of answer; at most ${MAX_ANSWER_CHARS}`);
    entries.push({ ...d.entry, text: answer });
  };

  markdown.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    const n = index + 1;
    const heading = /^##(?!#)\s*(.*)$/.exec(raw);
    if (heading) {
      if (draft) finish(draft);
      const title = (heading[1] ?? '').trim();
      if (title === '') fail(n, 'a "## " heading with no title');
      if (title.length > MAX_TITLE_CHARS) fail(n, `a title of ${title.length} characters; at most ${MAX_TITLE_CHARS}`);
      draft = { entry: { id: slug(title), title, tags: [], services: [], text: '', line: n, ...(language === KB_SOURCE_LANGUAGE ? {} : { language }) }, body: [], frontOpen: true };
      return;
    }
    if (!draft) {
      // Before the first entry: blank lines and one `# ` title of the whole file, nothing else.
      if (raw.trim() === '' || /^#\s+\S/.test(raw)) return;
      fail(n, 'text before the first "## " heading (every answer belongs under a "## " title)');
    }
    const d = draft as Draft;
    const front = d.frontOpen ? /^(Tags|Services|Id)\s*:(.*)$/i.exec(raw.trim()) : null;
    if (front) {
      const [, key = '', value = ''] = front;
      const items = list(value);
      if (items.length === 0) fail(n, `"${key}:" lists nothing`);
      if (key.toLowerCase() === 'id') {
        const id = value.trim();
        if (!ID.test(id) || id.length > 64) fail(n, `"${id}" is not an id (lower-case letters and digits joined by dashes, at most 64 characters)`);
        d.entry.id = id;
      } else if (key.toLowerCase() === 'tags') {
        d.entry.tags = items.map((tag) => tag.toLowerCase());
      } else {
        const unknown = items.find((item) => !ServiceType.safeParse(item.toLowerCase()).success);
        if (unknown !== undefined) fail(n, `"${unknown}" is not a service type (one of: ${ServiceType.options.join(', ')})`);
        d.entry.services = items.map((item) => ServiceType.parse(item.toLowerCase()));
      }
      return;
    }
    if (raw.trim() !== '') d.frontOpen = false;
    if (!d.frontOpen) d.body.push(raw);
  });
  if (draft) finish(draft);
  if (entries.length === 0) fail(1, 'no entries: the file has no "## " headings');
  if (entries.length > MAX_ENTRIES) fail(1, `${entries.length} entries; at most ${MAX_ENTRIES}`);
  return entries;
}

/** Reads and parses the file at `file` (English); a missing or unreadable file is refused like a broken one. */
export function loadKnowledgeBase(file: string, language = KB_SOURCE_LANGUAGE): KnowledgeBaseEntry[] {
  let markdown: string;
  try {
    markdown = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new KnowledgeBaseError(null, reason, `SIGHTLINE_KNOWLEDGE_BASE ${file}`);
  }
  return parseKnowledgeBase(markdown, `SIGHTLINE_KNOWLEDGE_BASE ${file}`, language);
}

/**
 * `<name>.<language>.md` beside `<name>.md`: the language it is in, spelt as `languages` spell it; null for
 * any other file, and for a language not in `languages` (the agent could not speak around its answers).
 */
export function translationLanguage(file: string, candidate: string, languages: readonly string[]): string | null {
  const stem = path.basename(file).replace(/\.md$/i, '');
  const match = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\.md$/i.exec(candidate);
  if (!match || match[1] !== stem) return null;
  const tag = match[2]!.toLowerCase();
  return languages.find((l) => l.toLowerCase() === tag && l !== KB_SOURCE_LANGUAGE) ?? null;
}

/**
 * The file at `file` and its translations beside it (`default.zh-CN.md`) into the languages the server
 * speaks (`languages`), every entry marked with its file's language; any broken file is refused.
 */
export function loadKnowledgeBases(file: string, languages: readonly string[]): KnowledgeBaseEntry[] {
  const entries = loadKnowledgeBase(file);
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir).sort()) {
    const language = translationLanguage(file, name, languages);
    if (language !== null) entries.push(...loadKnowledgeBase(path.join(dir, name), language));
  }
  return entries;
}
