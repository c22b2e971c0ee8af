import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CaseCrypto } from '../libs/casework/src/index.js';

export interface CaseworkSize {
  /** Cases in the deployment, the measured owner's included. */
  cases: number;
  /** Other organisations (active partners of the alliance) that own the remaining cases. */
  organisations: number;
  /** Cases of the measured owner. */
  ownCases: number;
  /** Of those, accepted handovers to the measured receiver (what it sees). */
  handedToReceiver: number;
  /** Of those, handovers still REQUESTED (the receiver's inbox). */
  requestedOfReceiver: number;
  /** Disclosure rows per accepted handover among the other organisations. */
  disclosuresPerHandover: number;
}

export const SMALL_CASEWORK: CaseworkSize = {
  cases: 1_000,
  organisations: 20,
  ownCases: 500,
  handedToReceiver: 300,
  requestedOfReceiver: 20,
  disclosuresPerHandover: 3,
};

export const LARGE_CASEWORK: CaseworkSize = { ...SMALL_CASEWORK, cases: 100_000, organisations: 200 };

/** Whose view is measured: the owner and the receiver of the casework test alliance, and its case workers. */
export interface CaseworkParties {
  allianceId: string;
  owner: string;
  receiver: string;
  ownerWorker: string;
  receiverWorker: string;
}

export interface GeneratedCasework {
  /** An owned case with many disclosures (for `disclosures(caseId)`). */
  disclosedCaseId: string;
  counts: Record<string, number>;
  seconds: number;
}

const BATCH = 5_000;

/**
 * Fills the deployment around two parties: the owner gets `ownCases` cases, `handedToReceiver` of them
 * accepted by the receiver and `requestedOfReceiver` waiting in its inbox; every other case belongs to
 * one of `organisations` other partners, a third of them handed over among those, with disclosures.
 * Personal data is encrypted with the portal's own CaseCrypto (three categories per case); the rest
 * is set-based SQL (generate_series, one statement per table). ANALYZEs at the end.
 */
