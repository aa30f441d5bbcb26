import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config/index.ts';

/** Routes are limited by class: PIN and pairing attempts far tighter than ordinary traffic. */
export type RouteClass = 'default' | 'auth' | 'webhook';

const WINDOW_SECONDS = 60;

export function routeClassOf(url: string): RouteClass {
  if (url.startsWith('/api/stripe/webhook')) return 'webhook';
  if (/^\/trpc\/[^?]*\bauth\./.test(url)) return 'auth';
  return 'default';
}

export interface RateLimits {
  /** Resolves to undefined when allowed, or the seconds to wait when refused. */
  consume(routeClass: RouteClass, key: string): Promise<number | undefined>;
  /** Resolves once the shared store answers (or at once for memory); false when Redis is not reachable yet. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export function createRateLimits(
  config: Pick<Config, 'rateLimits' | 'redisUrl'>,
  keyPrefix = 'servio_rl',
): RateLimits {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      })
    : undefined;
  redis?.on('error', () => undefined); // the insurance limiter takes over while Redis is away
  const limiters = new Map<RouteClass, RateLimiterAbstract>();
  for (const routeClass of ['default', 'auth', 'webhook'] as const) {
    const options = {
      points: config.rateLimits[routeClass],
      duration: WINDOW_SECONDS,
      keyPrefix: `${keyPrefix}_${routeClass}`,
    };
    limiters.set(
      routeClass,
      redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options),
    );
  }
  return {
    async consume(routeClass, key) {
      try {
        await limiters.get(routeClass)!.consume(key);
        return undefined;
      } catch (result) {
        if (result instanceof RateLimiterRes)
          return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
        throw result;
      }
    },
    async ready(timeoutMs = 3_000) {
      if (!redis || redis.status === 'ready') return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async close() {
      redis?.disconnect();
    },
  };
}
