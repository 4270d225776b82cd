import type { z } from 'zod'
import { appEvents, appMethods } from './app'
import { calibrationMethods } from './calibration'
import { fairnessMethods } from './fairness'
import { privacyMethods } from './privacy'
import { insightsMethods } from './insights'
import { successionMethods } from './succession'
import { outboxMethods, rulesMethods } from './rules'
import { skillsMethods } from './skills'
import { demoMethods } from './demo'
import { importMethods } from './import'
import { jobEvents, jobMethods } from './jobs'
import { lrsEvents, lrsMethods } from './lrs'
import { peopleMethods } from './people'
import { qualityMethods } from './quality'
import { settingsMethods } from './settings'
import { workspaceEvents, workspaceMethods } from './workspace'

/** Every method the renderer may call. Add a domain file, then spread its methods here. */
export const contract = {
  ...appMethods,
  ...workspaceMethods,
  ...peopleMethods,
  ...demoMethods,
  ...importMethods,
  ...qualityMethods,
  ...calibrationMethods,
  ...fairnessMethods,
  ...privacyMethods,
  ...insightsMethods,
  ...successionMethods,
  ...rulesMethods,
  ...outboxMethods,
  ...skillsMethods,
  ...jobMethods,
  ...settingsMethods,
  ...lrsMethods,
} as const

/** Every event the services may push to the renderer. */
export const events = {
  ...appEvents,
  ...workspaceEvents,
  ...jobEvents,
  ...lrsEvents,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type EventName = keyof typeof events

/** What a caller passes (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const METHOD_NAMES = Object.freeze(Object.keys(contract)) as readonly MethodName[]
export const EVENT_NAMES = Object.freeze(Object.keys(events)) as readonly EventName[]

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}

export * from './app'
export * from './calibration'
export * from './fairness'
export * from './privacy'
export * from './insights'
export * from './insightsViews'
export * from './succession'
export * from './rules'
export * from './skills'
export * from './common'
export * from './demo'
export * from './import'
export * from './jobs'
export * from './lrs'
export * from './people'
export * from './quality'
export * from './workspace'
export * from './settings'
