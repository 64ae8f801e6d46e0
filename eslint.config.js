import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The floors of src/ (DESIGN §5): cli/web/api → ingest → store → graph → extract, read beside extract.
 * A layer names the folders it must not reach, as relative imports from anywhere below it; `up` builds
 * the pattern (`../store/x.js`, `../../store/x.js`, …).
 */
const up = (dirs) => `^(\\.\\./)+(${dirs.join('|')})(/|$)`;
const above = (dirs, why) => ({ regex: up(dirs), message: why });
/** Pure code never touches the disk, the network, a process or the database. */
const io = (why) =>
  ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'worker_threads'].flatMap((m) => [
    { name: m, message: why },
    { name: `node:${m}`, message: why },
  ]);
const IO = io('extract and graph are pure: no I/O (DESIGN §5)');
const IO_ROOT = [
  { regex: '^(\\.\\./)+(config|paths)\\.js$', message: 'extract and graph are pure: no settings, no files' },
  { regex: '^neo4j-driver$', message: 'extract and graph are pure: no database' },
];
const STORE = [
  above(
    ['read', 'ingest', 'api', 'cli', 'web'],
    'store holds the database only: reading and the pipeline live in ingest/',
  ),
  {
    regex: '^(\\.\\./)+extract/(?!index\\.js$)',
    message: 'store does not reach into extract; take what it needs from graph/ or the Prepared source',
  },
  {
    regex: '^(\\.\\./)+extract/index\\.js$',
    allowTypeImports: true,
    message: 'store only names extract’s types; extraction belongs to ingest/ (prepare)',
  },
];
const fence = (patterns, paths = []) => ({
  // The plain rule, in typescript-eslint's form for `allowTypeImports`; no plugin needed.
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  { ignores: ['dist/', '.cache/', '.data/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/extract/**/*.ts'],
    rules: fence(
      [
        above(
          ['graph', 'store', 'ingest', 'api', 'cli', 'read', 'web'],
          'extract is the bottom floor: it imports nothing above it',
        ),
        ...IO_ROOT,
      ],
      IO,
    ),
  },
  {
    files: ['src/graph/**/*.ts'],
    rules: fence(
      [above(['store', 'ingest', 'api', 'cli', 'read', 'web'], 'graph imports only extract'), ...IO_ROOT],
      IO,
    ),
  },
  {
    files: ['src/read/**/*.ts'],
    rules: fence([
      above(['graph', 'store', 'ingest', 'api', 'cli', 'web'], 'read sits beside extract, below the rest'),
    ]),
  },
  { files: ['src/store/**/*.ts'], rules: fence(STORE) },
  {
    // Until the audit becomes a table of checks, auditText extracts a text itself (issue 17, item 5).
    files: ['src/store/audit.ts'],
    rules: fence(STORE.slice(0, 1)),
  },
  {
    files: ['src/ingest/**/*.ts'],
    rules: fence([above(['api', 'cli', 'web'], 'ingest is below the API and the CLI')]),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: fence([above(['cli', 'web'], 'the API is below the CLI and the web pages')]),
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: fence(
      [
        above(
          ['extract', 'graph', 'read', 'store', 'ingest', 'cli'],
          'the web pages import nothing but the API',
        ),
        { regex: '^neo4j-driver$', message: 'the web pages import nothing but the API' },
      ],
      io('the web pages import nothing but the API'),
    ),
  },
  {
    // Small functions in the product (issue 17): a function that grows past 80 lines is split, not excused.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
);
