/**
 * The fixed vocabulary of the demo organisation: departments with their skills and job titles, locations, names
 * and the learning catalogue. Kept apart from the generator so the rules that use it stay readable.
 */
export interface DepartmentSpec {
  readonly name: string
  readonly weight: number
  readonly skills: readonly string[]
  readonly icTitles: readonly string[]
  readonly certification: string | null
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Engineering',
    weight: 30,
    skills: ['Software Design', 'Cloud Architecture', 'Testing', 'Data Modelling'],
    icTitles: [
      'Software Engineer',
      'Senior Software Engineer',
      'QA Engineer',
      'Site Reliability Engineer',
      'Data Engineer',
    ],
    certification: 'CERT-AWS-SA',
  },
  {
    name: 'Sales',
    weight: 18,
    skills: ['Negotiation', 'Account Management', 'Forecasting', 'Product Knowledge'],
    icTitles: ['Account Executive', 'Sales Development Representative', 'Solutions Consultant'],
    certification: null,
  },
  {
    name: 'Customer Success',
    weight: 14,
    skills: ['Account Management', 'Product Knowledge', 'Problem Solving', 'Customer Empathy'],
    icTitles: ['Customer Success Manager', 'Support Specialist', 'Implementation Consultant'],
    certification: null,
  },
  {
    name: 'Operations',
    weight: 10,
    skills: ['Project Management', 'Process Improvement', 'Vendor Management', 'Data Analysis'],
    icTitles: ['Operations Analyst', 'Procurement Specialist', 'Programme Coordinator'],
    certification: 'CERT-PMP',
  },
  {
    name: 'Marketing',
    weight: 9,
    skills: ['Content Strategy', 'Data Analysis', 'Brand Management', 'Campaign Management'],
    icTitles: ['Marketing Manager', 'Content Strategist', 'Product Marketing Manager'],
    certification: null,
  },
  {
    name: 'Finance',
    weight: 8,
    skills: ['Financial Analysis', 'Forecasting', 'Accounting Standards', 'Data Analysis'],
    icTitles: ['Financial Analyst', 'Accountant', 'Payroll Specialist'],
    certification: 'CERT-CPA',
  },
  {
    name: 'People',
    weight: 6,
    skills: ['Employee Relations', 'Talent Acquisition', 'Coaching', 'Employment Law'],
    icTitles: ['HR Business Partner', 'Recruiter', 'Learning & Development Specialist'],
    certification: 'CERT-SHRM',
  },
  {
    name: 'Legal',
    weight: 5,
    skills: ['Contract Law', 'Regulatory Compliance', 'Negotiation', 'Data Protection'],
    icTitles: ['Counsel', 'Paralegal', 'Compliance Analyst'],
    certification: 'CERT-CIPP',
  },
]

export const SHARED_SKILLS = ['Communication', 'Collaboration'] as const
export const LEADERSHIP_SKILLS = ['People Leadership', 'Team Management'] as const

export const LOCATIONS: readonly (readonly [string, number])[] = [
  ['London', 22],
  ['Berlin', 14],
  ['Austin', 18],
  ['Toronto', 12],
  ['Singapore', 10],
  ['Bengaluru', 14],
  ['Remote', 10],
]

// prettier-ignore
export const FIRST_NAMES = [
  'Aisha', 'Aleksander', 'Amara', 'Ana', 'Andrés', 'Anjali', 'Arjun', 'Astrid', 'Ayodele', 'Bao', 'Beatriz', 'Chen',
  'Chiara', 'Chinedu', 'Claire', 'Daniel', 'Dmitri', 'Elena', 'Elif', 'Emeka', 'Emma', 'Farah', 'Fatima', 'Felix',
  'Freya', 'Gabriel', 'Grace', 'Hana', 'Hiroshi', 'Ibrahim', 'Ines', 'Isaac', 'Jamal', 'Javier', 'Jin', 'Joanna',
  'Kai', 'Kamala', 'Kofi', 'Lara', 'Leila', 'Liam', 'Lucía', 'Mai', 'Malik', 'Maria', 'Mateo', 'Mei', 'Mohammed',
  'Nadia', 'Naledi', 'Nikhil', 'Noah', 'Olga', 'Omar', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Sakura', 'Samuel',
  'Sara', 'Sebastian', 'Siobhan', 'Sofia', 'Tariq', 'Thabo', 'Tomás', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zara',
] as const

