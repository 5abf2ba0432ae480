/** Names shared by the server, the browser app and the standalone host. */
export const PLUGIN_ID = 'cloudApiAbuse';
export const PLUGIN_NAME = 'Cloud API Abuse';
export const DEFAULT_SPACE = 'default';
