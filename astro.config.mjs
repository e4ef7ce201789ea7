// @ts-check
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.SITE_PUBLIC_URL || 'http://localhost:4321',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
  // Stylesheets as files, never inlined: the Content-Security-Policy allows no inline style.
  build: { inlineStylesheets: 'never' },
  telemetry: false,
})
