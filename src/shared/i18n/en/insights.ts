export const insights = {
  placeholder: 'placeholder',
} as const
