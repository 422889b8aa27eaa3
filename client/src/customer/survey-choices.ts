// The survey's five answers, worst to best: the score sent, the word shown under the face, and how far
// the face's mouth curves (-1 a frown, 1 a smile).
export interface SurveyChoice {
  score: 1 | 2 | 3 | 4 | 5;
  word: string;
  smile: number;
}

export const SURVEY_CHOICES: readonly SurveyChoice[] = [
  { score: 1, word: 'Very poor', smile: -1 },
  { score: 2, word: 'Poor', smile: -0.5 },
  { score: 3, word: 'OK', smile: 0 },
  { score: 4, word: 'Good', smile: 0.5 },
  { score: 5, word: 'Excellent', smile: 1 },
];
