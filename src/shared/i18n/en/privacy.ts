export const privacy = {
  field: {
    department: 'Department',
    location: 'Location',
    jobLevel: 'Job level',
    manager: 'Manager',
    gender: 'Gender',
    age: 'Age (birth year, age band)',
    ethnicity: 'Ethnicity',
    workPattern: 'Work pattern',
  },
  purpose: {
    calibration: 'Calibration',
    development: 'Development and insights',
    fairnessAudit: 'Fairness audit',
  },
  /** A purpose inside a sentence ("never for calibration"). */
  purposeInText: {
    calibration: 'calibration',
    development: 'development and insights',
    fairnessAudit: 'fairness audit',
  },
  purposeOr: '{first} or {rest}',
  errors: {
    sensitiveOnly:
      '{field} is a sensitive attribute: it can only be used for the fairness audit, never for {purposes}.',
    notAllowed: '{field} cannot be used for {purposes}.',
    notTagged: '{field} is not tagged for {purpose} in this workspace (Workspace ▸ Field purposes).',
    noPerson: 'There is no person {employeeId} in this workspace.',
    eraseReason: 'Say why this person is erased (the request, its date).',
  },
  purposes: {
    title: 'Field purposes',
    intro:
      'What each field about a person may be used for. A view or export of another purpose leaves the field out; sensitive attributes serve only the fairness audit.',
    table: 'Purposes per field',
    field: 'Field',
    sensitive: 'sensitive',
    checkbox: '{field} for {purpose}',
    never: '{field} can never be used for {purpose}',
    reason: 'Reason (kept in the audit log)',
    reasonLabel: 'Purpose change reason',
    save: { one: 'Save {count} change(s)', other: 'Save {count} change(s)' },
    discard: 'Discard',
    saved: {
      one: 'Saved {count} field(s); every view and export now follows them. The change is logged.',
      other: 'Saved {count} field(s); every view and export now follows them. The change is logged.',
    },
  },
  retention: {
    title: 'Data retention',
    intro:
      'Keep each kind of record only as long as your policy says. Preview first; a purge cannot be undone.',
    records: 'Records',
    kindLabel: 'Record kind',
    olderThan: 'Older than (years)',
    olderThanLabel: 'Older than years',
    preview: 'Preview',
    reason: 'Reason (kept in the audit log)',
    reasonLabel: 'Retention reason',
    purge: { one: 'Purge {n} record(s)', other: 'Purge {n} record(s)' },
    removed: {
      one: 'Removed {n} record(s) dated before {before}; the period is saved and the purge is logged.',
      other: 'Removed {n} record(s) dated before {before}; the period is saved and the purge is logged.',
    },
    kind: {
      learning: 'Learning records',
      reviews: 'Reviews',
      competencies: 'Competency ratings',
      surveys: 'Survey responses',
      xapi: 'xAPI statements',
    },
    kindInText: {
      learning: 'learning records',
      reviews: 'reviews',
      competencies: 'competency ratings',
      surveys: 'survey responses',
      xapi: 'xAPI statements',
    },
    /** How many records of a kind ("12 learning records"): `count` chooses the form, `n` is shown. */
    count: {
      learning: { one: '{n} learning records', other: '{n} learning records' },
      reviews: { one: '{n} reviews', other: '{n} reviews' },
      competencies: { one: '{n} competency ratings', other: '{n} competency ratings' },
      surveys: { one: '{n} survey responses', other: '{n} survey responses' },
      xapi: { one: '{n} xAPI statements', other: '{n} xAPI statements' },
    },
    years: { one: '{count} year', other: '{count} years' },
    none: 'No retention period is set for {kind}.',
    summary: '{records} dated before {before} (older than {years}){oldest}.',
    oldest: ', the oldest from {date}',
  },
  erase: {
    title: 'Erase a person',
    done: 'Erased. {records} record(s) removed; {mentions} mention(s) elsewhere now read {pseudonym}. The workspace file was compacted so nothing of them remains in it.',
    close: 'Close',
    intro:
      'Removes everything held about one person: their records, their place in calibration sessions (finalized ones included), outbox actions and pool memberships. Reviews they gave and audit entries that name them stay, under a pseudonym. This cannot be undone. See',
    gdprLink: 'GDPR art. 17',
    employeeId: 'Employee ID',
    noOne: 'No one with this employee ID.',
    subjectAccess: 'Export everything held about them (art. 15)',
    reason: 'Reason (the request and its date; kept in the audit log)',
    sure: 'I understand this cannot be undone',
    cancel: 'Cancel',
    erasing: 'Erasing…',
    erase: 'Erase',
  },
  anonymised: {
    title: 'Anonymised export',
    intro:
      'For analysis outside Ninefold: people appear under stable pseudonyms (the same in every export), names, emails and free text are left out, dates are cut to the month, age is banded, and gender and ethnicity are dropped.',
    export: 'Export anonymised workbook',
  },
  /** What the exports write (xlsx): the sensitive-data notice row, sheet names and notes. */
  export: {
    /** The first row of every export that holds special-category data; other areas' workbooks use it too. */
    sensitiveNotice: 'Contains sensitive attributes ({attributes}): {use}',
    subjectAccess: {
      /** The attributes the notice names (in a list inside the notice). */
      attributes: {
        gender: 'gender',
        birthYear: 'birth year',
        ethnicity: 'ethnicity',
        workPattern: 'work pattern',
        whereRecorded: 'where recorded',
      },
      use: 'everything Ninefold holds about {name} ({employeeId}), exported {asOf} (GDPR art. 15). Keep it to the person and the data protection officer.',
      /** Sheet names: at most 31 characters, none of \\ / ? * [ ] : */
      sheet: {
        person: 'Person',
        sensitiveAttributes: 'Sensitive attributes',
        reviews: 'Reviews',
        competencyRatings: 'Competency ratings',
        learningRecords: 'Learning records',
        surveyResponses: 'Survey responses',
        calibrationSessions: 'Calibration sessions',
        calibrationMoves: 'Calibration moves',
        calibrationNotes: 'Calibration notes',
        calibrationFlags: 'Calibration flags',
        readinessOverrides: 'Readiness overrides',
        talentPools: 'Talent pools',
        learningActions: 'Learning actions',
        promotions: 'Promotions',
        xapiStatements: 'xAPI statements',
        auditLog: 'Audit log entries',
      },
    },
    anonymised: {
      /** The banded attributes the notice names. */
      attributes: { ageBand: 'age band', workPattern: 'work pattern' },
      /** After the sensitive-data notice's colon. */
      use: 'anonymised export of {asOf}: pseudonyms instead of people, names and free text left out, dates to the month, age in bands.',
      /** The first row when no sensitive attribute is in the export. */
      notice:
        'An anonymised export of {asOf}: pseudonyms instead of people, names and free text left out, dates to the month, age in bands.',
    },
  },
} as const
