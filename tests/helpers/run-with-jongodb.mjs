// MongoDB smoke run: starts the in-memory, wire-compatible jongodb server from npm, runs the given
// command against it (each test file gets its own database), then stops it. Known gaps: DEVELOPERS.md.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const pkg = path.dirname(require.resolve('@jongodb/memory-server-bin-linux-x64-gnu/package.json'))
const server = spawn(path.join(pkg, 'bin', 'jongodb'), ['--host=127.0.0.1', '--port=0', '--database=esuko'], {
  stdio: ['ignore', 'pipe', 'inherit'],
})

const uri = await new Promise((resolve, reject) => {
  let buffered = ''
  const timer = setTimeout(() => reject(new Error('jongodb did not print JONGODB_URI within 20 s')), 20_000)
  server.stdout.on('data', (chunk) => {
    buffered += chunk
    const match = buffered.match(/JONGODB_URI=(\S+)/)
    if (match) {
      clearTimeout(timer)
      resolve(match[1])
    }
  })
  server.on('exit', (code) => reject(new Error(`jongodb exited early (${code})`)))
})
console.log(`MongoDB smoke run against jongodb at ${uri}`)

const [command, ...args] = process.argv.slice(2)
const child = spawn(path.resolve('node_modules/.bin', command), args, {
  stdio: 'inherit',
  env: { ...process.env, ESUKO_TEST_MONGO_URI: uri, ESUKO_TEST_JONGODB: '1' },
})
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))))
server.kill()
process.exit(code)
