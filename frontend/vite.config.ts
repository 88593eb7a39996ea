import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { stackHealth } from "./vite/stackHealth.ts";

const frontendRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * The member app. Served on 127.0.0.1:5173 (the IPFS node's CORS default), built into
 * frontend/dist. `stackHealth` answers /__health for the app so that a stopped chain or IPFS node
 * becomes a notice instead of failed requests in the browser console.
 */
export default defineConfig({
  root: frontendRoot,
  envDir: frontendRoot,
  plugins: [react(), stackHealth()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    // The shared library (#lib/...) and node_modules live one level up.
    fs: { allow: [repoRoot] },
  },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Lets the app benchmark sum what the home page loads (entry + the home route chunk graph).
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    root: frontendRoot,
    // Pure logic runs in node; component tests opt into jsdom with a `@vitest-environment jsdom` docblock.
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
  },
});
