import { useEffect, useState } from 'react'
import type { MethodInput, MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { FacetSelect } from '../../components/FacetSelect'
import { useT } from '../../i18n'
import { RollupPicker } from './RollupPicker'

type Cycles = MethodOutput<'calibration.cycles'>
type Sessions = MethodOutput<'calibration.list'>
type Facets = MethodOutput<'people.facets'>
type CreateInput = MethodInput<'calibration.create'>

const DEFAULT_TARGETS = [5, 10, 10, 10, 30, 10, 5, 10, 10]

/**
 * Name, cycle and scope — or the finalized sessions a roll-up is made of — plus the session's rules (cut points,
 * potential source, targets) under "Settings".
 */
export function CreateSessionForm({
  onCreate,
}: {
  onCreate: (input: CreateInput) => void
}): React.JSX.Element {
  const [cycles, setCycles] = useState<Cycles>([])
  const [facets, setFacets] = useState<Facets>({ departments: [], locations: [], jobLevels: [] })
  const [name, setName] = useState('')
  const [cycle, setCycle] = useState('')
  const [department, setDepartment] = useState('')
  const [location, setLocation] = useState('')
  const [jobLevel, setJobLevel] = useState('')
  const [manager, setManager] = useState('')
  const [potentialSource, setPotentialSource] = useState<'agility' | 'manager' | 'blend' | 'assessment'>(
    'agility',
  )
  const [lowMax, setLowMax] = useState(2)
  const [highMin, setHighMin] = useState(4)
  const [targets, setTargets] = useState(DEFAULT_TARGETS)
  const [enforce, setEnforce] = useState(false)
  const [tenure, setTenure] = useState(6)
  /** A roll-up starts from finalized sessions instead of a scope. */
  const [rollup, setRollup] = useState(false)
  const [finalized, setFinalized] = useState<Sessions>([])
  const [from, setFrom] = useState<ReadonlySet<string>>(new Set())
  const { t } = useT()

  useEffect(() => {
    Promise.all([
      api.call('calibration.cycles'),
      api.call('people.facets'),
      api.call('calibration.list'),
    ]).then(
      ([c, f, s]) => {
        setCycles(c)
        setFacets(f)
        setFinalized(s.filter((session) => session.status === 'finalized'))
      },
      () => undefined,
    )
  }, [])

  const total = targets.reduce((a, b) => a + b, 0)
  const valid = name.trim() !== '' && highMin > lowMax && total > 0 && (!rollup || from.size > 0)
  return (
    <form
      className="create-session"
      onSubmit={(e) => {
        e.preventDefault()
        if (!valid) return
        onCreate({
          name: name.trim(),
          ...(rollup
            ? { scope: {}, from: finalized.map((f) => f.sessionId).filter((id) => from.has(id)) }
            : {
                ...(cycle ? { cycle } : {}),
                scope: {
                  ...(department ? { department } : {}),
                  ...(location ? { location } : {}),
                  ...(jobLevel ? { jobLevel } : {}),
                  ...(manager.trim() ? { manager: manager.trim() } : {}),
                },
              }),
          settings: {
            performanceCuts: { lowMax, highMin },
            potential: {
              source: potentialSource,
              agilityWeight: 0.5,
              cuts: { mode: 'percentile', low: 30, high: 80 },
              managerScale: { min: 1, max: 3 },
            },
            targets: Object.fromEntries(targets.map((share, i) => [String(i + 1), share])),
            enforceTargets: enforce,
            minTenureMonths: tenure,
          },
        })
      }}
    >
      <h3>{t('calibration.create.title')}</h3>
      <label>
        {t('calibration.create.name')}{' '}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          placeholder={t('calibration.create.namePlaceholder')}
        />
      </label>
      <fieldset className="start-from">
        <legend>{t('calibration.rollup.startFrom')}</legend>
        <label className="inline">
          <input type="radio" name="start-from" checked={!rollup} onChange={() => setRollup(false)} />{' '}
          {t('calibration.rollup.fromScope')}
        </label>
        <label className="inline">
          <input type="radio" name="start-from" checked={rollup} onChange={() => setRollup(true)} />{' '}
          {t('calibration.rollup.fromSessions')}
        </label>
      </fieldset>
      {rollup ? (
        <RollupPicker sessions={finalized} picked={from} onChange={setFrom} />
      ) : (
        <>
          <label>
            {t('calibration.create.cycle')}
            <select value={cycle} onChange={(e) => setCycle(e.target.value)}>
              <option value="">
                {cycles[0]
                  ? t('calibration.create.latestNamed', { name: cycles[0].name })
                  : t('calibration.create.latest')}
              </option>
              {cycles.map((c) => (
                <option key={c.name} value={c.name}>
                  {t('calibration.create.cycleOption', {
                    name: c.name,
                    rated: c.rated,
                    min: c.scaleMin,
                    max: c.scaleMax,
                  })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('calibration.create.department')}
            <FacetSelect
              value={department}
              onChange={setDepartment}
              options={facets.departments}
              allLabel={t('calibration.create.everyone')}
            />
          </label>
          <label>
            {t('calibration.create.location')}
            <FacetSelect
              value={location}
              onChange={setLocation}
              options={facets.locations}
              allLabel={t('calibration.create.everywhere')}
            />
          </label>
          <label>
            {t('calibration.create.jobLevel')}
            <FacetSelect
              value={jobLevel}
              onChange={setJobLevel}
              options={facets.jobLevels}
              allLabel={t('calibration.create.everyLevel')}
            />
          </label>
          <label>
            {t('calibration.create.manager')}
            <input
              value={manager}
              onChange={(e) => setManager(e.target.value)}
              placeholder={t('calibration.create.managerPlaceholder')}
            />
          </label>
        </>
      )}
      <details className="session-settings">
        <summary>{t('calibration.create.settings')}</summary>
        <div className="settings-grid">
          <label>
            {t('calibration.create.potentialFrom')}
            <select
              value={potentialSource}
              onChange={(e) => setPotentialSource(e.target.value as typeof potentialSource)}
            >
              <option value="agility">{t('calibration.create.source.agility')}</option>
              <option value="manager">{t('calibration.create.source.manager')}</option>
              <option value="blend">{t('calibration.create.source.blend')}</option>
              <option value="assessment">{t('calibration.create.source.assessment')}</option>
            </select>
          </label>
          <label>
            {t('calibration.create.lowMax')}
            <input
              type="number"
              step="0.1"
              min={1}
              max={5}
              value={lowMax}
              onChange={(e) => setLowMax(Number(e.target.value))}
            />
          </label>
          <label>
            {t('calibration.create.highMin')}
            <input
              type="number"
              step="0.1"
              min={1}
              max={5}
              value={highMin}
              onChange={(e) => setHighMin(Number(e.target.value))}
            />
          </label>
          <label>
            {t('calibration.create.tenure')}
            <input
              type="number"
              min={0}
              max={60}
              value={tenure}
              onChange={(e) => setTenure(Number(e.target.value))}
            />
          </label>
        </div>
        <fieldset className="targets">
          <legend>{t('calibration.create.targets', { total })}</legend>
          {targets.map((share, i) => (
            <label key={i}>
              {t('calibration.box', { box: i + 1 })}
              <input
                type="number"
                min={0}
                max={100}
                value={share}
                onChange={(e) => setTargets(targets.map((v, j) => (j === i ? Number(e.target.value) : v)))}
              />
            </label>
          ))}
        </fieldset>
        <label className="inline">
          <input type="checkbox" checked={enforce} onChange={(e) => setEnforce(e.target.checked)} />{' '}
          {t('calibration.create.enforce')}
        </label>
      </details>
      <button type="submit" disabled={!valid}>
        {t('calibration.create.start')}
      </button>
    </form>
  )
}
