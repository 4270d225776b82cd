import { z } from 'zod'
import { defineMethods } from './define'
import { empty, isoDate } from './common'

export const person = z.object({
  employeeId: z.string(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  /** The manager as a file named them when nobody in the workspace is that person ("Board of Directors"). */
  managerOutside: z.string().nullable(),
  department: z.string().nullable(),
  location: z.string().nullable(),
  jobTitle: z.string().nullable(),
  /** The job level's rank (the one number its text carries), for ordering; `jobLevelText` is what to show. */
  jobLevel: z.number().int().nullable(),
  /** The job level as the file gave it ("PT5 - Principal", "IC"), or the number of a level stored as one. */
  jobLevelText: z.string().nullable(),
  hireDate: isoDate.nullable(),
})
export type Person = z.output<typeof person>

export const PERSON_SORT_FIELDS = [
  'employeeId',
  'fullName',
  'email',
  'managerName',
  'department',
  'location',
  'jobTitle',
  'jobLevel',
  'hireDate',
] as const
export type PersonSortField = (typeof PERSON_SORT_FIELDS)[number]

export const peopleListInput = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    sort: z
      .object({ field: z.enum(PERSON_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
      .default({ field: 'fullName', direction: 'asc' }),
    filter: z
      .object({
        /** Matches name, employee id, email and job title, case-insensitively. */
        text: z.string().max(200).optional(),
        department: z.string().max(200).optional(),
        location: z.string().max(200).optional(),
        /** A job level as shown ("PT5 - Principal", "3"). */
        jobLevel: z.string().max(200).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
export type PeopleListInput = z.input<typeof peopleListInput>

export const peopleMethods = defineMethods('people')({
  'people.list': {
    summary: 'A page of people, sorted and filtered in the database.',
    input: peopleListInput,
    output: z.object({ total: z.number().int().nonnegative(), rows: z.array(person) }),
  },
  'people.facets': {
    summary: 'Departments, locations and job levels with head counts, for filters.',
    input: empty,
    output: z.object({
      departments: z.array(z.object({ value: z.string(), count: z.number().int() })),
      locations: z.array(z.object({ value: z.string(), count: z.number().int() })),
      /** Job levels as shown, in rank order (levels without a rank last, by name). */
      jobLevels: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
  },
})
