import { defineConfig } from 'vitest/config';

// Two lanes. `unit`: the pure tests (extract, graph, read), no Java, no Neo4j, no browser, so
// `npm run test:unit` answers in seconds. `integration`: everything against the real Neo4j that the global
// setup starts. `npm test` (and CI) runs both, the unit lane first so a broken rule fails before the
// server is even started.
export default defineConfig({
  test: {
    projects: [
      './vitest.unit.config.ts',
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**'],
          globalSetup: ['test/setup/neo4j.ts'],
          // One Neo4j serves the whole run and each file cleans the graph it uses, so files run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