export async function generateCasework(
  db: pg.Pool,
  crypto: CaseCrypto,
  parties: CaseworkParties,
  size: CaseworkSize,
): Promise<GeneratedCasework> {
  const started = Date.now();
  const run = randomBytes(3).toString('hex');
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows: orgRows } = await client.query(
      `WITH o AS (
         INSERT INTO organisations (name, short_name, kind)
         SELECT 'Fallorganisation ' || i || ' ' || $2::text, 'F' || i, 'WELFARE_ASSOCIATION' FROM generate_series(1, $1::int) i
         RETURNING id)
       INSERT INTO partners (alliance_id, organisation_id, status, joined_on)
       SELECT $3, id, 'ACTIVE', current_date - 365 FROM o RETURNING organisation_id`,
      [size.organisations, run, parties.allianceId],
    );
    const others: string[] = orgRows.map((r) => r.organisation_id);
    const year = new Date().getUTCFullYear();
    const numbers = new Map<string, number>();
    for (let start = 0; start < size.cases; start += BATCH) {
      const c = {
        id: [] as string[],
        owner: [] as string[],
        n: [] as number[],
        ref: [] as string[],
        idx: [] as string[],
      };
      const d = {
        id: [] as string[],
        cat: [] as string[],
        key: [] as string[],
        nonce: [] as Buffer[],
        ct: [] as Buffer[],
      };
      for (let i = start; i < Math.min(size.cases, start + BATCH); i++) {
        const id = randomUUID();
        const owner = i < size.ownCases ? parties.owner : others[i % others.length];
        const n = (numbers.get(owner) ?? 0) + 1;
        numbers.set(owner, n);
        c.id.push(id);
        c.owner.push(owner);
        c.n.push(n);
        c.ref.push(`${owner === parties.owner ? 'KR' : 'F'}-${year}-${String(n).padStart(5, '0')}-${run}`);
        c.idx.push(crypto.familyNameIndex(`Familie${i}`));
        for (const [category, value] of [
          ['IDENTITY', { givenName: `Vorname${i}`, familyName: `Familie${i}`, dateOfBirth: '1990-01-01' }],
          ['LANGUAGE', { germanLevel: 'A2', otherLanguages: ['ar', 'en'], note: null }],
          ['RESIDENCE', { status: 'Aufenthaltserlaubnis', permitValidUntil: '2027-12-31', note: null }],
        ] as const) {
          const s = crypto.seal(id, category, value);
          d.id.push(id);
          d.cat.push(category);
          d.key.push(s.keyId);
          d.nonce.push(s.nonce);
          d.ct.push(s.ciphertext);
        }
      }
      // Opened over the last ~3 years, the owner's interleaved with everyone else's.
      await client.query(
        `INSERT INTO cases (id, owner_organisation_id, year, number, reference, case_worker_id, support_areas, family_name_index, opened_at)
         SELECT u.id, u.owner, $6, u.n, u.ref, CASE WHEN u.owner = $7 THEN $8::uuid END, '{EMPLOYMENT}', u.idx,
                now() - make_interval(mins => (u.ord * 997 % 1500000)::int)
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS u(id, owner, n, ref, idx, ord)`,
        [c.id, c.owner, c.n, c.ref, c.idx, year, parties.owner, parties.ownerWorker],
      );
      await client.query(
        `INSERT INTO case_data (case_id, category, key_id, nonce, ciphertext)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::bytea[])`,
        [d.id, d.cat, d.key, d.nonce, d.ct],
      );
    }
    await client.query(
      `INSERT INTO case_reference_counters (organisation_id, year, last_number)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = EXCLUDED.last_number`,
      [[...numbers.keys()], [...numbers.keys()].map(() => year), [...numbers.values()]],
    );
    // Handovers: the owner's first cases to the receiver (accepted, then requested); among the
    // others every third case to the next organisation, nine in ten of them accepted.
    await client.query(
      `CREATE TEMP TABLE b_handover ON COMMIT DROP AS
       SELECT c.id AS case_id, c.owner_organisation_id AS from_org, $2::uuid AS to_org,
              CASE WHEN c.number <= $3 THEN 'ACCEPTED' ELSE 'REQUESTED' END AS status
         FROM cases c WHERE c.owner_organisation_id = $1 AND c.number <= $3 + $4
       UNION ALL
       SELECT c.id, c.owner_organisation_id, o.next_org, CASE WHEN c.number % 10 = 0 THEN 'REQUESTED' ELSE 'ACCEPTED' END
         FROM cases c
         JOIN unnest($5::uuid[], $6::uuid[]) AS o(id, next_org) ON o.id = c.owner_organisation_id
        WHERE c.number % 3 = 0`,
      [
        parties.owner,
        parties.receiver,
        size.handedToReceiver,
        size.requestedOfReceiver,
        others,
        others.map((_, i) => others[(i + 1) % others.length]),
      ],
    );
    await client.query(
      'ALTER TABLE b_handover ADD COLUMN consent_id uuid DEFAULT gen_random_uuid(), ADD COLUMN id uuid DEFAULT gen_random_uuid()',
    );
    await client.query(
      `INSERT INTO consents (id, case_id, recipient_ids, categories, purpose, form, informed_in_language, interpreter_used, valid_from, recorded_by)
       SELECT consent_id, case_id, ARRAY[to_org], '{IDENTITY,LANGUAGE,RESIDENCE}', 'Vermittlung in Arbeit', 'WRITTEN', 'ar', true,
              now() - interval '400 days', $1 FROM b_handover`,
      [parties.ownerWorker],
    );
    await client.query(
      `INSERT INTO handovers (id, case_id, from_organisation_id, to_organisation_id, consent_id, categories, status, requested_by, requested_at, responded_by, responded_at)
       SELECT id, case_id, from_org, to_org, consent_id, '{IDENTITY,LANGUAGE,RESIDENCE}', status, $1, now() - interval '300 days',
              CASE WHEN status = 'ACCEPTED' THEN $2::uuid END, CASE WHEN status = 'ACCEPTED' THEN now() - interval '299 days' END
         FROM b_handover`,
      [parties.ownerWorker, parties.receiverWorker],
    );
    // Disclosures: every accepted handover among the others read a few times; one of the owner's
    // cases read 200 times by the receiver (the measured Art. 15 list).
    const {
      rows: [{ case_id: disclosedCaseId }],
    } = await client.query(
      `SELECT case_id FROM b_handover WHERE from_org = $1 AND status = 'ACCEPTED' ORDER BY case_id LIMIT 1`,
      [parties.owner],
    );
    await client.query(
      `INSERT INTO disclosures (case_id, reader_id, organisation_id, categories, handover_id, consent_id, at)
       SELECT h.case_id, $1::uuid, h.to_org, '{IDENTITY,LANGUAGE}'::text[], h.id, h.consent_id, now() - make_interval(mins => g * 7)
         FROM b_handover h CROSS JOIN generate_series(1, $2::int) g
        WHERE h.status = 'ACCEPTED' AND h.from_org <> $3::uuid
       UNION ALL
       SELECT h.case_id, $4::uuid, h.to_org, '{IDENTITY,LANGUAGE,RESIDENCE}'::text[], h.id, h.consent_id, now() - make_interval(mins => g)
         FROM b_handover h CROSS JOIN generate_series(1, 200) g WHERE h.case_id = $5::uuid`,
      [
        parties.ownerWorker,
        size.disclosuresPerHandover,
        parties.owner,
        parties.receiverWorker,
        disclosedCaseId,
      ],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE organisations, partners, cases, case_data, consents, handovers, disclosures');
    const {
      rows: [counts],
    } = await client.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_data)::int AS case_data,
              (SELECT count(*) FROM handovers)::int AS handovers, (SELECT count(*) FROM disclosures)::int AS disclosures`,
    );
    return { disclosedCaseId, counts, seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
