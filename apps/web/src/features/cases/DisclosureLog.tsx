import { useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { DisclosuresQuery } from '../../graphql/ops';
import { ErrorMessage } from '../../errors';
import { Empty, Loading, Section } from '../../ui';

export function DisclosureLog({ caseId }: { caseId: string }) {
  const { t, fmtDateTime } = useI18n();
  const [res] = useQuery({ query: DisclosuresQuery, variables: { caseId }, requestPolicy: 'network-only' });
  const rows = res.data?.disclosures.edges.map((e) => e.node) ?? [];
  return (
    <Section title={t('cases.disclosures')} id="disclosures">
      <p className="hint">{t('cases.disclosuresIntro')}</p>
      {res.error && <ErrorMessage error={res.error} />}
      {res.fetching && !res.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('cases.noDisclosures')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{t('cases.disclosures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.when')}</th>
              <th scope="col">{t('cases.organisation')}</th>
              <th scope="col">{t('cases.reader')}</th>
              <th scope="col">{t('cases.sharedCategories')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{fmtDateTime(d.at)}</td>
                <td>{d.organisation.name}</td>
                <td>{d.reader.displayName}</td>
                <td>{d.categories.map((x) => t(`enum.DataCategory.${x}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
