// The code rules: typescript-eslint's strict set, plus the promise rules that need types
// (a forgotten await loses an append's error). Layering is checked by dependency-cruiser
// (.dependency-cruiser.cjs). test/lint/violations holds one deliberate violation per rule: the
// normal run skips it, test/lint/guard-rails.e2e.ts lints it and expects each rule to fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import readModels from './test/lint/own-tables.rule.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/web/**/*.mjs', 'test/lint/violations/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest modules are classes that exist for their decorator.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
    },
  },
  { files: ['**/libs/**/*.ts'], plugins: { 'read-models': readModels }, rules: { 'read-models/own-tables': 'error' } },
  {
    // A spec's `!` on a row it just wrote fails the test as loudly as an expect would, and
    // specs read GraphQL answers off the wire, untyped by nature (the schema specs check shapes).
    files: ['**/*.spec.ts', '**/*.spec-fixtures.ts', '**/*.e2e.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/lint/violations/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', URL: 'readonly' },
    },
  },
);
