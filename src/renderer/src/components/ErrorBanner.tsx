import { AppError } from '../../../shared/result'
import { useT } from '../i18n'

/** Shows a service error in the words the service chose, in the user's language; never a stack. */
export function ErrorBanner({ error }: { error: unknown }): React.JSX.Element | null {
  const t = useT()
  if (!error) return null
  const message =
    error instanceof AppError ? (error.text ? t.m(error.text) : error.message) : t.t('common.somethingWrong')
  return (
    <p className="error-banner" role="alert" data-code={error instanceof AppError ? error.code : 'UNKNOWN'}>
      {message}
    </p>
  )
}
