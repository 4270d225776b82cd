import { z } from 'zod'
import { defineMethods } from './define'
import { empty } from './common'
import { messageSchema } from '../i18n/translate'

export const skillEntry = z.object({
  skillId: z.number().int(),
  name: z.string(),
  category: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  aliases: z.array(z.string()),
  /** How many ratings, mapped learning items and role requirements use the skill. */
  uses: z.object({ ratings: z.number().int(), items: z.number().int(), roles: z.number().int() }),
})
export type SkillEntry = z.output<typeof skillEntry>

export const skillsMethods = defineMethods('skills')({
  'skills.list': {
    summary: 'The ontology: every skill with aliases, category, status and where it is used.',
    input: empty,
    output: z.array(skillEntry),
  },
  'skills.update': {
    summary: 'Rename, describe, categorise, retire or reactivate a skill; logged.',
    input: z
      .object({
        skillId: z.number().int(),
        name: z.string().trim().min(1).max(80).optional(),
        category: z.string().trim().max(80).nullable().optional(),
        description: z.string().trim().max(500).nullable().optional(),
        status: z.enum(['active', 'retired']).optional(),
      })
      .strict(),
    output: skillEntry,
  },
  'skills.addAlias': {
    summary: 'Another name for a skill (imports then map it without asking); logged.',
    input: z.object({ skillId: z.number().int(), alias: z.string().trim().min(1).max(80) }).strict(),
    output: z.object({ aliases: z.array(z.string()) }),
  },
  'skills.suggestMerges': {
    summary: 'Pairs of skills whose names are alike, for a person to merge or keep apart.',
    input: empty,
    output: z.array(
      z.object({
        a: z.string(),
        aId: z.number().int(),
        b: z.string(),
        bId: z.number().int(),
        score: z.number(),
      }),
    ),
  },
  'skills.merge': {
    summary:
      'Merge one skill into another: ratings, mappings, requirements and aliases move, its name becomes an alias, it is retired; reversible.',
    input: z.object({ fromId: z.number().int(), intoId: z.number().int() }).strict(),
    output: z.object({
      mergeId: z.number().int(),
      moved: z.object({ ratings: z.number().int(), items: z.number().int(), roles: z.number().int() }),
    }),
  },
  'skills.undoMerge': {
    summary: 'Undo a merge exactly: everything it moved goes back and the skill is active again.',
    input: z.object({ mergeId: z.number().int() }).strict(),
    output: z.object({ restored: z.boolean() }),
  },
  'skills.proficiency': {
    summary:
      'The shared 1–5 proficiency scale with a descriptor per level, and the declared conversions from other scales.',
    input: empty,
    output: z.object({
      levels: z.array(z.object({ level: z.number().int(), name: z.string(), descriptor: z.string() })),
      conversions: z.array(z.object({ scale: z.string(), labels: z.record(z.string(), z.number()) })),
    }),
  },
  'skills.mapItem': {
    summary:
      'Say which skill level a learning item evidences (or remove the mapping with level null); logged.',
    input: z
      .object({
        activityId: z.string().min(1),
        skill: z.string().min(1),
        level: z.number().int().min(1).max(5).nullable(),
      })
      .strict(),
    output: z.object({ activityId: z.string(), skill: z.string(), level: z.number().int().nullable() }),
  },
  'skills.exportOntology': {
    paths: 'dialog-only',
    summary:
      'The ontology as a workbook: Skills (name, category, description, status, aliases) and Learning items (item, skill, level).',
    input: z
      .object({
        path: z.string().min(1).optional(),
        /** The language of the sheet names, headers and status words; the import reads either language. */
        locale: z.enum(['en', 'pl']).default('en'),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      path: z.string().nullable(),
      bytes: z.instanceof(Uint8Array).nullable(),
    }),
  },
  'skills.importOntology': {
    paths: 'staged',
    summary:
      'Read an ontology workbook (the export layout) as one all-or-nothing change; problems are named by sheet, row and column.',
    input: z.object({ path: z.string().min(1) }).strict(),
    output: z.object({
      stored: z.boolean(),
      skills: z.object({ created: z.number().int(), updated: z.number().int() }),
      aliases: z.number().int(),
      mappings: z.number().int(),
      errors: z.array(
        z.object({
          sheet: z.string(),
          row: z.number().int(),
          column: z.string(),
          value: z.string().nullable(),
          message: z.string(),
          /** The same problem as a message, for the user's language. */
          text: messageSchema,
        }),
      ),
    }),
  },
  'skills.merges': {
    summary: 'Merges made in the workspace, newest first.',
    input: empty,
    output: z.array(
      z.object({
        mergeId: z.number().int(),
        from: z.string(),
        into: z.string(),
        at: z.string(),
        actor: z.string(),
        undone: z.boolean(),
      }),
    ),
  },
})
