import type { Driver } from 'neo4j-driver';

/**
 * The open drivers, one per target. Kept apart from the driver library (a type import only), so that a
 * command that never touched the database closes nothing and loads nothing.
 */
export const drivers = new Map<string, Driver>();

export async function closeDrivers(): Promise<void> {
  const all = [...drivers.values()];
  drivers.clear();
  await Promise.all(all.map((d) => d.close()));
}
