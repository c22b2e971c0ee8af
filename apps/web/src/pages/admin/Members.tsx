import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ErrorMessage } from '../../errors';
import { Badge, Section } from '../../ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import {
  DeactivateUserMutation,
  InviteUserMutation,
  ReactivateUserMutation,
  ResetSecondFactorMutation,
  SetMembershipMutation,
} from '../../graphql/admin';
import type { Role } from '../../gql/graphql';
import { CheckboxGroup, EditableTable, FormActions, ROLES, useDone } from './shared';
import type { AdminAlliance } from './AllianceAdmin';

type Member = AdminAlliance['members'][number];
type Pending = { kind: 'remove' | 'deactivate' | 'reactivate' | 'resetSecondFactor'; member: Member };

/** Members: roles, removal, deactivation and reactivation, second-factor reset; inviting new people. */
export function Members({
  alliance,
  onDone,
  onInvited,
}: {
  alliance: AdminAlliance;
  onDone(): void;
  onInvited(): void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [membership, setMembership] = useMutation(SetMembershipMutation);
  const [deactivated, deactivate] = useMutation(DeactivateUserMutation);
  const [reactivated, reactivate] = useMutation(ReactivateUserMutation);
  const [reset, resetSecondFactor] = useMutation(ResetSecondFactorMutation);
  const [done, setDone] = useDone();
  const members = [...alliance.members].sort((a, b) => a.user.displayName.localeCompare(b.user.displayName));
  const error = membership.error ?? deactivated.error ?? reactivated.error ?? reset.error;
  const busy = membership.fetching || deactivated.fetching || reactivated.fetching || reset.fetching;

  const confirm = async () => {
    if (!pending) return;
    const { kind, member } = pending;
    const name = member.user.displayName;
    const r =
      kind === 'remove'
        ? await setMembership({ input: { allianceId: alliance.id, userId: member.user.id, roles: [] } })
        : kind === 'deactivate'
          ? await deactivate({ id: member.user.id })
          : kind === 'reactivate'
            ? await reactivate({ id: member.user.id })
            : await resetSecondFactor({ userId: member.user.id });
    setPending(null);
    if (!r.error) {
      setDone(t(`admin.${kind}.done`, { name }));
      onDone();
    }
  };

  return (
    <Section title={t('admin.members')} id="members">
      <EditableTable
        caption={t('admin.members')}
        columns={[
          t('admin.person'),
          t('admin.organisation'),
          t('admin.roles'),
          t('field.status'),
          t('admin.actions'),
        ]}
        rows={members}
        editing={editing}
        editor={(m) => (
          <RolesForm
            allianceId={alliance.id}
            member={m}
            onDone={() => {
              setEditing(null);
              setDone(t('admin.rolesSaved', { name: m.user.displayName }));
              onDone();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        cells={(m) => {
          const self = m.user.id === session.user?.id;
          const name = m.user.displayName;
          return (
            <>
              <th scope="row">
                {name}
                <br />
                <span className="muted">{m.user.email}</span>
              </th>
              <td>{m.user.organisation.name}</td>
              <td>{m.roles.map((r) => t(`enum.Role.${r}`)).join(', ')}</td>
              <td>
                {m.user.deactivatedAt ? (
                  <Badge kind="cancelled">{t('admin.deactivated')}</Badge>
                ) : (
                  <Badge kind="active">{t('admin.active')}</Badge>
                )}{' '}
                {m.user.totpEnabledAt && <Badge>{t('admin.secondFactorOn')}</Badge>}
              </td>
              <td>
                <div className="table-actions">
                  <button
                    type="button"
                    onClick={() => setEditing(m.id)}
                    aria-label={t('admin.changeRolesOf', { name })}
                  >
                    {t('admin.changeRoles')}
                  </button>
                  {!self && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setPending({ kind: 'remove', member: m })}
                      aria-label={t('admin.removeOf', { name })}
                    >
                      {t('admin.remove')}
                    </button>
                  )}
                  {!self && !m.user.platformAdmin && (
                    <button
                      type="button"
                      className={m.user.deactivatedAt ? undefined : 'danger'}
                      onClick={() =>
                        setPending({ kind: m.user.deactivatedAt ? 'reactivate' : 'deactivate', member: m })
                      }
                      aria-label={t(m.user.deactivatedAt ? 'admin.reactivateOf' : 'admin.deactivateOf', {
                        name,
                      })}
                    >
                      {t(m.user.deactivatedAt ? 'admin.reactivate' : 'admin.deactivate')}
                    </button>
                  )}
                  {!self && !m.user.platformAdmin && m.user.totpEnabledAt && (
                    <button
                      type="button"
                      onClick={() => setPending({ kind: 'resetSecondFactor', member: m })}
                      aria-label={t('admin.resetSecondFactorOf', { name })}
                    >
                      {t('admin.resetSecondFactor')}
                    </button>
                  )}
                </div>
              </td>
            </>
          );
        }}
      />
      {error && (
        <ErrorMessage
          error={error}
          messages={{
            BAD_USER_INPUT: 'admin.error.member',
            CONFLICT: 'admin.error.done',
            FORBIDDEN: 'admin.error.forbidden',
          }}
        />
      )}
      {done}
      {pending && (
        <ConfirmDialog
          title={t(`admin.${pending.kind}.title`, { name: pending.member.user.displayName })}
          confirmLabel={t(`admin.${pending.kind}.confirm`)}
          danger={pending.kind !== 'reactivate'}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        >
          <p>{t(`admin.${pending.kind}.text`, { name: pending.member.user.displayName })}</p>
        </ConfirmDialog>
      )}
      <InviteForm alliance={alliance} onInvited={onInvited} />
    </Section>
  );
}

function RolesForm({
  allianceId,
  member,
  onDone,
  onCancel,
}: {
  allianceId: string;
  member: Member;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [result, save] = useMutation(SetMembershipMutation);
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save({ input: { allianceId, userId: member.user.id, roles } });
    if (!r.error) onDone();
  };
  return (
    <form className="form" onSubmit={submit}>
      <CheckboxGroup
        legend={t('admin.rolesOf', { name: member.user.displayName })}
        name={`roles-${member.id}`}
        options={ROLES}
        value={roles}
        onChange={setRoles}
        label={(r) => t(`enum.Role.${r}`)}
      />
      {roles.length === 0 && <p className="hint">{t('admin.noRolesHint')}</p>}
      <FormActions
        error={result.error}
        messages={{ BAD_USER_INPUT: 'admin.error.member', FORBIDDEN: 'admin.error.forbidden' }}
        submit={t('admin.saveRoles')}
        busy={result.fetching}
        onCancel={onCancel}
      />
    </form>
  );
}

function InviteForm({ alliance, onInvited }: { alliance: AdminAlliance; onInvited(): void }) {
  const { t, lang } = useI18n();
  const [result, invite] = useMutation(InviteUserMutation);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [roles, setRoles] = useState<Role[]>(['MEMBER']);
  const [language, setLanguage] = useState<string>(lang);
  const [done, setDone] = useDone();
  const partners = alliance.partners.filter((p) => p.status !== 'FORMER');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await invite({
      input: {
        allianceId: alliance.id,
        email: email.trim(),
        displayName: displayName.trim(),
        organisationId,
        roles,
        language,
      },
    });
    if (r.data) {
      setDone(t('admin.invited', { email: r.data.inviteUser.email }));
      setEmail('');
      setDisplayName('');
      onInvited();
    }
  };
  return (
    <>
      <h3>{t('admin.invite')}</h3>
      <p>{t('admin.inviteIntro')}</p>
      <form className="form grid" onSubmit={submit}>
        <div>
          <label htmlFor="invite-name">{t('admin.displayName')}</label>
          <input
            id="invite-name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="invite-email">{t('field.email')}</label>
          <input
            id="invite-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="invite-org">{t('admin.organisation')}</label>
          <select
            id="invite-org"
            required
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {partners.map((p) => (
              <option key={p.organisation.id} value={p.organisation.id}>
                {p.organisation.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-language">{t('admin.mailLanguage')}</label>
          <select id="invite-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="de">{t('lang.de')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </div>
        <div className="wide">
          <CheckboxGroup
            legend={t('admin.roles')}
            name="invite-roles"
            options={ROLES}
            value={roles}
            onChange={setRoles}
            label={(r) => t(`enum.Role.${r}`)}
          />
        </div>
        <div className="wide">
          <FormActions
            error={result.error}
            messages={{ BAD_USER_INPUT: 'admin.error.invite', FORBIDDEN: 'admin.error.forbidden' }}
            submit={t('admin.sendInvitation')}
            busy={result.fetching || roles.length === 0}
          />
        </div>
      </form>
      {done}
    </>
  );
}
