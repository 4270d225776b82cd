export const calibration = {
  placeholder: 'placeholder',
} as const
