/** Places: gazetteer (GeoNames + curated data) and event geocoding. */
export { loadGeoIndex, createGeoIndex, ensureGeoCache, type GeoIndex, type LoadStats } from './gazetteer.js';
export { eventLocation, articlePlaces, articlePlaceCountries, datelineLocation, type ArticlePlaces, type GeoHints } from './geocode.js';
