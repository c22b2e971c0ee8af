import { type Actor, Role } from '../../core/src/index.js';
import { ALL_CATEGORIES, type DataCategory } from './casework.enums.js';

/** Cases are seen by CASE_WORKERs only (of any alliance), never by other roles, the platform administrator included. */
export function isCaseWorker(actor: Actor | undefined | null): actor is Actor {
  return !!actor && [...actor.roles.values()].some((roles) => roles.includes(Role.CASE_WORKER));
}

/** Categories in the contract's order, each once. */
export function sortCategories(categories: Iterable<string>): DataCategory[] {
  const set = new Set(categories);
  return ALL_CATEGORIES.filter((c) => set.has(c));
}

/** Trimmed free text; blank is null. */
export function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}
