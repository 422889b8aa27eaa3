// The knowledge-base file: the shipped default parses, and a broken file is refused naming the line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { KnowledgeBaseError, loadKnowledgeBase, parseKnowledgeBase } from '../../src/frontdoor/agent/knowledge-base.ts';

const refusal = (markdown: string): { line: number | null; message: string } => {
  try {
    parseKnowledgeBase(markdown, 'kb.md');
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('parsed, not refused');
};

describe('the shipped knowledge base', () => {
  it('is the default of SIGHTLINE_KNOWLEDGE_BASE and parses into 15–25 entries, each with an answer', () => {
    const file = loadConfig({}).knowledgeBase;
    expect(path.basename(file)).toBe('default.md');
    const entries = loadKnowledgeBase(file);
    expect(entries.length).toBeGreaterThanOrEqual(15);
    expect(entries.length).toBeLessThanOrEqual(25);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(entry.text.length).toBeGreaterThan(40);
    }
  });

  it('is chosen by SIGHTLINE_KNOWLEDGE_BASE, resolved to an absolute path', () => {
    expect(loadConfig({ SIGHTLINE_KNOWLEDGE_BASE: 'faq.md' }).knowledgeBase).toBe(path.resolve('faq.md'));
  });
});

describe('parsing', () => {
  it('reads titles, tags, services and the answer text, keeping its paragraphs', () => {
    const entries = parseKnowledgeBase([
      '# Harbour Mutual FAQ', '', '## Lost baggage', 'Tags: Luggage, bags', 'Services: claim, Query', '',
      'Report it at the desk.', '', 'Keep the receipts.', '', '## Opening hours', 'We open at 8.', '### Weekends', 'Closed.',
    ].join('\n'));
    expect(entries).toEqual([
      { id: 'lost-baggage', title: 'Lost baggage', tags: ['luggage', 'bags'], services: ['claim', 'query'], text: 'Report it at the desk.\n\nKeep the receipts.', line: 3 },
      { id: 'opening-hours', title: 'Opening hours', tags: [], services: [], text: 'We open at 8.\n### Weekends\nClosed.', line: 11 },
    ]);
  });

  it('takes a "Tags:" line after the answer began as answer text', () => {
    const [entry] = parseKnowledgeBase('## Tags explained\nA line.\nTags: are labels.');
    expect(entry).toMatchObject({ tags: [], text: 'A line.\nTags: are labels.' });
  });
});

describe('a broken file is refused, naming the line and what is wrong', () => {
  it.each([
    ['an unknown service', '## Baggage\nServices: query, claims\nText.', 2, /"claims" is not a service type \(one of: query, consult, transaction, complaint, claim, preview\)/],
    ['an entry with no answer', '## Baggage\nTags: bags\n\n## Seats\nPick one.', 1, /"Baggage" has no answer text/],
    ['a heading with no title', '## Baggage\nText.\n##   \nMore.', 3, /a "## " heading with no title/],
    ['two entries with one id', '## Seat selection\nA.\n\n## Seat  selection!\nB.', 4, /repeats the entry of line 1/],
    ['text before the first heading', '# FAQ\nSome intro.\n## Baggage\nText.', 2, /text before the first "## " heading/],
    ['an empty Tags line', '## Baggage\nTags:  ,\nText.', 2, /"Tags:" lists nothing/],
    ['no entries at all', '# Only a title\n', 1, /no entries/],
    ['a title of punctuation only', '## ???\nText.', 1, /no letters or digits/],
    ['an answer too long', `## Baggage\n${'x'.repeat(4001)}`, 1, /4001 characters of answer; at most 4000/],
  ])('%s', (_what, markdown, line, message) => {
    const refused = refusal(markdown);
    expect(refused.line).toBe(line);
    expect(refused.message).toMatch(new RegExp(`^kb\\.md line ${line}: `));
    expect(refused.message).toMatch(message);
  });

  it('a file that is missing, naming the setting and the path', () => {
    const file = path.join(os.tmpdir(), 'sightline-no-such-kb.md');
    expect(() => loadKnowledgeBase(file)).toThrow(`SIGHTLINE_KNOWLEDGE_BASE ${file}: no such file`);
  });

  it('a broken file on disk, naming the setting, the path and the line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-kb-'));
    const file = path.join(dir, 'kb.md');
    fs.writeFileSync(file, '## Baggage\nServices: luggage\nText.\n');
    expect(() => loadKnowledgeBase(file)).toThrow(`SIGHTLINE_KNOWLEDGE_BASE ${file} line 2: "luggage" is not a service type`);
    fs.rmSync(dir, { recursive: true });
  });
});
