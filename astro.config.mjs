// @ts-check
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  // Build-time only: the pages take the public origin from SITE_PUBLIC_URL at run time (site/lib/publicUrl.ts).
  site: process.env.SITE_PUBLIC_URL || 'http://localhost:4321',
  output: 'server',
  // The app alone: scripts/site-server.mjs is the server, with the static files and the page cache in front.
  adapter: node({ mode: 'middleware' }),
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  // allowedDomains (whose X-Forwarded-Proto/-Host Astro believes) is filled in at start from SITE_PUBLIC_URL by
  // scripts/site-server.mjs, which also drops forwarded headers from peers outside TRUSTED_PROXIES.
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
  // Stylesheets as files, never inlined: the Content-Security-Policy allows no inline style.
  build: { inlineStylesheets: 'never' },
  telemetry: false,
})
