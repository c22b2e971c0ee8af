import { Module } from '@nestjs/common';
import { CoordinationDemoSeeder } from './demo/coordination-demo.seeder.js';

@Module({
  providers: [CoordinationDemoSeeder],
  exports: [CoordinationDemoSeeder],
})
export class CoordinationModule {}
