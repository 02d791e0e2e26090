// A real AT Protocol (Bluesky) network on loopback for Rapport's tests.
//
//   ATPROTO_DB_POSTGRES_URL=postgresql://user:pw@127.0.0.1:55432/atproto node network.mjs READY_FILE
//
// Starts @atproto/dev-env's TestNetwork (PLC directory, PDS, Bluesky AppView and Ozone, which
// TestNetwork always brings) with every server bound to 127.0.0.1, creates the accounts
// alice.test and bob.test with an app password each, and writes READY_FILE (or
// $ATPROTO_READY_FILE) as JSON once everything is indexed:
//
//   { "pdsUrl", "appviewUrl", "plcUrl", "ozoneUrl", "controlUrl", "pid",
//     "alice": { "handle", "did", "password", "appPassword" }, "bob": { ... } }
//
// controlUrl serves POST /process-all (waits until the AppView has indexed every write, 204) and
// POST /shutdown (202, then stops). The process also stops on SIGTERM, SIGINT and when its
// standard input closes (set ATPROTO_WATCH_STDIN=0 to run it by hand with stdin on /dev/null).
// It keeps its files in a folder of its own under TMPDIR and deletes it, the AppView's and
// Ozone's PostgreSQL schemas and the ready file when it stops.
import fs from 'node:fs'
import http from 'node:http'
import dns from 'node:dns'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

const LOOPBACK = '127.0.0.1'
const started = Date.now()
const log = (...args) => console.log(`[atproto-network +${Date.now() - started}ms]`, ...args)

const readyFile = process.argv[2] || process.env.ATPROTO_READY_FILE
const dbPostgresUrl = process.env.ATPROTO_DB_POSTGRES_URL
if (!readyFile || !dbPostgresUrl) {
  console.error('usage: ATPROTO_DB_POSTGRES_URL=postgresql://... node network.mjs READY_FILE')
  process.exit(2)
}

// dev-env calls listen(port) on every server, which binds all interfaces: bind loopback instead.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const first = args[0]
  if (first === undefined || first === null || typeof first === 'function') {
    args.splice(0, first === undefined || first === null ? 1 : 0, 0, LOOPBACK)
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, LOOPBACK)
  } else if (typeof first === 'object' && first.path === undefined && first.fd === undefined &&
      first.handle === undefined && first._handle === undefined && first.host === undefined) {
    args[0] = { ...first, host: LOOPBACK }
  }
  return listen.apply(this, args)
}
// dev-env's URLs say "localhost": resolve it to the address the servers listen on.
dns.setDefaultResultOrder('ipv4first')

