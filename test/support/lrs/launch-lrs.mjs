// A real Learning Record Store for tests: Learning Locker's statements service (xapi-statements, GPL-3.0, a
// devDependency run in its own process, never bundled), composed here so that it
//  - listens on 127.0.0.1 only (its own server.js binds every interface),
//  - checks HTTP Basic credentials (its `test` auth repo accepts anything, so 401 paths could not be tested),
//  - can be told to drop every connection after N statement pages (LRS_DROP_AFTER_PAGES) until
//    POST /__control/heal, to test a server lost mid-pull and a pull resumed once it is back.
// Prints `listening <port>` on stdout when ready. Memory repos: the store lives and dies with the process.
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

// The service is CommonJS; load it the CommonJS way.
const load = createRequire(import.meta.url)
process.env.MODELS_REPO = 'memory'
process.env.STORAGE_REPO = 'memory'
process.env.AUTH_REPO = 'test'
process.env.EVENTS_REPO = 'test'
process.env.WINSTON_CONSOLE_LEVEL = process.env.WINSTON_CONSOLE_LEVEL || 'error'
process.env.EXPRESS_MORGAN_DIRECTORY = process.env.EXPRESS_MORGAN_DIRECTORY || tmpdir()

const dist = join(dirname(load.resolve('xapi-statements/package.json')), 'dist')
const express = load('express')
const config = load(`${dist}/config`).default
const constants = load(`${dist}/utils/constants`)
const presenterFacade = load(`${dist}/expressPresenter`).default({
  llClientInfoEndpoint: config.llClientInfoEndpoint,
  customRoute: config.express.customRoute,
  customRouteText: config.express.customRouteText,
  morganDirectory: config.express.morganDirectory,
  bodyParserLimit: '50mb',
  service: load(`${dist}/serviceFactory`).default(),
  tracker: load(`${dist}/tracker`).default,
  translator: load(`${dist}/translatorFactory`).default(),
  logger: load(`${dist}/logger`).default,
})

const key = process.env.LRS_KEY || 'ninefold'
const secret = process.env.LRS_SECRET || 'secret'
const expected = 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64')
let dropAfterPages = Number(process.env.LRS_DROP_AFTER_PAGES || 0)
// A slow server (LRS_PAGE_DELAY_MS per statements page), so a person can watch a pull's progress.
const pageDelayMs = Number(process.env.LRS_PAGE_DELAY_MS || 0)
let pagesServed = 0

const app = express()
app.use((req, res, next) => {
  if (req.headers.authorization !== expected) {
    res.status(401).json({ message: 'Unauthorised' })
    return
  }
  if (req.method === 'POST' && req.path === '/__control/heal') {
    dropAfterPages = 0
    res.status(204).end()
    return
  }
  if (req.method === 'GET' && req.path.startsWith(constants.statementsRoute)) {
    pagesServed++
    // Tests follow a pull's progress by these lines (e.g. to kill the puller mid-way).
    process.stdout.write(`page ${pagesServed}\n`)
  }
  if (dropAfterPages > 0 && req.method === 'GET' && req.path.startsWith(constants.statementsRoute)) {
    // As a server that went away looks to a client: the connection closes with no answer.
    if (pagesServed > dropAfterPages) return req.socket.destroy()
  }
  if (pageDelayMs > 0 && req.method === 'GET' && req.path.startsWith(constants.statementsRoute)) {
    setTimeout(next, pageDelayMs)
    return
  }
  next()
})
app.use(constants.aboutRoute, presenterFacade.aboutRouter)
app.use(constants.statementsRoute, presenterFacade.statementsRouter)
const server = app.listen(Number(process.env.LRS_PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`)
})
process.on('SIGTERM', () => process.exit(0))
process.on('disconnect', () => process.exit(0))
