import { useEffect, useState } from 'react'
import type { JobProgress } from '../../../../shared/contract'
import { RECORD_KINDS, type RecordKind } from '../../../../core/import/fields'
import { jumpFor, useAppStore } from '../../stores/appStore'
import { useT } from '../../i18n'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { BatchList } from './BatchList'
import { DropZone } from './DropZone'
import { MappingTable } from './MappingTable'
import { PreviewRows } from './PreviewRows'
import { ProfileBar } from './ProfileBar'
import { RatingWords } from './RatingWords'
import { ResultSummary } from './ResultSummary'
import { UnmatchedList } from './UnmatchedList'
import { useImportWizard } from './useImportWizard'

export function ImportScreen(): React.JSX.Element {
  const t = useT()
  // Sent here to import a kind of records (the calibration holding area's to-do): that kind is chosen.
  const [jumpedKind] = useState(() => jumpFor('import')?.recordKind)
  const wizard = useImportWizard(jumpedKind)
  const { preview, file, kind } = wizard
  const [jobId, setJobId] = useState<string | null>(null)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [batchesVersion, setBatchesVersion] = useState(0)
  const [skipInvalid, setSkipInvalid] = useState(false)
  const dropped = useAppStore((s) => s.droppedFile)
  const dropFile = useAppStore((s) => s.dropFile)
  const { chooseFile } = wizard
  useEffect(() => {
    // A file dropped anywhere on the window starts here, as if dropped on the drop zone.
    if (!dropped) return
    dropFile(null)
    void chooseFile(dropped)
  }, [dropped, dropFile, chooseFile])

  useEffect(
    () => (jobId ? api.on('jobs.progress', (p) => p.jobId === jobId && setProgress(p)) : undefined),
    [jobId],
  )

  const startImport = async (dryRun = false): Promise<void> => {
    const id = `import-${crypto.randomUUID()}`
    setJobId(id)
    await wizard.commit(id, dryRun, skipInvalid)
    setJobId(null)
    setProgress(null)
    setBatchesVersion((v) => v + 1)
  }

  const blocking = preview
    ? preview.issues.filter(
        (i) =>
          i.code === 'MISSING_FIELD' ||
          i.code === 'NO_HEADER_ROW' ||
          i.code === 'NO_RATING_SCALE' ||
          i.code === 'UNKNOWN_RATING_WORDS' ||
          i.code === 'MIXED_DATE_FORMATS',
      )
    : []
  // One invalid row stops an all-or-nothing import: say so before the click, not after it.
  const rowProblems =
    preview && preview.headerRow !== null
      ? new Set(preview.issues.filter((i) => i.row > (preview.headerRow ?? 0)).map((i) => i.row)).size
      : 0
  const nothingToStore = preview !== null && preview.rows.length === 0 && rowProblems === 0
  const stopReason =
    blocking.length > 0
      ? t.t('import.screen.fixFirst')
      : nothingToStore
        ? t.t('import.screen.noRows')
        : rowProblems > 0 && !skipInvalid
          ? t.t('import.screen.rowsStop', { count: rowProblems })
          : null

  return (
    <div className="import">
      <div className="toolbar">
        <h1>{t.t('nav.import')}</h1>
        <label className="inline">
          {t.t('import.screen.holds')}
          <select
            aria-label={t.t('import.screen.recordKind')}
            value={wizard.kind}
            onChange={(e) => wizard.chooseKind(e.target.value as RecordKind)}
          >
            {RECORD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.t(`import.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {file && (
          <span className="muted">
            {file.fileName} · {t.t('import.screen.size', { size: t.number(file.size / 1024, 0) })}
          </span>
        )}
        {file && (
          <button type="button" className="secondary" onClick={wizard.reset}>
            {t.t('import.screen.chooseAnother')}
          </button>
        )}
      </div>
      <ErrorBanner error={wizard.error} />
      {wizard.result && <ResultSummary result={wizard.result} />}
      {!file && <DropZone busy={wizard.busy === 'reading'} onFile={(f) => void wizard.chooseFile(f)} />}
      {file && kind === 'xapi' && (
        <section className="card" aria-labelledby="xapi-title">
          <h2 id="xapi-title">{t.t('import.xapi.title')}</h2>
          <p className="muted">{t.t('import.xapi.body')}</p>
          <div className="import-actions">
            <button
              type="button"
              className="secondary"
              disabled={wizard.busy !== null}
              onClick={() => void startImport(true)}
            >
              {t.t('import.xapi.check')}
            </button>
            <button type="button" disabled={wizard.busy !== null} onClick={() => void startImport()}>
              {wizard.busy === 'importing' ? t.t('import.screen.importing') : t.t('import.xapi.import')}
            </button>
          </div>
        </section>
      )}
      {file && preview && kind !== 'xapi' && (
        <div className="import-body">
          <section className="card" aria-labelledby="source-title">
            <h2 id="source-title">{t.t('import.source.title')}</h2>
            <div className="source-options">
              {preview.format === 'xlsx' && (
                <label className="inline">
                  {t.t('import.source.sheet')}
                  <select
                    aria-label={t.t('import.source.sheet')}
                    value={preview.sheet ?? ''}
                    onChange={(e) => wizard.chooseSheet(e.target.value)}
                  >
                    {preview.sheets.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}
                        {s.rowCount !== null
                          ? ` ${t.t('import.source.sheetRows', { count: s.rowCount })}`
                          : ''}
                        {s.hidden ? ` ${t.t('import.source.hidden')}` : ''}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="inline">
                {t.t('import.source.headerRow')}
                <input
                  aria-label={t.t('import.source.headerRow')}
                  type="number"
                  min={1}
                  value={preview.headerRow ?? ''}
                  onChange={(e) =>
                    Number(e.target.value) > 0 && wizard.chooseHeaderRow(Number(e.target.value))
                  }
                />
              </label>
              {preview.format === 'csv' && (
                <span className="muted small">
                  {t.t('import.source.csv', {
                    encoding: preview.encoding ?? '',
                    delimiter:
                      preview.delimiter === '\t'
                        ? t.t('import.source.tab')
                        : t.t('import.source.quoted', { delimiter: preview.delimiter ?? '' }),
                  })}
                </span>
              )}
              <label className="inline">
                {t.t('import.source.dates')}
                <select
                  aria-label={t.t('import.source.dateFormat')}
                  value={wizard.dateFormat ?? ''}
                  onChange={(e) =>
                    wizard.chooseDateFormat((e.target.value || undefined) as typeof wizard.dateFormat)
                  }
                >
                  <option value="">
                    {preview.dateFormat.format
                      ? t.t('import.source.detected', { format: preview.dateFormat.format })
                      : t.t('import.source.detect')}
                  </option>
                  <option value="DD/MM/YYYY">{t.t('import.source.dayFirst')}</option>
                  <option value="MM/DD/YYYY">{t.t('import.source.monthFirst')}</option>
                  <option value="YYYY-MM-DD">{t.t('import.source.iso')}</option>
                </select>
              </label>
              {preview.dateFormat.ambiguous && !wizard.dateFormat && (
                <span className="warning-text small" role="note">
                  {t.t('import.source.ambiguous')}
                </span>
              )}
            </div>
          </section>
          <MappingTable kind={kind} preview={preview} columns={wizard.columns} onMap={wizard.mapColumn} />
          {kind === 'reviews' && (
            <RatingWords
              preview={preview}
              choices={wizard.ratings}
              onChoose={wizard.chooseRatings}
              needsCycle={
                Object.values(wizard.columns).some((c) => c?.field === 'overallRating' && !c.cycle) &&
                !Object.values(wizard.columns).some((c) => c?.field === 'cycle')
              }
            />
          )}
          <ProfileBar profile={preview.profile} onSave={wizard.saveProfile} />
          <PreviewRows kind={kind} preview={preview} />
          <div className="import-actions">
            {rowProblems > 0 && blocking.length === 0 && (
              <label className="inline">
                <input
                  type="checkbox"
                  checked={skipInvalid}
                  onChange={(e) => setSkipInvalid(e.target.checked)}
                />
                {t.t('import.screen.skipInvalid')}
              </label>
            )}
            {stopReason && (
              <p className="muted" id="import-stop-reason">
                {stopReason}
              </p>
            )}
            <button
              type="button"
              disabled={wizard.busy !== null || stopReason !== null}
              aria-describedby={stopReason ? 'import-stop-reason' : undefined}
              onClick={() => void startImport()}
            >
              {wizard.busy === 'importing' ? t.t('import.screen.importing') : t.t('import.screen.importFile')}
            </button>
            {jobId && (
              <span className="progress" role="status">
                {progress
                  ? t.t('import.screen.rowsDone', { count: progress.done })
                  : t.t('import.screen.starting')}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void api.call('jobs.cancel', { jobId })}
                >
                  {t.t('import.screen.cancel')}
                </button>
              </span>
            )}
          </div>
        </div>
      )}
      <UnmatchedList version={batchesVersion} onLinked={() => setBatchesVersion((v) => v + 1)} />
      <BatchList version={batchesVersion} />
    </div>
  )
}
