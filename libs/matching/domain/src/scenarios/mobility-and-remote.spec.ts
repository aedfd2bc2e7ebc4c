import { distanceKm } from '@alternance/platform/domain';
import { RemotePolicy } from '@alternance/offers/domain';
import { RemotePreference } from '@alternance/candidates/domain';
import { EligibilityCode, eligibility, matchOffersForCandidate, score } from '../index';
import { LYON, PARIS, TODAY, VERSAILLES, aCandidate, anOffer, aReference, codes } from '../testing/match-factories';

/**
 * The job must be within the distance the person said they can travel (great-circle), unless
 * it is fully remote. Hybrid counts as on site: the person still goes in on some days.
 */
describe('mobility radius and remote work', () => {
  const reference = aReference();
  const parisToLyon = distanceKm(PARIS, LYON);

  it('accepts a job just inside the radius and refuses one just outside', () => {
    const lyonJob = anOffer({ location: LYON });
    expect(eligibility(aCandidate({ mobilityRadiusKm: Math.ceil(parisToLyon) }), lyonJob, reference, TODAY).eligible).toBe(true);
    const refused = eligibility(aCandidate({ mobilityRadiusKm: Math.floor(parisToLyon) }), lyonJob, reference, TODAY);
    expect(codes(refused)).toEqual([EligibilityCode.OUT_OF_MOBILITY_RADIUS]);
    expect(refused.reasons[0].label).toBe(`${Math.round(parisToLyon)} km away, beyond the ${Math.floor(parisToLyon)} km the candidate can travel`);
  });

  it('ignores distance for a remote job', () => {
    const remote = anOffer({ location: LYON, remotePolicy: RemotePolicy.REMOTE });
    expect(eligibility(aCandidate({ mobilityRadiusKm: 5 }), remote, reference, TODAY).eligible).toBe(true);
  });

  it('counts a hybrid job as on site', () => {
    const hybrid = anOffer({ location: LYON, remotePolicy: RemotePolicy.HYBRID });
    expect(codes(eligibility(aCandidate({ mobilityRadiusKm: 50 }), hybrid, reference, TODAY))).toEqual([EligibilityCode.OUT_OF_MOBILITY_RADIUS]);
  });

  it('does not guess an unknown location for an on-site job', () => {
    expect(codes(eligibility(aCandidate({ location: null }), anOffer(), reference, TODAY))).toEqual([EligibilityCode.LOCATION_UNKNOWN]);
    expect(eligibility(aCandidate({ location: null }), anOffer({ remotePolicy: RemotePolicy.REMOTE }), reference, TODAY).eligible).toBe(true);
  });

  it('ranks the closer of two otherwise equal jobs first, with the distance in the reason', () => {
    const near = anOffer({ id: 'z-near', location: PARIS });
    const far = anOffer({ id: 'a-far', location: VERSAILLES });
    const ranked = matchOffersForCandidate(aCandidate({ mobilityRadiusKm: 30 }), [far, near], reference, TODAY);
    expect(ranked.map((r) => r.id)).toEqual(['z-near', 'a-far']);
    const distance = ranked[1].reasons.find((r) => r.code === 'DISTANCE');
    const km = distanceKm(PARIS, VERSAILLES);
    expect(distance).toEqual({ code: 'DISTANCE', label: `${Math.round(km)} km away, within the 30 km radius`, labelFr: expect.any(String), contribution: Math.round(600 * (1 - km / 30)) / 100 });
    expect(ranked[0].reasons.find((r) => r.code === 'DISTANCE')?.contribution).toBe(6);
  });

  it('gives full distance credit to a remote job and scores the remote preference', () => {
    const remote = anOffer({ remotePolicy: RemotePolicy.REMOTE, location: LYON });
    const prefersOnSite = score(aCandidate({ remotePreference: RemotePreference.ONSITE }), remote, reference, TODAY);
    const prefersRemote = score(aCandidate({ remotePreference: RemotePreference.REMOTE }), remote, reference, TODAY);
    const part = (r: typeof prefersOnSite, code: string) => r.reasons.find((x) => x.code === code)?.contribution;
    expect(part(prefersRemote, 'DISTANCE')).toBe(6);
    expect(part(prefersRemote, 'REMOTE_PREFERENCE')).toBe(3);
    expect(part(prefersOnSite, 'REMOTE_PREFERENCE')).toBe(0.9);
    expect(prefersRemote.score - prefersOnSite.score).toBeCloseTo(2.1, 10);
  });
});
