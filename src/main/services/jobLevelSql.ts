/**
 * A job level as shown, in SQL: the text the file gave ("PT5 - Principal"), else the number of a level stored as one
 * (see core/people/jobLevel.ts, whose `jobLevelText` is the same rule in TypeScript).
 */
export const jobLevelShown = (alias: string): string =>
  `coalesce(${alias}.job_level_label, CAST(${alias}.job_level AS TEXT))`
