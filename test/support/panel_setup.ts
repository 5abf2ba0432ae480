/** What jsdom lacks and EUI and @elastic/charts expect of a browser. */
import { TextDecoder, TextEncoder } from 'node:util';
import { configure } from '@testing-library/react';

Object.assign(globalThis, { TextEncoder, TextDecoder });

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) Object.assign(window, { ResizeObserver: NoopResizeObserver });
Object.assign(globalThis, { ResizeObserver: window.ResizeObserver });

// EuiComboBox measures its input on a 2D canvas, which jsdom does not have: a stand-in that measures text roughly.
HTMLCanvasElement.prototype.getContext = (() => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) })) as unknown as typeof HTMLCanvasElement.prototype.getContext;

// EUI's virtualized lists and popovers measure elements; jsdom returns zeros, which is fine, but scrollTo is missing.
if (!window.HTMLElement.prototype.scrollTo) window.HTMLElement.prototype.scrollTo = () => {};
if (!window.HTMLElement.prototype.scrollIntoView) window.HTMLElement.prototype.scrollIntoView = () => {};

// EUI and Kibana name test hooks `data-test-subj`; queries by test id use it.
configure({ testIdAttribute: 'data-test-subj' });

// jsdom computes a style by matching every stylesheet rule against the element, and EUI's emotion styles are thousands
// of rules: each query or click that asks for visibility took seconds. The tests check behaviour and text, not
// layout, so the element's own inline style stands for its computed style.
window.getComputedStyle = ((element: Element) => (element as HTMLElement).style ?? document.createElement('div').style) as typeof window.getComputedStyle;
