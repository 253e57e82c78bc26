/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built app at "/" and owns sign-in, the API and the services' pages,
// so the optional dev server forwards those to a running gateway.
const gateway = 'http://localhost:8080';
const proxied = ['/api', '/bff', '/login', '/signup', '/oauth2'];

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/@codemirror') || id.includes('node_modules/@lezer')) {
            return 'editor';
          }
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    css: false,
    // Tests type into forms the way people do; on a busy two-core CI machine that can
    // take longer than the default 5 s without anything being wrong.
    testTimeout: 20_000,
  },
});
