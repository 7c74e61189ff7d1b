import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type Redis } from '../../src/storage/redis.js';

/**
 * PostgreSQL and Redis for the tests that need them (DESIGN §5): TEST_DATABASE_URL and TEST_REDIS_URL.
 * Absent, those suites are skipped on a fresh machine; with REQUIRE_SERVICES=1 (CI) absence is a failure.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

if (process.env.REQUIRE_SERVICES === '1') {
  if (!TEST_DATABASE_URL) throw new Error('REQUIRE_SERVICES=1 but TEST_DATABASE_URL is not set');
  if (!TEST_REDIS_URL) throw new Error('REQUIRE_SERVICES=1 but TEST_REDIS_URL is not set');
}

/** A fresh schema name per store under test, so suites running in parallel never see each other's rows. */
export const freshSchema = () => `xf_test_${randomBytes(6).toString('hex')}`;

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/** A Redis key prefix per test run, for the same reason. */
export const freshPrefix = () => `xf-test-${randomBytes(6).toString('hex')}:`;

/** One Redis connection for a suite (opened before its tests, closed after): call inside the describe. */
export function useTestRedis(): () => Redis {
  let redis: Redis | undefined;
  beforeAll(async () => {
    redis = await connectRedis(TEST_REDIS_URL!);
  });
  afterAll(async () => {
    await redis?.close();
  });
  return () => redis!;
}
