import { getViteConfig } from 'astro/config'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/helpers/setup.ts'],
          // Each file boots Payload on its own database; running them one at a time keeps 2 cores responsive.
          fileParallelism: false,
          // One worker for all files: Payload's dependency graph is imported once, not once per file (about 4 s
          // each). tests/helpers/setup.ts gives every file fresh modules of ours, env and Payload instance.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Astro components rendered with the container API: needs Astro's own Vite plugins (.astro files).
      getViteConfig({
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
        },
      }),
    ],
  },
})
