import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type GqlContext } from '../../../core/src/index.js';
import { TaskModel } from '../../../coordination/src/index.js';
import { DecisionModel } from '../meetings/meeting.models.js';
import { DecisionsService } from './decisions.service.js';

/** `Task.decision` joins coordination's Task to this context's Decision (meetings depends on coordination). */
@Resolver(() => TaskModel)
export class TaskDecisionResolver {
  constructor(private readonly decisions: DecisionsService) {}

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description: 'The meeting decision this task follows up, if any.',
  })
  decision(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return t.decisionId ? this.decisions.decisionLoader(ctx.loaders).load(t.decisionId) : null;
  }
}
