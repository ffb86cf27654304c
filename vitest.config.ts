import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI and golden tests spawn the built binary; give a cold wink model load room on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
