import { create } from 'zustand'
import type { MethodOutput, WorkspaceStatus } from '../../../shared/contract'

export const VIEWS = ['workspace', 'people', 'import', 'calibration', 'succession', 'insights'] as const
export type ViewId = (typeof VIEWS)[number]

interface AppState {
  info: MethodOutput<'app.info'> | null
  status: WorkspaceStatus | null
  view: ViewId
  /** A path handed over by the desktop menu's native dialog, for the open/create forms to pick up. */
  pendingPath: { command: 'workspace.open' | 'workspace.new'; path: string } | null
  /** Keeps the welcome screen up while a new workspace is being filled with demo data, so it never shows half-filled. */
  holdWelcome: boolean
  /** An error to show in the app frame after the screen that caused it has gone (e.g. a cancelled demo fill). */
  notice: unknown
  setInfo(info: MethodOutput<'app.info'>): void
  setStatus(status: WorkspaceStatus): void
  setView(view: ViewId): void
  setPendingPath(pending: AppState['pendingPath']): void
  setHoldWelcome(hold: boolean): void
  setNotice(notice: unknown): void
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  status: null,
  view: 'people',
  pendingPath: null,
  holdWelcome: false,
  notice: null,
  setInfo: (info) => set({ info }),
  // Opening a workspace lands on People; closing one returns to the workspace screen; unlocking returns to where the
  // user was when it locked.
  setStatus: (status) =>
    set((state) => {
      const wasLocked = state.status !== null && !state.status.open && state.status.locked !== undefined
      const opened = status.open && !state.status?.open && !wasLocked
      return {
        status,
        view: !status.open ? (status.locked ? state.view : 'workspace') : opened ? 'people' : state.view,
        pendingPath: status.open ? null : state.pendingPath,
      }
    }),
  setView: (view) => set({ view }),
  setPendingPath: (pendingPath) => set({ pendingPath }),
  setHoldWelcome: (holdWelcome) => set({ holdWelcome }),
  setNotice: (notice) => set({ notice }),
}))
