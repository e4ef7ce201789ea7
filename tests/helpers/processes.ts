import { spawn } from 'node:child_process'
import path from 'node:path'

export type WorkerResult = { ok: boolean; value?: unknown; error?: string }

/**
 * Runs tests/helpers/sharedStateWorker.ts in separate Node processes on this test file's database (same
 * DATABASE_URI, secret and data folder): real concurrent writers, as several site processes would be. Each
 * boots Payload, then all are told to go at the same moment; resolves with every worker's results.
 */
export async function runWorkers(tasks: Record<string, unknown>[], timeoutMs = 90_000): Promise<WorkerResult[][]> {
  const workers = tasks.map((task) => {
    const child = spawn(path.resolve('node_modules/.bin/payload'), ['run', 'tests/helpers/sharedStateWorker.ts'], {
      env: { ...process.env, ESUKO_WORKER_TASK: JSON.stringify(task) },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let markReady: () => void
    const ready = new Promise<void>((r) => (markReady = r))
    child.stdout.on('data', (c) => {
      out += c
      if (out.includes('WORKER_READY')) markReady()
    })
    child.stderr.on('data', (c) => (err += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    const done = new Promise<WorkerResult[]>((resolve, reject) => {
      child.on('exit', (code) => {
        clearTimeout(timer)
        markReady()
        const line = out.split('\n').find((l) => l.startsWith('WORKER_RESULT '))
        if (code !== 0 || !line) return reject(new Error(`worker exited ${code}: ${err.slice(-2000)}${out.slice(-2000)}`))
        resolve(JSON.parse(line.slice('WORKER_RESULT '.length)) as WorkerResult[])
      })
    })
    return { child, ready, done }
  })
  await Promise.all(workers.map((w) => w.ready))
  for (const { child } of workers) child.stdin.end('go\n')
  return Promise.all(workers.map((w) => w.done))
}
