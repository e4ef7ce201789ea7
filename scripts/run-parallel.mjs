// node scripts/run-parallel.mjs <npm script> <npm script> …: runs npm scripts at the same time, each output line
// prefixed with its script's name, and fails if any of them fails. `npm test` runs the two integration runs (SQLite and
// the jongodb smoke run) this way: each is a single file at a time and mostly one core, so together they use the
// second core and CI stays within its time.
import { spawn } from 'node:child_process'
import readline from 'node:readline'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs <npm script> …')
  process.exit(2)
}

const started = Date.now()
const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`))
      }
      child.on('exit', (code, signal) => {
        const seconds = Math.round((Date.now() - started) / 1000)
        console.log(`[${name}] finished with ${signal ?? `exit code ${code}`} after ${seconds} s`)
        resolve(code === 0 ? 0 : 1)
      })
    }),
)
const codes = await Promise.all(runs)
process.exit(codes.some((c) => c !== 0) ? 1 : 0)
