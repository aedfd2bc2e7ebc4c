import { offerFormValues, parseOfferForm, readOccupation, readPlace } from './offer-form';

const VALID = {
  title: 'Boulanger en alternance',
  occupation: 'Boulanger (D1102)',
  description: 'Pains et viennoiseries.',
  contractType: 'APPRENTICESHIP',
  place: 'Lyon 03 (69003)',
  remotePolicy: 'ONSITE',
  startEarliest: '2027-01-04',
  startLatest: '2027-03-01',
  positions: '2',
  salaryMin: '',
  salaryMax: '',
  salaryPeriod: 'MONTH',
  hireType: '',
  hireMonths: '',
  question0: 'Avez-vous déjà travaillé en boulangerie ?',
  question1: '',
  question2: '',
};

describe('the offer form', () => {
  it('reads a complete form into the API input, with the occupation and commune still to resolve', () => {
    const { parsed, errors } = parseOfferForm(VALID);
    expect(errors).toEqual({});
    expect(parsed).toEqual({
      fields: {
        title: 'Boulanger en alternance',
        description: 'Pains et viennoiseries.',
        contractType: 'APPRENTICESHIP',
        remotePolicy: 'ONSITE',
        positions: 2,
        startDate: { earliest: '2027-01-04', latest: '2027-03-01' },
        salary: null,
        hireContract: null,
        screeningQuestions: ['Avez-vous déjà travaillé en boulangerie ?'],
      },
      occupation: { code: 'D1102' },
      place: { postcode: '69003', city: 'Lyon 03' },
    });
  });

  it('names every missing or malformed field', () => {
    const { parsed, errors } = parseOfferForm({ title: 'ab', startEarliest: '2027-02-30', startLatest: 'demain', positions: '0', salaryMin: 'beaucoup' });
    expect(parsed).toBeNull();
    expect(errors).toEqual({
      title: 'title',
      occupation: 'occupation',
      description: 'description',
      contractType: 'contractType',
      place: 'place',
      remotePolicy: 'remote',
      startEarliest: 'date',
      startLatest: 'date',
      positions: 'number',
      salaryMin: 'number',
    });
  });

  it('refuses a start window that ends before it begins, and a salary range upside down', () => {
    const { errors } = parseOfferForm({ ...VALID, startLatest: '2026-12-01', salaryMin: '1200', salaryMax: '900' });
    expect(errors).toEqual({ startLatest: 'dateOrder', salaryMax: 'salaryOrder' });
  });

  it('asks a POEI for the promised contract, and its length unless permanent', () => {
    expect(parseOfferForm({ ...VALID, contractType: 'POEI' }).errors).toEqual({ hireType: 'hireRequired' });
    expect(parseOfferForm({ ...VALID, contractType: 'POEI', hireType: 'CDD' }).errors).toEqual({ hireMonths: 'hireMonths' });
    expect(parseOfferForm({ ...VALID, contractType: 'POEI', hireType: 'CDD', hireMonths: '12' }).parsed?.fields.hireContract).toEqual({ type: 'CDD', durationMonths: 12 });
    expect(parseOfferForm({ ...VALID, contractType: 'POEI', hireType: 'CDI', hireMonths: '' }).parsed?.fields.hireContract).toEqual({ type: 'CDI' });
  });

  it('refuses a promised contract on anything but a POEI', () => {
    expect(parseOfferForm({ ...VALID, contractType: 'POEC', hireType: 'CDI' }).errors).toEqual({ hireType: 'hireOnlyPoei' });
  });

  it('keeps a salary given on one side only, and refuses a question over 300 characters', () => {
    expect(parseOfferForm({ ...VALID, salaryMin: '1 100' }).parsed?.fields.salary).toEqual({ min: 1100, max: undefined, currency: 'EUR', period: 'MONTH' });
    expect(parseOfferForm({ ...VALID, question2: 'x'.repeat(301) }).errors).toEqual({ question2: 'question' });
  });

  it('reads an occupation as a ROME code, a chosen suggestion or words to look up', () => {
    expect(readOccupation('d1102')).toEqual({ code: 'D1102' });
    expect(readOccupation('Développeur / Développeuse web (M1805)')).toEqual({ code: 'M1805' });
    expect(readOccupation('boulanger')).toEqual({ words: 'boulanger' });
    expect(readOccupation('  ')).toBeNull();
  });

  it('reads a place as a postcode, a chosen commune or words to look up', () => {
    expect(readPlace('69003')).toEqual({ postcode: '69003' });
    expect(readPlace('Saint-Étienne (42000)')).toEqual({ postcode: '42000', city: 'Saint-Étienne' });
    expect(readPlace('Lyon')).toEqual({ words: 'Lyon' });
    expect(readPlace('6900')).toEqual({ words: '6900' });
  });

  it('turns an offer back into the values that parse to the same input', () => {
    const values = offerFormValues({
      title: 'Pâtissier formé puis embauché',
      description: 'Une POE individuelle.',
      contractType: 'POEI',
      remotePolicy: 'HYBRID',
      positions: 1,
      romeCode: 'D1104',
      occupationLabel: 'Pâtisserie, confiserie, chocolaterie et glacerie',
      startDate: { earliest: '2027-01-04', latest: '2027-02-01' },
      location: { city: 'Lyon', postcode: '69003' },
      salary: { min: 1000, max: null, period: 'MONTH' },
      hireContract: { type: 'CDD', durationMonths: 12 },
      screeningQuestions: ['Pourquoi la pâtisserie ?'],
    });
    const { parsed, errors } = parseOfferForm(values);
    expect(errors).toEqual({});
    expect(parsed?.occupation).toEqual({ code: 'D1104' });
    expect(parsed?.place).toEqual({ postcode: '69003', city: 'Lyon' });
    expect(parsed?.fields.hireContract).toEqual({ type: 'CDD', durationMonths: 12 });
    expect(parsed?.fields.salary).toEqual({ min: 1000, max: undefined, currency: 'EUR', period: 'MONTH' });
    expect(parsed?.fields.screeningQuestions).toEqual(['Pourquoi la pâtisserie ?']);
  });
});
