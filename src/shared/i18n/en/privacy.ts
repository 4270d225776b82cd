export const privacy = {
  placeholder: 'placeholder',
} as const
