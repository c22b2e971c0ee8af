import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { MailConnection, MailModel, MailStatusEnum } from './outbox.models.js';
import { OutboxService } from './outbox.service.js';

@Resolver(() => MailModel)
export class OutboxResolver {
  constructor(private readonly outbox: OutboxService) {}

  @Query(() => MailConnection, { description: 'The outbox (Postausgang), newest first.' })
  @Allow.platformAdmin('platform administrator (mail bodies only outside production)')
  mailOutbox(
    @Args('status', { type: () => MailStatusEnum, nullable: true }) status?: MailStatusEnum,
    @Args('recipient', { nullable: true }) recipient?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.outbox.list({ status, recipient }, first, after);
  }

  @Mutation(() => MailModel, { description: 'Sends a FAILED mail again.' })
  @Allow.platformAdmin()
  retryMail(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.outbox.retry(actor, id);
  }
}
