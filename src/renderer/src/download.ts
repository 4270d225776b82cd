/** Hands an exported file to the browser's downloads (the desktop shell saves through its own dialog). */
export function downloadBytes(file: { fileName: string; bytes: Uint8Array | null }): void {
  if (!file.bytes) return
  const url = URL.createObjectURL(
    new Blob([file.bytes as Uint8Array<ArrayBuffer>], {
      type: file.fileName.endsWith('.csv')
        ? 'text/csv'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  URL.revokeObjectURL(url)
}
