import { useEffect, useState } from 'react'
import { api } from './api/client'
import { AppFrame } from './features/shell/AppFrame'
import { LockScreen } from './features/workspace/LockScreen'
import { WorkspaceScreen } from './features/workspace/WorkspaceScreen'
import { useAppStore } from './stores/appStore'
import { ErrorBanner } from './components/ErrorBanner'
import { runHistoryCommand } from './history'

export function App(): React.JSX.Element {
  const status = useAppStore((s) => s.status)
  const holdWelcome = useAppStore((s) => s.holdWelcome)
  const setInfo = useAppStore((s) => s.setInfo)
  const setStatus = useAppStore((s) => s.setStatus)
  const setPendingPath = useAppStore((s) => s.setPendingPath)
  const [startupError, setStartupError] = useState<unknown>(null)

  useEffect(() => {
    Promise.all([api.call('app.info'), api.call('workspace.status')])
      .then(([info, current]) => {
        setInfo(info)
        setStatus(current)
      })
      .catch(setStartupError)
    const offChanged = api.on('workspace.changed', setStatus)
    const offMenu = api.on('app.menu', (command) => {
      if (command.command === 'workspace.close') void api.call('workspace.close')
      if (command.command === 'import') useAppStore.getState().setView('import')
      if (command.command === 'workspace.lock') void api.call('workspace.lock')
      // Backups are listed, made and restored on the Workspace screen; the menu's save dialog gives a path.
      if (command.command === 'workspace.backup' || command.command === 'workspace.restore')
        useAppStore.getState().setView('workspace')
      if (command.command === 'workspace.backup' && command.path)
        void api.call('workspace.backup', { path: command.path })
      if (command.command === 'undo' || command.command === 'redo') runHistoryCommand(command.command)
      if ((command.command === 'workspace.open' || command.command === 'workspace.new') && command.path) {
        setPendingPath({ command: command.command, path: command.path })
        void api.call('workspace.close')
      }
    })
    return () => {
      offChanged()
      offMenu()
    }
  }, [setInfo, setStatus, setPendingPath])

  if (startupError) {
    return (
      <main className="startup">
        <h1>Ninefold</h1>
        <ErrorBanner error={startupError} />
      </main>
    )
  }
  if (!status) return <main className="startup" aria-busy="true" />
  if (!status.open && status.locked) return <LockScreen locked={status.locked} />
  return status.open && !holdWelcome ? <AppFrame workspace={status.workspace} /> : <WorkspaceScreen />
}
