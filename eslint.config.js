// ESLint flat config: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte, plus the
// import boundaries of the layout (README "Layout"), which tests/lint/boundaries.test.ts proves can fail.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Import boundaries (no-restricted-imports; it sees static imports and re-exports, type-only ones included).
//
// src/core is the pure engine shared by the CLI and the browser workers. Today it imports nothing outside
// src/core but two pure npm packages (papaparse, yaml): the wasm kernels and the ONNX runtime reach it
// injected through interfaces (stattests/kernels.ts StatKernels, model/runner.ts ModelRunner), never as
// imports. So the rule is an allow-list: a relative import must stay inside src/core, and a package import
// must be papaparse or yaml. That keeps src/ui, src/workers, src/node, src/cli, src/onnx (the only code
// that imports onnxruntime-web), src/kernels (the only code that loads the wasm), node:* and DOM-only
// packages out of the core.
//
// src/cli is the Node front end: it never imports the dashboard (src/ui) or its workers (src/workers), nor
// the browser-only packages they use.
//
// Everywhere in src/: onnxruntime-web only from src/onnx, and a .wasm file only from src/kernels.

const ORT_ONLY_IN_ONNX = {
  regex: '^onnxruntime-web(/|$)',
  message: 'Only src/onnx imports onnxruntime-web; elsewhere take a ModelRunner (src/core/model/runner.ts).',
};
const WASM_ONLY_IN_KERNELS = {
  regex: '\\.wasm(\\?.*)?$',
  message: 'Only src/kernels loads the wasm module; elsewhere take StatKernels (src/core/stattests/kernels.ts).',
};

/** A relative import climbing out of src/core from a file `depth` folders below it. */
function leavesCore(depth) {
  return {
    regex: `^(\\.\\./){${depth + 1}}`,
    message: 'src/core is pure and self-contained: it imports nothing outside src/core (inject what it needs instead).',
  };
}
const CORE_PACKAGES = {
  // Anything that is neither relative nor one of the pure packages core uses (hyparquet and its
  // decompressors read Parquet files in plain JavaScript, in Node and in browser workers alike; its page
  // decoders are imported from hyparquet/src/*.js, which its package exports).
  regex: '^(?!\\.|papaparse$|yaml$|hyparquet$|hyparquet/src/[a-z]+\\.js$|hyparquet-compressors$)',
  message:
    'src/core imports only papaparse, yaml, hyparquet and hyparquet-compressors among packages (no node:*, no browser or runtime libraries).',
};

const CLI_RESTRICTED = [
  ORT_ONLY_IN_ONNX,
  WASM_ONLY_IN_KERNELS,
  { regex: '^\\.\\./(ui|workers)(/|$)', message: 'src/cli never imports the dashboard (src/ui) or its workers (src/workers).' },
  { regex: '^(svelte|comlink|idb|plotly\\.js-dist-min)(/|$)', message: 'src/cli never imports browser-only packages.' },
];

// Files src/core/*.ts, src/core/*/*.ts, ... (depth 0 to 4), each with its own climb-out depth.
const coreBoundaries = [0, 1, 2, 3, 4].map((depth) => ({
  files: [`src/core/${'*/'.repeat(depth)}*.ts`],
  rules: { 'no-restricted-imports': ['error', { patterns: [leavesCore(depth), CORE_PACKAGES] }] },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'lib/',
      'node_modules/',
      '.tmp/',
      '.bench/',
      'test-results/',
      'tests/fixtures/',
      'docs/screenshots/',
      'public/demo/',
      // AssemblyScript (i32/f64 types, `@inline` on functions): not TypeScript the parser accepts.
      'wasm/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // The browser side, the Node side and the tests share this repository; which globals each may use is
      // enforced by the four tsconfig programs (`npm run check`), so ESLint knows both sets.
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept for its position (a callback signature, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/onnx/**', 'src/kernels/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ORT_ONLY_IN_ONNX, WASM_ONLY_IN_KERNELS] }] },
  },
  {
    files: ['src/onnx/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [WASM_ONLY_IN_KERNELS] }] },
  },
  {
    files: ['src/kernels/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ORT_ONLY_IN_ONNX] }] },
  },
  {
    // typescript-eslint turns prefer-const on for .ts files. A binding read by a closure before its one
    // assignment (late binding: src/kernels/loadKernels.ts hands the wasm imports a getter for the memory
    // the instance then exports) cannot be const.
    files: ['**/*.ts'],
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    // Ambient global declarations (`declare global { var X: ... }`) need var: let and const do not make a
    // property of globalThis.
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    // Coefficients are copied digit for digit from the cited sources (Cephes via scipy/xsf, fdlibm) so they
    // can be compared with them; JavaScript rounds each literal to the nearest double, as the C compiler does.
    files: ['src/core/special/**/*.ts', 'src/core/train/portableMath.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  ...coreBoundaries,
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: CLI_RESTRICTED }] },
  },
);
