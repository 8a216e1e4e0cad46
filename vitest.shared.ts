import { defineConfig } from "vitest/config";

/** Vitest settings every package shares: workspace packages resolve to their TypeScript source. */
export const sharedConfig = defineConfig({
  resolve: { conditions: ["@nineproxy/source"] },
  ssr: { resolve: { conditions: ["@nineproxy/source"] } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
