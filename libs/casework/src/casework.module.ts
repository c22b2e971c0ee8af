import { Module } from '@nestjs/common';
import { CaseworkDemoSeeder } from './demo/casework-demo.seeder.js';

@Module({
  providers: [CaseworkDemoSeeder],
  exports: [CaseworkDemoSeeder],
})
export class CaseworkModule {}
