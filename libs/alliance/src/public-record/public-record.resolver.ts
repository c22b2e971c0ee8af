import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DomainError, type GqlContext } from '../../../core/src/index.js';
import { AllianceModel } from '../alliances/alliance.models.js';
import { AllianceService } from '../alliances/alliance.service.js';
import { AlliancePublicRecordModel, SetAlliancePublicRecordInput } from './public-record.models.js';
import { AlliancePublicRecordService } from './public-record.service.js';

@Resolver(() => AllianceModel)
export class AlliancePublicRecordResolver {
  constructor(
    private readonly publicRecord: AlliancePublicRecordService,
    private readonly alliances: AllianceService,
  ) {}

  @Mutation(() => AllianceModel)
  @Allow.signedIn('ALLIANCE_ADMIN of input.allianceId')
  async setAlliancePublicRecord(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetAlliancePublicRecordInput,
  ) {
    const id = await this.publicRecord.set(actor, input);
    const alliance = await this.alliances.get(actor, id);
    if (!alliance) throw DomainError.notFound('Alliance');
    return alliance;
  }

  @ResolveField('publicRecord', () => AlliancePublicRecordModel)
  async publicRecord_(@Parent() alliance: AllianceModel, @Context() ctx: GqlContext) {
    const row = await this.publicRecord.loader(ctx.loaders).load(alliance.id);
    if (!row) throw DomainError.notFound('Alliance');
    return this.publicRecord.toModel(row);
  }
}
