import { Module } from '@nestjs/common';
import { MeetingsDemoSeeder } from './demo/meetings-demo.seeder.js';

@Module({
  providers: [MeetingsDemoSeeder],
  exports: [MeetingsDemoSeeder],
})
export class MeetingsModule {}
