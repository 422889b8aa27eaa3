// Vitest global setup: one throwaway PostgreSQL cluster for the whole unit run (scripts/postgres.mjs),
// its URL handed to the test files (`inject('postgres')`); each suite makes a database of its own in it
// (support/engines.ts). SIGHTLINE_TEST_POSTGRES=<url> uses a server you run instead. With no PostgreSQL
// installed and no way to install it, the PostgreSQL variants of the suites are skipped and say why.
import type { TestProject } from 'vitest/node';
import { ensurePostgres, startPostgres } from '../../../scripts/postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL superuser URL, or why there is none. */
    postgres: { url: string } | { missing: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.SIGHTLINE_TEST_POSTGRES;
  if (given) {
    project.provide('postgres', { url: given });
    return () => {};
  }
  const bin = ensurePostgres();
  if (!bin) {
    project.provide('postgres', { missing: 'no PostgreSQL server installed (Debian: apt-get install postgresql)' });
    return () => {};
  }
  const cluster = await startPostgres(bin);
  project.provide('postgres', { url: cluster.url });
  return () => cluster.stop();
}
