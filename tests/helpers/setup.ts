// Runs before each integration test file: give the file a database of its own.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
// A folder per test file: its database and uploaded media go away with it (see shutdownPayload).
const tmp = path.resolve('tests/.tmp', id)
fs.mkdirSync(tmp, { recursive: true })

process.env.PAYLOAD_SECRET = 'integration-test-secret'
process.env.ESUKO_DATA_DIR = tmp

const mongoBase = process.env.ESUKO_TEST_MONGO_URI
if (mongoBase) {
  const url = new URL(mongoBase)
  url.pathname = `/esuko_test_${id}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = `file:${path.join(tmp, 'test.db')}`
}
