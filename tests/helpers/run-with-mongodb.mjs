// `npm run test:mongo`: the integration suite on a real MongoDB. MONGODB_URI names a server (a replica
// set enables transactions); without it a throwaway replica set comes from mongodb-memory-server,
// which downloads mongod on first use and so needs internet access.
import { spawn } from 'node:child_process'
import path from 'node:path'

let uri = process.env.MONGODB_URI
let replSet
if (!uri) {
  try {
    const { MongoMemoryReplSet } = await import('mongodb-memory-server-core')
    replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } })
    uri = replSet.getUri()
  } catch (error) {
    console.error(
      'MongoDB を起動できませんでした。MONGODB_URI=mongodb://… を指定するか、インターネットに接続できる環境で実行してください。\n' +
        `Could not start mongodb-memory-server (it downloads mongod): ${error.message}`,
    )
    process.exit(1)
  }
}
console.log(`Integration suite against MongoDB at ${uri.replace(/\/\/[^@]*@/, '//***@')}`)

const [command, ...args] = process.argv.slice(2)
const child = spawn(path.resolve('node_modules/.bin', command), args, {
  stdio: 'inherit',
  env: { ...process.env, ESUKO_TEST_MONGO_URI: uri },
})
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))))
await replSet?.stop()
process.exit(code)
