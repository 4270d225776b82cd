/** Shared by every screen and service: generic errors, the print button, jobs and the transport's refusals. */
export const common = {
  /** A number as an ordinal, chosen by Intl ordinal rules (see translate). */
  ordinal: { one: '{count}st', two: '{count}nd', few: '{count}rd', other: '{count}th' },
  somethingWrong: 'Something went wrong. Try again.',
  print: 'Print / PDF',
  printTitle: 'Print {what}, or save it as PDF',
  errors: {
    unknownMethod: 'There is no method called "{method}".',
    invalidInput: 'Invalid input for {method}: {detail}',
    internal:
      'Something went wrong inside Ninefold. Nothing was changed by the failed step; the details are in the log.',
  },
  jobs: {
    alreadyRunning: 'A job with id {id} is already running.',
    cancelled: 'Cancelled. Nothing from this job was kept.',
    theJob: 'The job',
    demoFill: { other: 'The demo fill ({count} people)' },
    importOf: 'The import of {file}',
    exportOf: 'The export of {file}',
    finished: '{what} has finished.',
    wasCancelled: '{what} was cancelled; nothing was kept.',
    failed: '{what} did not finish: {error}',
  },
  /** The browser host's refusals of file paths: over HTTP nobody chose the path in a dialog. */
  paths: {
    dialogOnly:
      'Over the browser host, {method} takes no file path: the file comes back to the browser as a download.',
    notStaged:
      'Over the browser host, {method} reads only a file uploaded to this host for it, not "{path}". Choose the file again.',
    outsideDataDirectory:
      'Over the browser host, {method} reaches only files inside the data directory ({directory}), and "{path}" is not one (links are followed).',
  },
  host: {
    notConnected:
      'This tab is not connected to the running Ninefold host. Open the address the host printed when it started (it carries the access token).',
    refused: 'The Ninefold host refused this page.',
    status: 'The Ninefold host answered HTTP {status}.',
    unreachable: 'Cannot reach the Ninefold host. Is it still running?',
  },
} as const
