import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string
}
const define = { __NINEFOLD_VERSION__: JSON.stringify(pkg.version) }

/**
 * The dev server injects an inline script (React refresh) and talks over a websocket; the shipped CSP forbids
 * both, so only `electron-vite dev` gets a relaxed copy of it.
 */
const relaxCspForDevServer: Plugin = {
  name: 'ninefold-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
}

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // One Node build for the Node entry points: the Electron shell, the browser host, the CLI and the parse worker.
        input: {
          index: resolve(import.meta.dirname, 'src/main/electron/index.ts'),
          host: resolve(import.meta.dirname, 'src/host/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/main.ts'),
          // Imports parse files on a worker thread, never on the main (or Electron main) thread.
          parseWorker: resolve(import.meta.dirname, 'src/main/import/parseWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages, so the contract (and zod) are bundled into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    define,
    plugins: [react(), relaxCspForDevServer],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
})
