import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemoExtension, DemoIds } from '../../../core/src/index.js';

/** Seeds this context's part of the Krefeld demo alliance. */
@Injectable()
export class CoordinationDemoSeeder implements DemoExtension {
  async seed(_em: EntityManager, _ids: DemoIds): Promise<void> {}
}
