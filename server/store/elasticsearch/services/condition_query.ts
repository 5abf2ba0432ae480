/**
 * A catalog condition (catalog/conditions.ts) as a query on the log's indexed fields. `present` and `equals` are
 * exact on object and flattened fields. `mentions` (a substring of any key or value) is exact where the log keeps a
 * keyword copy of the request as text (CloudTrail); elsewhere Elasticsearch indexes flattened values only, whole, so
 * it becomes "some value equals the text" (in its usual cases), which holds for the values conditions name
 * (startup-script, allUsers, 0.0.0.0/0) but never finds a key.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EntryCondition, FieldCondition } from '../../../analytic/catalog';
import type { ConditionFields } from './coverage_datasets';

type Query = estypes.QueryDslQueryContainer;

export function conditionQuery(condition: EntryCondition, fields: ConditionFields): Query {
  if ('not' in condition) return { bool: { must_not: [conditionQuery(condition.not, fields)] } };
  if ('anyOf' in condition) return { bool: { should: condition.anyOf.map((c) => conditionQuery(c, fields)), minimum_should_match: 1 } };
  if ('allOf' in condition) return { bool: { filter: condition.allOf.map((c) => conditionQuery(c, fields)) } };
  if ('caller' in condition) return fields.direct;
  return fieldQuery(condition, fields);
}

function fieldQuery(c: FieldCondition, fields: ConditionFields): Query {
  const roots = c.in === 'details' ? fields.details : fields.request;
  const paths = roots.map((root) => (c.path === '' ? root : `${root}.${c.path}`));
  const tests: Query[] = [];
  if (c.present === true) tests.push(anyOf(paths.map((field) => ({ exists: { field } }))));
  if (c.present === false) tests.push({ bool: { must_not: paths.map((field) => ({ exists: { field } })) } });
  if (c.equals !== undefined) {
    const value = c.equals;
    tests.push(anyOf(paths.map((field) => equalsQuery(field, value))));
  }
  if (c.mentions !== undefined) tests.push(mentionsQuery(c, paths, fields));
  return tests.length === 1 ? tests[0] : { bool: { filter: tests } };
}

function anyOf(should: Query[]): Query {
  return should.length === 1 ? should[0] : { bool: { should, minimum_should_match: 1 } };
}

/**
 * Flattened fields hold every leaf as a keyword (`true` is "true"), and the catalog compares as text ignoring case
 * (CloudTrail logs some booleans as "TRUE"); object fields keep their own type, so the value itself is tried too.
 */
function equalsQuery(field: string, value: string | number | boolean): Query {
  const asText: Query = { term: { [field]: { value: String(value), case_insensitive: true } } };
  return typeof value === 'string' ? asText : { bool: { should: [{ term: { [field]: value } }, asText], minimum_should_match: 1 } };
}

function mentionsQuery(c: FieldCondition, paths: string[], fields: ConditionFields): Query {
  const needle = c.mentions as string;
  if (fields.requestText !== undefined) {
    return { wildcard: { [fields.requestText]: { value: `*${escapeWildcard(needle)}*`, case_insensitive: true } } };
  }
  const variants = [...new Set([needle, needle.toLowerCase(), needle.toUpperCase(), needle.charAt(0).toUpperCase() + needle.slice(1).toLowerCase()])];
  return anyOf(paths.map((field) => ({ terms: { [field]: variants } })));
}

function escapeWildcard(s: string): string {
  return s.replace(/[\\*?]/g, (ch) => `\\${ch}`);
}
