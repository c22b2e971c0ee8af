import type { EntityManager } from 'typeorm';

/** What the foundation's demo seed created, for the contexts that seed after it. */
export interface DemoIds {
  allianceId: string;
  /** Keyed by demo key: integration, soziales, jugend, auslaender, jobcenter, agentur, wohlfahrt, vkmo, hochschule, unternehmen. */
  organisations: Record<string, string>;
  partners: Record<string, string>;
  /** Keyed by e-mail, e.g. 'koordination@demo.local'. */
  users: Record<string, string>;
  /** The demo goals by title, once coordination has seeded them (meetings links decisions to them). */
  goals?: Record<string, string>;
}

/** Each context seeds its part of the demo alliance inside the one demo transaction. */
export interface DemoExtension {
  seed(em: EntityManager, ids: DemoIds): Promise<void>;
}
