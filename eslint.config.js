import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/out',
      'tests/fixtures',
      '.cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['src/pipeline/**/*.ts'],
    rules: restrict([
      { group: ['node:*', 'fs', 'path'], message: 'The pipeline is pure: no node APIs.' },
      {
        group: ['react', 'react-dom', 'zustand', 'cytoscape*'],
        message: 'The pipeline has no UI.',
      },
      {
        group: ['**/store/**', '**/graph/**', '**/components/**', '**/cli/**'],
        message: 'pipeline may only import model/schema.',
      },
    ]),
  },
  {
    files: ['src/model/**/*.ts'],
    rules: restrict([
      {
        group: ['react', 'react-dom', 'zustand', 'cytoscape*'],
        message: 'model is pure view logic.',
      },
      {
        group: ['**/store/**', '**/graph/**', '**/components/**', '**/cli/**'],
        message: 'model sits below store, graph and components.',
      },
    ]),
  },
  {
    files: ['src/graph/**/*.ts'],
    rules: restrict([
      { group: ['react', 'react-dom', 'zustand'], message: 'The Cytoscape adapter has no React.' },
      {
        group: ['**/store/**', '**/components/**', '**/cli/**'],
        message: 'graph may import model only.',
      },
    ]),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: restrict([
      {
        group: ['**/components/**', '**/graph/**', '**/cli/**', 'cytoscape*'],
        message: 'store may import model only.',
      },
    ]),
  },
);
