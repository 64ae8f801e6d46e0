import { defineProject } from 'vitest/config';

/**
 * The unit lane alone: the pure tests (extract, graph, read), no Java, no Neo4j, no browser. A file of
 * its own so that tools which take one config (StrykerJS's vitest runner) run this lane and nothing else.
 */
export default defineProject({
  test: {
    name: 'unit',
    include: ['test/unit/**/*.test.ts'],
    sequence: { groupOrder: 0 },
  },
});
