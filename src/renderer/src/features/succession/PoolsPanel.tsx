import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'

type Pools = MethodOutput<'succession.pools'>

/** Named groups of people to develop together, made from the latest calibration session's box 9 or hidden gems. */
export function PoolsPanel({ onError }: { onError: (e: unknown) => void }): React.JSX.Element {
  const [pools, setPools] = useState<Pools>([])
  const [name, setName] = useState('')
  const [source, setSource] = useState<'box9' | 'gems'>('gems')
  const load = useCallback(() => {
    api.call('succession.pools').then(setPools, onError)
  }, [onError])
  useEffect(() => {
    api.call('succession.pools').then(setPools, onError)
  }, [onError])
  return (
    <section aria-label="Talent pools">
      <h3>Talent pools</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          api
            .call('succession.createPool', {
              name: name.trim(),
              ...(source === 'box9' ? { fromBox: 9 } : { fromFlag: 'HIDDEN_GEM' }),
            })
            .then(() => {
              setName('')
              load()
            }, onError)
        }}
      >
        <input
          aria-label="Pool name"
          placeholder="Pool name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />{' '}
        <select
          aria-label="Pool members"
          value={source}
          onChange={(e) => setSource(e.target.value as typeof source)}
        >
          <option value="gems">hidden gems of the latest calibration</option>
          <option value="box9">box 9 of the latest calibration</option>
        </select>{' '}
        <button type="submit" className="secondary" disabled={name.trim() === ''}>
          Create pool
        </button>
      </form>
      <ul>
        {pools.map((p) => (
          <li key={p.poolId}>
            <strong>{p.name}</strong> <span className="muted">({p.members.length})</span>{' '}
            <span className="small">
              {p.members
                .slice(0, 8)
                .map((m) => m.name)
                .join(', ')}
              {p.members.length > 8 ? ', …' : ''}
            </span>{' '}
            <button
              type="button"
              className="link"
              onClick={() => api.call('succession.deletePool', { poolId: p.poolId }).then(load, onError)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
