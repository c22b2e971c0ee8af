import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, GqlContext } from '../../core/src/index.js';
import { UserModel, UsersService } from '../../identity/src/index.js';
import { CaseService } from './case.service.js';
import { ConsentForm } from './casework.enums.js';
import { ConsentModel } from './casework.models.js';
import { ConsentEvidenceModel } from './consent-evidence/consent-evidence.model.js';
import { ConsentEvidenceService } from './consent-evidence/consent-evidence.service.js';
import { ConsentSheetLanguageModel } from './consent-sheet/consent-sheet.model.js';
import { defaultSheetLanguage } from './consent-sheet/consent-sheet.service.js';
import { SHEET_LANGUAGES, sheetTemplate } from './consent-sheet/consent-sheet.templates.js';

const actorOf = (ctx: GqlContext): Actor => ctx.req.user!;

/** The paper side of a consent: the sheet's languages and the signed scan, for the owner only. */
@Resolver(() => ConsentModel)
export class ConsentPaperResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly evidenceService: ConsentEvidenceService,
  ) {}

  @ResolveField(() => ConsentEvidenceModel, {
    nullable: true,
    description: "The signed scan; null when there is none or the viewer is not the owner's case worker.",
  })
  evidence(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    return this.evidenceService.evidenceLoader(ctx.loaders, actorOf(ctx)).load(k.id);
  }

  @ResolveField(() => [ConsentSheetLanguageModel], {
    description:
      "The languages the consent sheet can be printed in, the one the client was informed in first; empty for a legal basis and unless the viewer is the owner's case worker.",
  })
  async sheetLanguages(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    const c = await this.cases.caseLoader(ctx.loaders, actorOf(ctx)).load(k.caseId);
    if (!c?.viewerIsOwner || k.form === ConsentForm.STATUTORY) return [];
    const first = defaultSheetLanguage(k.informedInLanguage);
    return [first, ...SHEET_LANGUAGES.filter((l) => l !== first)].map((code) => {
      const t = sheetTemplate(code);
      return { code, name: t.name, germanName: t.germanName, rightToLeft: t.dir === 'rtl' };
    });
  }
}

@Resolver(() => ConsentEvidenceModel)
export class ConsentEvidenceResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  uploadedBy(@Parent() e: ConsentEvidenceModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(e.uploadedById);
  }
}
