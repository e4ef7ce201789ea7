// One JSON line per request on stdout, the same for the admin and every site process: which process answered, what,
// how fast, for whom, under which request id (the proxy's X-Request-Id, so its log and ours can be joined).

// The lines of one turn of the event loop go out in one write: a write per request was 6–9 % of a busy site
// process's time (a synchronous write when stdout is a file). What is still pending goes out as the process exits.
let pending = []
let scheduled = false
function flush() {
  scheduled = false
  if (!pending.length) return
  const text = pending.join('')
  pending = []
  process.stdout.write(text)
}
process.on('exit', flush)

/**
 * Writes the line when the response closes (finished or aborted).
 * @param {{ role: 'admin' | 'site', port: number }} process_
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ requestId: string, clientAddress: string }} context from resolveForwarded (scripts/forwarded.mjs)
 */
export function logRequestOnClose({ role, port }, req, res, context) {
  const started = performance.now()
  res.once('close', () => {
    const line = {
      time: new Date().toISOString(),
      role,
      port,
      pid: process.pid,
      id: context.requestId,
      method: req.method,
      path: (req.url ?? '').split('?')[0],
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      client: context.clientAddress,
    }
    if (!res.writableFinished) line.aborted = true
    pending.push(`${JSON.stringify(line)}\n`)
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  })
}
