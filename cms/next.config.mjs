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
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
