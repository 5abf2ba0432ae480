/** The integration suite needs a cluster; say how to give it one instead of passing vacuously. */
module.exports = async () => {
  if (!process.env.ES_URL) {
    throw new Error('set ES_URL (and ES_API_KEY, or ES_USERNAME and ES_PASSWORD) to run the integration suite against a real Elasticsearch');
  }
};
