import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { RecordAttendanceMutation } from '../../graphql/ops';
import type { AttendanceStatus } from '../../gql/graphql';
import { ErrorMessage } from '../../errors';
import { Section } from '../../ui';
import type { Meeting } from './meeting';
import { AttendanceSelect } from './AttendanceSelect';

export function AttendancePanel({
  meeting,
  editable,
  reload,
}: {
  meeting: Meeting;
  editable: boolean;
  reload(): void;
}) {
  const { t, fmtNumber } = useI18n();
  const [result, record] = useMutation(RecordAttendanceMutation);
  const byPartner = new Map(meeting.attendance.map((a) => [a.partner.id, a]));
  const present = meeting.attendance.filter((a) => a.status === 'PRESENT').length;
  const invited = meeting.invitedPartners.length;
  const needed = Math.floor(meeting.alliance.quorumShare * invited) + 1;
  const set = async (partnerId: string, status: AttendanceStatus) => {
    const r = await record({ input: { meetingId: meeting.id, partnerId, status } });
    if (!r.error) reload();
  };
  const options: AttendanceStatus[] =
    meeting.status === 'SCHEDULED' ? ['EXCUSED'] : ['PRESENT', 'EXCUSED', 'ABSENT'];
  return (
    <Section title={t('meetings.attendance')} id="attendance">
      <p aria-live="polite" data-testid="quorum" className={meeting.quorate ? 'quorum ok' : 'quorum no'}>
        {meeting.quorate ? t('meetings.quorate') : t('meetings.notQuorate')} –{' '}
        {t('meetings.quorumDetail', {
          present,
          invited,
          needed,
          share: fmtNumber(meeting.alliance.quorumShare * 100),
        })}
      </p>
      <table>
        <caption className="visually-hidden">{t('meetings.attendance')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.partner')}</th>
            <th scope="col">{t('field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.invitedPartners.map((p) => {
            const a = byPartner.get(p.id);
            return (
              <tr key={p.id}>
                <th scope="row">{p.organisation.name}</th>
                <td>
                  {editable ? (
                    <AttendanceSelect
                      partner={p.organisation.name}
                      value={a?.status ?? ''}
                      options={options}
                      busy={result.fetching}
                      onSave={(status) => void set(p.id, status)}
                    />
                  ) : (
                    ((a && t(`enum.AttendanceStatus.${a.status}`)) ?? t('meetings.notRecorded'))
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}
