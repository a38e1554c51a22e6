import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'receiver/**/*.test.ts', 'e2e/support/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['lib/config/testing/reset-config-on-env-change.ts'],
  },
});
