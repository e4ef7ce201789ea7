// The project's existing style (no semicolons, single quotes, trailing commas). 140 columns: every code line
// over 160 gets broken, with the least churn of the widths tried (120: ~8,000 changed lines; 140: ~5,700).
/** @type {import('prettier').Config} */
export default {
  semi: false,
  singleQuote: true,
  trailingComma: 'all',
  printWidth: 140,
  plugins: ['prettier-plugin-astro'],
}
