import type { z } from 'zod'
import type { shellKind } from '../../shared/contract'
import type { RequestOptions } from '../lrs/lrsHttp'

/**
 * OS-level secret storage (Electron `safeStorage`). Only the desktop shell provides it; the services never import
 * Electron themselves.
 */
export interface OsKeychain {
  status(): 'available' | 'insecure-backend' | 'unsupported'
  wrap(secret: Buffer): Buffer
  unwrap(wrapped: Buffer): Buffer
}

/** What a shell hands to `createServices`: everything environment-specific the services need. */
export interface ServicePorts {
  shell: z.output<typeof shellKind>
  version: string
  /** Holds `workspaces/` and `recent.json`. */
  dataDirectory: string
  /** Recorded as the actor in the audit log. */
  actor: string
  osKeychain?: OsKeychain
  now?: () => Date
  onInternalError?: (method: string, error: unknown) => void
  /** Retries and timeouts of LRS requests (tests shorten them; the app keeps the defaults). */
  lrsHttp?: Omit<RequestOptions, 'signal'>
}
