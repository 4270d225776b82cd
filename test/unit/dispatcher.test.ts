import { describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '../../src/main/rpc/dispatcher'
import { contract, EVENT_NAMES, events, METHOD_NAMES } from '../../src/shared/contract'
import { AppError } from '../../src/shared/result'

/** Handlers that all behave the same way, for exercising the dispatcher alone. */
function handlersThat(behaviour: (method: string, input: unknown) => unknown): Handlers {
  return new Proxy({} as Handlers, {
    get: (_t, method: string) => (input: unknown) => behaviour(method, input),
  })
}

describe('contract', () => {
  it('names every method domain.verb and derives the name list from the contract', () => {
    expect(METHOD_NAMES).toEqual(Object.keys(contract))
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/)
    for (const name of EVENT_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/)
    expect(EVENT_NAMES).toEqual(Object.keys(events))
  })

  it('gives every method an input schema, an output schema and a summary', () => {
    for (const name of METHOD_NAMES) {
      const spec = contract[name]
      expect(typeof spec.input.safeParse, name).toBe('function')
      expect(typeof spec.output.safeParse, name).toBe('function')
      expect(spec.summary.length, name).toBeGreaterThan(10)
    }
  })
})

describe('dispatcher', () => {
  it('passes parsed input (defaults filled in) to the handler and wraps the output', async () => {
    let received: unknown
    const dispatcher = createDispatcher(
      handlersThat((_m, input) => {
        received = input
        return { total: 0, rows: [] }
      }),
    )
    await expect(dispatcher.dispatch('people.list', {})).resolves.toEqual({
      ok: true,
      value: { total: 0, rows: [] },
    })
    expect(received).toEqual({
      offset: 0,
      limit: 100,
      sort: { field: 'fullName', direction: 'asc' },
      filter: {},
    })
  })

  it('turns AppErrors into error envelopes with their code, message and details', async () => {
    const dispatcher = createDispatcher(
      handlersThat(() => {
        throw new AppError('WRONG_KEY', 'That passphrase does not open this workspace.', {
          path: '/w.ninefold',
        })
      }),
    )
    await expect(
      dispatcher.dispatch('workspace.open', { path: '/w.ninefold', passphrase: 'x' }),
    ).resolves.toEqual({
      ok: false,
      error: {
        code: 'WRONG_KEY',
        message: 'That passphrase does not open this workspace.',
        details: { path: '/w.ninefold' },
      },
    })
  })

  it('hides unexpected errors: INTERNAL, no stack, no SQL; the real error goes to the log', async () => {
    const logged: unknown[] = []
    const dispatcher = createDispatcher(
      handlersThat(() => {
        throw new Error('SQLITE_ERROR: no such column secret_salary in SELECT secret_salary FROM people')
      }),
      { onInternalError: (_method, error) => logged.push(error) },
    )
    const result = await dispatcher.dispatch('people.facets', {})
    expect(result.ok).toBe(false)
    const text = JSON.stringify(result)
    expect(text).not.toMatch(/SELECT|secret_salary|at |\.ts:/)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logged).toHaveLength(1)
  })

  it('treats a handler returning the wrong shape as a bug (INTERNAL), not as data', async () => {
    const dispatcher = createDispatcher(
      handlersThat(() => ({ total: 'many' })),
      { onInternalError: () => undefined },
    )
    await expect(dispatcher.dispatch('people.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })

  it('refuses unknown methods, including prototype names', async () => {
    const dispatcher = createDispatcher(handlersThat(() => ({})))
    for (const name of ['people.drop', 'constructor', '__proto__', 'toString']) {
      await expect(dispatcher.dispatch(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      })
    }
  })
})
