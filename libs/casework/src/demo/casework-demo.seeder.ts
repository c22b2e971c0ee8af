import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemoExtension, DemoIds } from '../../../core/src/index.js';
import { CaseService } from '../case.service.js';
import { DataCategory } from '../casework.enums.js';
import { ConsentRepository } from '../consent.repository.js';
import { HandoverRepository } from '../handover.repository.js';

/**
 * Seeds this context's part of the Krefeld demo alliance: a fictional client's case opened by the
 * city's integration management, a written consent given in Arabic with an interpreter, handed over
 * to the Jobcenter for employment and language data; and a second case whose consent was withdrawn.
 */
@Injectable()
export class CaseworkDemoSeeder implements DemoExtension {
  constructor(
    private readonly cases: CaseService,
    private readonly consents: ConsentRepository,
    private readonly handovers: HandoverRepository,
  ) {}

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
    const consent = await this.consents.insert(em, {
      caseId: first,
      recipientIds: [jobcenter],
      categories: [DataCategory.EDUCATION_EMPLOYMENT, DataCategory.LANGUAGE],
      purpose: 'Vermittlung in Arbeit und Sprachförderung durch das Jobcenter',
      form: 'WRITTEN',
      evidenceReference: 'Einwilligungserklärung (Papierakte), Blatt 3',
      informedInLanguage: 'ar',
      interpreterUsed: true,
      validFrom: new Date(),
      validUntil: new Date(Date.now() + 365 * 24 * 3600 * 1000),
      recordedBy: caseWorker,
    });
    await this.handovers.insert(em, {
      caseId: first,
      fromOrganisationId: kim,
      toOrganisationId: jobcenter,
      consentId: consent,
      categories: [DataCategory.EDUCATION_EMPLOYMENT, DataCategory.LANGUAGE],
      message: 'Bitte Beratung zur Anerkennung und Stellensuche',
      requestedBy: caseWorker,
      acceptedBy: jobcenterWorker,
    });

    const second = await this.cases.insertCase(em, kim, caseWorker, ['HOUSING'], {
      [DataCategory.IDENTITY]: { givenName: 'Oleksandr', familyName: 'Demo-Bondarenko' },
      [DataCategory.HOUSING]: { situation: 'Gemeinschaftsunterkunft' },
    });
    await this.consents.insert(em, {
      caseId: second,
      recipientIds: [jobcenter],
      categories: [DataCategory.IDENTITY, DataCategory.HOUSING],
      purpose: 'Unterstützung bei der Wohnungssuche',
      form: 'ELECTRONIC',
      evidenceReference: null,
      informedInLanguage: 'uk',
      interpreterUsed: false,
      validFrom: new Date(Date.now() - 30 * 24 * 3600 * 1000),
      validUntil: null,
      recordedBy: caseWorker,
      withdrawn: { by: caseWorker, note: 'Widerruf in der Sprechstunde erklärt' },
    });
  }
}
