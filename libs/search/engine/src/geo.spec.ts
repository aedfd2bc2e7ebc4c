import { GeoColumn, haversineKm } from './geo';

const PARIS = { lat: 48.8566, lng: 2.3522 };

describe('geo', () => {
  it('computes great-circle distances', () => {
    expect(haversineKm(PARIS.lat, PARIS.lng, 45.764, 4.8357)).toBeCloseTo(392, -1);
    expect(haversineKm(PARIS.lat, PARIS.lng, PARIS.lat, PARIS.lng)).toBe(0);
  });

  it('finds exactly the points within a radius (bounding box then haversine)', () => {
    const geo = new GeoColumn();
    const points: { lat: number; lng: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const point = { lat: 47 + ((i * 37) % 400) / 100, lng: 0.5 + ((i * 53) % 400) / 100 };
      points.push(point);
      geo.set(i, point.lat, point.lng);
    }
    for (const radius of [0, 5, 30, 120]) {
      const expected = points.flatMap((p, doc) => (haversineKm(PARIS.lat, PARIS.lng, p.lat, p.lng) <= radius ? [doc] : []));
      expect(geo.within(PARIS.lat, PARIS.lng, radius).toArray()).toEqual(expected);
    }
  });

  it('handles the antimeridian', () => {
    const geo = new GeoColumn();
    geo.set(0, -17.7, 179.9);
    geo.set(1, -17.7, -179.9);
    geo.set(2, -17.7, 170);
    expect(geo.within(-17.7, 179.95, 30).toArray()).toEqual([0, 1]);
  });

  it('orders by distance with its sort key, documents without coordinates last', () => {
    const geo = new GeoColumn();
    geo.set(0, 45.764, 4.8357); // Lyon
    geo.set(1, 48.8049, 2.1204); // Versailles
    geo.set(3, 43.2965, 5.3698); // Marseille
    const key = geo.distanceKey(PARIS.lat, PARIS.lng);
    expect([0, 1, 2, 3].sort((a, b) => key(a) - key(b) || a - b)).toEqual([1, 0, 3, 2]);
    expect(key(2)).toBe(Infinity);
  });
});
