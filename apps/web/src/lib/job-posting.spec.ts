import { jobPosting } from './job-posting';

const offer = {
  id: 'c01acb21-577e-4457-b0de-06af6c3f6757',
  title: 'Boulanger en alternance',
  description: 'Pains & <viennoiseries>.\n\nLe matin.',
  contractType: 'APPRENTICESHIP',
  remotePolicy: 'ONSITE',
  publishedAt: '2026-11-23T09:00:00.000Z',
  expiresAt: '2027-01-22T09:00:00.000Z',
  location: { city: 'Lyon 03', postcode: '69003', country: 'FR', lat: 45.76, lng: 4.85 },
  salary: { min: 900, max: null, currency: 'EUR', period: 'MONTH' },
  organization: { id: 'org-1', name: 'Boulangerie du Parc', siret: '44306184100047' },
};

describe('schema.org JobPosting', () => {
  it('has the properties job search engines require, the description as escaped paragraphs', () => {
    const posting = jobPosting(offer, 'https://alternance.example', '/offres/x');
    expect(posting).toMatchObject({
      '@type': 'JobPosting',
      title: 'Boulanger en alternance',
      description: '<p>Pains &amp; &lt;viennoiseries&gt;.</p><p>Le matin.</p>',
      datePosted: '2026-11-23T09:00:00.000Z',
      validThrough: '2027-01-22T09:00:00.000Z',
      hiringOrganization: { '@type': 'Organization', name: 'Boulangerie du Parc', identifier: '44306184100047' },
      jobLocation: { address: { addressLocality: 'Lyon 03', postalCode: '69003', addressCountry: 'FR' } },
      baseSalary: { currency: 'EUR', value: { value: 900, unitText: 'MONTH' } },
      directApply: true,
      url: 'https://alternance.example/offres/x',
    });
  });

  it('leaves out the salary when the offer gives none, and marks fully remote jobs', () => {
    const posting = jobPosting({ ...offer, salary: null, remotePolicy: 'REMOTE' }, 'https://a.example', '/o');
    expect(posting).not.toHaveProperty('baseSalary');
    expect(posting).toMatchObject({ jobLocationType: 'TELECOMMUTE' });
  });
});
