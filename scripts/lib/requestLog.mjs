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

// The time of a line, formatted once per millisecond: a busy process writes several lines in each, and formatting a
// date costs more than the rest of the line.
let isoMs = 0
let iso = ''
function lineTime() {
  const ms = Date.now()
  if (ms !== isoMs) {
    isoMs = ms
    iso = new Date(ms).toISOString()
  }
  return iso
}

/**
 * Writes the line when the response closes (finished or aborted).
 * @param {{ role: 'admin' | 'site', port: number }} process_
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ requestId: string, clientAddress: string }} context from resolveForwarded (scripts/forwarded.mjs)
 */
export function logRequestOnClose({ role, port }, req, res, context) {
  const started = performance.now()
  res.on('close', () => {
    // The same line JSON.stringify would write for these keys in this order, built by hand: a busy site process
    // writes thousands a second, and only the strings a client chose need escaping.
    const url = req.url ?? ''
    const query = url.indexOf('?')
    const ms = Math.round((performance.now() - started) * 10) / 10
    const aborted = res.writableFinished ? '' : ',"aborted":true'
    pending.push(
      `{"time":"${lineTime()}","role":"${role}","port":${port},"pid":${process.pid},"id":${JSON.stringify(context.requestId)},"method":${JSON.stringify(req.method)},"path":${JSON.stringify(query < 0 ? url : url.slice(0, query))},"status":${res.statusCode},"ms":${ms},"client":${JSON.stringify(context.clientAddress)}${aborted}}\n`,
    )
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  })
}
