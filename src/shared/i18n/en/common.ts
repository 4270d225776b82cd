export const common = {
  somethingWrong: 'Something went wrong. Try again.',
} as const
