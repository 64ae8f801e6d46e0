import { totalmem } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { LuocdoError } from './errors.js';
import { defaultMemoryBudget } from './ingest/budget.js';
import { projectRoot } from './paths.js';
import { DEFAULT_LIMITS, type ReadLimits } from './read/limits.js';

const memorySize = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');

const port = z.coerce.number().int().min(1).max(65535);

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const envSchema = z.object({
  NEO4J_URI: z
    .string()
    .refine(
      (v) => {
        const m = /^([a-z0-9+]+):\/\/[^/\s]+/i.exec(v);
        return m !== null && NEO4J_SCHEMES.includes((m[1] ?? '').toLowerCase());
      },
      `a Neo4j URI such as bolt://host:7687 or neo4j+s://host (schemes: ${NEO4J_SCHEMES.join(', ')})`,
    )
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'a Neo4j database name (letters, digits, dots, dashes)')
    .optional(),
  LUOCDO_DATA_DIR: z.string().min(1).optional(),
  LUOCDO_CACHE_DIR: z.string().min(1).optional(),
  LUOCDO_BOLT_PORT: port.default(7687),
  LUOCDO_HEAP: memorySize.default('1g'),
  LUOCDO_PAGECACHE: memorySize.default('512m'),
  LUOCDO_JAVA: z.string().min(1).optional(),
  LUOCDO_MVN: z.string().min(1).optional(),
  LUOCDO_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  LUOCDO_TX_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  LUOCDO_MAX_FILE_MB: z.coerce.number().positive().default(50),
  LUOCDO_API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LUOCDO_API_HOST: z.string().min(1).default('127.0.0.1'),
  LUOCDO_API_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  LUOCDO_API_PROTECT_READS: z.enum(['true', 'false']).default('false'),
  LUOCDO_CORS_ORIGINS: z.string().optional(),
  LUOCDO_INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  // Reading files (issue 12): what one file may cost, and the memory an ingest may spend on files at once.
  LUOCDO_MAX_EXPANDED_MB: z.coerce
    .number()
    .positive()
    .default(DEFAULT_LIMITS.maxExpandedBytes / 1e6),
  LUOCDO_MAX_ZIP_ENTRIES: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxZipEntries),
  LUOCDO_MAX_ZIP_RATIO: z.coerce.number().min(1).default(DEFAULT_LIMITS.maxZipRatio),
  // .zip archives read as folders (issue 13): how deep a zip inside a zip may go.
  LUOCDO_MAX_ZIP_DEPTH: z.coerce.number().int().min(1).max(8).default(DEFAULT_LIMITS.maxZipDepth),
  LUOCDO_MAX_TEXT_CHARS: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxTextChars),
  LUOCDO_MAX_PDF_PAGES: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxPdfPages),
  LUOCDO_MEMORY_BUDGET_MB: z.coerce.number().positive().optional(),
  // Scanned PDFs (issue 13): pages without a text layer read by OCR (tesseract), unless this is false.
  LUOCDO_OCR: z.enum(['true', 'false']).default('true'),
  // The API's exposure and its budgets (issue 12).
  LUOCDO_API_PUBLIC: z.enum(['true', 'false']).default('false'),
  LUOCDO_API_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  LUOCDO_API_AUDIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  LUOCDO_API_AUDIT_TEXT_MAX_CHARS: z.coerce.number().int().min(1).default(2_000_000),
  LUOCDO_API_MAX_BODY_MB: z.coerce.number().positive().default(10),
  // `luocdo load` (issue 15): extracted sources held in memory up to this, the rest spilled to disk.
  LUOCDO_LOAD_MEMORY_MB: z.coerce.number().min(0).default(256),
  // `luocdo load`: the Node heap it runs with (the graph it keeps grows with the distinct documents).
  LUOCDO_LOAD_HEAP_MB: z.coerce.number().int().min(256).optional(),
});

/** The memory this process may use: the machine's, or a container's limit (cgroup) when lower. */
function machineMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(totalmem(), limit) : totalmem();
}

export type Settings = {
  /** An existing server: when set, the local runtime is never started. */
  external: { uri: string; username: string; password: string; database: string | undefined } | undefined;
  database: string | undefined;
  dataDir: string;
  cacheDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  java: string;
  mvn: string;
  startTimeoutMs: number;
  txTimeoutMs: number;
  maxFileBytes: number;
  ingestConcurrency: number;
  // Reading files (issue 12).
  readLimits: Omit<ReadLimits, 'maxBytes'>;
  /** Memory an ingest may spend on the files it reads at once (default: half the V8 heap limit). */
  memoryBudgetBytes: number;
  // `luocdo load` (issue 15).
  /** Extracted sources `load` holds in memory (serialized) before it spills the rest to a file. */
  loadMemoryBytes: number;
  /** The Node heap `luocdo load` runs with, in MB: unless set, ¾ of the memory the machine (or its container) has. */
  loadHeapMb: number;
  api: ApiSettings;
};

