// ESLint (flat config): typescript-eslint's recommended rules, and the dependency rules of DESIGN.md
// ("Shape") as lint errors, so an import that breaks a context boundary fails `npm run lint` and CI.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** An import of another library's folder, however many `../` lead there (`../../../casework/src/…`). */
const lib = (name) => `(^|/)(libs/)?${name}(/|$)`;

/** `no-restricted-imports` refusing the given libraries, with DESIGN.md's reason in the message. */
const forbid = (libs, why) => ({
  'no-restricted-imports': [
    'error',
    { patterns: libs.map((name) => ({ regex: lib(name), message: `${why} (DESIGN.md, "Shape")` })) },
  ],
});

const CONTEXTS = [
  'identity',
  'alliance',
  'coordination',
  'meetings',
  'casework',
  'notifications',
  'reporting',
  'oparl',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'coverage/**',
      'apps/web/src/gql/**',
      'bench/results/**',
      'test/setup/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      // Pragmatic: the code base talks to untyped rows (`em.query`) and decorator metadata.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Nest modules and GraphQL types are classes without members by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Files that do everything are hard to live in: a warning around 400 lines.
      'max-lines': ['warn', { max: 400 }],
    },
  },
  // TypeORM answers a raw UPDATE or DELETE with `[rows, rowCount]`, every other statement with the rows:
  // a `….query()` of UPDATE/DELETE … RETURNING reads the wrong shape. core's `queryRows()` reads both.
  {
    files: ['libs/**/*.ts', 'apps/api/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.property.name='query'][arguments.0.value=/^\\s*(WITH\\b[\\s\\S]*\\)\\s*)?(UPDATE|DELETE)\\b[\\s\\S]*\\bRETURNING\\b/i]",
          "CallExpression[callee.property.name='query'][arguments.0.quasis.0.value.raw=/^\\s*(WITH\\b[\\s\\S]*\\)\\s*)?(UPDATE|DELETE)\\b/i]:has(TemplateElement[value.raw=/\\bRETURNING\\b/i])",
        ].map((selector) => ({
          selector,
          message:
            'UPDATE/DELETE … RETURNING through `queryRows(em, sql, params)` of core (TypeORM answers [rows, rowCount])',
        })),
      ],
    },
  },
  // Dependency rules: apps → contexts → core.
  {
    files: ['libs/core/**/*.ts'],
    rules: forbid(CONTEXTS, 'core imports no context'),
  },
  {
    files: ['libs/coordination/**/*.ts', 'libs/meetings/**/*.ts'],
    rules: forbid(['casework'], 'coordination and meetings never import casework'),
  },
  {
    files: ['libs/notifications/**/*.ts'],
    rules: forbid(
      CONTEXTS.filter((c) => c !== 'identity'),
      'notifications imports only core and identity',
    ),
  },
  {
    files: ['libs/oparl/**/*.ts'],
    rules: forbid(['casework'], 'oparl never imports casework'),
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly' },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)libs(/|$)',
              message: 'the web app never imports libs/: it talks to the API over GraphQL (DESIGN.md)',
            },
          ],
        },
      ],
    },
  },
);
