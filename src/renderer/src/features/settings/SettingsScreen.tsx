import { useEffect, useRef, useState } from 'react'
import type { WorkspaceSettings } from '../../../../shared/contract'
import { LOCALES, useLocale, useT, type Locale } from '../../i18n'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { FieldPurposesPanel } from '../privacy/FieldPurposesPanel'

type Calibration = WorkspaceSettings['calibration']
const BOXES = ['7', '8', '9', '4', '5', '6', '1', '2', '3'] as const
const COMPONENTS: [keyof Calibration['agilityWeights'], string][] = [
  ['skillGrowth', 'Skill growth'],
  ['assessment', 'Assessment mastery'],
  ['breadth', 'Breadth of recent learning'],
  ['stretch', 'Stretch programmes'],
]

function NumberField({
  label,
  value,
  step = 1,
  onChange,
}: {
  label: string
  value: number
  step?: number
  onChange: (value: number) => void
}): React.JSX.Element {
  return (
    <label>
      {label}
      <input type="number" step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  )
}

/**
 * Every setting of the workspace in one place — scales and cut points, weights, labels, idle lock, backups, field
 * purposes — saved as one document, and exported or imported as a file so a central HR team can hand the same
 * configuration to every HR business partner.
 */
export function SettingsScreen(): React.JSX.Element {
  const [settings, setSettings] = useState<WorkspaceSettings | null>(null)
  const [draft, setDraft] = useState<WorkspaceSettings | null>(null)
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const file = useRef<HTMLInputElement>(null)
  const { t } = useT()
  const locale = useLocale((s) => s.locale)
  const setLocale = useLocale((s) => s.setLocale)
  useEffect(() => {
    api.call('settings.get').then((s) => (setSettings(s), setDraft(s)), setError)
  }, [])
  if (!draft || !settings) return <ErrorBanner error={error} />
  const calibration = draft.calibration
  const setCalibration = (next: Partial<Calibration>): void =>
    setDraft({ ...draft, calibration: { ...calibration, ...next } })
  const changed = JSON.stringify(draft) !== JSON.stringify(settings)
  const apply = (document: unknown, why: string, done: string): void => {
    setError(null)
    setMessage(null)
    api.call('settings.apply', { settings: document, reason: why }).then((saved) => {
      setSettings(saved)
      setDraft(saved)
      setReason('')
      setMessage(done)
    }, setError)
  }
  const exportFile = (): void => {
    api.call('settings.export', {}).then((f) => {
      if (!f.bytes) return
      const url = URL.createObjectURL(
        new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: 'application/json' }),
      )
      const link = document.createElement('a')
      link.href = url
      link.download = f.fileName
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
    }, setError)
  }
  const importFile = (chosen: File): void => {
    void chosen.text().then((text) => {
      let document: unknown
      try {
        document = JSON.parse(text)
      } catch {
        setError(new Error(`${chosen.name} is not a settings file (it is not JSON).`))
        return
      }
      apply(document, `Imported from ${chosen.name}`, `Applied the settings from ${chosen.name}.`)
    })
  }

  return (
    <div className="overview settings">
      <h1>{t('settings.title')}</h1>
      <section className="card narrow">
        <label>
          {t('settings.language')}
          <select
            aria-label={t('settings.language')}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
          >
            {(Object.keys(LOCALES) as Locale[]).map((l) => (
              <option key={l} value={l}>
                {LOCALES[l]}
              </option>
            ))}
          </select>
        </label>
        <p className="muted small">{t('settings.languageHelp')}</p>
      </section>
      <section className="card" aria-label="Settings file">
        <h2>Share these settings</h2>
        <p className="muted">
          Export them as a file and import it in another workspace: it is checked whole and applied in one
          step (logged), or refused with what is wrong.
        </p>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={exportFile}>
            Export settings file
          </button>
          <button type="button" className="secondary" onClick={() => file.current?.click()}>
            Import settings file…
          </button>
          <input
            ref={file}
            type="file"
            hidden
            accept=".json,application/json"
            aria-label="Settings file to import"
            onChange={(e) => {
              const chosen = e.target.files?.[0]
              if (chosen) importFile(chosen)
              e.target.value = ''
            }}
          />
        </div>
      </section>
      <ErrorBanner error={error} />
      {message && <p role="status">{message}</p>}
      <form
        className="card"
        aria-label="Calibration defaults"
        onSubmit={(e) => {
          e.preventDefault()
          apply(draft, reason.trim(), 'Settings saved; new sessions use them.')
        }}
      >
        <h2>Calibration: scales, cut points and weights</h2>
        <p className="muted">What new sessions start with; a session started already keeps its own.</p>
        <div className="insight-form">
          <NumberField
            label="Performance low up to (1–5)"
            step={0.1}
            value={calibration.performanceCuts.lowMax}
            onChange={(v) =>
              setCalibration({ performanceCuts: { ...calibration.performanceCuts, lowMax: v } })
            }
          />
          <NumberField
            label="Performance high from (1–5)"
            step={0.1}
            value={calibration.performanceCuts.highMin}
            onChange={(v) =>
              setCalibration({ performanceCuts: { ...calibration.performanceCuts, highMin: v } })
            }
          />
          <NumberField
            label="Potential low below (percentile)"
            value={calibration.potential.cuts.low}
            onChange={(v) =>
              setCalibration({
                potential: { ...calibration.potential, cuts: { ...calibration.potential.cuts, low: v } },
              })
            }
          />
          <NumberField
            label="Potential high from (percentile)"
            value={calibration.potential.cuts.high}
            onChange={(v) =>
              setCalibration({
                potential: { ...calibration.potential, cuts: { ...calibration.potential.cuts, high: v } },
              })
            }
          />
          <NumberField
            label="Minimum tenure (months)"
            value={calibration.minTenureMonths}
            onChange={(v) => setCalibration({ minTenureMonths: v })}
          />
        </div>
        <h3>Learning agility weights</h3>
        <div className="insight-form">
          {COMPONENTS.map(([key, label]) => (
            <NumberField
              key={key}
              label={label}
              step={0.05}
              value={calibration.agilityWeights[key] ?? 0}
              onChange={(v) =>
                setCalibration({ agilityWeights: { ...calibration.agilityWeights, [key]: v } })
              }
            />
          ))}
        </div>
        <h3>Box labels</h3>
        <div className="label-grid">
          {BOXES.map((box) => (
            <label key={box}>
              Box {box}
              <input
                value={draft.labels[box] ?? ''}
                onChange={(e) => setDraft({ ...draft, labels: { ...draft.labels, [box]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        <h3>Locking and backups</h3>
        <div className="insight-form">
          <NumberField
            label="Lock after (minutes without input)"
            value={draft.idleLockMinutes}
            onChange={(v) => setDraft({ ...draft, idleLockMinutes: v })}
          />
          <NumberField
            label="Automatic backups kept"
            value={draft.backupsKept}
            onChange={(v) => setDraft({ ...draft, backupsKept: v })}
          />
        </div>
        <div className="insight-form">
          <label>
            Reason (kept in the audit log)
            <input
              aria-label="Settings change reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" disabled={!changed || reason.trim().length < 3}>
            Save settings
          </button>
          <button type="button" className="secondary" disabled={!changed} onClick={() => setDraft(settings)}>
            Discard changes
          </button>
        </div>
      </form>
      <FieldPurposesPanel />
    </div>
  )
}
