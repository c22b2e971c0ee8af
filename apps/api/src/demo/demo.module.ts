import { Module } from '@nestjs/common';
import { CaseworkDemoSeeder, CaseworkModule } from '../../../../libs/casework/src/index.js';
import { CoordinationDemoSeeder, CoordinationModule } from '../../../../libs/coordination/src/index.js';
import { IdentityModule } from '../../../../libs/identity/src/index.js';
import { MeetingsDemoSeeder, MeetingsModule } from '../../../../libs/meetings/src/index.js';
import { DEMO_EXTENSIONS, DemoSeederService } from './demo-seeder.service.js';

@Module({
  imports: [IdentityModule, CoordinationModule, MeetingsModule, CaseworkModule],
  providers: [
    DemoSeederService,
    {
      provide: DEMO_EXTENSIONS,
      inject: [CoordinationDemoSeeder, MeetingsDemoSeeder, CaseworkDemoSeeder],
      useFactory: (...seeders: unknown[]) => seeders,
    },
  ],
  exports: [DemoSeederService],
})
export class DemoModule {}
