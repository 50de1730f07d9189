import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Custom folder names: every entry is spelled out (STACK.md).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod and drizzle are bundled into the main chunks: loaded from node_modules they were
      // hundreds of small files to find, read and compile at every start (~0.1 s of a CLI
      // call's ~0.8 s of CPU); native and asset-reading modules stay external
      externalizeDeps: { exclude: ['zod', 'drizzle-orm'] },
      lib: { entry: { index: resolve('src-main/electron/main.ts'), cli: resolve('src-main/cli/main.ts'), previewWorker: resolve('src-main/modules/channels/previewWorker.ts'), importWorker: resolve('src-main/modules/channels/importWorker.ts') } },
      rollupOptions: { external: ['better-sqlite3', 'pdfkit', 'bwip-js'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require(): bundle everything, emit CommonJS.
      externalizeDeps: false,
      lib: { entry: { index: resolve('src-main/electron/preload.ts') }, formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
