// Plain `tsc` does not know .astro files (Astro's editor tooling does); the container renders them as factories.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js'

  const component: AstroComponentFactory
  export default component
}
