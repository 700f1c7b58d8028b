import { describe, expect, it } from 'vitest';
import { html, raw } from './html';

describe('html', () => {
  it('escapes every value from the record, joins lists and leaves out empty parts', () => {
    const title = '<script>alert("x")</script> & more';
    const out = html`<p title="${title}">${title}</p>${[html`<i>${1}</i>`, null, false, 'a']}${raw('<br>')}`;
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p><i>1</i>a<br>',
    );
  });
});
