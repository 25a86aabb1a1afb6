import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const here = import.meta.dirname;

/** Code the renderer and core/common may not import: the rest of the core (types are fine). */
const coreCodeOutsideCommon = {
  regex: '^@core/(?!common/)',
  allowTypeImports: true,
  message: 'The renderer imports core types only; shared pure code lives in src/core/common/ (@core/common/…).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'docs/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // No import cycles (type-only imports do not count: they vanish at run time).
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
          alias: { '@core': [`${here}/src/core`] },
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // The core runs under plain Node and in the CLI: Electron must never leak into it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core must run without Electron.' }] },
      ],
    },
  },
  {
    // core/common is what the renderer may run: pure code, no packages, no Node built-ins, code only from
    // common itself (types from anywhere in the core).
    files: ['src/core/common/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              allowTypeImports: true,
              message: 'core/common runs in the renderer too: import code only from core/common itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the rest only through window.gloss; it may import core types, never core code
    // (except src/core/common/), and names core modules `@core/…`.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only through window.gloss.' }],
          patterns: [
            coreCodeOutsideCommon,
            {
              regex: '^(\\.\\./)+(core|main|preload|cli)/',
              message: "Name core modules @core/…; main, preload and the CLI are out of the renderer's reach.",
            },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules where the code relies on promises being awaited or handled: the source, typed by its
    // two projects (the renderer's DOM one and the Node one).
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: here },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Formatting is Prettier's job (npm run format:check), not the linter's.
  prettier,
);
