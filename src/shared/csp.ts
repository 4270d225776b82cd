/**
 * The renderer's Content-Security-Policy, for both shells: the Electron window and the pages the browser host
 * serves. index.html carries the same policy as a <meta> for file:// loads (a test keeps the two in step).
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
