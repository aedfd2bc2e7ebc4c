/** Cities offered as shortcuts on the home page: the place text resolves through its postcode. */
export const POPULAR_CITIES = [
  { name: 'Paris', place: 'Paris (75001)' },
  { name: 'Lyon', place: 'Lyon (69001)' },
  { name: 'Marseille', place: 'Marseille (13001)' },
  { name: 'Toulouse', place: 'Toulouse (31000)' },
  { name: 'Nantes', place: 'Nantes (44000)' },
  { name: 'Lille', place: 'Lille (59000)' },
  { name: 'Bordeaux', place: 'Bordeaux (33000)' },
  { name: 'Rennes', place: 'Rennes (35000)' },
  { name: 'Strasbourg', place: 'Strasbourg (67000)' },
  { name: 'Montpellier', place: 'Montpellier (34000)' },
] as const;
