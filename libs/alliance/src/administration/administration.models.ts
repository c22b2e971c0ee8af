import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('AlliancePermissions', {
  description:
    'What the caller may do in this alliance, decided by the same rules as the operations themselves; screens offer only these.',
})
export class AlliancePermissionsModel {
  @Field({ description: 'updateAlliance: name, description, quorum share.' })
  updateSettings: boolean;
  @Field({ description: 'setAlliancePublicRecord.' })
  setPublicRecord: boolean;
  @Field({ description: 'addPartner, updatePartner (status, dates, leaving).' })
  managePartners: boolean;
  @Field({
    description:
      'inviteUser, invitations, resendInvitation, revokeInvitation, setMembership, deactivateUser, reactivateUser, resetSecondFactor for its members.',
  })
  manageMembers: boolean;
}
