import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { ErrorMessage } from '../../errors';
import { ColumnHeads } from '../../ui';
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

/**
 * A list as a table whose rows are edited in place: the row being edited (`editing`, an id) is
 * replaced by its editor across all columns; every other row shows its cells.
 */
export function EditableTable<T extends { id: string }>({
  caption,
  columns,
  rows,
  editing,
  editor,
  cells,
}: {
  caption: string;
  columns: string[];
  rows: T[];
  editing: string | null;
  editor(row: T): ReactNode;
  cells(row: T): ReactNode;
}) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <ColumnHeads columns={columns} />
      <tbody>
        {rows.map((row) =>
          editing === row.id ? (
            <tr key={row.id} className="row-editor">
              <td colSpan={columns.length}>{editor(row)}</td>
            </tr>
          ) : (
            <tr key={row.id}>{cells(row)}</tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/**
 * The end of an administration form: its error (in the words of `messages` per code), the submit
 * button and, for a form one can leave (`onCancel`) or when `grouped`, both in one row of actions.
 */
export function FormActions({
  error,
  messages,
  submit,
  busy,
  onCancel,
  grouped = !!onCancel,
}: {
  error: unknown;
  messages?: Record<string, string>;
  submit: string;
  busy: boolean;
  onCancel?(): void;
  grouped?: boolean;
}) {
  const { t } = useI18n();
  const button = (
    <button type="submit" className="primary" disabled={busy}>
      {submit}
    </button>
  );
  return (
    <>
      {!!error && <ErrorMessage error={error} messages={messages} />}
      {grouped ? (
        <div className="actions">
          {button}
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      ) : (
        button
      )}
    </>
  );
}
