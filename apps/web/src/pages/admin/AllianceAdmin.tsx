import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ErrorMessage } from '../../errors';
import { Empty, Loading, PageTitle, Section } from '../../ui';
import { AllianceAdminQuery, SetPublicRecordMutation, UpdateAllianceMutation } from '../../graphql/admin';
import type { AllianceAdminQuery as Data } from '../../gql/graphql';
import { FormActions, useDone } from './shared';
import { Partners } from './Partners';
import { Members } from './Members';
import { Invitations } from './Invitations';

export type AdminAlliance = NonNullable<Data['alliance']>;

const SETTINGS_ERRORS = { BAD_USER_INPUT: 'admin.error.settings', FORBIDDEN: 'admin.error.forbidden' };

/**
 * Administration of one alliance: settings, public record, partners, members and invitations —
 * each part only when the API says the caller may use it (`viewerPermissions`).
 */
export default function AllianceAdmin() {
  const { id } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const [res, reload] = useQuery({ query: AllianceAdminQuery, variables: { id: id! } });
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const a = res.data?.alliance;
  if (!a) return <Empty>{t('common.notFound')}</Empty>;
  const can = a.viewerPermissions;
  const title = t('admin.allianceTitle', { name: a.name });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {session.user?.platformAdmin && (
        <p>
          <Link to="/verwaltung">{t('admin.back')}</Link>
        </p>
      )}
      {!can.updateSettings && !can.managePartners && !can.manageMembers && !can.setPublicRecord && (
        <Empty>{t('admin.nothingToDo')}</Empty>
      )}
      {can.updateSettings && <Settings alliance={a} onDone={refresh} />}
      {can.setPublicRecord && <PublicRecord alliance={a} />}
      {can.managePartners && (
        <Partners alliance={a} organisations={res.data?.organisations ?? []} onDone={refresh} />
      )}
      {can.manageMembers && (
        <>
          <Members
            alliance={a}
            onDone={refresh}
            onInvited={() => {
              setInvitationsVersion((v) => v + 1);
              refresh();
            }}
          />
          <Invitations allianceId={a.id} version={invitationsVersion} />
        </>
      )}
    </>
  );
}

function Settings({ alliance, onDone }: { alliance: AdminAlliance; onDone(): void }) {
  const { t } = useI18n();
  const [result, update] = useMutation(UpdateAllianceMutation);
  const [name, setName] = useState(alliance.name);
  const [description, setDescription] = useState(alliance.description ?? '');
  const [quorum, setQuorum] = useState(String(Math.round(alliance.quorumShare * 100)));
  const [done, setDone] = useDone();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await update({
      id: alliance.id,
      input: {
        name: name.trim(),
        description: description.trim() || null,
        quorumShare: Number(quorum) / 100,
      },
    });
    if (r.data) {
      setDone(t('admin.saved'));
      onDone();
    }
  };
  return (
    <Section title={t('admin.settings')} id="settings">
      <form className="form grid" onSubmit={submit}>
        <div>
          <label htmlFor="settings-name">{t('admin.name')}</label>
          <input id="settings-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor="settings-quorum">{t('admin.quorumPercent')}</label>
          <input
            id="settings-quorum"
            type="number"
            min={0}
            max={100}
            step={1}
            required
            aria-describedby="settings-quorum-hint"
            value={quorum}
            onChange={(e) => setQuorum(e.target.value)}
          />
          <p className="hint" id="settings-quorum-hint">
            {t('admin.quorumHint')}
          </p>
        </div>
        <div className="wide">
          <label htmlFor="settings-description">{t('admin.description')}</label>
          <textarea
            id="settings-description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="wide">
          <FormActions
            error={result.error}
            messages={SETTINGS_ERRORS}
            submit={t('admin.saveSettings')}
            busy={result.fetching}
          />
        </div>
      </form>
      {done}
    </Section>
  );
}

function PublicRecord({ alliance }: { alliance: AdminAlliance }) {
  const { t } = useI18n();
  const record = alliance.publicRecord;
  const [result, save] = useMutation(SetPublicRecordMutation);
  const [published, setPublished] = useState(record.published);
  const [contactEmail, setContactEmail] = useState(record.contactEmail ?? '');
  const [start, setStart] = useState(record.fundingPeriodStart ?? '');
  const [end, setEnd] = useState(record.fundingPeriodEnd ?? '');
  const [done, setDone] = useDone();
  const oparlUrl = result.data?.setAlliancePublicRecord.publicRecord.oparlUrl ?? record.oparlUrl;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await save({
      input: {
        allianceId: alliance.id,
        published,
        contactEmail: contactEmail.trim() || null,
        fundingPeriodStart: start || null,
        fundingPeriodEnd: end || null,
      },
    });
    if (r.data) setDone(t('admin.saved'));
  };
  return (
    <Section title={t('admin.publicRecord')} id="public-record">
      <p>{t('admin.publicRecordIntro')}</p>
      <form className="form grid" onSubmit={submit}>
        <div className="wide checkbox">
          <input
            id="public-published"
            type="checkbox"
            checked={published}
            onChange={(e) => setPublished(e.target.checked)}
          />
          <label htmlFor="public-published">{t('admin.published')}</label>
        </div>
        <div>
          <label htmlFor="public-contact">{t('admin.contactEmail')}</label>
          <input
            id="public-contact"
            type="email"
            aria-describedby="public-contact-hint"
            value={contactEmail}
            onChange={(e) => setContactEmail(e.target.value)}
          />
          <p className="hint" id="public-contact-hint">
            {t('admin.contactEmailHint')}
          </p>
        </div>
        <div>
          <label htmlFor="public-start">{t('admin.fundingStart')}</label>
          <input id="public-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div>
          <label htmlFor="public-end">{t('admin.fundingEnd')}</label>
          <input id="public-end" type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
        <div className="wide">
          <FormActions
            error={result.error}
            messages={SETTINGS_ERRORS}
            submit={t('admin.savePublicRecord')}
            busy={result.fetching}
          />
        </div>
      </form>
      {done}
      {oparlUrl && (
        <p>
          {t('admin.oparlUrl')} <a href={oparlUrl}>{oparlUrl}</a>
        </p>
      )}
    </Section>
  );
}