export type ApiSettings = {
  port: number;
  host: string;
  token: string | null;
  protectReads: boolean;
  corsOrigins: string[];
  /** Told that listening beyond loopback with reads open to the network is meant (`serve --public`). */
  public: boolean;
  limits: ApiLimits;
};

/** What one request may cost the server (issue 12). */
export type ApiLimits = {
  /** Each read's budget, connection included: past it the client is told TIMEOUT (UNAVAILABLE when down). */
  readTimeoutMs: number;
  /** A whole `audit` or `auditText`, all its queries together. */
  auditTimeoutMs: number;
  auditTextMaxChars: number;
  maxBodyBytes: number;
};

function abs(p: string): string {
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

/** Reads and validates the settings; a bad value is one line naming the setting. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new LuocdoError('CONFIG_INVALID', `${name} is invalid: ${issue?.message ?? 'bad value'}`, {
      hint: `fix or unset ${name}`,
    });
  }
  const e = parsed.data;
  const root = projectRoot();
  const javaHome = env['JAVA_HOME'];
  return {
    external:
      e.NEO4J_URI === undefined
        ? undefined
        : {
            uri: e.NEO4J_URI,
            username: e.NEO4J_USERNAME,
            password: e.NEO4J_PASSWORD ?? '',
            database: e.NEO4J_DATABASE,
          },
    database: e.NEO4J_DATABASE,
    dataDir: abs(e.LUOCDO_DATA_DIR ?? join(root, '.data')),
    cacheDir: abs(e.LUOCDO_CACHE_DIR ?? join(root, '.cache')),
    boltPort: e.LUOCDO_BOLT_PORT,
    heap: e.LUOCDO_HEAP,
    pageCache: e.LUOCDO_PAGECACHE,
    java: e.LUOCDO_JAVA ?? (javaHome ? join(javaHome, 'bin', 'java') : 'java'),
    mvn: e.LUOCDO_MVN ?? 'mvn',
    startTimeoutMs: e.LUOCDO_START_TIMEOUT_MS,
    txTimeoutMs: e.LUOCDO_TX_TIMEOUT_MS,
    maxFileBytes: Math.round(e.LUOCDO_MAX_FILE_MB * 1e6),
    ingestConcurrency: e.LUOCDO_INGEST_CONCURRENCY,
    readLimits: {
      maxExpandedBytes: Math.round(e.LUOCDO_MAX_EXPANDED_MB * 1e6),
      maxZipEntries: e.LUOCDO_MAX_ZIP_ENTRIES,
      maxZipRatio: e.LUOCDO_MAX_ZIP_RATIO,
      maxZipDepth: e.LUOCDO_MAX_ZIP_DEPTH,
      maxTextChars: e.LUOCDO_MAX_TEXT_CHARS,
      maxPdfPages: e.LUOCDO_MAX_PDF_PAGES,
      ocr: e.LUOCDO_OCR === 'true',
    },
    memoryBudgetBytes:
      e.LUOCDO_MEMORY_BUDGET_MB === undefined
        ? defaultMemoryBudget()
        : Math.round(e.LUOCDO_MEMORY_BUDGET_MB * 1e6),
    loadMemoryBytes: Math.round(e.LUOCDO_LOAD_MEMORY_MB * 1e6),
    loadHeapMb: e.LUOCDO_LOAD_HEAP_MB ?? Math.floor((machineMemory() / 2 ** 20) * 0.75),
    api: {
      port: e.LUOCDO_API_PORT,
      host: e.LUOCDO_API_HOST,
      token: e.LUOCDO_API_TOKEN ?? null,
      protectReads: e.LUOCDO_API_PROTECT_READS === 'true',
      corsOrigins: (e.LUOCDO_CORS_ORIGINS ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      public: e.LUOCDO_API_PUBLIC === 'true',
      limits: {
        readTimeoutMs: e.LUOCDO_API_READ_TIMEOUT_MS,
        auditTimeoutMs: e.LUOCDO_API_AUDIT_TIMEOUT_MS,
        auditTextMaxChars: e.LUOCDO_API_AUDIT_TEXT_MAX_CHARS,
        maxBodyBytes: Math.round(e.LUOCDO_API_MAX_BODY_MB * 1e6),
      },
    },
  };
}
