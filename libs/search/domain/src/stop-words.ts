/**
 * Words every apprenticeship offer carries: matching on them finds everything and ranks
 * nothing. They are dropped from queries and documents alike (folded form).
 */
export const DOMAIN_STOP_WORDS = [
  'alternance', 'alternant', 'alternante', 'apprentissage', 'apprenti', 'apprentie', 'contrat', 'contrats',
  'professionnalisation', 'h', 'f', 'hf', 'hfx', 'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en',
  'au', 'aux', 'a', 'l', 'd', 'pour', 'par', 'sur', 'avec', 'dans',
];
