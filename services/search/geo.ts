/** Great-circle distances on a spherical earth (haversine), good to ~0.5 % anywhere in the Netherlands. */
import type { GeoPoint } from '../core/model';

/** The mean earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** The great-circle distance between two points in kilometres. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A circle: every point at most `radiusKm` from the centre. */
export interface Circle {
  center: GeoPoint;
  radiusKm: number;
}

// A micrometre of slack, so that a point computed to lie exactly on the boundary is not lost to rounding.
const BOUNDARY_SLACK_KM = 1e-9;

/**
 * A test for "within the circle, boundary included". A latitude band rejects most points before the
 * trigonometry (one degree of latitude is ~111 km everywhere).
 */
export function withinCircle(circle: Circle): (p: GeoPoint) => boolean {
  const band = circle.radiusKm / 111 + 0.01;
  const limit = circle.radiusKm + BOUNDARY_SLACK_KM;
  return (p) => Math.abs(p.latitude - circle.center.latitude) <= band && haversineKm(circle.center, p) <= limit;
}
