import type pg from 'pg';

/**
 * Casework facts for the alliance report benchmark, set-based (generate_series, one transaction):
 * `cases` cases spread over the partner organisations and the year 2025, a quarter of them closed
 * and a twentieth erased, one or two support areas each; a consent for every second case (three
 * forms, eight languages, some with an interpreter, some withdrawn); `handovers` handovers between
 * the partners in every state. Pseudonymous shells only: no case data rows.
 */
export async function generateReportCasework(
  db: pg.Pool,
  orgs: string[],
  userId: string,
  cases = 20_000,
  handovers = 5_000,
): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO cases (owner_organisation_id, year, number, reference, status, support_areas, opened_at, closed_at, erased_at)
       SELECT ($1::uuid[])[1 + i % cardinality($1::uuid[])], 2025, 100000 + i, 'B-' || i,
              CASE WHEN i % 20 = 0 THEN 'ERASED' WHEN i % 4 = 0 THEN 'CLOSED' ELSE 'OPEN' END,
              CASE WHEN i % 3 = 0
                   THEN ARRAY[(ARRAY['LANGUAGE','HOUSING','RESIDENCE','EMPLOYMENT','EDUCATION','HEALTH','FAMILY','OTHER'])[1 + i % 8],
                              (ARRAY['LANGUAGE','HOUSING','RESIDENCE','EMPLOYMENT','EDUCATION','HEALTH','FAMILY','OTHER'])[1 + (i / 8) % 8]]
                   ELSE ARRAY[(ARRAY['LANGUAGE','HOUSING','RESIDENCE','EMPLOYMENT','EDUCATION','HEALTH','FAMILY','OTHER'])[1 + i % 8]] END,
              opened, CASE WHEN i % 4 = 0 OR i % 20 = 0 THEN opened + interval '30 days' END,
              CASE WHEN i % 20 = 0 THEN opened + interval '60 days' END
         FROM generate_series(1, $2::int) AS i,
              LATERAL (SELECT timestamptz '2025-01-01 08:00+01' + (i * (interval '1 second' * (31536000 / $2::int))) - interval '70 days' * (i % 20 = 0)::int AS opened) o`,
      [orgs, cases],
    );
    await client.query(
      `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, informed_in_language, interpreter_used,
                             valid_from, recorded_by, recorded_at, withdrawn_at, withdrawn_by)
       SELECT c.id, $1::uuid[], '{IDENTITY,LANGUAGE}', 'Vermittlung',
              (ARRAY['WRITTEN','ELECTRONIC','ORAL_DOCUMENTED'])[1 + c.number % 3],
              (ARRAY['ar','uk','fa','tr','ru','en','ti','ps'])[1 + c.number % 8], c.number % 4 = 0,
              c.opened_at, $2, c.opened_at + interval '1 day',
              CASE WHEN c.number % 25 = 0 THEN c.opened_at + interval '20 days' END,
              CASE WHEN c.number % 25 = 0 THEN $2::uuid END
         FROM cases c WHERE c.reference LIKE 'B-%' AND c.number % 2 = 0`,
      [orgs, userId],
    );
    await client.query(
      `INSERT INTO handovers (case_id, from_organisation_id, to_organisation_id, consent_id, categories, status,
                              requested_by, requested_at, responded_by, responded_at, completed_at)
       SELECT c.id, c.owner_organisation_id,
              ($1::uuid[])[1 + (array_position($1::uuid[], c.owner_organisation_id) + c.number / 2 % (cardinality($1::uuid[]) - 1)) % cardinality($1::uuid[])],
              k.id, '{IDENTITY}', s.status, $2, k.recorded_at + interval '1 day',
              CASE WHEN s.status <> 'REQUESTED' THEN $2::uuid END,
              CASE WHEN s.status <> 'REQUESTED' THEN k.recorded_at + interval '1 day' + interval '1 hour' * (c.number % 97) END,
              CASE WHEN s.status = 'COMPLETED' THEN k.recorded_at + interval '15 days' END
         FROM (SELECT k.*, row_number() OVER (ORDER BY k.recorded_at, k.id) AS n FROM consents k
                 JOIN cases c ON c.id = k.case_id WHERE c.reference LIKE 'B-%') k
         JOIN cases c ON c.id = k.case_id
         CROSS JOIN LATERAL (SELECT (ARRAY['ACCEPTED','ACCEPTED','DECLINED','COMPLETED','REQUESTED'])[1 + k.n % 5] AS status) s
        WHERE k.n <= $3`,
      [orgs, userId, handovers],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE cases; ANALYZE consents; ANALYZE handovers');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
