import path from 'node:path'

// Astro bundles this module into dist/, so paths come from env or the working directory, never import.meta.url.
export const projectRoot = (): string => path.resolve(process.env.ESUKO_ROOT ?? process.cwd())

export const dataDir = (): string => path.resolve(process.env.ESUKO_DATA_DIR ?? path.join(projectRoot(), 'data'))
