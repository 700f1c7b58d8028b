'use client';

import { useEffect, useState } from 'react';
import {
  ApiContentWrap,
  ApiInfo,
  AppStore,
  BackgroundStub,
  ContentItems,
  OptionsProvider,
  RedocWrap,
  StoreProvider,
  ThemeProvider,
  loadAndBundleSpec,
  type RedocRawOptions,
} from 'redoc';

/**
 * Redoc's own parts, without its side menu: that menu always shows a logo loaded from Redocly's
 * servers, and this page loads nothing from anywhere but this server. The operations are grouped
 * by tag in the page's order instead. No search index either: Redoc builds it in a Web Worker made
 * from a blob, which the Content-Security-Policy (scripts by nonce only) does not allow.
 */
type Spec = Awaited<ReturnType<typeof loadAndBundleSpec>>;

/** The document cut to one section (tag): the page shows one at a time, which keeps it light enough to read and check. */
function section(spec: Spec, tag: string): Spec {
  const paths = Object.entries(spec.paths)
    .map(([path, item]) => [path, Object.fromEntries(Object.entries(item).filter(([, op]) => (op as { tags?: string[] })?.tags?.includes(tag)))] as const)
    .filter(([, item]) => Object.keys(item).length > 0);
  return { ...spec, tags: (spec.tags ?? []).filter((t) => t.name === tag), paths: Object.fromEntries(paths) };
}

export default function RedocView({ specUrl, tag, options }: { specUrl: string; tag: string; options: RedocRawOptions }) {
  const [store, setStore] = useState<AppStore | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let made: AppStore | null = null;
    let live = true;
    loadAndBundleSpec(specUrl)
      .then((spec) => {
        if (!live) return;
        made = new AppStore(section(spec, tag), specUrl, options, false);
        setStore(made);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      made?.dispose();
    };
  }, [specUrl, tag, options]);

  if (failed) {
    return (
      <div className="usa-alert usa-alert--error" role="alert">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            The API reference could not be loaded. The document itself is at <a href={specUrl}>{specUrl}</a>.
          </p>
        </div>
      </div>
    );
  }
  if (!store) return <p role="status">Loading the API reference…</p>;
  return (
    <ThemeProvider theme={store.options.theme}>
      <StoreProvider value={store}>
        <OptionsProvider value={store.options}>
          <RedocWrap className="redoc-wrap">
            <ApiContentWrap className="api-content">
              <ApiInfo store={store} />
              <ContentItems items={store.menu.items as never} />
            </ApiContentWrap>
            <BackgroundStub />
          </RedocWrap>
        </OptionsProvider>
      </StoreProvider>
    </ThemeProvider>
  );
}
