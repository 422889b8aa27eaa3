// The operator's knowledge base: a Markdown file whose `## ` headings are entries. Under each heading,
// optional front lines `Tags: a, b` and `Services: query, claim`, then the answer text. A file that
// does not fit is refused whole, naming the line and what is wrong, so the agent never starts on half of it.
import fs from 'node:fs';
import { ServiceType } from '../../../../protocol/agent.ts';

export interface KnowledgeBaseEntry {
  /** From the title: lower-case words joined by dashes; unique in the file. */
  id: string;
  title: string;
  tags: string[];
  /** The service types the entry answers; empty: every type. */
  services: ServiceType[];
  text: string;
  /** The heading's line, 1-based. */
  line: number;
}

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

/** The entries of a knowledge-base file's text; `source` names the file in errors. */
export function parseKnowledgeBase(markdown: string, source = 'knowledge base'): KnowledgeBaseEntry[] {
  const fail = (line: number, problem: string): never => { throw new KnowledgeBaseError(line, problem, source); };
  const entries: KnowledgeBaseEntry[] = [];
  const ids = new Map<string, number>();
  let draft: Draft | null = null;

  const finish = (d: Draft): void => {
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
      const id = slug(title);
      if (id === '') fail(n, `the title "${title}" has no letters or digits to make an id from`);
      const earlier = ids.get(id);
      if (earlier !== undefined) fail(n, `"${title}" repeats the entry of line ${earlier} (both are "${id}")`);
      ids.set(id, n);
      draft = { entry: { id, title, tags: [], services: [], text: '', line: n }, body: [], frontOpen: true };
      return;
    }
    if (!draft) {
      // Before the first entry: blank lines and one `# ` title of the whole file, nothing else.
      if (raw.trim() === '' || /^#\s+\S/.test(raw)) return;
      fail(n, 'text before the first "## " heading (every answer belongs under a "## " title)');
    }
    const d = draft as Draft;
    const front = d.frontOpen ? /^(Tags|Services)\s*:(.*)$/i.exec(raw.trim()) : null;
    if (front) {
      const [, key = '', value = ''] = front;
      const items = list(value);
      if (items.length === 0) fail(n, `"${key}:" lists nothing`);
      if (key.toLowerCase() === 'tags') {
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

/** Reads and parses the file at `file`; a missing or unreadable file is refused like a broken one. */
export function loadKnowledgeBase(file: string): KnowledgeBaseEntry[] {
  let markdown: string;
  try {
    markdown = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new KnowledgeBaseError(null, reason, `SIGHTLINE_KNOWLEDGE_BASE ${file}`);
  }
  return parseKnowledgeBase(markdown, `SIGHTLINE_KNOWLEDGE_BASE ${file}`);
}