// prettier-ignore
export const LAST_NAMES = [
  'Abiodun', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersen', 'Banerjee', 'Becker', 'Brennan', 'Campbell', 'Chatterjee',
  'Chen', 'Costa', 'Dubois', 'Eriksson', 'Fernandes', 'Fischer', 'García', 'Gupta', 'Haddad', 'Hansen', 'Hernández',
  'Ivanova', 'Iyer', 'Jansen', 'Kaur', 'Kim', 'Kowalski', 'Kumar', 'Laurent', 'Lee', 'Lindqvist', 'Lopez', 'Mahlangu',
  'Martin', 'Mensah', 'Moreau', 'Müller', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', "O'Connor", 'Okafor', 'Okonkwo',
  'Olsen', 'Park', 'Patel', 'Petrov', 'Popescu', 'Reddy', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith',
  'Suzuki', 'Tanaka', 'Thompson', 'Tran', 'Van der Berg', 'Wang', 'Williams', 'Yamamoto', 'Zhang',
] as const

export type ActivityType = 'course' | 'certification' | 'assessment' | 'program' | 'informal'

export interface LearningItemSpec {
  readonly activityId: string
  readonly title: string
  readonly activityType: ActivityType
  readonly provider: string
  readonly mandatory: boolean
  /** The skill this item evidences, for courses and assessments. */
  readonly skill?: string
}

// prettier-ignore
export const COMPLIANCE_COURSES: readonly LearningItemSpec[] = [
  { activityId: 'COMP-COC', title: 'Code of Conduct', activityType: 'course', provider: 'Cornerstone', mandatory: true },
  { activityId: 'COMP-INFOSEC', title: 'Information Security Awareness', activityType: 'course', provider: 'Cornerstone', mandatory: true },
  { activityId: 'COMP-GDPR', title: 'Data Protection Essentials', activityType: 'course', provider: 'Cornerstone', mandatory: true },
  { activityId: 'COMP-ABC', title: 'Anti-Bribery and Corruption', activityType: 'course', provider: 'Cornerstone', mandatory: true },
]

// prettier-ignore
export const CERTIFICATIONS: readonly LearningItemSpec[] = [
  { activityId: 'CERT-AWS-SA', title: 'AWS Certified Solutions Architect', activityType: 'certification', provider: 'Amazon Web Services', mandatory: false, skill: 'Cloud Architecture' },
  { activityId: 'CERT-PMP', title: 'Project Management Professional', activityType: 'certification', provider: 'PMI', mandatory: false, skill: 'Project Management' },
  { activityId: 'CERT-CPA', title: 'Certified Public Accountant', activityType: 'certification', provider: 'AICPA', mandatory: false, skill: 'Accounting Standards' },
  { activityId: 'CERT-SHRM', title: 'SHRM Certified Professional', activityType: 'certification', provider: 'SHRM', mandatory: false, skill: 'Employee Relations' },
  { activityId: 'CERT-CIPP', title: 'Certified Information Privacy Professional', activityType: 'certification', provider: 'IAPP', mandatory: false, skill: 'Data Protection' },
]

// prettier-ignore
export const PROGRAMS: readonly LearningItemSpec[] = [
  { activityId: 'PRG-ELP', title: 'Emerging Leaders Program', activityType: 'program', provider: 'Ninefold Academy', mandatory: false, skill: 'People Leadership' },
  { activityId: 'PRG-ADVLEAD', title: 'Advanced Leadership', activityType: 'program', provider: 'Ninefold Academy', mandatory: false, skill: 'Team Management' },
]

/** Activity ids of a skill's course (`CRS-…`) and assessment (`ASM-…`). */
export const skillActivityId = (kind: 'CRS' | 'ASM', skill: string): string =>
  `${kind}-${skill.toUpperCase().replace(/[^A-Z]+/g, '-')}`

