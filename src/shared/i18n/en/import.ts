export const importMessages = {
  placeholder: 'placeholder',
} as const
