import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { Evidence, MethodOutput } from '../../src/shared/contract'
import { english, translate, type Message } from '../../src/shared/i18n/translate'
import { AppError } from '../../src/shared/result'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** A message says the same in English as the sentence beside it, and reads fully in Polish. */
function agrees(text: Message | undefined, sentence: string): void {
  expect(text, sentence).toBeDefined()
  if (!text) return
  expect(english(text)).toBe(sentence)
  const polish = translate('pl', text.key, text.params)
  expect(polish, sentence).not.toMatch(/\{\w+\}|calibration\./)
}
const evidenceAgrees = (items: readonly Evidence[]): void => {
  for (const e of items) {
    agrees(e.labelText, e.label)
    agrees(e.valueText, e.value)
  }
}

describe('calibration in the user’s language', () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Calibration', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 11 })
  })
  afterEach(() => services.dispose())

  it('gives every flag, explanation, record and log line as a message that reads the same in English', async () => {
    for (const source of ['agility', 'manager', 'blend'] as const) {
      const { sessionId } = await client.call('calibration.create', {
        name: source,
        settings: { potential: { ...defaultPotential, source } },
      })
      const view = await client.call('calibration.show', { sessionId })
      for (const r of view.raters) agrees(r.rationaleText, r.rationale)
      for (const h of view.holding) {
        agrees(h.explanationText, h.explanation)
        for (const f of h.flags) agrees(f.text, f.rationale)
      }
      const first = view.placements[0]
      if (!first) throw new Error('nobody placed')
      // A move two steps against the data raises its flag, with the move as its record.
      const target = first.computedBox <= 5 ? 9 : 1
      await client.call('calibration.move', {
        sessionId,
        employeeIds: [first.employeeId],
        box: target,
        reasonCode: 'other',
        reason: 'Checked with the team',
      })
      await client.call('calibration.setBlind', { sessionId, blind: true })
      const moved = await client.call('calibration.show', { sessionId })
      const codes = new Set(moved.placements.flatMap((p) => p.flags.map((f) => f.code)))
      const flagged = [...codes].flatMap((code) =>
        moved.placements.filter((p) => p.flags.some((f) => f.code === code)).slice(0, 4),
      )
      for (const p of [...flagged, ...moved.placements.slice(0, 5)]) {
        for (const f of p.flags) agrees(f.text, f.rationale)
        const detail = await client.call('calibration.person', { sessionId, employeeId: p.employeeId })
        for (const axis of [detail.performance, detail.potential]) {
          agrees(axis.explanationText, axis.explanation)
          evidenceAgrees(axis.evidence)
        }
        agrees(detail.agility.explanationText, detail.agility.explanation)
        for (const c of detail.agility.components) {
          agrees(c.explanationText, c.explanation)
          evidenceAgrees(c.evidence)
        }
        for (const f of detail.flags) {
          agrees(f.text, f.rationale)
          evidenceAgrees(f.evidence)
        }
      }
      expect(moved.placements.some((p) => p.flags.some((f) => f.code === 'MOVED_AGAINST_EVIDENCE'))).toBe(
        true,
      )
      const log: MethodOutput<'calibration.log'> = await client.call('calibration.log', { sessionId })
      for (const entry of log) agrees(entry.summaryText, entry.summary)
    }
  })

  it('gives service errors as messages, in English as before', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Errors' })
    const refused = await client
      .call('calibration.move', {
        sessionId,
        employeeIds: ['NOBODY'],
        box: 5,
        reasonCode: 'other',
        reason: 'Checked with the team',
      })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).message).toBe('NOBODY is not in this session.')
    expect(
      translate(
        'pl',
        (refused as AppError).text?.key ?? 'calibration.box',
        (refused as AppError).text?.params,
      ),
    ).toBe('NOBODY nie uczestniczy w tej sesji.')
  })
})

const defaultPotential = {
  agilityWeight: 0.5,
  cuts: { mode: 'percentile' as const, low: 30, high: 80 },
  managerScale: { min: 1, max: 3 },
}
