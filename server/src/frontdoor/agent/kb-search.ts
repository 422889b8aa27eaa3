// Finds the knowledge-base entry that answers a customer's sentence: minisearch over title, tags and
// text (typos forgiven, word starts matched, the title counting most), limited to the entries for the
// customer's service type and language. A match that covers too little of what was asked is no match:
// the agent says it does not know rather than answer something else.
//
// Chinese is written without spaces between words, so a Chinese index is searched by overlapping pairs of
// characters (bigrams: 理赔需要 → 理赔 赔需 需要) — most Chinese words are two characters, and a pair never
// depends on a dictionary guessing where words end (Intl.Segmenter splits 理赔 into 理 / 赔). Particles and
// pronouns (的, 吗, 我, 您 …) end a run of characters as a space would (我的车 → 车), and filler pairs (请问,
// 怎么 …) are dropped as English stop words are. How much of a Chinese question an entry answers is the
// share of its meaningful characters inside a pair the entry has: the pairs that straddle two words (赔需)
// are in no entry, and counting them would sink every answer.
import MiniSearch from 'minisearch';
import type { ServiceType } from '../../../../protocol/agent.ts';
import { KB_SOURCE_LANGUAGE, type KnowledgeBaseEntry } from './knowledge-base.ts';

export interface KbMatch {
  entry: KnowledgeBaseEntry;
  score: number;
  /** The share of the question's words the entry matched (a typo-forgiven word counting half), 0–1. */
  confidence: number;
}

