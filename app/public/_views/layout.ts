/**
 * The public record's own page frame: a plain header ("PITF public record", its navigation and a
 * "Staff sign-in" link), a skip link, one main landmark and a footer. USWDS's stylesheet and fonts
 * are served from the package (app/public/_views/assets.ts); the pages send no JavaScript.
 */
import { html, raw, type Html } from '@/lib/html';
import type { Status } from '@/lib/domain';
import { STATUS_LABELS } from '@/lib/domain';

export const PUBLIC_NAV = [
  { href: '/public', label: 'Progress' },
  { href: '/public/agencies', label: 'By agency' },
  { href: '/public/releases', label: 'Releases' },
  { href: '/public/statuses', label: 'What the statuses mean' },
] as const;

// Small additions to USWDS for a page without its JavaScript: the navigation is a plain list.
const STYLE = raw(`<style>
.pub-header{border-bottom:1px solid #dfe1e2;padding:1rem 0}
.pub-header .usa-logo{margin:0 0 .5rem}
.pub-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;list-style:none;margin:0;padding:0}
.pub-nav a[aria-current=page]{font-weight:700}
.pub-signin{float:right}
.pub-status{display:inline-flex;gap:.35rem;align-items:baseline;white-space:nowrap}
.pub-status--at_risk{color:#7c4d00}.pub-status--blocked{color:#b50909}.pub-status--completed{color:#216e1f}.pub-status--in_progress{color:#005ea2}.pub-status--not_started{color:#565c65}
.pub-main{padding-bottom:3rem}
.pub-footer{border-top:1px solid #dfe1e2;padding:1.5rem 0;margin-top:2rem}
.usa-table td.num,.usa-table th.num{text-align:right}
.pub-chart{margin:1rem 0}.pub-chart svg{width:100%;max-width:45rem;height:auto;font-size:14px}
.pub-legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;margin:.5rem 0 0;padding:0}
.pub-swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.35rem;vertical-align:-.1rem}
.pub-swatch--not_started{background:#71767a}.pub-swatch--in_progress{background:#005ea2}.pub-swatch--at_risk{background:#c05600}.pub-swatch--blocked{background:#b50909}.pub-swatch--completed{background:#216e1f}
</style>`);

// A symbol beside each status's words: never colour alone, and never the symbol alone either.
const STATUS_SYMBOL: Record<Status, string> = { not_started: '○', in_progress: '↻', at_risk: '⚠', blocked: '⊘', completed: '✓' };

export function statusBadge(status: Status): Html {
  return html`<span class="pub-status pub-status--${status}"><span aria-hidden="true">${STATUS_SYMBOL[status]}</span><span>${STATUS_LABELS[status]}</span></span>`;
}

export function publicPage({ title, path, body }: { title: string; path: string; body: Html }): string {
  const current = (href: string) => (href === '/public' ? path === '/public' : path === href || path.startsWith(`${href}/`));
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · PITF public record</title>
<meta name="description" content="The published record of the President’s Interagency Task Force to Monitor and Combat Trafficking in Persons: what member agencies committed to and how far they have come.">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/public/assets/uswds/css/uswds.min.css">${STYLE}</head>
<body><a class="usa-skipnav" href="#main-content">Skip to main content</a>
<header class="pub-header"><div class="grid-container">
<a class="pub-signin usa-link" href="/login">Staff sign-in</a>
<p class="usa-logo font-sans-lg text-bold"><a class="text-ink text-no-underline" href="/public">PITF public record</a></p>
<nav class="pub-nav" aria-label="Public record"><ul>${PUBLIC_NAV.map(
    (item) => html`<li><a class="usa-link" href="${item.href}"${current(item.href) ? raw(' aria-current="page"') : ''}>${item.label}</a></li>`,
  )}</ul></nav>
</div></header>
<main id="main-content" class="pub-main grid-container" tabindex="-1">${body}</main>
<footer class="pub-footer"><div class="grid-container"><p class="margin-0">Published by the President’s Interagency Task Force to Monitor and Combat Trafficking in Persons. Each release is the record as its agencies chose to publish it on that date; it does not change afterwards.</p></div></footer>
</body></html>`.value}`;
}

/** A USWDS table with a caption, column headers with their scope, numbers aligned right. */
export function table<Row>({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string | Html;
  columns: { header: string; cell: (row: Row) => Html | string | number; rowHeader?: boolean; numeric?: boolean }[];
  rows: readonly Row[];
  testId?: string;
}): Html {
  return html`<div class="usa-table-container--scrollable" tabindex="0" role="region" aria-label="${typeof caption === 'string' ? caption : 'Table'}"><table class="usa-table usa-table--borderless width-full"${testId ? html` data-testid="${testId}"` : ''}>
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${c.numeric ? raw(' class="num"') : ''}>${c.header}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr>${columns.map((c) =>
        c.rowHeader ? html`<th scope="row">${c.cell(row)}</th>` : html`<td${c.numeric ? raw(' class="num"') : ''}>${c.cell(row)}</td>`,
      )}</tr>`,
  )}</tbody></table></div>`;
}
