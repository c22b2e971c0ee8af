import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode } from 'graphql';
import type { EntityManager } from 'typeorm';
import { finalize, type Observable } from 'rxjs';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { logger } from '../logging/logger.js';
import { answerKey, isValidIdempotencyKey, keyHash, open, requestHash, seal } from './idempotency-crypto.js';
import { IdempotencyRepository } from './idempotency.repository.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** One mutation request that carries an Idempotency-Key. */
export interface IdempotencyState {
  userId: string;
  keyHash: string;
  requestHash: string;
  answerKey: Buffer;
  /** The key row was written in one of this request's transactions. */
  claimed: boolean;
  /** A stored answer to send instead of executing (the request was carried out before). */
  replay?: unknown;
  /** Stores the first answer or sends the stored one (IdempotencyService.finish). */
  finish(response: OutgoingResponse): Promise<void>;
}

/** The answer Apollo is about to send (the part of its `GraphQLResponse` used here). */
export interface OutgoingResponse {
  http: { status?: number; headers: Map<string, string> };
  body: { kind: 'single'; singleResult: { data?: unknown; errors?: readonly unknown[] } } | { kind: string };
}

/**
 * The request's state while its root mutation field runs, for `claimInTransaction` in the audit
 * append. Its async hooks are enabled only while such a request runs (see `run`): every other
 * request pays nothing for them (bench/README.md measured 8 % for an always-on AsyncLocalStorage).
 */
const storage = new AsyncLocalStorage<{ state: IdempotencyState; service: IdempotencyService }>();
let running = 0;

/** The state on the request object, for the Apollo plugin that stores or replays the answer. */
const STATE = Symbol('idempotency');

export function idempotencyStateOf(req: unknown): IdempotencyState | undefined {
  return (req as { [STATE]?: IdempotencyState } | undefined)?.[STATE];
}

/**
 * Writes the request's Idempotency-Key in `em`'s transaction, at the first write that is audited
 * (AuditService.append calls this): the change and the key commit together or not at all. A live key
 * written by another request meanwhile ends this transaction with a retryable CONFLICT.
 */
export async function claimInTransaction(
  em: EntityManager,
  record: { entityType: string; entityId: string },
): Promise<void> {
  const current = storage.getStore();
  if (!current || current.state.claimed) return;
  current.state.claimed = true;
  await current.service.claim(em, current.state, record);
}

