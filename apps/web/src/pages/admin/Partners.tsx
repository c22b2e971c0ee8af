import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { ErrorMessage } from '../../errors';
import { Badge, Section, today } from '../../ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AddPartnerMutation, UpdatePartnerMutation } from '../../graphql/admin';
import type { PartnerStatus } from '../../gql/graphql';
import { EditableTable, FormActions, STATUSES, useDone } from './shared';
import type { AdminAlliance } from './AllianceAdmin';

type Partner = AdminAlliance['partners'][number];

const PARTNER_ERRORS = { BAD_USER_INPUT: 'admin.error.partner', FORBIDDEN: 'admin.error.forbidden' };

/** Partners: add one, change a status with its dates, let one leave. */
export function Partners({
  alliance,
  organisations,
  onDone,
}: {
  alliance: AdminAlliance;
  organisations: { id: string; name: string }[];
  onDone(): void;
}) {
  const { t, fmtDate } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<Partner | null>(null);
  const [left, leave] = useMutation(UpdatePartnerMutation);
  const [done, setDone] = useDone();
  const partners = [...alliance.partners].sort((a, b) =>
    a.organisation.name.localeCompare(b.organisation.name),
  );
  return (
    <Section title={t('admin.partners')} id="partners">
      <EditableTable
        caption={t('admin.partners')}
        columns={[
          t('admin.organisation'),
          t('field.status'),
          t('admin.joinedOn'),
          t('admin.leftOn'),
          t('admin.actions'),
        ]}
        rows={partners}
        editing={editing}
        editor={(p) => (
          <PartnerStatusForm
            partner={p}
            onDone={() => {
              setEditing(null);
              onDone();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        cells={(p) => (
          <>
            <th scope="row">{p.organisation.name}</th>
            <td>
              <Badge kind={p.status}>{t(`enum.PartnerStatus.${p.status}`)}</Badge>
            </td>
            <td>{p.joinedOn ? fmtDate(p.joinedOn) : '–'}</td>
            <td>{p.leftOn ? fmtDate(p.leftOn) : '–'}</td>
            <td>
              <div className="table-actions">
                <button
                  type="button"
                  onClick={() => setEditing(p.id)}
                  aria-label={t('admin.changeStatusOf', { name: p.organisation.name })}
                >
                  {t('admin.changeStatus')}
                </button>
                {p.status !== 'FORMER' && (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setLeaving(p)}
                    aria-label={t('admin.leaveOf', { name: p.organisation.name })}
                  >
                    {t('admin.leave')}
                  </button>
                )}
              </div>
            </td>
          </>
        )}
      />
      {left.error && <ErrorMessage error={left.error} messages={PARTNER_ERRORS} />}
      {done}
      {leaving && (
        <ConfirmDialog
          title={t('admin.leaveTitle', { name: leaving.organisation.name })}
          confirmLabel={t('admin.leaveConfirm')}
          danger
          busy={left.fetching}
          onCancel={() => setLeaving(null)}
          onConfirm={async () => {
            const r = await leave({ id: leaving.id, input: { status: 'FORMER', leftOn: today() } });
            setLeaving(null);
            if (r.data) {
              setDone(t('admin.partnerLeft', { name: leaving.organisation.name }));
              onDone();
            }
          }}
        >
          <p>{t('admin.leaveText')}</p>
        </ConfirmDialog>
      )}
      <AddPartner
        allianceId={alliance.id}
        candidates={organisations.filter((o) => !alliance.partners.some((p) => p.organisation.id === o.id))}
        onDone={onDone}
      />
    </Section>
  );
}

function PartnerStatusForm({
  partner,
  onDone,
  onCancel,
}: {
  partner: Partner;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [result, update] = useMutation(UpdatePartnerMutation);
  const [status, setStatus] = useState<PartnerStatus>(partner.status);
  const [joinedOn, setJoinedOn] = useState(partner.joinedOn ?? '');
  const [leftOn, setLeftOn] = useState(partner.leftOn ?? '');
  const prefix = `partner-${partner.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({
      id: partner.id,
      input: {
        status,
        joinedOn: joinedOn || null,
        leftOn: status === 'FORMER' ? leftOn || today() : leftOn || null,
      },
    });
    if (r.data) onDone();
  };
  return (
    <form
      className="form grid"
      onSubmit={submit}
      aria-label={t('admin.changeStatusOf', { name: partner.organisation.name })}
    >
      <div>
        <label htmlFor={`${prefix}-status`}>{t('admin.statusOf', { name: partner.organisation.name })}</label>
        <select
          id={`${prefix}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as PartnerStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`enum.PartnerStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${prefix}-joined`}>{t('admin.joinedOn')}</label>
        <input
          id={`${prefix}-joined`}
          type="date"
          value={joinedOn}
          onChange={(e) => setJoinedOn(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor={`${prefix}-left`}>{t('admin.leftOn')}</label>
        <input id={`${prefix}-left`} type="date" value={leftOn} onChange={(e) => setLeftOn(e.target.value)} />
      </div>
      <div className="wide">
        <FormActions
          error={result.error}
          messages={PARTNER_ERRORS}
          submit={t('admin.save')}
          busy={result.fetching}
          onCancel={onCancel}
        />
      </div>
    </form>
  );
}

function AddPartner({
  allianceId,
  candidates,
  onDone,
}: {
  allianceId: string;
  candidates: { id: string; name: string }[];
  onDone(): void;
}) {
  const { t } = useI18n();
  const [result, add] = useMutation(AddPartnerMutation);
  const [organisationId, setOrganisationId] = useState('');
  const [status, setStatus] = useState<PartnerStatus>('ACTIVE');
  const [joinedOn, setJoinedOn] = useState('');
  const [done, setDone] = useDone();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await add({ input: { allianceId, organisationId, status, joinedOn: joinedOn || null } });
    if (r.data) {
      setDone(t('admin.partnerAdded'));
      setOrganisationId('');
      setJoinedOn('');
      onDone();
    }
  };
  return (
    <>
      <h3>{t('admin.addPartner')}</h3>
      <form className="form grid" onSubmit={submit}>
        <div>
          <label htmlFor="partner-org">{t('admin.organisation')}</label>
          <select
            id="partner-org"
            required
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {candidates.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="partner-status">{t('field.status')}</label>
          <select
            id="partner-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as PartnerStatus)}
          >
            {STATUSES.filter((s) => s !== 'FORMER').map((s) => (
              <option key={s} value={s}>
                {t(`enum.PartnerStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="partner-joined">{t('admin.joinedOn')}</label>
          <input
            id="partner-joined"
            type="date"
            value={joinedOn}
            onChange={(e) => setJoinedOn(e.target.value)}
          />
        </div>
        <div className="wide">
          <FormActions
            error={result.error}
            messages={PARTNER_ERRORS}
            submit={t('admin.addPartnerSubmit')}
            busy={result.fetching}
          />
        </div>
      </form>
      {done}
    </>
  );
}
