import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { CasesQuery } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Badge, Empty, Loading, Section } from '../../ui';

export function CaseList({ handedOver, title, id }: { handedOver: boolean; title: string; id: string }) {
  const { t, fmtDateTime } = useI18n();
  const [search, setSearch] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const [res] = useQuery({
    query: CasesQuery,
    requestPolicy: 'network-only',
    variables: {
      filter: {
        handedOver,
        status: showClosed ? ['OPEN', 'CLOSED'] : ['OPEN'],
        ...(search.trim() ? { search: search.trim() } : {}),
      },
    },
  });
  const cases = res.data?.cases.edges.map((e) => e.node) ?? [];
  return (
    <Section title={title} id={id}>
      <div className="filters">
        <div>
          <label htmlFor={`${id}-search`}>
            {handedOver ? t('cases.searchReference') : t('cases.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id={`${id}-closed`}
            type="checkbox"
            checked={showClosed}
            onChange={(e) => setShowClosed(e.target.checked)}
          />
          <label htmlFor={`${id}-closed`}>{t('cases.showClosed')}</label>
        </div>
      </div>
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : cases.length === 0 ? (
        <Empty>{handedOver ? t('cases.noneReceived') : t('cases.noneOwn')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{handedOver ? t('cases.owner') : t('cases.caseWorker')}</th>
              <th scope="col">{t('cases.supportAreas')}</th>
              <th scope="col">{t('cases.opened')}</th>
              <th scope="col">{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/faelle/${c.id}`}>{c.reference}</Link>
                </td>
                <td>{handedOver ? c.owner.name : (c.caseWorker?.displayName ?? '–')}</td>
                <td>{c.supportAreas.map((a) => t(`enum.SupportArea.${a}`)).join(', ') || '–'}</td>
                <td>{fmtDateTime(c.openedAt)}</td>
                <td>
                  <Badge kind={c.status}>{t(`enum.CaseStatus.${c.status}`)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
