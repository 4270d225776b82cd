/**
 * Bytes (an uploaded file) travel as a top-level `bytes` field. IPC and the in-process transport carry a
 * Uint8Array as it is; HTTP sends it as the raw request body (application/octet-stream) with the rest of the
 * input as JSON in a header — never as a JSON array of numbers.
 */
export const BYTES_FIELD = 'bytes'
export const INPUT_HEADER = 'x-ninefold-input'
/** The same for results that carry bytes (an exported workbook): raw response body, other fields in this header. */
export const OUTPUT_HEADER = 'x-ninefold-output'

export function splitBytes(input: unknown): { bytes: Uint8Array; rest: Record<string, unknown> } | null {
  if (typeof input !== 'object' || input === null) return null
  const { [BYTES_FIELD]: bytes, ...rest } = input as Record<string, unknown>
  return bytes instanceof Uint8Array ? { bytes, rest } : null
}
