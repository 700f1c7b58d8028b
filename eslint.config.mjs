import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

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
];

export default config;
