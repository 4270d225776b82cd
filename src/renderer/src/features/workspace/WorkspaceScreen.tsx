import { CreateWorkspaceForm } from './CreateWorkspaceForm'
import { OpenWorkspaceForm } from './OpenWorkspaceForm'
import { useAppStore } from '../../stores/appStore'
import { useT } from '../../i18n'

/** Shown while no workspace is open: the two ways in, side by side. */
export function WorkspaceScreen(): React.JSX.Element {
  const { t } = useT()
  const info = useAppStore((s) => s.info)
  const pending = useAppStore((s) => s.pendingPath)
  const openPath = pending?.command === 'workspace.open' ? pending.path : undefined
  const newPath = pending?.command === 'workspace.new' ? pending.path : undefined
  return (
    <main className="welcome">
      <header className="welcome-header">
        <h1>
          <span className="brand-mark" aria-hidden="true">
            ▦
          </span>{' '}
          Ninefold
        </h1>
        <p className="muted">{t('workspace.welcome.tagline')}</p>
      </header>
      <div className="welcome-grid">
        <OpenWorkspaceForm key={openPath ?? ''} initialPath={openPath} />
        <CreateWorkspaceForm key={newPath ?? ''} path={newPath} />
      </div>
      {info && (
        <footer className="muted small">
          {t('workspace.welcome.footer', {
            version: info.version,
            shell: info.shell === 'browser' ? t('workspace.welcome.browserHost') : info.shell,
          })}{' '}
          <span className="mono">{info.dataDirectory}</span>
        </footer>
      )}
    </main>
  )
}
