import { useMemo, useState } from 'react'
import type { CalibrationView, MethodOutput } from '../../../../shared/contract'
import { proposalOutcomes } from '../../../../core/calibration/proposals'
import { FileButton } from '../../components/FileButton'
import { useT, type Translator } from '../../i18n'
import { flagName } from './labels'
import './proposals.css'

type ImportResult = MethodOutput<'calibration.importProposals'>

/** Problems listed at once; the rest are counted (a whole sheet typed wrong would fill the screen). */
const PROBLEMS_SHOWN = 10

/** Where the proposals in force came from, or what to do to have some. */
function statusLine(t: Translator, view: CalibrationView): string {
  const batch = view.proposals
  if (!batch) return t.t('calibration.proposals.none')
  const when = t.dateTime(batch.at)
  return batch.source === 'ratings'
    ? t.t('calibration.proposals.inForceRatings', { count: batch.proposals, when })
    : t.t('calibration.proposals.inForce', { count: batch.proposals, file: batch.file ?? '', when })
}

/** What the last import did, in words: stored (and what it replaced), or refused with its problems. */
function Outcome({ result, file }: { result: ImportResult; file: string | null }): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  if (result.stored)
    return (
      <p role="status" className="proposals-stored" data-testid="proposals-outcome">
        {file === null
          ? t('calibration.proposals.storedFromRatings', { count: result.proposals })
          : t('calibration.proposals.stored', { count: result.proposals, file })}
        {result.replaced > 0 && ` ${t('calibration.proposals.replaced', { count: result.replaced })}`}
      </p>
    )
  return (
    <div role="alert" className="proposals-refused" data-testid="proposals-outcome">
      <p>
        <strong>
          {t('calibration.proposals.rejected', { file: file ?? '', count: result.errors.length })}
        </strong>
      </p>
      <ul>
        {result.errors.slice(0, PROBLEMS_SHOWN).map((e, i) => (
          <li key={`${e.row}-${e.column}-${i}`}>
            {t(e.value === null ? 'calibration.proposals.problem' : 'calibration.proposals.problemValue', {
              sheet: e.sheet,
              row: e.row,
              column: e.column,
              value: e.value ?? '',
              problem: translator.m(e.text),
            })}
          </li>
        ))}
      </ul>
      {result.errors.length > PROBLEMS_SHOWN && (
        <p className="muted">
          {t('calibration.proposals.problemsMore', { count: result.errors.length - PROBLEMS_SHOWN })}
        </p>
      )}
      <p>{t('calibration.proposals.fixAndRetry')}</p>
    </div>
  )
}

/**
 * Managers' proposals for the facilitator (never on the projector): where the proposals in force came from, the
 * ways to bring them in (the pre-read sent back, or the cycle's ratings), what an import did, and per manager how
 * many proposals the meeting kept or moved, beside the leniency or severity found in their ratings.
 */
export function ProposalsPanel({
  view,
  locked,
  busy,
  onImport,
}: {
  view: CalibrationView
  locked: boolean
  busy: boolean
  /** A workbook, or null for the cycle's ratings; resolves with the services' answer (null when it failed). */
  onImport: (file: File | null) => Promise<ImportResult | null>
}): React.JSX.Element {
  const translator = useT()
  const { t } = translator
  const [last, setLast] = useState<{ result: ImportResult; file: string | null } | null>(null)
  const outcomes = useMemo(
    () => (view.proposals ? proposalOutcomes(view.placements, view.raters) : []),
    [view.proposals, view.placements, view.raters],
  )
  const bring = (file: File | null): void => {
    setLast(null)
    void onImport(file).then((result) => result && setLast({ result, file: file?.name ?? null }))
  }
  return (
    <section className="proposals" data-testid="proposals" aria-label={t('calibration.proposals.heading')}>
      <div className="proposals-head">
        <h3>{t('calibration.proposals.heading')}</h3>
        <span className="muted" data-testid="proposals-status">
          {statusLine(translator, view)}
          {view.proposals && !locked && ` ${t('calibration.proposals.replaceNote')}`}
        </span>
        {!locked && (
          <span className="proposals-actions">
            <FileButton
              label={t('calibration.proposals.button')}
              title={t('calibration.proposals.buttonHint')}
              accept=".xlsx"
              onFile={bring}
            />
            <button
              type="button"
              className="secondary"
              title={t('calibration.proposals.fromRatingsHint')}
              disabled={busy}
              onClick={() => bring(null)}
            >
              {t('calibration.proposals.fromRatings')}
            </button>
          </span>
        )}
      </div>
      {last && <Outcome result={last.result} file={last.file} />}
      {outcomes.length > 0 && (
        <details className="proposals-managers" data-testid="proposals-by-manager">
          <summary>{t('calibration.proposals.byManager.title')}</summary>
          <p className="muted small">{t('calibration.proposals.byManager.hint')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calibration.proposals.byManager.manager')}</th>
                <th scope="col">{t('calibration.proposals.byManager.proposals')}</th>
                <th scope="col">{t('calibration.proposals.byManager.kept')}</th>
                <th scope="col">{t('calibration.proposals.byManager.up')}</th>
                <th scope="col">{t('calibration.proposals.byManager.down')}</th>
                <th scope="col">{t('calibration.proposals.byManager.rater')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o) => (
                <tr key={o.proposerId ?? `name:${o.proposer}`}>
                  <th scope="row">{o.proposer || t('calibration.proposals.byManager.nobody')}</th>
                  <td>{o.proposals}</td>
                  <td>{o.kept}</td>
                  <td>{o.up}</td>
                  <td>{o.down}</td>
                  <td className={o.rater ? 'proposals-rater' : ''}>
                    {o.rater ? flagName(translator, o.rater) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  )
}
