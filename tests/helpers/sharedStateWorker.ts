// A second (third, …) Payload process on the test file's own database, for tests of state shared between
// processes (tests/helpers/processes.ts starts it with `payload run`). Reads its task from ESUKO_WORKER_TASK,
// says READY once booted and waits for `go` on stdin so that every worker writes at once, prints one JSON line of results.
import config from '@payload-config'
import { getPayload } from 'payload'

import { hitCounter } from '../../cms/lib/sharedCounters'

type Task =
  | { kind: 'register'; event: number | string; count: number; partySize: number }
  | { kind: 'hit'; key: string; count: number }
  | { kind: 'cheer'; story: number | string; dedupeKey: string; count: number }

const task = JSON.parse(process.env.ESUKO_WORKER_TASK ?? '{}') as Task
const payload = await getPayload({ config })
process.stdout.write('\nWORKER_READY\n')
await new Promise((resolve) => process.stdin.once('data', resolve))

const settle = (n: number, run: (i: number) => Promise<unknown>) =>
  Promise.allSettled(Array.from({ length: n }, (_, i) => run(i))).then((all) =>
    all.map((r) => (r.status === 'fulfilled' ? { ok: true, value: r.value } : { ok: false, error: String((r.reason as Error)?.message ?? r.reason) })),
  )

let results: unknown[] = []
if (task.kind === 'register') {
  results = await settle(task.count, (i) =>
    payload
      .create({
        collection: 'event-registrations',
        data: { event: task.event, nickname: `worker ${process.pid} ${i}`, partySize: task.partySize, town: 'outside', contact: { phone: '0854-00-0000', consentAt: new Date().toISOString() } } as never,
        overrideAccess: false,
        context: { channel: 'site' },
        depth: 0,
      })
      .then((doc) => doc.id),
  )
} else if (task.kind === 'hit') {
  results = await settle(task.count, () => hitCounter(payload, task.key, new Date(Date.now() + 600_000)))
} else if (task.kind === 'cheer') {
  results = await settle(task.count, () =>
    payload.create({ collection: 'cheers', data: { story: task.story, dedupeKey: task.dedupeKey } as never, overrideAccess: false, context: { channel: 'site' }, depth: 0 }).then((doc) => doc.id),
  )
}
// Exit once the line is out: closing the database adds nothing to the test.
process.stdout.write(`\nWORKER_RESULT ${JSON.stringify(results)}\n`, () => process.exit(0))
