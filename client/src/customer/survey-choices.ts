// The survey's five answers, worst to best: the score sent, the word shown under the face, and how far
// the face's mouth curves (-1 a frown, 1 a smile). The word is read in the page's language when used.
import { i18next } from '../i18n/i18n.ts';

export interface SurveyChoice {
  score: 1 | 2 | 3 | 4 | 5;
  word: string;
  smile: number;
}

function choice(score: SurveyChoice['score'], smile: number): SurveyChoice {
  return {
    score,
    smile,
    get word() {
      return i18next.t(`customer:survey.choice${score}`);
    },
  };
}

export const SURVEY_CHOICES: readonly SurveyChoice[] = [
  choice(1, -1),
  choice(2, -0.5),
  choice(3, 0),
  choice(4, 0.5),
  choice(5, 1),
];
