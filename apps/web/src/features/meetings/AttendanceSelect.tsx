import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { AttendanceStatus } from '../../gql/graphql';

/**
 * One partner's attendance: choosing in the list changes nothing yet (arrow keys only move the
 * choice); "Speichern" records it, so no change of context happens on input.
 */
export function AttendanceSelect({
  partner,
  value,
  options,
  busy,
  onSave,
}: {
  partner: string;
  value: AttendanceStatus | '';
  options: AttendanceStatus[];
  busy: boolean;
  onSave(status: AttendanceStatus): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AttendanceStatus | ''>(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <form
      className="form inline attendance"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft && draft !== value) onSave(draft);
      }}
    >
      <select
        aria-label={t('meetings.attendanceOf', { partner })}
        value={draft}
        onChange={(e) => setDraft(e.target.value as AttendanceStatus | '')}
      >
        <option value="">{t('meetings.notRecorded')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`enum.AttendanceStatus.${o}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || !draft || draft === value}>
        {t('common.save')}
        <span className="visually-hidden">: {partner}</span>
      </button>
    </form>
  );
}
