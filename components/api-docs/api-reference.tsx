'use client';

import dynamic from 'next/dynamic';
import type { RedocRawOptions } from 'redoc';

// Redoc draws the document in the browser from the app's own bundle: nothing is fetched but the
// document itself (/api/openapi.json, same origin).
const RedocView = dynamic(() => import('./redoc-view'), {
  ssr: false,
  loading: () => <p role="status">Loading the API reference…</p>,
});

// USWDS's colours and fonts, so that the reference reads like the rest of the app and its text
// keeps the contrast the accessibility checks ask for. No side menu (see redoc-view.tsx): its
// width is 0.
const OPTIONS: RedocRawOptions = {
  disableSearch: true,
  hideDownloadButton: true,
  expandResponses: '',
  jsonSampleExpandLevel: 2,
  nativeScrollbars: true,
  requiredPropsFirst: true,
  theme: {
    colors: {
      primary: { main: '#005ea2' },
      success: { main: '#216e1f' },
      error: { main: '#b50909' },
      warning: { main: '#936f38' },
      text: { primary: '#1b1b1b', secondary: '#454545' },
      http: { get: '#005ea2', post: '#216e1f', put: '#8168b3', patch: '#936f38', delete: '#b50909' },
    },
    typography: {
      fontFamily: 'Source Sans Pro Web, Helvetica Neue, Helvetica, Roboto, Arial, sans-serif',
      headings: { fontFamily: 'Merriweather Web, Georgia, Cambria, Times New Roman, Times, serif' },
      code: { fontFamily: 'Roboto Mono Web, Bitstream Vera Sans Mono, Consolas, Courier, monospace' },
    },
    sidebar: { width: '0px' },
    rightPanel: { backgroundColor: '#1b1b1b', textColor: '#ffffff' },
  },
};

export function ApiReference({ specUrl, tag }: { specUrl: string; tag: string }) {
  return (
    <div className="pitf-api-reference">
      <RedocView key={tag} specUrl={specUrl} tag={tag} options={OPTIONS} />
    </div>
  );
}
