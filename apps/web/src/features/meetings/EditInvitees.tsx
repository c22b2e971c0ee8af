import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { AllianceQuery } from '../../graphql/ops';
import { UpdateMeetingInviteesMutation } from '../../graphql/meetings';
import { ErrorMessage } from '../../errors';
import { InviteesField } from '../../components/InviteesField';

/** Changes whom a meeting invites, until its minutes are approved; recorded partners stay invited. */
export function EditInvitees({
  meeting,
  reload,
}: {
  meeting: {
    id: string;
    alliance: { id: string };
    invitedPartners: { id: string }[];
    attendance: { partner: { id: string } }[];
  };
  reload(): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: meeting.alliance.id }, pause: !open });
  const [result, update] = useMutation(UpdateMeetingInviteesMutation);
  const [selected, setSelected] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const locked = meeting.attendance.map((a) => a.partner.id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ id: meeting.id, invitedPartnerIds: selected });
    if (!r.error) {
      setOpen(false);
      setSaved(t('meetings.inviteesSaved'));
      reload();
    }
  };
  return (
    <div className="edit-invitees">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        onClick={() => {
          setSelected(meeting.invitedPartners.map((p) => p.id));
          setSaved('');
          setOpen(!open);
        }}
      >
        {t('meetings.editInvitees')}
      </button>{' '}
      <span role="status">{saved}</span>
      {open && (
        <form className="form grid" onSubmit={submit} aria-label={t('meetings.editInvitees')}>
          <InviteesField
            idPrefix="edit"
            partners={alliance.data?.alliance?.partners ?? []}
            selected={selected}
            onChange={setSelected}
            locked={locked}
          />
          {locked.length > 0 && <p className="wide hint">{t('meetings.inviteesLocked')}</p>}
          {result.error && <ErrorMessage error={result.error} />}
          <div className="wide actions">
            <button type="submit" className="primary" disabled={result.fetching || !alliance.data}>
              {t('meetings.saveInvitees')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
