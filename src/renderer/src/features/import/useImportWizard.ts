import { useCallback, useState } from 'react'
import type { MappingSpec, MethodOutput, RatingScaleSpec } from '../../../../shared/contract'
import type { RecordKind } from '../../../../core/import/fields'
import { api } from '../../api/client'

export type Preview = MethodOutput<'import.preview'>
export type CommitResult = MethodOutput<'import.commit'>
/** Where a column goes: a field, and for a rating column that holds one cycle, that cycle. */
export interface ColumnChoice {
  field: string
  cycle?: string
}
/** What the person settled about ratings: word scales, and the cycle of a file whose rows name none. */
export interface RatingChoices {
  scale?: RatingScaleSpec
  potentialScale?: RatingScaleSpec
  blankRating?: 'not-rated' | 'error'
  cycle?: string
}
export interface StagedFile {
  path: string
  fileName: string
  size: number
}

/**
 * The wizard's state machine: a staged file, the kind of records it holds, the sheet/header/column choices, and the
 * preview and result that follow from them. Every choice re-runs the preview, so what is shown is always what
 * an import would do.
 */
export function useImportWizard(initialKind: RecordKind = 'people') {
  const [file, setFile] = useState<StagedFile | null>(null)
  const [kind, setKind] = useState<RecordKind>(initialKind)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [columns, setColumns] = useState<Record<string, ColumnChoice | null>>({})
  const [ratings, setRatings] = useState<RatingChoices>({})
  /** Chosen by the person when the file's dates could be day-first or month-first. */
  const [dateFormat, setDateFormat] = useState<MappingSpec['dateFormat']>(undefined)
  const [result, setResult] = useState<CommitResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<null | 'reading' | 'importing'>(null)

  const mappingFrom = (
    p: Preview | null,
    cols: Record<string, ColumnChoice | null>,
    extra: Partial<MappingSpec> = {},
    choices: RatingChoices = ratings,
  ): MappingSpec => {
    const mapped = Object.fromEntries(
      Object.entries(cols).flatMap(([header, choice]) =>
        choice === null || header === ''
          ? []
          : [[header, choice.cycle ? { field: choice.field, cycle: choice.cycle } : choice.field]],
      ),
    )
    return {
      ...(p?.sheet ? { sheet: p.sheet } : {}),
      ...(p?.headerRow ? { headerRow: p.headerRow } : {}),
      ...(Object.keys(mapped).length > 0 ? { columns: mapped } : {}),
      ...(dateFormat ? { dateFormat } : {}),
      ...(choices.scale ? { scale: choices.scale } : {}),
      ...(choices.potentialScale ? { potentialScale: choices.potentialScale } : {}),
      ...(choices.blankRating ? { blankRating: choices.blankRating } : {}),
      ...(choices.cycle ? { constants: { cycle: choices.cycle } } : {}),
      ...extra,
    }
  }

  const runPreview = useCallback(async (target: StagedFile, recordKind: RecordKind, mapping: MappingSpec) => {
    // xAPI statements have no columns to map: they are checked (a dry run) and imported whole.
    if (recordKind === 'xapi') {
      setPreview(null)
      return
    }
    setBusy('reading')
    setError(null)
    setResult(null)
    try {
      const next = await api.call('import.preview', { path: target.path, kind: recordKind, mapping })
      setPreview(next)
      setColumns(
        Object.fromEntries(
          next.columns
            .filter((c) => c.header !== '')
            .map((c) => [
              c.header,
              c.field === null ? null : { field: c.field, ...(c.cycle ? { cycle: c.cycle } : {}) },
            ]),
        ),
      )
    } catch (caught) {
      setPreview(null)
      setError(caught)
    } finally {
      setBusy(null)
    }
  }, [])

  const chooseFile = async (picked: File): Promise<void> => {
    setBusy('reading')
    setError(null)
    try {
      const bytes = new Uint8Array(await picked.arrayBuffer())
      const staged = await api.call('import.stage', { fileName: picked.name, bytes })
      setFile(staged)
      await runPreview(staged, kind, {})
      setBusy(null)
    } catch (caught) {
      setError(caught)
      setBusy(null)
    }
  }

  const chooseKind = (next: RecordKind): void => {
    setKind(next)
    setRatings({})
    if (file) void runPreview(file, next, {})
  }

  const chooseSheet = (sheet: string): void => {
    if (file) void runPreview(file, kind, { sheet })
  }

  const chooseDateFormat = (format: MappingSpec['dateFormat']): void => {
    setDateFormat(format)
    if (file && preview)
      void runPreview(file, kind, mappingFrom(preview, columns, format ? { dateFormat: format } : {}))
  }

  const chooseHeaderRow = (headerRow: number): void => {
    if (file && preview)
      void runPreview(file, kind, { ...(preview.sheet ? { sheet: preview.sheet } : {}), headerRow })
  }

  const mapColumn = (header: string, field: string | null, cycle?: string): void => {
    const next = { ...columns }
    // One column per field (and cycle): taking a field away from another column keeps the mapping valid.
    if (field !== null)
      for (const [h, c] of Object.entries(next))
        if (h !== header && c?.field === field && (c.cycle ?? '') === (cycle ?? '')) next[h] = null
    next[header] = field === null ? null : { field, ...(cycle ? { cycle } : {}) }
    setColumns(next)
    if (file) void runPreview(file, kind, mappingFrom(preview, next))
  }

  /** The word order, blank meaning or cycle the person settled: applied to the preview at once. */
  const chooseRatings = (next: RatingChoices): void => {
    setRatings(next)
    if (file) void runPreview(file, kind, mappingFrom(preview, columns, {}, next))
  }

  const commit = async (jobId: string, dryRun = false, skipInvalid = false): Promise<void> => {
    if (!file) return
    setBusy('importing')
    setError(null)
    try {
      const done = await api.call('import.commit', {
        path: file.path,
        kind,
        mapping: mappingFrom(preview, columns),
        jobId,
        dryRun,
        skipInvalid,
      })
      setResult(done)
      if (done.outcome === 'stored' || done.outcome === 'already-imported') {
        setFile(null)
        setPreview(null)
      }
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(null)
    }
  }

  const saveProfile = async (name: string): Promise<void> => {
    if (!preview || kind === 'xapi') return
    const mapping = mappingFrom(preview, columns)
    await api.call('import.saveProfile', {
      name,
      kind,
      headers: preview.headers,
      // The words' order and what a blank means come back with the next file of this shape; the cycle does not
      // (next year's export is another cycle).
      mapping: {
        ...(mapping.columns ? { columns: mapping.columns } : {}),
        ...(preview.dateFormat.format ? { dateFormat: preview.dateFormat.format } : {}),
        ...(mapping.scale ? { scale: mapping.scale } : {}),
        ...(mapping.potentialScale ? { potentialScale: mapping.potentialScale } : {}),
        ...(mapping.blankRating ? { blankRating: mapping.blankRating } : {}),
      },
    })
    setPreview({ ...preview, profile: name })
  }

  const reset = (): void => {
    setDateFormat(undefined)
    setRatings({})
    setFile(null)
    setPreview(null)
    setResult(null)
    setError(null)
  }

  return {
    file,
    kind,
    preview,
    columns,
    result,
    error,
    busy,
    chooseFile,
    chooseKind,
    chooseSheet,
    chooseHeaderRow,
    chooseDateFormat,
    dateFormat,
    mapColumn,
    ratings,
    chooseRatings,
    commit,
    saveProfile,
    reset,
  }
}
