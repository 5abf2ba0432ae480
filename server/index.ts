/**
 * Kibana's entry point for the server plugin: an async initializer (the plugin is loaded lazily) and the config
 * descriptor (kibana-contracts.md §2).
 */
import type { PluginInitContext } from './kibana/types';
import { configDescriptor } from './config';

export const config = configDescriptor;

export async function plugin(context: PluginInitContext<unknown>) {
  const { CloudApiAbusePlugin } = await import('./plugin');
  return new CloudApiAbusePlugin(context);
}
