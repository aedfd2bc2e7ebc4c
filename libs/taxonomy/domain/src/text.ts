/** Lower case without accents: "Développeur" and "developpeur" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
