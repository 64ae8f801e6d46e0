import type { Db } from '../store/connection.js';
import { writeSearchText, type SearchRow, type WriteResult } from '../store/ingest.js';

/**
 * Collects the deferred search text of written sources and writes it in batches, one transaction per
 * batch. A batch lost to a crash leaves its sources marked `searchPending`; ingesting them again
 * writes it (see `writeSource`).
 */
export class SearchQueue {
  private rows: SearchRow[] = [];
  private shas: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly batchSources = 250,
  ) {}

  /** Queues one source's rows; writes a batch when enough sources are waiting. */
  async add(r: Pick<WriteResult, 'sha256' | 'search'>): Promise<void> {
    if (r.search.length === 0) return;
    for (const x of r.search) this.rows.push(x);
    this.shas.push(r.sha256);
    if (this.shas.length >= this.batchSources) await this.flush();
  }

  /** Writes whatever is waiting; batches are written one after another, never at once. */
  async flush(): Promise<void> {
    const rows = this.rows;
    const shas = this.shas;
    this.rows = [];
    this.shas = [];
    const previous = this.writing;
    this.writing = previous.then(() => writeSearchText(this.db, rows, shas));
    await this.writing;
  }
}
