/** Maps METHOD + path to the API handlers; anything not listed is a loud 400 naming the request. */
import * as docs from './api_documents';
import * as admin from './api_indices';
import * as searching from './api_search';
import { unsupported } from './errors';
import { ok, type ApiRequest, type ApiResponse, type Engine } from './engine';

export function route(engine: Engine, req: ApiRequest): ApiResponse {
  const m = req.method.toUpperCase();
  const s = req.segments;
  const [a, b, c] = s;
  const not = (): never => {
    throw unsupported(`request [${m} /${s.join('/')}]`);
  };

  if (s.length === 0) {
    if (m === 'GET') return admin.info(engine);
    if (m === 'HEAD') return ok(null, 200);
    return not();
  }

  if (a.startsWith('_')) {
    switch (a) {
      case '_search':
        return s.length === 1 && (m === 'GET' || m === 'POST') ? searching.search(engine, req, undefined) : not();
      case '_count':
        return s.length === 1 && (m === 'GET' || m === 'POST') ? searching.count(engine, req, undefined) : not();
      case '_pit':
        return s.length === 1 && m === 'DELETE' ? searching.closePointInTime(engine, req) : not();
      case '_bulk':
        return s.length === 1 && (m === 'POST' || m === 'PUT') ? docs.bulk(engine, req, undefined) : not();
      case '_mget':
        return s.length === 1 && (m === 'GET' || m === 'POST') ? docs.mget(engine, req, undefined) : not();
      case '_refresh':
        return s.length === 1 && (m === 'GET' || m === 'POST') ? admin.refresh(engine, undefined) : not();
      case '_mapping':
        return s.length === 1 && m === 'GET' ? admin.getMapping(engine, undefined) : not();
      case '_index_template':
        if (s.length === 1 && m === 'GET') return admin.getIndexTemplates(engine, undefined, false);
        if (s.length !== 2) return not();
        if (m === 'PUT' || m === 'POST') return admin.putIndexTemplate(engine, req, b);
        if (m === 'GET' || m === 'HEAD') return admin.getIndexTemplates(engine, b, m === 'HEAD');
        if (m === 'DELETE') return admin.deleteIndexTemplate(engine, b);
        return not();
      case '_component_template':
        if (s.length === 1 && m === 'GET') return admin.getComponentTemplates(engine, undefined, false);
        if (s.length !== 2) return not();
        if (m === 'PUT' || m === 'POST') return admin.putComponentTemplate(engine, req, b);
        if (m === 'GET' || m === 'HEAD') return admin.getComponentTemplates(engine, b, m === 'HEAD');
        if (m === 'DELETE') return admin.deleteComponentTemplate(engine, b);
        return not();
      case '_data_stream':
        if (s.length === 1 && m === 'GET') return admin.getDataStreams(engine, undefined);
        if (s.length !== 2) return not();
        if (m === 'PUT') return admin.createDataStream(engine, b);
        if (m === 'GET') return admin.getDataStreams(engine, b);
        if (m === 'DELETE') return admin.deleteDataStream(engine, b);
        return not();
      default:
        return not();
    }
  }

  // Everything below starts with an index expression.
  if (s.length === 1) {
    if (m === 'HEAD') return admin.indexExists(engine, a);
    if (m === 'PUT') return admin.createIndex(engine, req, a);
    if (m === 'GET') return admin.getIndex(engine, a);
    if (m === 'DELETE') return admin.deleteIndex(engine, a);
    return not();
  }
  if (s.length === 2) {
    switch (b) {
      case '_search':
        return m === 'GET' || m === 'POST' ? searching.search(engine, req, a) : not();
      case '_count':
        return m === 'GET' || m === 'POST' ? searching.count(engine, req, a) : not();
      case '_pit':
        return m === 'POST' ? searching.openPointInTime(engine, req, a) : not();
      case '_bulk':
        return m === 'POST' || m === 'PUT' ? docs.bulk(engine, req, a) : not();
      case '_mget':
        return m === 'GET' || m === 'POST' ? docs.mget(engine, req, a) : not();
      case '_refresh':
        return m === 'GET' || m === 'POST' ? admin.refresh(engine, a) : not();
      case '_mapping':
        if (m === 'GET') return admin.getMapping(engine, a);
        if (m === 'PUT' || m === 'POST') return admin.putMapping(engine, req, a);
        return not();
      case '_update_by_query':
        return m === 'POST' ? docs.updateByQuery(engine, req, a) : not();
      case '_delete_by_query':
        return m === 'POST' ? docs.deleteByQuery(engine, req, a) : not();
      case '_doc':
        return m === 'POST' ? docs.indexDocument(engine, req, a, undefined, false) : not();
      default:
        return not();
    }
  }
  if (s.length === 3) {
    switch (b) {
      case '_doc':
        if (m === 'PUT' || m === 'POST') return docs.indexDocument(engine, req, a, c, false);
        if (m === 'GET') return docs.getDocument(engine, req, a, c, false);
        if (m === 'HEAD') {
          const r = docs.getDocument(engine, req, a, c, false);
          return ok(null, r.status);
        }
        if (m === 'DELETE') return docs.deleteDocument(engine, req, a, c);
        return not();
      case '_create':
        return m === 'PUT' || m === 'POST' ? docs.indexDocument(engine, req, a, c, true) : not();
      case '_update':
        return m === 'POST' ? docs.updateDocument(engine, req, a, c) : not();
      case '_source':
        return m === 'GET' ? docs.getDocument(engine, req, a, c, true) : not();
      default:
        return not();
    }
  }
  return not();
}
