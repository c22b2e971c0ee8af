import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { ErrorMessage } from '../../errors';
import { Badge, Empty, Loading, Section } from '../../ui';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { InvitationsQuery, ResendInvitationMutation, RevokeInvitationMutation } from '../../graphql/admin';
import { useDone } from './shared';

/** Invitations not yet accepted: send the link again, or withdraw it. */
export function Invitations({ allianceId, version }: { allianceId: string; version: number }) {
  const { t, fmtDateTime } = useI18n();
  const [res, reload] = useQuery({ query: InvitationsQuery, variables: { allianceId } });
  const [resent, resend] = useMutation(ResendInvitationMutation);
  const [revoked, revoke] = useMutation(RevokeInvitationMutation);
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  const [done, setDone] = useDone();
  useEffect(() => {
    if (version > 0) reload({ requestPolicy: 'network-only' });
  }, [version, reload]);
  const invitations = res.data?.invitations ?? [];
  return (
    <Section title={t('admin.invitations')} id="invitations">
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : invitations.length === 0 ? (
        <Empty>{t('admin.noInvitations')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{t('admin.invitations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.person')}</th>
              <th scope="col">{t('admin.roles')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col">{t('admin.expiresAt')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.displayName}
                  <br />
                  <span className="muted">
                    {i.email} · {i.organisation.name}
                  </span>
                </th>
                <td>{i.roles.map((r) => t(`enum.Role.${r}`)).join(', ')}</td>
                <td>
                  <Badge kind={i.status === 'PENDING' ? 'requested' : 'cancelled'}>
                    {t(`enum.InvitationStatus.${i.status}`)}
                  </Badge>{' '}
                  <span className="muted">{t('admin.sentCount', { n: i.sentCount })}</span>
                </td>
                <td>{fmtDateTime(i.expiresAt)}</td>
                <td>
                  <div className="table-actions">
                    <button
                      type="button"
                      disabled={resent.fetching}
                      aria-label={t('admin.resendOf', { email: i.email })}
                      onClick={async () => {
                        setDone('');
                        const r = await resend({ id: i.id });
                        if (r.data) setDone(t('admin.resent', { email: i.email }));
                      }}
                    >
                      {t('admin.resend')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={t('admin.revokeOf', { email: i.email })}
                      onClick={() => setRevoking({ id: i.id, email: i.email })}
                    >
                      {t('admin.revoke')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(resent.error || revoked.error) && (
        <ErrorMessage
          error={resent.error ?? revoked.error}
          messages={{ CONFLICT: 'admin.error.done', FORBIDDEN: 'admin.error.forbidden' }}
        />
      )}
      {done}
      {revoking && (
        <ConfirmDialog
          title={t('admin.revokeTitle', { email: revoking.email })}
          confirmLabel={t('admin.revoke')}
          danger
          busy={revoked.fetching}
          onCancel={() => setRevoking(null)}
          onConfirm={async () => {
            const r = await revoke({ id: revoking.id });
            setRevoking(null);
            if (r.data) {
              setDone(t('admin.revoked', { email: revoking.email }));
              reload({ requestPolicy: 'network-only' });
            }
          }}
        >
          <p>{t('admin.revokeText')}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
