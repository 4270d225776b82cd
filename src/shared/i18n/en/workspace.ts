export const workspace = {
  placeholder: 'placeholder',
} as const