/**
 * Idempotent mutations (README, "Idempotent mutations"): the same Idempotency-Key from the same user
 * within IDEMPOTENCY_KEY_HOURS answers the first answer again and writes nothing.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Keys whose request runs on this instance right now (until its answer is stored). */
  private readonly inFlight = new Set<string>();
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: IdempotencyRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = this.sweep()
        .catch((e: Error) => logger.warn({ component: 'idempotency', err: e.message }, 'key sweep failed'))
        .finally(() => (this.sweeping = undefined));
    }, this.config.idempotency.sweepSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** Deletes expired keys (once across instances: null when another instance sweeps). */
  sweep(): Promise<number | null> {
    return this.repo.sweep(this.config.idempotency.keyHours);
  }

  /**
   * Before a root mutation field of a request with an Idempotency-Key: undefined to run it without
   * one (no header, not signed in); the state to run it with; or throws (refused, or replayed: the
   * plugin then sends the stored answer).
   */
  async begin(
    req: { headers?: Record<string, unknown>; body?: unknown; user?: { userId: string } },
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
  ): Promise<IdempotencyState | undefined> {
    const header = req.headers?.[IDEMPOTENCY_HEADER];
    if (header === undefined || !req.user) return undefined;
    if (!isValidIdempotencyKey(header))
      throw DomainError.field('Idempotency-Key', 'must be 16 to 128 letters, digits or the characters -_.:');
    if (rootFieldCount(operation, fragments) !== 1)
      throw DomainError.field('Idempotency-Key', 'applies to a document with exactly one mutation field');
    const secret = this.config.caseDataKey;
    const state: IdempotencyState = {
      userId: req.user.userId,
      keyHash: keyHash(secret, req.user.userId, header),
      requestHash: requestHash((req.body ?? {}) as Record<string, unknown>),
      answerKey: answerKey(secret, req.user.userId, header),
      claimed: false,
      finish: (response) => this.finish(state, response),
    };
    const flight = `${state.userId}:${state.keyHash}`;
    if (this.inFlight.has(flight)) throw inProgress();
    const stored = await this.repo.find(state.userId, state.keyHash, this.config.idempotency.keyHours);
    if (stored && stored.requestHash !== state.requestHash)
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This Idempotency-Key was already used for a different request; send a new key with each new request',
      );
    if (stored) {
      const answer = stored.answer && open(state.answerKey, stored.answer);
      if (!answer)
        throw new DomainError(
          ErrorCode.ALREADY_APPLIED,
          'This request was already carried out, but its answer was not kept; reload to see the result',
          undefined,
          { entityType: stored.entityType, entityId: stored.entityId },
        );
      state.replay = JSON.parse(answer);
      (req as { [STATE]?: IdempotencyState })[STATE] = state;
      // Ends the field without running it; the plugin replaces the whole answer with the stored one.
      throw new DomainError(ErrorCode.CONFLICT, 'replayed');
    }
    if (this.inFlight.has(flight)) throw inProgress();
    this.inFlight.add(flight);
    (req as { [STATE]?: IdempotencyState })[STATE] = state;
    return state;
  }

  /** Runs the root field with the state reachable from its transactions. */
  run<T>(state: IdempotencyState, handle: () => Observable<T>): Observable<T> {
    running++;
    const events = storage.run({ state, service: this }, handle);
    return events.pipe(
      finalize(() => {
        // The last one out switches the async hooks off again (run() switches them on).
        if (--running === 0) storage.disable();
      }),
    );
  }

  async claim(
    em: EntityManager,
    state: IdempotencyState,
    record: { entityType: string; entityId: string },
  ): Promise<void> {
    const claimed = await this.repo.claim(
      em,
      {
        userId: state.userId,
        keyHash: state.keyHash,
        requestHash: state.requestHash,
        entityType: record.entityType,
        entityId: record.entityId.toLowerCase(),
      },
      this.config.idempotency.keyHours,
    );
    if (!claimed) throw inProgress();
  }

  /**
   * Before the answer leaves: a replay sends the stored answer; a first execution that committed and
   * answered without errors stores its answer, sealed. A failure to store is logged, and the client
   * still gets its answer (a retry then learns ALREADY_APPLIED).
   */
  async finish(state: IdempotencyState, response: OutgoingResponse): Promise<void> {
    try {
      if (state.replay !== undefined) {
        response.body = { kind: 'single', singleResult: state.replay as { data?: unknown } };
        response.http.status = 200;
        response.http.headers.set('idempotent-replayed', 'true');
        return;
      }
      if (!state.claimed || response.body.kind !== 'single') return;
      const result = (response.body as { singleResult: { data?: unknown; errors?: readonly unknown[] } })
        .singleResult;
      if (result.errors?.length || result.data == null) return;
      const sealed = seal(state.answerKey, JSON.stringify({ data: result.data }));
      await this.repo.storeAnswer(state.userId, state.keyHash, state.requestHash, sealed);
    } catch (err) {
      logger.warn(
        { component: 'idempotency', err: (err as { code?: string }).code ?? (err as Error).name },
        'idempotent answer not stored',
      );
    } finally {
      if (state.replay === undefined) this.inFlight.delete(`${state.userId}:${state.keyHash}`);
    }
  }
}

function inProgress(): DomainError {
  return DomainError.conflict(
    'A request with this Idempotency-Key is still being carried out; retry shortly with the same key',
  );
}

/** Root fields of the operation, through fragments. */
function rootFieldCount(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): number {
  let n = 0;
  const visit = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) n += s.name.value === '__typename' ? 0 : 1;
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet.selections);
      else if (fragments[s.name.value]) visit(fragments[s.name.value].selectionSet.selections);
    }
  };
  visit(operation.selectionSet.selections);
  return n;
}
