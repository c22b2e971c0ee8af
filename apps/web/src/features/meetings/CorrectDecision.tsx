import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { CorrectDecisionMutation } from '../../graphql/ops';
import type { DecisionOutcome } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import type { DecisionT } from './meeting';
import { OutcomeField } from './OutcomeField';

/** Corrects a decision's wording or outcome until the minutes are approved (afterwards the API answers CONFLICT). */
export function CorrectDecision({ decision, reload }: { decision: DecisionT; reload(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(decision.title);
  const [text, setText] = useState(decision.text);
  const [outcome, setOutcome] = useState<DecisionOutcome>(decision.outcome);
  const [result, correct] = useMutation(CorrectDecisionMutation);
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('meetings.correct')}
        <span className="visually-hidden"> {decision.number}</span>
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await correct({ id: decision.id, input: { title: title.trim(), text: text.trim(), outcome } });
    if (!r.error) {
      setOpen(false);
      reload();
    }
  };
  const id = `corr-${decision.id}`;
  return (
    <form
      className="form grid"
      onSubmit={submit}
      aria-label={t('meetings.correctLabel', { number: decision.number })}
    >
      <div>
        <label htmlFor={`${id}-title`}>{t('field.title')}</label>
        <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <OutcomeField id={`${id}-outcome`} value={outcome} onChange={setOutcome} />
      <div className="wide">
        <label htmlFor={`${id}-text`}>{t('meetings.decisionText')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {result.error && <ErrorMessage error={result.error} />}
      <div className="wide actions">
        <button type="submit" disabled={result.fetching}>
          {t('meetings.saveCorrection')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
