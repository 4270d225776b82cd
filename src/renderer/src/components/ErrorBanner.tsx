import { AppError } from '../../../shared/result'
import { useT } from '../i18n'
import { errorText } from './errorText'

/** Shows a service error in the words the service chose, in the user's language; never a stack. */
export function ErrorBanner({ error }: { error: unknown }): React.JSX.Element | null {
  const t = useT()
  if (!error) return null
  return (
    <p className="error-banner" role="alert" data-code={error instanceof AppError ? error.code : 'UNKNOWN'}>
      {errorText(t, error)}
    </p>
  )
}
