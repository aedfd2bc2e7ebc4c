/** Countries the marketplace operates in; each has its own contract rules. */
export enum Country {
  FR = 'FR',
  UK = 'UK',
  US = 'US',
}
