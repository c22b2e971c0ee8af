import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AuditService, DomainError, isUuid, LoaderRegistry } from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { CaseRepository } from '../case.repository.js';
import { CaseDataService } from '../case-data.service.js';
import { CaseStatus, ConsentForm } from '../casework.enums.js';
import { isCaseWorker } from '../casework.rules.js';
import { ConsentRepository } from '../consent.repository.js';
import { consentSheetHtml } from './consent-sheet-html.js';
import { ConsentSheetPdf } from './consent-sheet-pdf.js';
import { type ConsentSheetFacts, sheetContent } from './consent-sheet.content.js';
import {
  isSheetLanguage,
  SHEET_LANGUAGES,
  type SheetLanguage,
  sheetTemplate,
} from './consent-sheet.templates.js';

/** The sheet's language when none is asked for: the one the client was informed in, else plain German. */
export function defaultSheetLanguage(informedInLanguage: string): SheetLanguage {
  return isSheetLanguage(informedInLanguage) ? informedInLanguage : 'de-ls';
}

/**
 * The consent sheet the client reads and signs: German beside the client's language, filled in
 * from the structured consent. For the owning organisation's case workers; audited.
 */
@Injectable()
export class ConsentSheetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CaseRepository,
    private readonly consents: ConsentRepository,
    private readonly data: CaseDataService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  async render(
    actor: Actor,
    caseId: string,
    consentId: string,
    lang: unknown,
    format: 'pdf' | 'html',
  ): Promise<{ body: Buffer | string; fileName: string }> {
    if (!isCaseWorker(actor) || !isUuid(caseId) || !isUuid(consentId)) throw DomainError.notFound('Consent');
    if (lang !== undefined && !isSheetLanguage(lang))
      throw DomainError.field('lang', `must be one of ${SHEET_LANGUAGES.join(', ')}`);
    const { facts, language, reference } = await this.dataSource.transaction(async (em) => {
      const c = await this.cases.findOwned(em, caseId, actor.organisationId);
      const k = c ? await this.consents.find(em, consentId) : null;
      if (!c || !k || k.caseId !== c.id) throw DomainError.notFound('Consent');
      if (k.form === ConsentForm.STATUTORY)
        throw DomainError.conflict(
          'A transfer on a legal basis has no consent sheet: the client was not asked',
        );
      if (c.status === CaseStatus.ERASED)
        throw DomainError.conflict('The case is erased: its consent sheet can no longer be printed');
      const identity = (await this.data.readAllForOwner(em, c.id)).IDENTITY as
        { givenName: string; familyName: string } | undefined;
      const loaders = new LoaderRegistry();
      const orgs = await this.alliances
        .organisationLoader(loaders)
        .loadMany([c.ownerOrganisationId, ...k.recipientIds]);
      const orgName = (i: number) => {
        const o = orgs[i];
        return o && !(o instanceof Error) ? o.name : '—';
      };
      const worker = await this.users.userLoader(loaders).load(c.caseWorkerId ?? k.recordedById);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'printConsentSheet',
        entityType: 'Consent',
        entityId: k.id,
        changedFields: [],
      });
      const sheetFacts: ConsentSheetFacts = {
        reference: c.reference,
        clientName: identity ? `${identity.givenName} ${identity.familyName}` : null,
        owner: orgName(0),
        recipients: k.recipientIds.map((_, i) => orgName(i + 1)),
        categories: k.categories,
        purpose: k.purpose,
        validFrom: k.validFrom,
        validUntil: k.validUntil,
        written: k.form === ConsentForm.WRITTEN,
        interpreterUsed: k.interpreterUsed,
        contact: [orgName(0), ...(worker ? [worker.displayName, worker.email] : [])],
      };
      return {
        facts: sheetFacts,
        language: (lang as SheetLanguage | undefined) ?? defaultSheetLanguage(k.informedInLanguage),
        reference: c.reference,
      };
    });
    const content = sheetContent(facts, sheetTemplate('de'), sheetTemplate(language));
    const title = `Einwilligung ${reference} (${content.client.template.germanName})`;
    const fileName = `einwilligung-${reference}-${language}.${format}`;
    if (format === 'html') return { body: consentSheetHtml(content, title), fileName };
    return { body: await new ConsentSheetPdf(content, title).render(), fileName };
  }
}
