import { Resolver, Subscription } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DomainError } from '../../core/src/index.js';
import { HandoverEventModel } from './casework.models.js';
import { isCaseWorker } from './casework.rules.js';
import { HandoverEventsService } from './handover-events.service.js';

@Resolver(() => HandoverEventModel)
export class HandoverEventsResolver {
  constructor(private readonly events: HandoverEventsService) {}

  @Subscription(() => HandoverEventModel, {
    description:
      "Live changes of the handovers to and from the caller's organisation (ids only). Ends (complete) once the caller is no longer a CASE_WORKER of it.",
    resolve: (event: HandoverEventModel) => event,
  })
  @Allow.signedIn('CASE_WORKERs of the sending and receiving organisations')
  handoverEvents(@CurrentActor() actor: Actor) {
    if (!isCaseWorker(actor)) throw DomainError.forbidden('Only CASE_WORKERs receive handover events');
    return this.events.iterator(actor);
  }
}
