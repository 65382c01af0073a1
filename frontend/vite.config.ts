import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite-plugins/precompress';

// The backend (C#) listens on 8080 in development; the SPA only ever calls /api and /ws.
// `vite preview` uses the same proxy. OTTOBON_BACKEND_URL points both somewhere else.
const backendUrl = process.env.OTTOBON_BACKEND_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backendUrl, changeOrigin: true },
      '/ws': { target: backendUrl, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    // Libraries change less often than the app: in their own chunks they stay cached across deploys. The pages
    // are split by the lazy routes (src/app/lazy-page.tsx).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'axios', test: /node_modules[\\/]axios[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    // Browser tests live in e2e/ and run only through vitest.e2e.config.ts.
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Whole-app renders can take several seconds on a busy machine.
    testTimeout: 20_000,
  },
});
