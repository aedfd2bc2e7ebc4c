/**
 * SIRET: 14 digits, the 9-digit SIREN of the company then a 5-digit establishment number,
 * with a Luhn check over all 14. La Poste's establishments (SIREN 356000000) are the one
 * documented exception: their digits sum to a multiple of 5 instead (INSEE).
 */
const LA_POSTE_SIREN = '356000000';

export function normaliseSiret(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiret(raw: string): boolean {
  const siret = normaliseSiret(raw);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    const sum = [...siret].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** A valid SIRET for a given SIREN and establishment number: for seeds and tests. */
export function siretWithCheckDigit(first13: string): string {
  if (!/^\d{13}$/.test(first13)) throw new Error('expected 13 digits');
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(first13 + d)) return first13 + d;
  }
  throw new Error('unreachable');
}
