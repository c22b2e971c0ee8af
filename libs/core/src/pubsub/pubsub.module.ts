import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { logger } from '../logging/logger.js';
import { Availability } from '../errors/unavailable.js';
import { OutageSignallingRedisPubSub } from './outage-signalling-pubsub.js';

/** The PubSub engine for GraphQL subscriptions: in-process by default, Redis when REDIS_URL is set. */
export const PUB_SUB = Symbol('PUB_SUB');

export function createPubSub(config: Pick<AppConfig, 'redisUrl'>, availability?: Availability): PubSubEngine {
  if (!config.redisUrl) return new PubSub();
  const connect = (role: string) => {
    const client = new Redis(config.redisUrl!, { maxRetriesPerRequest: 3, lazyConnect: false });
    // Once per outage at warn (ioredis reports every reconnect attempt); the URL may carry a
    // password, so only the role and the errno are logged.
    client.on('error', (err: Error & { code?: string }) => {
      if (availability) availability.report('redis', err);
      else logger.warn({ component: 'pubsub', role, reason: err.code }, 'redis connection error');
    });
    client.on('ready', () => availability?.recovered('redis'));
    return client;
  };
  // A subscriber that may have missed events (the subscriber connection closed) learns it: its
  // subscription ends with UNAVAILABLE, and the client subscribes anew and reloads.
  return new OutageSignallingRedisPubSub({
    publisher: connect('publisher'),
    subscriber: connect('subscriber'),
  });
}

@Injectable()
class PubSubLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close().catch(() => undefined);
  }
}

/** Import where events are published or subscribed; Nest keeps one instance per application. */
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [APP_CONFIG, Availability],
      useFactory: (config: AppConfig, availability: Availability) => createPubSub(config, availability),
    },
    PubSubLifecycle,
  ],
  exports: [PUB_SUB],
})
export class PubSubModule {}
