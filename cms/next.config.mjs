import path from 'node:path'

import { withPayload } from '@payloadcms/next/withPayload'

const root = path.resolve(process.cwd())

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The admin lives in cms/ but the config and node_modules live at the repository root.
  turbopack: { root },
  outputFileTracingRoot: root,
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  poweredByHeader: false,
  // The admin needs Next's inline scripts, so no CSP here; the rest of the hardening applies.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
