import type { Driver } from 'neo4j-driver';

/**
 * The open drivers, one per target. Kept apart from the driver library (a type import only), so that a
 * command that never touched the database closes nothing and loads nothing.
 */
export const drivers = new Map<string, Driver>();

/**
 * Closes every driver, waiting at most `waitMs`: a driver whose server accepted the connection and never
 * answered the handshake waits on that socket until the server drops it, which a hung server never does.
 */
export async function closeDrivers(waitMs = 3_000): Promise<void> {
  const all = [...drivers.values()];
  drivers.clear();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
    timer.unref();
  });
  await Promise.race([Promise.all(all.map((d) => d.close())), waited]);
  clearTimeout(timer);
}
