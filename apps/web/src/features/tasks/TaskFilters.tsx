import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { TaskFilter } from '../../gql/graphql';
import { Section } from '../../ui';

export interface TaskFilterState {
  partnerId: string;
  assigneeId: string;
  overdue: boolean;
  search: string;
}

export function toTaskFilter(f: TaskFilterState): TaskFilter {
  return {
    ...(f.partnerId ? { partnerId: f.partnerId } : {}),
    ...(f.assigneeId ? { assigneeId: f.assigneeId } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.search.trim() ? { search: f.search.trim() } : {}),
  };
}

/** The board's filters: they narrow what is shown (no change of context), with the view's own controls. */
export function TaskFilters({
  partners,
  members,
  value,
  onChange,
  children,
}: {
  partners: { id: string; organisation: { name: string } }[];
  members: { user: { id: string; displayName: string } }[];
  value: TaskFilterState;
  onChange(value: TaskFilterState): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<TaskFilterState>) => onChange({ ...value, ...patch });
  return (
    <Section title={t('tasks.filters')} id="filters">
      <div className="filters">
        <div>
          <label htmlFor="f-partner">{t('tasks.partner')}</label>
          <select id="f-partner" value={value.partnerId} onChange={(e) => set({ partnerId: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.organisation.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-assignee">{t('tasks.assignee')}</label>
          <select
            id="f-assignee"
            value={value.assigneeId}
            onChange={(e) => set({ assigneeId: e.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {members.map((m) => (
              <option key={m.user.id} value={m.user.id}>
                {m.user.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input
            id="f-overdue"
            type="checkbox"
            checked={value.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
          />
          <label htmlFor="f-overdue">{t('tasks.overdueOnly')}</label>
        </div>
        <div>
          <label htmlFor="f-search">{t('tasks.search')}</label>
          <input
            id="f-search"
            type="search"
            value={value.search}
            onChange={(e) => set({ search: e.target.value })}
          />
        </div>
        {children}
      </div>
    </Section>
  );
}
