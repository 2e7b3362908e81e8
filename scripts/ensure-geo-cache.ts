/** Builds the gazetteer's GeoNames cache when it is missing or stale (npm test runs this first). */
import { ensureGeoCache } from '../src/geo/index.js';

ensureGeoCache();
