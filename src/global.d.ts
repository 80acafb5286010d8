import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** The Cytoscape instance, exposed only with ?debug=1 (end-to-end tests, benchmarks). */
    __cy?: Core;
  }
}
