import { type DynamicModule, Module } from '@nestjs/common';
import type { MigrationClass } from '../database/migrate.js';
import { HealthController, MIGRATIONS } from './health.controller.js';

@Module({})
export class HealthModule {
  static forRoot(migrations: MigrationClass[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: MIGRATIONS, useValue: migrations }],
    };
  }
}
