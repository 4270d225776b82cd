import { useCallback, useState } from 'react'
import type { MappingSpec, MethodOutput } from '../../../../shared/contract'
import type { RecordKind } from '../../../../core/import/fields'
import { api } from '../../api/client'

export type Preview = MethodOutput<'import.preview'>
export type CommitResult = MethodOutput<'import.commit'>
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
  const [columns, setColumns] = useState<Record<string, string | null>>({})
  /** Chosen by the person when the file's dates could be day-first or month-first. */
  const [dateFormat, setDateFormat] = useState<MappingSpec['dateFormat']>(undefined)
  const [result, setResult] = useState<CommitResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<null | 'reading' | 'importing'>(null)

  const mappingFrom = (
    p: Preview | null,
    cols: Record<string, string | null>,
    extra: Partial<MappingSpec> = {},
  ): MappingSpec => {
    const mapped = Object.fromEntries(
      Object.entries(cols).filter((entry): entry is [string, string] => entry[1] !== null && entry[0] !== ''),
    )
    return {
      ...(p?.sheet ? { sheet: p.sheet } : {}),
      ...(p?.headerRow ? { headerRow: p.headerRow } : {}),
      ...(Object.keys(mapped).length > 0 ? { columns: mapped } : {}),
      ...(dateFormat ? { dateFormat } : {}),
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
        Object.fromEntries(next.columns.filter((c) => c.header !== '').map((c) => [c.header, c.field])),
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

  const mapColumn = (header: string, field: string | null): void => {
    const next = { ...columns }
    // One column per field: taking a field away from another column keeps the mapping valid.
    if (field !== null) for (const [h, f] of Object.entries(next)) if (f === field) next[h] = null
    next[header] = field
    setColumns(next)
    if (file) void runPreview(file, kind, mappingFrom(preview, next))
  }

  const commit = async (jobId: string, dryRun = false): Promise<void> => {
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
      mapping: {
        ...(mapping.columns ? { columns: mapping.columns } : {}),
        ...(preview.dateFormat.format ? { dateFormat: preview.dateFormat.format } : {}),
      },
    })
    setPreview({ ...preview, profile: name })
  }

  const reset = (): void => {
    setDateFormat(undefined)
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
    commit,
    saveProfile,
    reset,
  }
}
