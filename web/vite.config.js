import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: ["node_modules/@uswds/uswds/packages"],
        quietDeps: true,
        silenceDeprecations: ["global-builtin", "import", "if-function"],
      },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The server's Content-Security-Policy (default-src 'self') refuses data:
    // URIs, so every font and image must be a file.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: "es2022",
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
