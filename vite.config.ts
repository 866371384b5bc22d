/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 6000 },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/fastCheck.ts'],
    // In CI also write a JSON summary, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.tmp/vitest-results.json' },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
