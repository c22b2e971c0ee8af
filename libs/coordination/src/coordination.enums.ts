import { registerEnumType } from '@nestjs/graphql';

export enum GoalStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ACHIEVED = 'ACHIEVED',
  DROPPED = 'DROPPED',
}
registerEnumType(GoalStatus, { name: 'GoalStatus' });

export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

export enum TaskPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(TaskPriority, { name: 'TaskPriority' });

export enum TaskOrder {
  DUE_ON = 'DUE_ON',
  PRIORITY = 'PRIORITY',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(TaskOrder, {
  name: 'TaskOrder',
  valuesMap: {
    DUE_ON: { description: 'Earliest due first; tasks without a due day last.' },
    PRIORITY: { description: 'Most urgent first.' },
    UPDATED_AT: { description: 'Most recently changed first.' },
  },
});

export enum TaskChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  COMMENTED = 'COMMENTED',
}
registerEnumType(TaskChange, { name: 'TaskChange' });
