import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves dist/ at / (apps/api/src/bootstrap.ts). `npm run dev` proxies the API on :3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:3000', ws: true },
      '/meetings': 'http://localhost:3000',
      '/calendar': 'http://localhost:3000',
    },
  },
});
