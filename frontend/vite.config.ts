import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The backend (C#) listens on 8080 in development; the SPA only ever calls /api and /ws.
// `vite preview` uses the same proxy. OTTOBON_BACKEND_URL points both somewhere else.
const backendUrl = process.env.OTTOBON_BACKEND_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