// The AppView wants a Redis host but never connects to it in this set-up.
process.env.REDIS_HOST ||= `${LOOPBACK}:1`
process.env.LOG_ENABLED ||= 'false'
// dev-env puts the PDS's repositories and blobs under os.tmpdir(): give it a folder of our own.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-atproto-'))
process.env.TMPDIR = workDir
// Schemas of our own, so that runs sharing one database never see each other's data (the AppView
// accepts letters and underscores only).
const schema = 'rapport_' + [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('')

const { TestNetwork } = (await import('@atproto/dev-env')).default
const pg = (await import('pg')).default

let network
let control
let stopping

async function stop(code, reason) {
  if (stopping) return stopping
  stopping = (async () => {
    log(`stopping (${reason})`)
    const force = setTimeout(() => {
      log('stopping took too long, exiting')
      cleanUpFiles()
      process.exit(code || 1)
    }, 20_000)
    force.unref()
    try {
      control?.close()
      control?.closeAllConnections?.()
      if (network) await network.close()
    } catch (e) {
      log('error while closing the network:', e)
    }
    await dropSchemas()
    cleanUpFiles()
    log('stopped')
    process.exit(code)
  })()
  return stopping
}

async function dropSchemas() {
  const client = new pg.Client({ connectionString: dbPostgresUrl })
  try {
    await client.connect()
    for (const name of [`appview_${schema}`, `ozone_${schema}`]) {
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
    }
  } catch (e) {
    log('could not drop the PostgreSQL schemas:', e.message)
  } finally {
    await client.end().catch(() => {})
  }
}

function cleanUpFiles() {
  fs.rmSync(workDir, { recursive: true, force: true })
  fs.rmSync(readyFile, { force: true })
}

process.on('SIGTERM', () => stop(0, 'SIGTERM'))
process.on('SIGINT', () => stop(0, 'SIGINT'))
process.on('unhandledRejection', (e) => log('unhandled rejection:', e))
if (process.env.ATPROTO_WATCH_STDIN !== '0') {
  process.stdin.on('end', () => stop(0, 'standard input closed'))
  process.stdin.on('error', () => stop(0, 'standard input closed'))
  process.stdin.resume()
}

async function xrpc(service, nsid, body, accessJwt) {
  const headers = { 'content-type': 'application/json' }
  if (accessJwt) headers.authorization = `Bearer ${accessJwt}`
  const res = await fetch(`${service}/xrpc/${nsid}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${nsid} answered ${res.status}: ${text}`)
  return text ? JSON.parse(text) : {}
}

async function createAccount(pdsUrl, name, displayName) {
  const handle = `${name}.test`
  const password = `${name}-password`
  const session = await xrpc(pdsUrl, 'com.atproto.server.createAccount', {
    handle,
    email: `${name}@rapport.test`,
    password,
  })
  await xrpc(pdsUrl, 'com.atproto.repo.createRecord', {
    repo: session.did,
    collection: 'app.bsky.actor.profile',
    rkey: 'self',
    record: { $type: 'app.bsky.actor.profile', displayName },
  }, session.accessJwt)
  const appPassword = await xrpc(pdsUrl, 'com.atproto.server.createAppPassword',
    { name: 'rapport-tests' }, session.accessJwt)
  return { handle, did: session.did, password, appPassword: appPassword.password }
}

function serveControl() {
  const server = http.createServer((req, res) => {
    const answer = (status, text) => {
      res.writeHead(status, text ? { 'content-type': 'text/plain' } : {})
      res.end(text)
    }
    req.resume()
    if (req.method === 'POST' && req.url === '/process-all') {
      network.processAll(30_000)
        .then(() => answer(204))
        .catch((e) => answer(500, `processAll failed: ${e.stack || e}\n`))
    } else if (req.method === 'POST' && req.url === '/shutdown') {
      answer(202, 'stopping\n')
      setImmediate(() => stop(0, 'POST /shutdown'))
    } else if (req.method === 'GET' && req.url === '/health') {
      answer(200, 'ok\n')
    } else {
      answer(404, 'POST /process-all or POST /shutdown\n')
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, LOOPBACK, () => resolve(server))
  })
}

try {
  log(`starting TestNetwork (PostgreSQL schemas appview_${schema}, ozone_${schema})`)
  network = await TestNetwork.create({ dbPostgresUrl, dbPostgresSchema: schema })
  if (stopping) await stopping
  log(`network up: PDS ${network.pds.url}, AppView ${network.bsky.url}, PLC ${network.plc.url}`)
  const alice = await createAccount(network.pds.url, 'alice', 'Alice')
  const bob = await createAccount(network.pds.url, 'bob', 'Bob')
  await network.processAll()
  control = await serveControl()
  const ready = {
    pdsUrl: network.pds.url,
    appviewUrl: network.bsky.url,
    plcUrl: network.plc.url,
    ozoneUrl: network.ozone.url,
    controlUrl: `http://${LOOPBACK}:${control.address().port}`,
    pid: process.pid,
    alice,
    bob,
  }
  const partial = `${readyFile}.${process.pid}.tmp`
  fs.writeFileSync(partial, JSON.stringify(ready, null, 2) + '\n')
  fs.renameSync(partial, readyFile)
  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024)
  log(`ready in ${Date.now() - started} ms, RSS ${rss} MiB, ready file ${readyFile}`)
} catch (e) {
  log('could not start the network:', e)
  await stop(1, 'start-up failed')
}
