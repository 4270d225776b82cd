import { useEffect, useRef, useState } from 'react'
import type { WorkspaceSettings } from '../../../../shared/contract'
import { LOCALES, useLocale, useT, type Locale } from '../../i18n'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { message as said } from '../../../../shared/i18n/translate'
import { AppError } from '../../../../shared/result'
import { ConnectionsPanel } from '../connections/ConnectionsPanel'
import { FieldPurposesPanel } from '../privacy/FieldPurposesPanel'

type Calibration = WorkspaceSettings['calibration']
const BOXES = ['7', '8', '9', '4', '5', '6', '1', '2', '3'] as const
const COMPONENTS = [
  'skillGrowth',
  'assessment',
  'breadth',
  'stretch',
] as const satisfies readonly (keyof Calibration['agilityWeights'])[]

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
        setError(new AppError('INVALID_INPUT', said('settings.file.notJson', { file: chosen.name })))
        return
      }
      // The reason is kept in the audit log as written, in English like the log's other entries.
      apply(document, `Imported from ${chosen.name}`, t('settings.file.applied', { file: chosen.name }))
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
      <section className="card" aria-label={t('settings.file.region')}>
        <h2>{t('settings.file.title')}</h2>
        <p className="muted">{t('settings.file.intro')}</p>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={exportFile}>
            {t('settings.file.export')}
          </button>
          <button type="button" className="secondary" onClick={() => file.current?.click()}>
            {t('settings.file.import')}
          </button>
          <input
            ref={file}
            type="file"
            hidden
            accept=".json,application/json"
            aria-label={t('settings.file.input')}
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
        aria-label={t('settings.calibration.form')}
        onSubmit={(e) => {
          e.preventDefault()
          apply(draft, reason.trim(), t('settings.saved'))
        }}
      >
        <h2>{t('settings.calibration.title')}</h2>
        <p className="muted">{t('settings.calibration.intro')}</p>
        <div className="insight-form">
          <NumberField
            label={t('settings.calibration.performanceLow')}
            step={0.1}
            value={calibration.performanceCuts.lowMax}
            onChange={(v) =>
              setCalibration({ performanceCuts: { ...calibration.performanceCuts, lowMax: v } })
            }
          />
          <NumberField
            label={t('settings.calibration.performanceHigh')}
            step={0.1}
            value={calibration.performanceCuts.highMin}
            onChange={(v) =>
              setCalibration({ performanceCuts: { ...calibration.performanceCuts, highMin: v } })
            }
          />
          <NumberField
            label={t('settings.calibration.potentialLow')}
            value={calibration.potential.cuts.low}
            onChange={(v) =>
              setCalibration({
                potential: { ...calibration.potential, cuts: { ...calibration.potential.cuts, low: v } },
              })
            }
          />
          <NumberField
            label={t('settings.calibration.potentialHigh')}
            value={calibration.potential.cuts.high}
            onChange={(v) =>
              setCalibration({
                potential: { ...calibration.potential, cuts: { ...calibration.potential.cuts, high: v } },
              })
            }
          />
          <NumberField
            label={t('settings.calibration.minTenure')}
            value={calibration.minTenureMonths}
            onChange={(v) => setCalibration({ minTenureMonths: v })}
          />
        </div>
        <h3>{t('settings.calibration.agility')}</h3>
        <div className="insight-form">
          {COMPONENTS.map((key) => (
            <NumberField
              key={key}
              label={t(`settings.calibration.component.${key}`)}
              step={0.05}
              value={calibration.agilityWeights[key] ?? 0}
              onChange={(v) =>
                setCalibration({ agilityWeights: { ...calibration.agilityWeights, [key]: v } })
              }
            />
          ))}
        </div>
        <h3>{t('settings.calibration.labels')}</h3>
        <div className="label-grid">
          {BOXES.map((box) => (
            <label key={box}>
              {t('settings.calibration.box', { box })}
              <input
                value={draft.labels[box] ?? ''}
                onChange={(e) => setDraft({ ...draft, labels: { ...draft.labels, [box]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        <h3>{t('settings.locking.title')}</h3>
        <div className="insight-form">
          <NumberField
            label={t('settings.locking.idle')}
            value={draft.idleLockMinutes}
            onChange={(v) => setDraft({ ...draft, idleLockMinutes: v })}
          />
          <NumberField
            label={t('settings.locking.backups')}
            value={draft.backupsKept}
            onChange={(v) => setDraft({ ...draft, backupsKept: v })}
          />
        </div>
        <div className="insight-form">
          <label>
            {t('settings.reason')}
            <input
              aria-label={t('settings.reasonLabel')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" disabled={!changed || reason.trim().length < 3}>
            {t('settings.save')}
          </button>
          <button type="button" className="secondary" disabled={!changed} onClick={() => setDraft(settings)}>
            {t('settings.discard')}
          </button>
        </div>
      </form>
      <ConnectionsPanel />
      <FieldPurposesPanel />
    </div>
  )
}
