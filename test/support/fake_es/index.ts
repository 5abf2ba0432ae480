/** Test support: an in-memory Elasticsearch reached through the real client (see fake_elasticsearch.ts). */
export { FakeElasticsearch, type FakeElasticsearchOptions, type FakeRequest, type FakeResponse, type RecordedCall } from './fake_elasticsearch';
export { startFakeHttpElasticsearch, type FakeHttpElasticsearch } from './http_server';
export { FaultPlan, type BulkItemAction, type BulkItemFault, type BulkOp, type DelayFault, type RequestMatch, type StatusFault } from './faults';
export { LONG_MAX, LONG_MIN } from './sort';
