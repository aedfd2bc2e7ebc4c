/**
 * The error page's texts, kept apart from the main catalogues: the error boundary is part of
 * every page's browser bundle, and this keeps the catalogues out of it.
 */
export const ERROR_TEXTS = {
  fr: {
    unavailableTitle: 'Service momentanément indisponible',
    unavailable: 'Nous n’arrivons pas à joindre nos serveurs. Réessayez dans quelques instants.',
    retry: 'Réessayer',
  },
  en: {
    unavailableTitle: 'Service unavailable for a moment',
    unavailable: 'We cannot reach our servers. Try again in a few moments.',
    retry: 'Try again',
  },
} as const;
