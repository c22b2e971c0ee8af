import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../libs/identity/src/index.js';

export interface LargeAllianceSize {
  partners: number;
  users: number;
  goals: number;
  tasks: number;
  comments: number;
}

export const LARGE: LargeAllianceSize = {
  partners: 100,
  users: 2_000,
  goals: 50,
  tasks: 50_000,
  comments: 200_000,
};

export interface GeneratedAlliance {
  allianceId: string;
  /** Every generated user signs in with this password. */
  password: string;
  coordinatorEmail: string;
  memberEmail: string;
  counts: Record<string, number>;
  seconds: number;
}

/**
 * Generates one large alliance with set-based SQL (generate_series, no row-by-row round trips):
 * partners, users with memberships, goals, tasks in every state with contributing partners,
 * acyclic dependencies (chains of five) and comments. Tasks and assignees obey the portal's rules
 * (active partners; assignees from the lead organisation). Runs in one transaction on its own
 * connection; ANALYZEs afterwards so plans reflect the data.
 */
export async function generateLargeAlliance(
  databaseUrl: string,
  size: LargeAllianceSize = LARGE,
): Promise<GeneratedAlliance> {
  const started = Date.now();
  const run = randomBytes(3).toString('hex');
  const password = 'bench-password-1234';
  const hash = await hashPassword(password);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const [{ id: allianceId }] = (
      await client.query(
        `INSERT INTO alliances (name, municipality, description) VALUES ($1, 'Benchstadt', 'Lastprofil: ein großes Bündnis') RETURNING id`,
        [`Großbündnis ${run}`],
      )
    ).rows;
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const A = lit(allianceId);
    const { partners: P, users: U, goals: G, tasks: T, comments: C } = size;
    await client.query(`
      CREATE TEMP TABLE b_partner ON COMMIT DROP AS
        SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS org FROM generate_series(1, ${P}) i;
      INSERT INTO organisations (id, name, short_name, kind)
        SELECT org, 'Bench-Organisation ' || i || ' ' || ${lit(run)}, 'B' || i, (ARRAY['CITY_DEPARTMENT','JOBCENTER','WELFARE_ASSOCIATION','EMPLOYER','OTHER'])[1 + i % 5]
          FROM b_partner;
      INSERT INTO partners (id, alliance_id, organisation_id, status, joined_on)
        SELECT id, ${A}, org, 'ACTIVE', current_date - 365 FROM b_partner;

      -- User i belongs to partner ((i - 1) % P) + 1.
      CREATE TEMP TABLE b_user ON COMMIT DROP AS
        SELECT i, gen_random_uuid() AS id, ((i - 1) % ${P}) + 1 AS p FROM generate_series(1, ${U}) i;
      INSERT INTO users (id, email, display_name, organisation_id, password_hash)
        SELECT u.id, 'bench-' || u.i || '-' || ${lit(run)} || '@bench.local', 'Mitarbeitende ' || u.i, p.org, ${lit(hash)}
          FROM b_user u JOIN b_partner p ON p.i = u.p;
      INSERT INTO memberships (alliance_id, user_id, roles)
        SELECT ${A}, id, CASE WHEN i = 1 THEN ARRAY['COORDINATOR'] WHEN i % 10 = 0 THEN ARRAY['OBSERVER'] ELSE ARRAY['MEMBER'] END FROM b_user;

      CREATE TEMP TABLE b_goal ON COMMIT DROP AS SELECT i, gen_random_uuid() AS id FROM generate_series(1, ${G}) i;
      INSERT INTO goals (id, alliance_id, title, description, status, starts_on, due_on)
        SELECT id, ${A}, 'Ziel ' || i, 'Gemeinsames Ziel der Partner', (ARRAY['DRAFT','ACTIVE','ACTIVE','ACHIEVED'])[1 + i % 4], current_date - 200, current_date + 400 FROM b_goal;
      INSERT INTO goal_owner_partners (goal_id, partner_id)
        SELECT g.id, p.id FROM b_goal g JOIN b_partner p ON p.i IN (1 + g.i % ${P}, 1 + (g.i + 13) % ${P});

      -- Task i: lead partner 1 + i % P; assignee (two in three) a user of the lead organisation.
      CREATE TEMP TABLE b_task ON COMMIT DROP AS
        SELECT i, gen_random_uuid() AS id, 1 + i % ${P} AS lead,
               (ARRAY['OPEN','OPEN','OPEN','OPEN','IN_PROGRESS','IN_PROGRESS','BLOCKED','DONE','DONE','CANCELLED'])[1 + i % 10] AS status
          FROM generate_series(1, ${T}) i;
      INSERT INTO tasks (id, alliance_id, goal_id, title, description, status, priority, lead_partner_id, assignee_id, due_on, completed_at, created_at, updated_at)
        SELECT t.id, ${A}, CASE WHEN t.i % 4 = 0 THEN NULL ELSE g.id END,
               'Aufgabe ' || t.i || ': ' || (ARRAY['Sprachkurs','Jobmesse','Anerkennung','Wohnungssuche','Arbeitgeberkontakt'])[1 + t.i % 5] || ' organisieren',
               CASE WHEN t.i % 3 = 0 THEN 'Abstimmung mit den Partnern zu berufsbezogenen Sprachkursen und Beschäftigung' END,
               t.status, (ARRAY['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + t.i % 5], p.id,
               CASE WHEN t.i % 3 = 0 THEN NULL ELSE u.id END,
               CASE WHEN t.i % 7 = 0 THEN NULL ELSE current_date + (t.i % 365) - 120 END,
               CASE WHEN t.status = 'DONE' THEN now() - (t.i % 30) * interval '1 day' END,
               now() - (${T} - t.i) * interval '1 minute', now() - (${T} - t.i) * interval '30 seconds'
          FROM b_task t
          JOIN b_partner p ON p.i = t.lead
          JOIN b_goal g ON g.i = 1 + t.i % ${G}
          JOIN b_user u ON u.i = t.lead + ${P} * (t.i % (${U} / ${P}));
      INSERT INTO task_contributing_partners (task_id, partner_id)
        SELECT t.id, p.id FROM b_task t JOIN b_partner p ON p.i = 1 + (t.lead % ${P})
        UNION ALL
        SELECT t.id, p.id FROM b_task t JOIN b_partner p ON p.i = 1 + ((t.lead + 7) % ${P}) WHERE t.i % 2 = 0;
      -- Chains of five: task i waits for task i - 1 (edges only point backwards: no cycles).
      INSERT INTO task_dependencies (task_id, blocked_by_id, alliance_id)
        SELECT t.id, prev.id, ${A} FROM b_task t JOIN b_task prev ON prev.i = t.i - 1 WHERE t.i % 5 <> 1;
      INSERT INTO task_comments (alliance_id, task_id, author_id, body, created_at)
        SELECT ${A}, t.id, u.id, 'Zwischenstand ' || c || ': Termin mit dem Partner abgestimmt.', now() - (${C} - c) * interval '10 seconds'
          FROM generate_series(1, ${C}) c
          JOIN b_task t ON t.i = 1 + c % ${T}
          JOIN b_user u ON u.i = 1 + c % ${U};
    `);
    await client.query('COMMIT');
    await client.query(
      'ANALYZE organisations, partners, users, memberships, goals, goal_owner_partners, tasks, task_contributing_partners, task_dependencies, task_comments',
    );
    const {
      rows: [counts],
    } = await client.query(
      `SELECT (SELECT count(*) FROM partners WHERE alliance_id = $1)::int AS partners,
              (SELECT count(*) FROM memberships WHERE alliance_id = $1)::int AS users,
              (SELECT count(*) FROM goals WHERE alliance_id = $1)::int AS goals,
              (SELECT count(*) FROM tasks WHERE alliance_id = $1)::int AS tasks,
              (SELECT count(*) FROM task_dependencies WHERE alliance_id = $1)::int AS dependencies,
              (SELECT count(*) FROM task_comments WHERE alliance_id = $1)::int AS comments`,
      [allianceId],
    );
    return {
      allianceId,
      password,
      coordinatorEmail: `bench-1-${run}@bench.local`,
      memberEmail: `bench-2-${run}@bench.local`,
      counts,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
