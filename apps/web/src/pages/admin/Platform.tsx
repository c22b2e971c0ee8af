import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { ErrorMessage } from '../../errors';
import { Empty, Loading, PageTitle, Section } from '../../ui';
import {
  CreateAllianceMutation,
  CreateOrganisationMutation,
  PlatformQuery,
  UpdateOrganisationMutation,
} from '../../graphql/admin';
import type { LegalDomain, OrganisationKind, PlatformQuery as PlatformData } from '../../gql/graphql';
import { CheckboxGroup, DOMAINS, EditableTable, FormActions, KINDS, useDone } from './shared';

type Org = PlatformData['organisations'][number];

/** Verwaltung (platform administrator): alliances and organisations. */
export default function Platform() {
  const { t, fmtNumber } = useI18n();
  const [res, reload] = useQuery({ query: PlatformQuery });
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  if (res.fetching && !res.data) return <Loading />;
  const alliances = res.data?.alliances ?? [];
  const organisations = res.data?.organisations ?? [];
  return (
    <>
      <PageTitle title={t('admin.title')}>{t('admin.title')}</PageTitle>
      <p>{t('admin.intro')}</p>
      {res.error && <ErrorMessage error={res.error} />}
      <Section title={t('admin.alliances')} id="alliances">
        {alliances.length === 0 ? (
          <Empty>{t('admin.noAlliances')}</Empty>
        ) : (
          <table>
            <caption className="visually-hidden">{t('admin.alliances')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.municipality')}</th>
                <th scope="col">{t('admin.quorum')}</th>
              </tr>
            </thead>
            <tbody>
              {alliances.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/verwaltung/buendnisse/${a.id}`}>{a.name}</Link>
                  </td>
                  <td>{a.municipality}</td>
                  <td>{fmtNumber(a.quorumShare * 100)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <CreateAlliance onDone={refresh} />
      </Section>
      <Section title={t('admin.organisations')} id="organisations">
        <EditableTable
          caption={t('admin.organisations')}
          columns={[
            t('admin.name'),
            t('admin.shortName'),
            t('admin.kind'),
            t('admin.legalDomains'),
            t('admin.actions'),
          ]}
          rows={organisations}
          editing={editing}
          editor={(o) => (
            <OrganisationForm
              org={o}
              onDone={() => {
                setEditing(null);
                refresh();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          cells={(o) => (
            <>
              <td>{o.name}</td>
              <td>{o.shortName}</td>
              <td>{t(`enum.OrganisationKind.${o.kind}`)}</td>
              <td>{o.legalDomains.map((d) => t(`enum.LegalDomain.${d}`)).join(', ')}</td>
              <td>
                <button
                  type="button"
                  onClick={() => setEditing(o.id)}
                  aria-label={t('admin.editNamed', { name: o.name })}
                >
                  {t('admin.edit')}
                </button>
              </td>
            </>
          )}
        />
        <h3>{t('admin.newOrganisation')}</h3>
        <OrganisationForm onDone={refresh} />
      </Section>
    </>
  );
}

function CreateAlliance({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [result, create] = useMutation(CreateAllianceMutation);
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useDone();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const r = await create({
      input: {
        name: name.trim(),
        municipality: municipality.trim(),
        description: description.trim() || null,
      },
    });
    if (r.data) {
      setDone(t('admin.allianceCreated', { name: r.data.createAlliance.name }));
      setName('');
      setMunicipality('');
      setDescription('');
      onDone();
    }
  };
  return (
    <>
      <h3>{t('admin.newAlliance')}</h3>
      <form className="form grid" onSubmit={submit}>
        <div>
          <label htmlFor="alliance-name">{t('admin.name')}</label>
          <input id="alliance-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor="alliance-municipality">{t('admin.municipality')}</label>
          <input
            id="alliance-municipality"
            required
            value={municipality}
            onChange={(e) => setMunicipality(e.target.value)}
          />
        </div>
        <div className="wide">
          <label htmlFor="alliance-description">{t('admin.description')}</label>
          <textarea
            id="alliance-description"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="wide">
          <FormActions error={result.error} submit={t('admin.createAlliance')} busy={result.fetching} />
        </div>
      </form>
      {done}
    </>
  );
}

/** Creates an organisation, or edits `org`. */
function OrganisationForm({ org, onDone, onCancel }: { org?: Org; onDone(): void; onCancel?(): void }) {
  const { t } = useI18n();
  const [created, create] = useMutation(CreateOrganisationMutation);
  const [updated, update] = useMutation(UpdateOrganisationMutation);
  const [name, setName] = useState(org?.name ?? '');
  const [shortName, setShortName] = useState(org?.shortName ?? '');
  const [kind, setKind] = useState<OrganisationKind>(org?.kind ?? 'CITY_DEPARTMENT');
  const [domains, setDomains] = useState<LegalDomain[]>(org?.legalDomains.filter((d) => d !== 'NONE') ?? []);
  const [done, setDone] = useDone();
  const prefix = org ? `org-${org.id}` : 'org-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const input = { name: name.trim(), shortName: shortName.trim() || null, kind, legalDomains: domains };
    if (org) {
      const r = await update({ id: org.id, input });
      if (r.data) onDone();
    } else {
      const r = await create({ input });
      if (r.data) {
        setDone(t('admin.organisationCreated', { name: r.data.createOrganisation.name }));
        setName('');
        setShortName('');
        setDomains([]);
        onDone();
      }
    }
  };
  const error = org ? updated.error : created.error;
  return (
    <>
      <form
        className="form grid"
        onSubmit={submit}
        aria-label={org ? t('admin.editNamed', { name: org.name }) : undefined}
      >
        <div>
          <label htmlFor={`${prefix}-name`}>{t('admin.orgName')}</label>
          <input id={`${prefix}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${prefix}-short`}>{t('admin.shortName')}</label>
          <input
            id={`${prefix}-short`}
            value={shortName}
            maxLength={30}
            onChange={(e) => setShortName(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${prefix}-kind`}>{t('admin.kind')}</label>
          <select
            id={`${prefix}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as OrganisationKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`enum.OrganisationKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="wide">
          <CheckboxGroup
            legend={t('admin.legalDomains')}
            name={`${prefix}-domains`}
            options={DOMAINS}
            value={domains}
            onChange={setDomains}
            label={(d) => t(`enum.LegalDomain.${d}`)}
          />
        </div>
        <div className="wide">
          <FormActions
            error={error}
            messages={{ BAD_USER_INPUT: 'admin.error.organisation', FORBIDDEN: 'admin.error.forbidden' }}
            submit={org ? t('admin.save') : t('admin.createOrganisation')}
            busy={created.fetching || updated.fetching}
            onCancel={onCancel}
            grouped
          />
        </div>
      </form>
      {!org && done}
    </>
  );
}
