import { useState } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { ApproveMinutesMutation } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** The facilitator's approval of the minutes, after a question that says what becomes final. */
export function MinutesApproval({
  meeting,
  disabled,
  reload,
}: {
  meeting: { id: string; decisions: unknown[] };
  disabled: boolean;
  reload(): void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [approve, doApprove] = useMutation(ApproveMinutesMutation);
  const confirm = async () => {
    const r = await doApprove({ meetingId: meeting.id });
    setAsking(false);
    if (!r.error) reload();
  };
  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => setAsking(true)}
        disabled={approve.fetching || disabled}
      >
        {t('meetings.approveMinutes')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('meetings.approveTitle')}
          confirmLabel={t('meetings.approveNow')}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
          busy={approve.fetching}
        >
          <p>{t('meetings.approveText', { count: meeting.decisions.length })}</p>
          <p>{t('meetings.approveElsewhere')}</p>
        </ConfirmDialog>
      )}
      {approve.error && <ErrorMessage error={approve.error} />}
    </>
  );
}
