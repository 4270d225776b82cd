export const settings = {
  title: 'Settings',
  language: 'Language',
  languageHelp: 'Dates, numbers and percentages follow the language chosen here.',
} as const
