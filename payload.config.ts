import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Stories } from './cms/collections/Stories'
import { Users } from './cms/collections/Users'
import { databaseAdapter } from './cms/db/adapter'
import { projectRoot } from './cms/runtime/paths'
import { resolveSecret } from './cms/runtime/secret'

// Paths come from the working directory: Astro bundles this file into dist/.
const cmsDir = path.join(projectRoot(), 'cms')

export default buildConfig({
  serverURL: process.env.CMS_PUBLIC_URL || undefined,
  secret: resolveSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [Stories, Users],
  admin: {
    user: Users.slug,
    meta: { titleSuffix: '｜えすこポータル管理' },
    importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app/(payload)/admin/importMap.js') },
  },
  i18n: { supportedLanguages: { ja, en }, fallbackLanguage: 'ja' },
  typescript: { outputFile: path.join(cmsDir, 'payload-types.ts') },
  telemetry: false,
})