export interface KbSearch {
  /**
   * The best entry for the sentence within the service type, or null when none is good enough: among the
   * entries in `language` (English when absent), then, for another language, among the English ones.
   */
  best(sentence: string, service: ServiceType, language?: string): KbMatch | null;
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

/** Characters that say nothing of what is asked and end a word like a space: particles, pronouns, "please", "is". */
const HAN_STOP_CHARACTERS = new Set('的了吗嗎呢吧啊呀么麼我你您他她它们們请請是'.split(''));
/** Filler pairs of a question: "may I ask", "hello", "how", "what", "can", "a bit", "this", "which". */
const HAN_STOP_PAIRS = new Set('请问 你好 您好 谢谢 怎么 怎样 如何 什么 为何 可以 能否 一下 这个 那个 哪个 哪些 是否 有没 没有'.split(' '));

const HAN = /\p{Script=Han}/u;
const HAN_STOP_SPLIT = new RegExp(`[ ${[...HAN_STOP_CHARACTERS].join('')}]+`, 'u');
const HAN_STOP_PAIR_MATCH = new RegExp([...HAN_STOP_PAIRS].join('|'), 'gu');

/** Latin words and digits, and runs of Chinese characters between particles (as arrays of characters). */
const hanRuns = (text: string): (string | string[])[] => {
  const runs: (string | string[])[] = [];
  for (const run of text.match(/\p{Script=Han}+|[\p{Script=Latin}\p{N}'’]+/gu) ?? []) {
    if (!HAN.test(run)) runs.push(run);
    else for (const part of run.replace(HAN_STOP_PAIR_MATCH, ' ').split(HAN_STOP_SPLIT)) if (part !== '') runs.push([...part]);
  }
  return runs;
};

/** Latin words as words; Chinese as the overlapping pairs of each run between particles (a lone character as itself). */
const tokenizeHan = (text: string): string[] =>
  hanRuns(text).flatMap((run) => (typeof run === 'string' ? [run] : run.length === 1 ? run : run.slice(1).map((c, i) => run[i]! + c)));

const processHanTerm = (term: string): string | null => (HAN.test(term) ? term : processTerm(term));

/** What each asked term counts for when the entry has it: 1, or FUZZY_WEIGHT when only a typo-forgiving match found it. */
type Found = Map<string, number>;

/** The share of the question's words the entry has (English and other spaced languages). */
const wordShare = (sentence: string, found: Found): number => {
  const asked = new Set(tokenize(sentence).map(processTerm).filter((t): t is string => t !== null));
  return asked.size === 0 ? 0 : [...found.values()].reduce((a, b) => a + b, 0) / asked.size;
};

/** The share of a Chinese question's meaningful characters (and Latin words) inside a term the entry has. */
const hanShare = (sentence: string, found: Found): number => {
  let units = 0;
  let covered = 0;
  for (const chars of hanRuns(sentence)) {
    if (typeof chars === 'string') {
      const word = processTerm(chars);
      if (word !== null) {
        units += 1;
        covered += found.get(word) ?? 0;
      }
      continue;
    }
    const hit = chars.map((c) => chars.length === 1 && found.has(c));
    for (let i = 0; i + 1 < chars.length; i++) if (found.has(chars[i]! + chars[i + 1]!)) hit[i] = hit[i + 1] = true;
    units += chars.length;
    covered += hit.filter(Boolean).length;
  }
  return units === 0 ? 0 : covered / units;
};

interface Analyzer {
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
  /** The share of the question the entry answers, 0–1. */
  share: (sentence: string, found: Found) => number;
}

/** How a language's text is cut into terms: by character pairs for Chinese, as minisearch does for the rest. */
const analyzerFor = (language: string): Analyzer =>
  language.toLowerCase().startsWith('zh')
    ? { tokenize: tokenizeHan, processTerm: processHanTerm, share: hanShare }
    : { tokenize, processTerm, share: wordShare };

/** Below this share of the question's words, the best entry is not an answer. */
export const MIN_CONFIDENCE = 0.5;
/** Below this score (minisearch's BM25 with boosts), a single weak or fuzzy hit is not an answer. */
export const MIN_SCORE = 2;
/** What a word found only by forgiving a typo counts for in the share. */
const FUZZY_WEIGHT = 0.5;

/** The asked word found as itself, a word it starts ("pay" in "payment"), or with an ending ("photos"). */
const sameWord = (asked: string, found: string): boolean =>
  found.startsWith(asked) || (asked.startsWith(found) && asked.length - found.length <= 2);

interface Doc { id: string; title: string; tags: string[]; text: string }

/** minisearch's own word splitting, so the question's words are counted as the index counts them. */
const tokenize: (text: string) => string[] = MiniSearch.getDefault('tokenize');

const answers = (entry: KnowledgeBaseEntry | undefined, service: ServiceType): boolean =>
  entry !== undefined && (entry.services.length === 0 || entry.services.includes(service));

/** One language's entries, searchable. */
function searchOf(entries: readonly KnowledgeBaseEntry[], language: string): (sentence: string, service: ServiceType) => KbMatch | null {
  const analyzer = analyzerFor(language);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const index = new MiniSearch<Doc>({
    fields: ['title', 'tags', 'text'],
    // Tags are cut one by one: a pair across two Chinese tags would be a word nobody wrote.
    extractField: (doc, field) => (field === 'tags' ? doc.tags.join('\n') : doc[field as 'title' | 'text']),
    tokenize: analyzer.tokenize,
    processTerm: analyzer.processTerm,
    searchOptions: { boost: { title: 3, tags: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  index.addAll(entries.map((e) => ({ id: e.id, title: e.title, tags: e.tags, text: e.text })));

  return (sentence, service) => {
    const asked = new Set(analyzer.tokenize(sentence).map(analyzer.processTerm).filter((t): t is string => t !== null));
    if (asked.size === 0) return null;
    const [top] = index.search(sentence, {
      filter: (result) => answers(byId.get(String(result.id)), service),
    });
    const entry = top && byId.get(String(top.id));
    if (!top || !entry) return null;
    // A word found only by forgiving a typo counts half: "prime" must not pass for "price" on its own.
    const found: Found = new Map(top.queryTerms.map((term) => [term, top.terms.some((t) => sameWord(term, t)) ? 1 : FUZZY_WEIGHT]));
    const confidence = Math.min(1, analyzer.share(sentence, found));
    if (confidence < MIN_CONFIDENCE || top.score < MIN_SCORE) return null;
    return { entry, score: top.score, confidence: Math.round(confidence * 100) / 100 };
  };
}

export function createKbSearch(entries: readonly KnowledgeBaseEntry[]): KbSearch {
  const byLanguage = new Map<string, KnowledgeBaseEntry[]>();
  for (const entry of entries) {
    const language = entry.language ?? KB_SOURCE_LANGUAGE;
    (byLanguage.get(language) ?? byLanguage.set(language, []).get(language)!).push(entry);
  }
  const searches = new Map([...byLanguage].map(([language, mine]) => [language, searchOf(mine, language)]));
  return {
    best(sentence, service, language = KB_SOURCE_LANGUAGE) {
      const own = searches.get(language)?.(sentence, service) ?? null;
      if (own || language === KB_SOURCE_LANGUAGE) return own;
      return searches.get(KB_SOURCE_LANGUAGE)?.(sentence, service) ?? null;
    },
  };
}
