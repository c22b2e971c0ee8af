import { useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useI18n } from '../i18n';
import { useOnReconnect, useSession } from '../session';
import {
  AllianceQuery,
  TaskEventsSubscription,
  TaskPermissionsQuery,
  TasksQuery,
  UpdateTaskMutation,
} from '../graphql/ops';
import type { TaskCardFieldsFragment, TaskStatus } from '../gql/graphql';
import { ErrorMessage } from '../errors';
import { TaskCreateForm } from '../features/tasks/TaskCreateForm';
import { CreatePanel } from '../components/CreatePanel';
import { DRAG_TYPE, TaskCard } from '../features/tasks/TaskCard';
import { TaskTable } from '../features/tasks/TaskTable';
import { TaskFilters, type TaskFilterState, toTaskFilter } from '../features/tasks/TaskFilters';
import type { StatusTask } from '../features/tasks/TaskStatusForm';
import { Empty, Loading, PageTitle } from '../ui';

const COLUMNS: TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
const VIEW_KEY = 'bp.taskView';
type View = 'board' | 'table';

export default function TaskBoard() {
  const { t } = useI18n();
  const session = useSession();
  const allianceId = session.allianceId!;
  const [filters, setFilters] = useState<TaskFilterState>({
    partnerId: '',
    assigneeId: '',
    overdue: false,
    search: '',
  });
  const [pageSize, setPageSize] = useState(50);
  const [view, setViewState] = useState<View>(() =>
    localStorage.getItem(VIEW_KEY) === 'table' ? 'table' : 'board',
  );
  const setView = (v: View) => {
    localStorage.setItem(VIEW_KEY, v);
    setViewState(v);
  };
  const [live, setLive] = useState('');
  const [focusTask, setFocusTask] = useState<{ id: string; status: TaskStatus } | null>(null);

  const filter = useMemo(() => toTaskFilter(filters), [filters]);
  // The cursors of the pages walked so far; a new filter or page size starts again at page one.
  const pagingKey = JSON.stringify([filter, pageSize]);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({
    key: pagingKey,
    cursors: [null],
  });
  const cursors = paging.key === pagingKey ? paging.cursors : [null];
  const after = cursors[cursors.length - 1];
  const [alliance] = useQuery({ query: AllianceQuery, variables: { id: allianceId } });
  const [tasks, refetch] = useQuery({
    query: TasksQuery,
    variables: { allianceId, filter, first: pageSize, after },
  });
  const [, update] = useMutation(UpdateTaskMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  // Live updates: every task event of the alliance reloads the board.
  useSubscription({ query: TaskEventsSubscription, variables: { allianceId } }, (_prev, event) => {
    setLive(t('tasks.liveUpdate', { title: event.taskEvents.task.title }));
    reload();
    return event;
  });
  useOnReconnect(reload);

  const partners = alliance.data?.alliance?.partners.filter((p) => p.status === 'ACTIVE') ?? [];
  const members = alliance.data?.alliance?.members ?? [];
  const connection = tasks.data?.tasks;
  const nodes = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  // The API says whether (and for which partners) the caller may create tasks: its own rule.
  const [permissions] = useQuery({ query: TaskPermissionsQuery, variables: { allianceId } });
  const may = permissions.data?.alliance?.taskPermissions;

  // After a status change the card sits in another column: focus follows it there.
  useEffect(() => {
    // Wait for the reloaded list: until then the card still sits (and would be focused) in its old column.
    if (!focusTask || !nodes.some((n) => n.id === focusTask.id && n.status === focusTask.status)) return;
    document.getElementById(`task-link-${focusTask.id}`)?.focus();
    setFocusTask(null);
  }, [focusTask, nodes]);

  const statusSaved = (task: StatusTask, status: TaskStatus) => {
    setLive(t('tasks.statusSaved', { title: task.title, status: t(`enum.TaskStatus.${status}`) }));
    setFocusTask({ id: task.id, status });
    reload();
  };
  const [dropError, setDropError] = useState<unknown>(null);
  const drop = async (e: DragEvent, status: TaskStatus) => {
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const task = nodes.find((n) => n.id === id);
    if (!task) return;
    e.preventDefault();
    if (task.status === status || !task.viewerCan.changeStatus) return;
    const r = await update({ id, input: { expectedVersion: task.version, status } });
    setDropError(r.error ?? null);
    if (!r.error) statusSaved(task, status);
  };
  const column = (status: TaskStatus) => nodes.filter((n) => n.status === status);
  const dropZone = (status: TaskStatus) => ({
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
    },
    onDrop: (e: DragEvent) => void drop(e, status),
  });

  const total = connection?.totalCount ?? 0;
  const first = (cursors.length - 1) * pageSize;
  return (
    <>
      <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
      <p className="visually-hidden" aria-live="polite" data-testid="live-region">
        {live}
      </p>
      <a href="#task-board" className="skip-link">
        {t('tasks.skipToBoard')}
      </a>
      {may?.createTask && (
        <CreatePanel id="new-task" label={t('tasks.new')} title={t('tasks.new')}>
          {(close) => (
            <TaskCreateForm
              allianceId={allianceId}
              partners={partners}
              members={members}
              ownOrganisationTakesPart={may.ownOrganisationTakesPart}
              onCreated={reload}
              onCancel={close}
            />
          )}
        </CreatePanel>
      )}
      <TaskFilters partners={partners} members={members} value={filters} onChange={setFilters}>
        <div>
          <label htmlFor="f-page-size">{t('tasks.pageSize')}</label>
          <select id="f-page-size" value={pageSize} onChange={(e) => setPageSize(Number(e.target.value))}>
            {[10, 25, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div role="group" aria-labelledby="view-label" className="view-toggle">
          <span id="view-label">{t('tasks.view')}</span>
          <div>
            <button type="button" aria-pressed={view === 'board'} onClick={() => setView('board')}>
              {t('tasks.viewBoard')}
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              {t('tasks.viewTable')}
            </button>
          </div>
        </div>
      </TaskFilters>
      {tasks.error && <ErrorMessage error={tasks.error} />}
      {dropError ? <ErrorMessage error={dropError} /> : null}
      {tasks.fetching && !tasks.data ? (
        <Loading />
      ) : view === 'table' ? (
        <TaskTable tasks={nodes} onStatusSaved={statusSaved} />
      ) : (
        <>
          <p className="muted">{t('tasks.dragHint')}</p>
          <div className="board" data-testid="task-board" id="task-board" tabIndex={-1}>
            {COLUMNS.map((status) => (
              <section
                key={status}
                className="column"
                aria-labelledby={`col-${status}`}
                {...dropZone(status)}
              >
                <h2 id={`col-${status}`}>
                  {t(`enum.TaskStatus.${status}`)} <span className="count">({column(status).length})</span>
                </h2>
                <Cards tasks={column(status)} onStatusSaved={statusSaved} />
              </section>
            ))}
            <section className="column cancelled" aria-labelledby="col-CANCELLED" {...dropZone('CANCELLED')}>
              <details>
                <summary id="col-CANCELLED">
                  {t('tasks.cancelledColumn', { count: column('CANCELLED').length })}
                </summary>
                <Cards tasks={column('CANCELLED')} onStatusSaved={statusSaved} />
              </details>
            </section>
          </div>
        </>
      )}
      {!tasks.fetching && nodes.length === 0 && !tasks.error && <Empty>{t('tasks.empty')}</Empty>}
      {total > 0 && (
        <Pager
          range={t('tasks.pageRange', { from: first + 1, to: first + nodes.length, total })}
          previous={
            cursors.length > 1
              ? () => setPaging({ key: pagingKey, cursors: cursors.slice(0, -1) })
              : undefined
          }
          next={
            connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor
              ? () => setPaging({ key: pagingKey, cursors: [...cursors, connection.pageInfo.endCursor!] })
              : undefined
          }
        />
      )}
    </>
  );
}

function Cards({
  tasks,
  onStatusSaved,
}: {
  tasks: TaskCardFieldsFragment[];
  onStatusSaved(task: StatusTask, status: TaskStatus): void;
}) {
  const { t } = useI18n();
  if (!tasks.length) return <Empty>{t('tasks.emptyColumn')}</Empty>;
  return (
    <ul className="cards">
      {tasks.map((task) => (
        <TaskCard key={task.id} task={task} onStatusSaved={onStatusSaved} />
      ))}
    </ul>
  );
}

function Pager({ range, previous, next }: { range: ReactNode; previous?(): void; next?(): void }) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t('tasks.pages')}>
      <p data-testid="page-range">{range}</p>
      {previous && (
        <button type="button" onClick={previous}>
          {t('tasks.previousPage')}
        </button>
      )}{' '}
      {next && (
        <button type="button" onClick={next}>
          {t('tasks.nextPage')}
        </button>
      )}
    </nav>
  );
}
