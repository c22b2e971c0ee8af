import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemoExtension, DemoIds } from '../../../core/src/index.js';
import { CaseService } from '../case.service.js';
import { DataCategory } from '../casework.enums.js';

/**
 * Seeds this context's part of the Krefeld demo alliance: a fictional client's case opened by the
 * city's integration management, a written consent given in Arabic with an interpreter, handed over
 * to the Jobcenter for employment and language data; and a second case whose consent was withdrawn.
 */
@Injectable()
export class CaseworkDemoSeeder implements DemoExtension {
  constructor(private readonly cases: CaseService) {}

  async seed(em: EntityManager, ids: DemoIds): Promise<void> {
    const kim = ids.organisations.integration;
    const jobcenter = ids.organisations.jobcenter;
    const caseWorker = ids.users['fallmanagement@demo.local'];
    const jobcenterWorker = ids.users['jobcenter@demo.local'];
    if (!kim || !jobcenter || !caseWorker || !jobcenterWorker) return;

    // A fictional client (no real person).
    const first = await this.cases.insertCase(em, kim, caseWorker, ['LANGUAGE', 'EMPLOYMENT'], {
      [DataCategory.IDENTITY]: { givenName: 'Rana', familyName: 'Demo-Khalil', dateOfBirth: '1991-06-15' },
      [DataCategory.CONTACT]: {
        phone: '+49 2151 0000000',
        email: 'rana.demo@example.org',
        address: 'Musterstraße 1, 47798 Krefeld',
      },
      [DataCategory.LANGUAGE]: {
        germanLevel: 'B1',
        otherLanguages: ['ar', 'en'],
        note: 'Integrationskurs abgeschlossen, Berufssprachkurs B2 geplant',
      },
      [DataCategory.RESIDENCE]: { status: 'Aufenthaltserlaubnis', permitValidUntil: '2027-09-30' },
      [DataCategory.EDUCATION_EMPLOYMENT]: {
        qualifications: ['Bachelor Informatik (Syrien)'],
        recognitionStatus: 'Anerkennung beantragt',
        jobWishes: ['IT-Support', 'Fachinformatikerin'],
      },
    });
    const [consent] = await em.query(
      `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, evidence_reference, informed_in_language, interpreter_used, valid_from, valid_until, recorded_by)
       VALUES ($1, $2::uuid[], $3::text[], $4, 'WRITTEN', $5, 'ar', true, now(), now() + interval '1 year', $6) RETURNING id`,
      [
        first,
        [jobcenter],
        [DataCategory.EDUCATION_EMPLOYMENT, DataCategory.LANGUAGE],
        'Vermittlung in Arbeit und Sprachförderung durch das Jobcenter',
        'Einwilligungserklärung (Papierakte), Blatt 3',
        caseWorker,
      ],
    );
    await em.query(
      `INSERT INTO handovers (case_id, from_organisation_id, to_organisation_id, consent_id, categories, message, status, requested_by, responded_by, responded_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, 'ACCEPTED', $7, $8, now())`,
      [
        first,
        kim,
        jobcenter,
        consent.id,
        [DataCategory.EDUCATION_EMPLOYMENT, DataCategory.LANGUAGE],
        'Bitte Beratung zur Anerkennung und Stellensuche',
        caseWorker,
        jobcenterWorker,
      ],
    );

    const second = await this.cases.insertCase(em, kim, caseWorker, ['HOUSING'], {
      [DataCategory.IDENTITY]: { givenName: 'Oleksandr', familyName: 'Demo-Bondarenko' },
      [DataCategory.HOUSING]: { situation: 'Gemeinschaftsunterkunft' },
    });
    await em.query(
      `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, informed_in_language, interpreter_used, valid_from, recorded_by, withdrawn_at, withdrawn_by, withdrawal_note)
       VALUES ($1, $2::uuid[], $3::text[], $4, 'ELECTRONIC', 'uk', false, now() - interval '30 days', $5, now(), $5, $6)`,
      [
        second,
        [jobcenter],
        [DataCategory.IDENTITY, DataCategory.HOUSING],
        'Unterstützung bei der Wohnungssuche',
        caseWorker,
        'Widerruf in der Sprechstunde erklärt',
      ],
    );
  }
}
