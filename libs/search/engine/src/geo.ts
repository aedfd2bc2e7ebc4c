import { RoaringBitmap32 } from 'roaring';
import { NumericColumn } from './numeric-column';

export const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const RAD = Math.PI / 180;

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function isLatLng(lat: unknown, lng: unknown): lat is number {
  return typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

/**
 * Document coordinates as typed arrays. A radius filter binary-searches a latitude-sorted
 * order for the band that can be in range, checks longitude (the bounding box), and only
 * then computes haversine. Distance sorting compares squared chords between unit vectors,
 * which order points exactly as great-circle distance does at a fraction of the cost.
 */
export class GeoColumn {
  private readonly lat = new NumericColumn();
  private lng: Float64Array = new Float64Array(1024).fill(NaN);
  private xyz: Float64Array = new Float64Array(3 * 1024);

  has(doc: number): boolean {
    return !Number.isNaN(this.lat.get(doc));
  }

  latOf(doc: number): number {
    return this.lat.get(doc);
  }

  lngOf(doc: number): number {
    return doc < this.lng.length ? this.lng[doc] : NaN;
  }

  set(doc: number, lat: number, lng: number): void {
    if (doc >= this.lng.length) {
      const size = Math.max(doc + 1, this.lng.length * 2);
      const grownLng = new Float64Array(size).fill(NaN);
      grownLng.set(this.lng);
      this.lng = grownLng;
      const grownXyz = new Float64Array(3 * size);
      grownXyz.set(this.xyz);
      this.xyz = grownXyz;
    }
    this.lat.set(doc, lat);
    this.lng[doc] = lng;
    const cosLat = Math.cos(lat * RAD);
    this.xyz[3 * doc] = cosLat * Math.cos(lng * RAD);
    this.xyz[3 * doc + 1] = cosLat * Math.sin(lng * RAD);
    this.xyz[3 * doc + 2] = Math.sin(lat * RAD);
  }

  unset(doc: number): void {
    this.lat.unset(doc);
    if (doc < this.lng.length) this.lng[doc] = NaN;
  }

  clear(): void {
    this.lat.clear();
    this.lng = new Float64Array(1024).fill(NaN);
    this.xyz = new Float64Array(3 * 1024);
  }

  /** Documents within `radiusKm` of the point (inclusive). */
  within(lat: number, lng: number, radiusKm: number): RoaringBitmap32 {
    const band = radiusKm / KM_PER_DEGREE;
    const maxLat = Math.min(90, Math.abs(lat) + band);
    // Near a pole, or for a radius spanning half the globe, every longitude can be in range.
    const lngBand = maxLat >= 89.9 ? 360 : band / Math.cos(maxLat * RAD);
    const inside: number[] = [];
    const lngs = this.lng;
    this.lat.forEachInRange(lat - band, lat + band, (doc) => {
      let dLng = Math.abs(lngs[doc] - lng);
      if (dLng > 180) dLng = 360 - dLng;
      if (dLng <= lngBand && haversineKm(lat, lng, this.lat.get(doc), lngs[doc]) <= radiusKm) inside.push(doc);
    });
    return new RoaringBitmap32(Uint32Array.from(inside).sort());
  }

  /** A function giving a value that orders documents by distance to the point (Infinity: no coordinates). */
  distanceKey(lat: number, lng: number): (doc: number) => number {
    const cosLat = Math.cos(lat * RAD);
    const px = cosLat * Math.cos(lng * RAD);
    const py = cosLat * Math.sin(lng * RAD);
    const pz = Math.sin(lat * RAD);
    const xyz = this.xyz;
    const lats = this.lat.values;
    return (doc) => {
      if (doc >= lats.length || Number.isNaN(lats[doc])) return Infinity;
      const dx = xyz[3 * doc] - px;
      const dy = xyz[3 * doc + 1] - py;
      const dz = xyz[3 * doc + 2] - pz;
      return dx * dx + dy * dy + dz * dz;
    };
  }

  distanceKm(doc: number, lat: number, lng: number): number | undefined {
    return this.has(doc) ? haversineKm(lat, lng, this.lat.get(doc), this.lng[doc]) : undefined;
  }

  /** Columns for a snapshot: latitude and longitude (unit vectors are recomputed). */
  export(docCount: number): { lat: Float64Array; lng: Float64Array } {
    const lat = new Float64Array(docCount).fill(NaN);
    const lng = new Float64Array(docCount).fill(NaN);
    for (let doc = 0; doc < docCount; doc++) {
      if (this.has(doc)) {
        lat[doc] = this.lat.get(doc);
        lng[doc] = this.lng[doc];
      }
    }
    return { lat, lng };
  }

  restore(lat: Float64Array, lng: Float64Array): void {
    this.clear();
    for (let doc = 0; doc < lat.length; doc++) if (!Number.isNaN(lat[doc])) this.set(doc, lat[doc], lng[doc]);
  }
}
