/** The standalone host: the plugin's REST API and panel over an embedded SQLite store. */
export { startHost, type HostOptions, type RunningHost } from './start_host';
export { DEFAULTS as HOST_DEFAULTS } from './host_options';
