export const succession = {
  placeholder: 'placeholder',
} as const
