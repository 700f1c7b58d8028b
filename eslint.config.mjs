import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

/**
 * The floors imports stand on, lowest first: vocabulary and pure helpers in lib/ (outside
 * lib/server/) ← db/ ← request plumbing in lib/server/ ← components/ and app/. Each zone says
 * which folders a floor may not import from; a new folder gets a zone here.
 */
const floors = [
  {
    // Every file of lib/ but lib/server/: lib/*.ts and every folder beside server/.
    target: ['./lib/*.ts', './lib/!(server)/**'],
    from: ['./db', './lib/server', './components', './app'],
    message: 'lib/ holds vocabulary and pure helpers: it does not reach the database, the request plumbing or the UI.',
  },
  { target: './db', from: ['./lib/server', './components', './app'], message: 'db/ sits below the request plumbing and the UI.' },
  { target: './lib/server', from: ['./components', './app'], message: 'Request plumbing does not import the UI.' },
  { target: './components', from: ['./db', './app'], message: 'Components do not import from db/ or app/: use lib/contracts/ and let the page read the data.' },
];

const REFUSAL_PATHS = [
  { name: 'next/navigation', importNames: ['forbidden'], message: 'Refuse a page with refusePage / requirePageAccess (lib/server/page-access.ts): it records the refusal.' },
  { name: '@/components/ui/not-allowed', message: 'The refusal notice belongs in a forbidden.tsx, reached through lib/server/page-access.ts.' },
];

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'reports/**', '.bench-floor/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    // Parsed modules are kept for the whole run (the default forgets them after 30 seconds, and
    // import/no-cycle then parses the graph again for every file).
    settings: { 'import/cache': { lifetime: Infinity } },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': ['error', { zones: floors }],
    },
  },
  {
    // A unit test beside the data layer or the validations may drive it through the request
    // plumbing (the delivery worker, the body reader), never through the UI.
    files: ['**/*.test.ts'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        { zones: floors.map((zone) => ({ ...zone, from: zone.from.filter((from) => from !== './lib/server' && from !== './db') })) },
      ],
    },
  },
  {
    // A refusal is shown only after it is recorded: pages refuse through lib/server/page-access.ts
    // (which audits, then calls forbidden()), and the refusal notice is rendered by forbidden.tsx only.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['**/forbidden.tsx', 'lib/server/page-access.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: REFUSAL_PATHS }] },
  },
  {
    // Components never reach the database, types included: what they receive is written out in
    // lib/contracts/, and pages (or route handlers) read the data and pass it on.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: REFUSAL_PATHS,
          patterns: [{ group: ['@/db', '@/db/*', '**/db/*'], message: 'Components do not import from db/: use lib/contracts/ and let the page read the data.' }],
        },
      ],
    },
  },
  {
    // An UPDATE or DELETE without WHERE changes every row. The connection is `db` (from getDb()),
    // or `tx` inside a transaction.
    files: ['**/*.ts'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'getDb'] }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'getDb'] }],
    },
  },
];

export default config;
