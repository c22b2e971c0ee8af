import { Module } from '@nestjs/common';
import { OparlController } from './oparl.controller.js';
import { OparlService } from './oparl.service.js';

/** The public OParl 1.1 view of alliances, partners, public meetings and decisions (reads only). */
@Module({
  controllers: [OparlController],
  providers: [OparlService],
})
export class OparlModule {}
