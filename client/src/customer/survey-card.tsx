// After the call, "How did we do?": five faces from Very poor to Excellent (a radio group, so arrow keys
// move between them), an optional comment, Send or Skip. One answer per join link: a link that has
// answered shows the thank-you, not the form, and so does a second answer the server refuses as such.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_SURVEY_COMMENT } from '../../../protocol/after-session.ts';
import { ApiRequestError, messageOf } from '../lib/api.ts';
import { fetchSurvey, postSurvey } from './join-api.ts';
import { SURVEY_CHOICES } from './survey-choices.ts';
import { SurveyFace } from './survey-face.tsx';
import './survey.css';
import { useTranslation } from 'react-i18next';

type State =
  | { kind: 'loading' }
  | { kind: 'form' }
  /** The link can no longer answer (replaced or expired): nothing to show. */
  | { kind: 'none' }
  | { kind: 'skipped' }
  | { kind: 'thanks'; score: number | null };

export function SurveyCard(props: { token: string }) {
  const { t } = useTranslation('customer');
  const { token } = props;
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const commentId = useId();
  // The customer's own Send, Skip or reopen replaces what had focus: focus follows to what replaces it.
  const answered = useRef(false);
  const follow = useCallback((element: HTMLElement | null) => {
    if (!element || !answered.current) return;
    answered.current = false;
    element.focus();
  }, []);
  const choose = (next: State): void => {
    answered.current = true;
    setState(next);
  };

  useEffect(() => {
    const controller = new AbortController();
    fetchSurvey(token, controller.signal).then(
      (answered) => setState(answered ? { kind: 'thanks', score: answered.score } : { kind: 'form' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Unreachable now is no reason to withhold the form: sending says so if it still is.
        setState(error instanceof ApiRequestError && error.isAuth ? { kind: 'none' } : { kind: 'form' });
      },
    );
    return () => controller.abort();
  }, [token]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setProblem(t('survey.chooseFirst'));
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await postSurvey(token, comment.trim() ? { score, comment } : { score });
      choose({ kind: 'thanks', score });
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'already_answered') choose({ kind: 'thanks', score: null });
      else setProblem(messageOf(error));
    } finally {
      setSending(false);
    }
  };

  if (state.kind === 'loading' || state.kind === 'none') return null;
  if (state.kind === 'thanks') {
    return (
      <section ref={follow} tabIndex={-1} className="survey survey-thanks" role="status" data-testid="survey-thanks">
        <h2>{t('survey.thanksTitle')}</h2>
        <p>{t('survey.thanksText')}</p>
      </section>
    );
  }
  if (state.kind === 'skipped') {
    return (
      <p className="survey-skipped" data-testid="survey-skipped">
        <button ref={follow} type="button" className="btn btn-ghost btn-small" data-testid="survey-reopen" onClick={() => choose({ kind: 'form' })}>
          {t('survey.reopen')}
        </button>
      </p>
    );
  }
  return (
    <form ref={follow} tabIndex={-1} className="survey" data-testid="survey" onSubmit={send} noValidate>
      <fieldset className="survey-scores" role="radiogroup">
        <legend>
          <h2>{t('survey.title')}</h2>
        </legend>
        <div className="survey-choices">
          {SURVEY_CHOICES.map((choice) => (
            <label key={choice.score} className="survey-choice" data-testid={`survey-score-${choice.score}`}>
              <input type="radio" name="survey-score" value={choice.score} checked={score === choice.score} onChange={() => { setScore(choice.score); setProblem(null); }} />
              <SurveyFace smile={choice.smile} />
              <span className="survey-word">{choice.word}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="survey-comment-label" htmlFor={commentId}>
        {t('survey.comment')} <span className="survey-optional">{t('survey.optional')}</span>
      </label>
      <textarea
        id={commentId}
        className="survey-comment"
        data-testid="survey-comment"
        rows={2}
        maxLength={MAX_SURVEY_COMMENT}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-describedby={`${commentId}-count`}
      />
      <span id={`${commentId}-count`} className="survey-count" data-testid="survey-count">
        {comment.length} / {MAX_SURVEY_COMMENT}
      </span>
      {problem && (
        <p className="survey-problem" role="alert" data-testid="survey-problem">
          {problem}
        </p>
      )}
      <div className="survey-actions">
        <button type="button" className="btn btn-ghost" data-testid="survey-skip" disabled={sending} onClick={() => choose({ kind: 'skipped' })}>
          {t('survey.skip')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="survey-send" disabled={sending}>
          {t(sending ? 'survey.sending' : 'survey.send')}
        </button>
      </div>
    </form>
  );
}
