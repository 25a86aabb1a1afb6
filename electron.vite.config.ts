import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { pdfjsData } from './scripts/pdfjsDataPlugin';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but `electron`: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // The renderer names core modules `@core/…` (types from anywhere, code only from core/common: see lint).
    resolve: {
      alias: {
        '@core': resolve(__dirname, 'src/core'),
      },
    },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [
      react(),
      pdfjsData(),
      {
        // The dev server injects CSS as <style> and talks over a websocket; production keeps the strict CSP.
        name: 'gloss-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*"),
      },
    ],
  },
});
