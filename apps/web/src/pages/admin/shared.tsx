import { useState, type ReactNode } from 'react';
import type { LegalDomain, OrganisationKind, PartnerStatus, Role } from '../../gql/graphql';

export const KINDS: OrganisationKind[] = [
  'CITY_DEPARTMENT',
  'JOBCENTER',
  'EMPLOYMENT_AGENCY',
  'WELFARE_ASSOCIATION',
  'MIGRANT_ORGANISATION',
  'EMPLOYER',
  'EMPLOYER_ASSOCIATION',
  'UNIVERSITY',
  'OTHER',
];
export const DOMAINS: LegalDomain[] = ['SGB_II', 'SGB_III', 'SGB_VIII', 'SGB_XII', 'ASYLBLG', 'AUFENTHG'];
export const ROLES: Role[] = [
  'ALLIANCE_ADMIN',
  'COORDINATOR',
  'FACILITATOR',
  'MEMBER',
  'OBSERVER',
  'CASE_WORKER',
];
export const STATUSES: PartnerStatus[] = ['ACTIVE', 'PROSPECTIVE', 'FORMER'];

/** A set of checkboxes in a fieldset (legend = the question). */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  label,
  name,
}: {
  legend: string;
  options: T[];
  value: T[];
  onChange(v: T[]): void;
  label(o: T): string;
  name: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((o) => (
          <div className="checkbox" key={o}>
            <input
              type="checkbox"
              id={`${name}-${o}`}
              checked={value.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
            />
            <label htmlFor={`${name}-${o}`}>{label(o)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A polite confirmation after a change ("Gespeichert."), announced once. */
export function useDone(): [ReactNode, (text: string) => void] {
  const [text, setText] = useState('');
  return [
    <p role="status" className="status-line" key="done">
      {text}
    </p>,
    setText,
  ];
}
