import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n';
import { ErrorMessage } from '../errors';
import { Section } from '../ui';
import { MeetingPublicationQuery, SetMeetingPublicMutation } from '../graphql/admin';

/**
 * Which meetings appear in the public OParl view: a switch per meeting, shown only for the meetings
 * the API says the caller may publish (`viewerMaySetPublic`: their facilitator or a coordinator).
 */
export function MeetingPublication({ allianceId }: { allianceId: string }) {
  const { t, fmtDateTime } = useI18n();
  const [res] = useQuery({ query: MeetingPublicationQuery, variables: { allianceId } });
  const [result, setPublic] = useMutation(SetMeetingPublicMutation);
  const meetings = (res.data?.meetings ?? []).filter((m) => m.viewerMaySetPublic && m.status !== 'CANCELLED');
  if (!meetings.length) return null;
  return (
    <Section title={t('meetingPublic.title')} id="publication">
      <p>{t('meetingPublic.hint')}</p>
      <fieldset>
        <legend>{t('meetingPublic.label')}</legend>
        <div className="checks checks-column">
          {meetings.map((m) => (
            <div className="checkbox" key={m.id}>
              <input
                id={`public-${m.id}`}
                type="checkbox"
                checked={m.public}
                disabled={result.fetching}
                onChange={(e) => void setPublic({ meetingId: m.id, public: e.target.checked })}
              />
              <label htmlFor={`public-${m.id}`}>
                {m.title} ({fmtDateTime(m.startsAt)})
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {result.error && <ErrorMessage error={result.error} />}
    </Section>
  );
}
