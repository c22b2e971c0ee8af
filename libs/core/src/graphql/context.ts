import DataLoader from 'dataloader';
import type { Actor } from '../auth/actor.js';

/** Per-request DataLoaders: one instance per loader key, created on first use. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<any, any>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export interface GqlContext {
  req: { id?: string; user?: Actor; ip?: string; headers?: Record<string, unknown> };
  loaders: LoaderRegistry;
}

/** Groups rows by key in the order of `keys`, for one-to-many loaders. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Orders rows by `keys`, null where a key has no row, for one-to-one loaders. */
export function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}
