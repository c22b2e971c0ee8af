import { useQuery } from 'urql';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { AllianceQuery, HandoverLinksQuery, NetworkQuery } from '../graphql/ops';
import type { OrganisationKind, PartnerStatus } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { Badge, Empty, Loading, PageTitle, Section } from '../ui';

const STATUS_ORDER: PartnerStatus[] = ['ACTIVE', 'PROSPECTIVE', 'FORMER'];

export default function AlliancePage() {
  const { t, fmtNumber } = useI18n();
  const session = useSession();
  const [res] = useQuery({ query: AllianceQuery, variables: { id: session.allianceId! } });
  if (res.fetching && !res.data) return <Loading />;
  if (res.error) return <ErrorMessage error={res.error} />;
  const a = res.data?.alliance;
  if (!a) return <Empty>{t('common.notFound')}</Empty>;

  return (
    <>
      <PageTitle title={a.name}>{a.name}</PageTitle>
      <p>{a.description}</p>
      <p className="meta">
        {a.municipality} · {t('alliance.quorum', { share: fmtNumber(a.quorumShare * 100) })} ·{' '}
        {t('alliance.memberCount', { n: a.members.length })}
      </p>
      {STATUS_ORDER.map((status) => {
        const partners = a.partners.filter((p) => p.status === status);
        if (!partners.length) return null;
        const kinds = [...new Set(partners.map((p) => p.organisation.kind))] as OrganisationKind[];
        return (
          <Section
            key={status}
            title={t(`alliance.status.${status}`, { n: partners.length })}
            id={`partners-${status}`}
          >
            {kinds.map((kind) => (
              <div key={kind} className="kind-group">
                <h3>{t(`enum.OrganisationKind.${kind}`)}</h3>
                <ul className="plain">
                  {partners
                    .filter((p) => p.organisation.kind === kind)
                    .map((p) => (
                      <li key={p.id}>
                        {p.organisation.name}{' '}
                        {p.organisation.shortName && (
                          <span className="muted">({p.organisation.shortName})</span>
                        )}{' '}
                        {p.organisation.legalDomains
                          .filter((d) => d !== 'NONE')
                          .map((d) => (
                            <Badge key={d}>{t(`enum.LegalDomain.${d}`)}</Badge>
                          ))}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </Section>
        );
      })}
      <Network partners={a.partners.filter((p) => p.status === 'ACTIVE')} />
    </>
  );
}

interface NetPartner {
  id: string;
  organisation: { id: string; name: string; shortName?: string | null };
}

function Network({ partners }: { partners: NetPartner[] }) {
  const { t } = useI18n();
  const session = useSession();
  const [tasks] = useQuery({ query: NetworkQuery, variables: { allianceId: session.allianceId! } });
  const caseWorker = session.hasRole('CASE_WORKER');
  const [handovers] = useQuery({ query: HandoverLinksQuery, pause: !caseWorker });

  const links = new Map<string, { a: string; b: string; tasks: number; handovers: number }>();
  const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const bump = (x: string, y: string, kind: 'tasks' | 'handovers') => {
    if (x === y) return;
    const k = key(x, y);
    const link = links.get(k) ?? { a: x < y ? x : y, b: x < y ? y : x, tasks: 0, handovers: 0 };
    link[kind]++;
    links.set(k, link);
  };
  for (const e of tasks.data?.tasks.edges ?? []) {
    const ids = [e.node.leadPartner.id, ...e.node.contributingPartners.map((p) => p.id)];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) bump(ids[i], ids[j], 'tasks');
  }
  const partnerOfOrg = new Map(partners.map((p) => [p.organisation.id, p.id]));
  for (const h of handovers.data?.handovers ?? []) {
    const a = partnerOfOrg.get(h.from.id);
    const b = partnerOfOrg.get(h.to.id);
    if (a && b) bump(a, b, 'handovers');
  }

  const R = 150;
  const C = 200;
  const pos = new Map(
    partners.map((p, i) => [
      p.id,
      {
        x: C + R * Math.cos((2 * Math.PI * i) / partners.length - Math.PI / 2),
        y: C + R * Math.sin((2 * Math.PI * i) / partners.length - Math.PI / 2),
      },
    ]),
  );
  const name = (id: string) => {
    const o = partners.find((p) => p.id === id)?.organisation;
    return o?.shortName ?? o?.name ?? '';
  };
  const list = [...links.values()].filter((l) => pos.has(l.a) && pos.has(l.b));

  return (
    <Section title={t('alliance.network')} id="network">
      <p className="hint">{t('alliance.networkIntro')}</p>
      {tasks.fetching && !tasks.data ? (
        <Loading />
      ) : (
        <div className="network">
          <svg
            viewBox="0 0 400 400"
            role="img"
            aria-labelledby="network-desc"
            width="100%"
            className="network-svg"
          >
            {list.map((l) => {
              const a = pos.get(l.a)!;
              const b = pos.get(l.b)!;
              return (
                <g key={`${l.a}-${l.b}`}>
                  <line
                    x1={a.x}
                    y1={a.y}
                    x2={b.x}
                    y2={b.y}
                    className={l.handovers ? 'edge handover' : 'edge'}
                    strokeWidth={Math.min(1 + l.tasks + l.handovers, 8)}
                  />
                  <text x={(a.x + b.x) / 2} y={(a.y + b.y) / 2} className="edge-label" textAnchor="middle">
                    {l.tasks + l.handovers}
                  </text>
                </g>
              );
            })}
            {partners.map((p) => {
              const q = pos.get(p.id)!;
              return (
                <g key={p.id}>
                  <circle cx={q.x} cy={q.y} r={22} className="node" />
                  <text x={q.x} y={q.y + 4} textAnchor="middle" className="node-label">
                    {(p.organisation.shortName ?? p.organisation.name).slice(0, 7)}
                  </text>
                </g>
              );
            })}
          </svg>
          <div id="network-desc">
            {list.length === 0 ? (
              <Empty>{t('alliance.noLinks')}</Empty>
            ) : (
              <table>
                <caption>{t('alliance.linksCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('alliance.partners')}</th>
                    <th scope="col">{t('alliance.sharedTasks')}</th>
                    <th scope="col">{t('alliance.handovers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((l) => (
                    <tr key={`${l.a}-${l.b}`}>
                      <td>
                        {name(l.a)} – {name(l.b)}
                      </td>
                      <td>{l.tasks}</td>
                      <td>{l.handovers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {!caseWorker && <p className="hint">{t('alliance.handoversHidden')}</p>}
          </div>
        </div>
      )}
    </Section>
  );
}
