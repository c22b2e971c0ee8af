import { useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { MeetingsByStatusQuery } from '../../graphql/meetings';
import { berlinDay } from '../../ui';

export interface ApprovableMeeting {
  id: string;
  title: string;
  startsAt: string;
}

/**
 * For a new agenda item: the earlier, adjourned meeting whose draft minutes it puts to the vote
 * (an adopted decision under the item approves them). Empty when there is none.
 */
export function ApprovalItemSelect({
  allianceId,
  before,
  value,
  onChange,
}: {
  allianceId: string;
  /** This meeting's start: only earlier meetings qualify. */
  before: string;
  value: string;
  onChange(meeting: ApprovableMeeting | null): void;
}) {
  const { t, fmtDate } = useI18n();
  const [res] = useQuery({
    query: MeetingsByStatusQuery,
    variables: { allianceId, status: ['ADJOURNED'] },
  });
  const candidates = (res.data?.meetings ?? []).filter((m) => m.startsAt < before && m.minutes);
  if (!candidates.length) return null;
  return (
    <>
      <label htmlFor="agenda-approves">{t('meetings.approvesMinutesOf')}</label>
      <select
        id="agenda-approves"
        value={value}
        onChange={(e) => onChange(candidates.find((m) => m.id === e.target.value) ?? null)}
      >
        <option value="">{t('meetings.approvesNone')}</option>
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title} ({fmtDate(berlinDay(m.startsAt))})
          </option>
        ))}
      </select>
    </>
  );
}
