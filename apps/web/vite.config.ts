import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 3000, strictPort: true, fs: { allow: ['../..'] } },
  preview: { port: 3000, strictPort: true },
  // The workspace's TypeScript packages are bundled into the server build; their npm dependencies stay
  // external, so apps/web lists the server-side ones in its own dependencies (pnpm resolves strictly).
  optimizeDeps: { include: ['maplibre-gl', 'chart.js'] }
});
