import { Link, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import { HandoverEventsSubscription } from '../graphql/live-ops';
import { CaseQuery } from '../graphql/ops';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle } from '../ui';
import { CaseData } from '../features/cases/CaseData';
import { Consents } from '../features/cases/Consents';
import { ConsentForm } from '../features/cases/ConsentForm';
import { HandoverForm } from '../features/cases/HandoverForm';
import { Handovers } from '../features/cases/Handovers';
import { DisclosureLog } from '../features/cases/DisclosureLog';
import { CaseMaintenance } from '../features/cases/CaseMaintenance';
import { DuplicateWarning } from '../features/cases/DuplicateWarning';
import { EditCaseData } from '../features/cases/EditCaseData';
import { StatutoryHandoverForm } from '../features/cases/StatutoryHandover';

export default function CaseDetail() {
  const { id } = useParams();
  const { t, fmtDateTime } = useI18n();
  const session = useSession();
  const [res, refetch] = useQuery({
    query: CaseQuery,
    variables: { id: id! },
    requestPolicy: 'network-only',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // The case's handovers change live (accepted, declined, completed, consent withdrawn).
  useSubscription({ query: HandoverEventsSubscription }, (_prev, event) => {
    if (event.handoverEvents.caseId === id) reload();
    return event;
  });
  useOnReconnect(reload);

  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const c = res.data?.case;
  if (!c) return <Empty>{t('common.notFound')}</Empty>;
  const owner = c.owner.id === session.user?.organisation.id;
  const open = c.status === 'OPEN';

  return (
    <>
      <p>
        <Link to="/faelle">← {t('cases.back')}</Link>
      </p>
      <PageTitle title={t('cases.caseTitle', { reference: c.reference })}>
        {t('cases.caseTitle', { reference: c.reference })}
      </PageTitle>
      <div className="card">
        <dl className="facts">
          <dt>{t('field.status')}</dt>
          <dd>
            <Badge kind={c.status}>{t(`enum.CaseStatus.${c.status}`)}</Badge>
          </dd>
          <dt>{t('cases.owner')}</dt>
          <dd>{c.owner.name}</dd>
          <dt>{t('cases.caseWorker')}</dt>
          <dd>{c.caseWorker?.displayName ?? '–'}</dd>
          <dt>{t('cases.opened')}</dt>
          <dd>{fmtDateTime(c.openedAt)}</dd>
          {owner && (
            <>
              <dt>{t('cases.supportAreas')}</dt>
              <dd>{c.supportAreas.map((a) => t(`enum.SupportArea.${a}`)).join(', ') || '–'}</dd>
            </>
          )}
        </dl>
        {!owner && (
          <p className="notice">
            {t(
              c.handovers.some((h) => h.legalBasis)
                ? 'caseRules.receivedStatutoryNotice'
                : 'cases.receivedNotice',
            )}
          </p>
        )}
        {owner && open && <DuplicateWarning cases={c.possibleDuplicates} />}
      </div>
      <CaseData c={c} />
      {owner && open && <EditCaseData c={c} reload={reload} />}
      {owner && <Consents c={c} editable={open} reload={reload} />}
      {owner && open && <ConsentForm c={c} reload={reload} />}
      {owner && open && <HandoverForm c={c} reload={reload} />}
      {owner && open && <StatutoryHandoverForm c={c} reload={reload} />}
      <Handovers c={c} owner={owner} reload={reload} />
      {owner && <DisclosureLog caseId={c.id} />}
      {owner && <CaseMaintenance c={c} reload={reload} />}
    </>
  );
}
