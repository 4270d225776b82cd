import { useEffect, useState } from 'react'
import type { MethodInput, MethodOutput } from '../../../../shared/contract'
import { api } from '../../api/client'
import { FacetSelect } from '../../components/FacetSelect'

type Cycles = MethodOutput<'calibration.cycles'>
type Facets = MethodOutput<'people.facets'>
type CreateInput = MethodInput<'calibration.create'>

const DEFAULT_TARGETS = [5, 10, 10, 10, 30, 10, 5, 10, 10]

/** Name, cycle and scope, plus the session's rules (cut points, potential source, targets) under "Settings". */
export function CreateSessionForm({
  onCreate,
}: {
  onCreate: (input: CreateInput) => void
}): React.JSX.Element {
  const [cycles, setCycles] = useState<Cycles>([])
  const [facets, setFacets] = useState<Facets>({ departments: [], locations: [] })
  const [name, setName] = useState('')
  const [cycle, setCycle] = useState('')
  const [department, setDepartment] = useState('')
  const [location, setLocation] = useState('')
  const [manager, setManager] = useState('')
  const [potentialSource, setPotentialSource] = useState<'agility' | 'manager' | 'blend'>('agility')
  const [lowMax, setLowMax] = useState(2)
  const [highMin, setHighMin] = useState(4)
  const [targets, setTargets] = useState(DEFAULT_TARGETS)
  const [enforce, setEnforce] = useState(false)
  const [tenure, setTenure] = useState(6)

  useEffect(() => {
    Promise.all([api.call('calibration.cycles'), api.call('people.facets')]).then(
      ([c, f]) => {
        setCycles(c)
        setFacets(f)
      },
      () => undefined,
    )
  }, [])

  const total = targets.reduce((a, b) => a + b, 0)
  const valid = name.trim() !== '' && highMin > lowMax && total > 0
  return (
    <form
      className="create-session"
      onSubmit={(e) => {
        e.preventDefault()
        if (!valid) return
        onCreate({
          name: name.trim(),
          ...(cycle ? { cycle } : {}),
          scope: {
            ...(department ? { department } : {}),
            ...(location ? { location } : {}),
            ...(manager.trim() ? { manager: manager.trim() } : {}),
          },
          settings: {
            performanceCuts: { lowMax, highMin },
            potential: {
              source: potentialSource,
              agilityWeight: 0.5,
              cuts: { mode: 'percentile', low: 30, high: 80 },
              managerScale: { min: 1, max: 3 },
            },
            targets: Object.fromEntries(targets.map((t, i) => [String(i + 1), t])),
            enforceTargets: enforce,
            minTenureMonths: tenure,
          },
        })
      }}
    >
      <h3>New session</h3>
      <label>
        Name{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} required placeholder="Q4 Engineering" />
      </label>
      <label>
        Review cycle
        <select value={cycle} onChange={(e) => setCycle(e.target.value)}>
          <option value="">Latest{cycles[0] ? ` (${cycles[0].name})` : ''}</option>
          {cycles.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.rated} rated, {c.scaleMin}–{c.scaleMax})
            </option>
          ))}
        </select>
      </label>
      <label>
        Department
        <FacetSelect
          value={department}
          onChange={setDepartment}
          options={facets.departments}
          allLabel="Everyone"
        />
      </label>
      <label>
        Location
        <FacetSelect
          value={location}
          onChange={setLocation}
          options={facets.locations}
          allLabel="Everywhere"
        />
      </label>
      <label>
        Under manager (employee ID)
        <input value={manager} onChange={(e) => setManager(e.target.value)} placeholder="e.g. E100002" />
      </label>
      <details className="session-settings">
        <summary>Settings</summary>
        <div className="settings-grid">
          <label>
            Potential from
            <select
              value={potentialSource}
              onChange={(e) => setPotentialSource(e.target.value as typeof potentialSource)}
            >
              <option value="agility">Learning agility</option>
              <option value="manager">Manager's potential rating</option>
              <option value="blend">Blend of both</option>
            </select>
          </label>
          <label>
            Low performance at or below (1–5)
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
            High performance from (1–5)
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
            Minimum tenure (months)
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
          <legend>Target share per box (%) — total {total}</legend>
          {targets.map((t, i) => (
            <label key={i}>
              Box {i + 1}
              <input
                type="number"
                min={0}
                max={100}
                value={t}
                onChange={(e) => setTargets(targets.map((v, j) => (j === i ? Number(e.target.value) : v)))}
              />
            </label>
          ))}
        </fieldset>
        <label className="inline">
          <input type="checkbox" checked={enforce} onChange={(e) => setEnforce(e.target.checked)} /> Refuse to
          finalize while a box is off its target
        </label>
      </details>
      <button type="submit" disabled={!valid}>
        Start session
      </button>
    </form>
  )
}
