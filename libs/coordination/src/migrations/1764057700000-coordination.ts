import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Goals with owner partners, indicators and measurements; tasks with partners, dependencies and comments. */
export class Coordination1764057700000 implements MigrationInterface {
  name = 'Coordination1764057700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        parent_id uuid REFERENCES goals(id),
        title text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'DRAFT',
        starts_on date,
        due_on date,
        created_by uuid REFERENCES users(id),
        -- clock_timestamp(): rows created in one transaction keep their order ("oldest first").
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT goals_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
        CONSTRAINT goals_dates_check CHECK (starts_on IS NULL OR due_on IS NULL OR due_on >= starts_on)
      );
      CREATE INDEX goals_alliance_idx ON goals (alliance_id, status, created_at, id);
      CREATE INDEX goals_parent_idx ON goals (parent_id);

      CREATE TABLE goal_owner_partners (
        goal_id uuid NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id),
        PRIMARY KEY (goal_id, partner_id)
      );
      CREATE INDEX goal_owner_partners_partner_idx ON goal_owner_partners (partner_id);

      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        goal_id uuid NOT NULL REFERENCES goals(id),
        name text NOT NULL,
        unit text NOT NULL,
        baseline double precision NOT NULL,
        target double precision NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX indicators_goal_idx ON indicators (goal_id, created_at, id);

      CREATE TABLE measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        indicator_id uuid NOT NULL REFERENCES indicators(id),
        value double precision NOT NULL,
        observed_on date NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      -- "current" is the latest by observedOn, ties broken by the later recording.
      CREATE INDEX measurements_indicator_idx ON measurements (indicator_id, observed_on DESC, recorded_at DESC, id DESC);

      -- German full-text search. The German Snowball stemmer is not idempotent (Sprachkurs → sprachkur,
      -- Sprachkurse → sprachkurs); stemming the stems once more makes the inflected forms meet.
      CREATE FUNCTION coordination_search_vector(doc text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('german'::regconfig, array_to_string(tsvector_to_array(to_tsvector('german'::regconfig, doc)), ' '))
      $$;
      CREATE FUNCTION coordination_search_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT plainto_tsquery('german'::regconfig, array_to_string(tsvector_to_array(to_tsvector('german'::regconfig, q)), ' '))
      $$;

      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        goal_id uuid REFERENCES goals(id),
        -- The meeting decision this task follows up; the meetings context adds the foreign key.
        decision_id uuid,
        title text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'OPEN',
        priority text NOT NULL DEFAULT 'NORMAL',
        -- Sort key for TaskOrder.PRIORITY: most urgent first.
        priority_rank smallint GENERATED ALWAYS AS (
          CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END
        ) STORED,
        lead_partner_id uuid NOT NULL REFERENCES partners(id),
        assignee_id uuid REFERENCES users(id),
        due_on date,
        completed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        search_vector tsvector GENERATED ALWAYS AS (coordination_search_vector(coalesce(title, '') || ' ' || coalesce(description, ''))) STORED,
        CONSTRAINT tasks_completed_check CHECK ((status = 'DONE') = (completed_at IS NOT NULL))
      );
      CREATE INDEX tasks_alliance_created_idx ON tasks (alliance_id, created_at, id);
      CREATE INDEX tasks_alliance_due_idx ON tasks (alliance_id, (coalesce(due_on, 'infinity'::date)), id);
      CREATE INDEX tasks_alliance_priority_idx ON tasks (alliance_id, priority_rank, id);
      CREATE INDEX tasks_alliance_updated_idx ON tasks (alliance_id, updated_at, id);
      CREATE INDEX tasks_alliance_status_idx ON tasks (alliance_id, status);
      CREATE INDEX tasks_open_due_idx ON tasks (alliance_id, due_on) WHERE status NOT IN ('DONE', 'CANCELLED');
      CREATE INDEX tasks_lead_partner_idx ON tasks (lead_partner_id);
      CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, created_at, id);
      CREATE INDEX tasks_goal_idx ON tasks (goal_id, created_at, id);
      CREATE INDEX tasks_decision_idx ON tasks (decision_id);
      CREATE INDEX tasks_search_idx ON tasks USING gin (search_vector);

      CREATE TABLE task_contributing_partners (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id),
        PRIMARY KEY (task_id, partner_id)
      );
      CREATE INDEX task_contributing_partners_partner_idx ON task_contributing_partners (partner_id, task_id);

      -- task_id is blocked by blocked_by_id: blocked_by_id must be done first.
      CREATE TABLE task_dependencies (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        blocked_by_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, blocked_by_id),
        CONSTRAINT task_dependencies_not_self CHECK (task_id <> blocked_by_id)
      );
      CREATE INDEX task_dependencies_blocked_by_idx ON task_dependencies (blocked_by_id, task_id);

      CREATE TABLE task_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX task_comments_task_idx ON task_comments (task_id, created_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE task_comments; DROP TABLE task_dependencies; DROP TABLE task_contributing_partners; DROP TABLE tasks;
      DROP TABLE measurements; DROP TABLE indicators; DROP TABLE goal_owner_partners; DROP TABLE goals;
      DROP FUNCTION coordination_search_vector(text); DROP FUNCTION coordination_search_query(text);
    `);
  }
}
