import type { EventSource } from '../../../common/audit_event';
import { clip } from './clip';
import { at, fieldPath } from './ecs_path';
import { num, str, type JsonObject } from './get';

const COUNTRY = fieldPath('source.geo.country_iso_code');
const COUNTRY_NAME = fieldPath('source.geo.country_name');
const CITY = fieldPath('source.geo.city_name');
// older Azure pipelines enrich a top-level `geo` instead of `source.geo`
const TOP_COUNTRY = fieldPath('geo.country_iso_code');
const TOP_CITY = fieldPath('geo.city_name');
const ASN = fieldPath('source.as.number');
const AS_ORG = fieldPath('source.as.organization.name');

/** Geo and ASN enrichment that an Elastic pipeline added to an ECS document. */
export function ecsGeo(doc: JsonObject, source: EventSource): void {
  let country = str(at(doc, COUNTRY)) ?? str(at(doc, COUNTRY_NAME));
  let city = str(at(doc, CITY));
  if (country === undefined && city === undefined) {
    // country and city always come from the same enrichment, never one from each
    country = str(at(doc, TOP_COUNTRY));
    city = str(at(doc, TOP_CITY));
  }
  if (country !== undefined || city !== undefined) {
    source.geo = {};
    if (country !== undefined) source.geo.country = clip(country, 128);
    if (city !== undefined) source.geo.city = clip(city, 128);
  }
  const asn = num(at(doc, ASN));
  if (asn !== undefined) source.asn = asn;
  const asOrg = str(at(doc, AS_ORG));
  if (asOrg !== undefined) source.asOrg = clip(asOrg);
}
