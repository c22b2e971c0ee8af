import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../../core/src/index.js';

export enum InvitationStatus {
  PENDING = 'PENDING',
  EXPIRED = 'EXPIRED',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/** `user`, `organisation`, `alliance` and `invitedBy` are field resolvers. */
@ObjectType('Invitation', { description: 'A one-time link by e-mail that lets a person set their password.' })
export class InvitationModel {
  @Field(() => ID)
  id: string;
  @Field()
  email: string;
  @Field()
  displayName: string;
  @Field(() => [Role])
  roles: Role[];
  @Field(() => InvitationStatus)
  status: InvitationStatus;
  @Field()
  expiresAt: Date;
  @Field()
  createdAt: Date;
  @Field(() => Int, { description: 'How many times the link was mailed.' })
  sentCount: number;
  userId: string;
  allianceId: string;
  organisationId: string;
  invitedById: string | null;
}
