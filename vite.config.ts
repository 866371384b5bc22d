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
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
