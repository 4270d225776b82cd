import { useCallback, useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useT } from '../../i18n'

type Pools = MethodOutput<'succession.pools'>

/** Named groups of people to develop together, made from the latest calibration session's box 9 or hidden gems. */
export function PoolsPanel({ onError }: { onError: (e: unknown) => void }): React.JSX.Element {
  const t = useT()
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
    <section aria-label={t.t('succession.pools.title')}>
      <h2>{t.t('succession.pools.title')}</h2>
      <form
        className="pool-form"
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
          aria-label={t.t('succession.pools.name')}
          placeholder={t.t('succession.pools.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <select
          aria-label={t.t('succession.pools.members')}
          value={source}
          onChange={(e) => setSource(e.target.value as typeof source)}
        >
          <option value="gems">{t.t('succession.pools.gems')}</option>
          <option value="box9">{t.t('succession.pools.box9')}</option>
        </select>
        <button type="submit" className="secondary" disabled={name.trim() === ''}>
          {t.t('succession.pools.create')}
        </button>
      </form>
      <ul>
        {pools.map((p) => (
          <li key={p.poolId}>
            <strong>{p.name}</strong> <span className="muted">({t.number(p.members.length)})</span>{' '}
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
              {t.t('succession.pools.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
