// Finds the knowledge-base entry that answers a customer's sentence: minisearch over title, tags and
// text (typos forgiven, word starts matched, the title counting most), limited to the entries for the
// customer's service type. A match that covers too little of what was asked is no match: the agent
// says it does not know rather than answer something else.
import MiniSearch from 'minisearch';
import type { ServiceType } from '../../../../protocol/agent.ts';
import type { KnowledgeBaseEntry } from './knowledge-base.ts';

export interface KbMatch {
  entry: KnowledgeBaseEntry;
  score: number;
  /** The share of the question's words the entry matched (a typo-forgiven word counting half), 0–1. */
  confidence: number;
}

export interface KbSearch {
  /** The best entry for the sentence within the service type, or null when none is good enough. */
  best(sentence: string, service: ServiceType): KbMatch | null;
}

/** Words that say nothing of what is asked: dropped from the index and from questions alike. */
const STOP_WORDS = new Set(
  ('a an and are as at be been but by can could do does did for from had has have how i i\'m if in into is it its me my of on or our '
    + 'please should so than that the their them then there these they this to too us was we were what when where which who why will '
    + 'with would you your yours hi hello thanks thank get got want wanted need know tell like just about any some also am im dont '
    + 'not no yes ok okay there\'s here it\'s one much many does doing make keep keeps kept come comes coming out really very still')
    .split(' '),
);

const processTerm = (term: string): string | null => {
  const word = term.toLowerCase().replace(/^'+|'+$/g, '');
  return word.length < 2 || STOP_WORDS.has(word) ? null : word;
};

/** Below this share of the question's words, the best entry is not an answer. */
export const MIN_CONFIDENCE = 0.5;
/** Below this score (minisearch's BM25 with boosts), a single weak or fuzzy hit is not an answer. */
export const MIN_SCORE = 2;
/** What a word found only by forgiving a typo counts for in the share. */
const FUZZY_WEIGHT = 0.5;

/** The asked word found as itself, a word it starts ("pay" in "payment"), or with an ending ("photos"). */
const sameWord = (asked: string, found: string): boolean =>
  found.startsWith(asked) || (asked.startsWith(found) && asked.length - found.length <= 2);

interface Doc { id: string; title: string; tags: string; text: string }

/** minisearch's own word splitting, so the question's words are counted as the index counts them. */
const tokenize: (text: string) => string[] = MiniSearch.getDefault('tokenize');

const answers = (entry: KnowledgeBaseEntry | undefined, service: ServiceType): boolean =>
  entry !== undefined && (entry.services.length === 0 || entry.services.includes(service));

export function createKbSearch(entries: readonly KnowledgeBaseEntry[]): KbSearch {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const index = new MiniSearch<Doc>({
    fields: ['title', 'tags', 'text'],
    processTerm,
    searchOptions: { boost: { title: 3, tags: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  index.addAll(entries.map((e) => ({ id: e.id, title: e.title, tags: e.tags.join(' '), text: e.text })));

  return {
    best(sentence, service) {
      const asked = new Set(tokenize(sentence).map(processTerm).filter((t): t is string => t !== null));
      if (asked.size === 0) return null;
      const [top] = index.search(sentence, {
        filter: (result) => answers(byId.get(String(result.id)), service),
      });
      const entry = top && byId.get(String(top.id));
      if (!top || !entry) return null;
      // A word found only by forgiving a typo counts half: "prime" must not pass for "price" on its own.
      const found = [...new Set(top.queryTerms)].reduce((sum, term) => sum + (top.terms.some((t) => sameWord(term, t)) ? 1 : FUZZY_WEIGHT), 0);
      const confidence = Math.min(1, found / asked.size);
      if (confidence < MIN_CONFIDENCE || top.score < MIN_SCORE) return null;
      return { entry, score: top.score, confidence: Math.round(confidence * 100) / 100 };
    },
  };
}
