export const fairness = {
  placeholder: 'placeholder',
} as const
