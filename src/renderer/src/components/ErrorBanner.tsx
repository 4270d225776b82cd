import { AppError } from '../../../shared/result'

/** Shows a service error in the words the service chose; anything else gets a generic line, never a stack. */
export function ErrorBanner({ error }: { error: unknown }): React.JSX.Element | null {
  if (!error) return null
  const message = error instanceof AppError ? error.message : 'Something went wrong. Try again.'
  return (
    <p className="error-banner" role="alert" data-code={error instanceof AppError ? error.code : 'UNKNOWN'}>
      {message}
    </p>
  )
}
