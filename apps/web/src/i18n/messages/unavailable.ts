/** The page shown when the API does not answer (served by the proxy with HTTP 503). */
export const UNAVAILABLE = {
  fr: {
    title: 'Service momentanément indisponible',
    text: 'Nous n’arrivons pas à joindre nos serveurs. Réessayez dans quelques instants.',
    retry: 'Réessayer',
  },
  en: {
    title: 'Service unavailable for a moment',
    text: 'We cannot reach our servers. Try again in a few moments.',
    retry: 'Try again',
  },
} as const;