/** One self-paced course and one assessment per skill, named the way LMS catalogues name them. */
export function skillItems(skills: readonly string[]): LearningItemSpec[] {
  return skills.flatMap((skill) => [
    {
      activityId: skillActivityId('CRS', skill),
      title: `${skill} Fundamentals`,
      activityType: 'course',
      provider: 'LinkedIn Learning',
      mandatory: false,
      skill,
    },
    {
      activityId: skillActivityId('ASM', skill),
      title: `${skill} Assessment`,
      activityType: 'assessment',
      provider: 'Ninefold Assessments',
      mandatory: false,
      skill,
    },
  ])
}

/** Other names the demo's skills go by in imported files (the ontology's aliases). */
export const SKILL_ALIASES: readonly (readonly [string, string])[] = [
  ['Cloud Arch', 'Cloud Architecture'],
  ['Solution Architecture', 'Cloud Architecture'],
  ['PM', 'Project Management'],
  ['Key Account Management', 'Account Management'],
  ['Stakeholder Communication', 'Communication'],
  ['Line Management', 'Team Management'],
  ['GDPR', 'Data Protection'],
]

export const SKILL_CATEGORIES: Readonly<Record<string, string>> = {
  Communication: 'Core',
  Collaboration: 'Core',
  'People Leadership': 'Leadership',
  'Team Management': 'Leadership',
  Negotiation: 'Sales Enablement',
  'Account Management': 'Sales Enablement',
  Forecasting: 'Sales Enablement',
}

/** The level a learning item evidences in its skill, by its type: a course 2, a programme 3, a certification 4. */
export const ITEM_SKILL_LEVEL: Readonly<Partial<Record<ActivityType, number>>> = {
  course: 2,
  program: 3,
  certification: 4,
}

export interface DemoRoleSpec {
  readonly title: string
  /** The incumbent is the most senior person of this department (null: the role is vacant). */
  readonly incumbentFrom: string | null
  readonly risk: 'low' | 'medium' | 'high'
  readonly impact: 'low' | 'medium' | 'high'
  readonly requirements: readonly (readonly [string, number])[]
}

/** Critical roles: some easy to fill from the bench, some with nobody ready (the demanding ones at the end). */
export const DEMO_ROLES: readonly DemoRoleSpec[] = [
  {
    title: 'Head of Customer Success',
    incumbentFrom: 'Customer Success',
    risk: 'medium',
    impact: 'high',
    requirements: [
      ['Account Management', 3],
      ['Customer Empathy', 3],
      ['Team Management', 2],
    ],
  },
  {
    title: 'Engineering Manager, Platform',
    incumbentFrom: 'Engineering',
    risk: 'high',
    impact: 'high',
    requirements: [
      ['Software Design', 3],
      ['Cloud Architecture', 3],
      ['People Leadership', 2],
    ],
  },
  {
    title: 'Sales Director',
    incumbentFrom: 'Sales',
    risk: 'high',
    impact: 'medium',
    requirements: [
      ['Negotiation', 3],
      ['Forecasting', 3],
      ['People Leadership', 3],
    ],
  },
  {
    title: 'Finance Controller',
    incumbentFrom: 'Finance',
    risk: 'low',
    impact: 'high',
    requirements: [
      ['Financial Analysis', 3],
      ['Accounting Standards', 3],
    ],
  },
  {
    title: 'Chief Architect',
    incumbentFrom: null,
    risk: 'high',
    impact: 'high',
    requirements: [
      ['Cloud Architecture', 5],
      ['Software Design', 5],
      ['Data Modelling', 5],
      ['People Leadership', 4],
    ],
  },
  {
    title: 'General Counsel',
    incumbentFrom: 'Legal',
    risk: 'medium',
    impact: 'high',
    requirements: [
      ['Contract Law', 5],
      ['Regulatory Compliance', 5],
      ['Data Protection', 5],
      ['Negotiation', 5],
    ],
  },
]
