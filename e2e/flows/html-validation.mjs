// Runs last because it checks what all the other flows saw: the raw HTML of
// every distinct page, through the Nu Html Checker. The browser's work is
// done by then, so its pages are closed before the Java run.

import path from 'node:path';

import { validateHtml } from '../harness/vnu.mjs';

export default async function htmlValidation(ctx) {
  await ctx.closePages();

  return [
    // 12. The raw HTML of every distinct page seen is valid (Nu Html Checker).
    {
      name: '12-html-valid',
      needs: [],
      browser: false,
      run: async () => validateHtml(ctx.htmlPages, path.join(ctx.tmp, 'html')),
    },
  ];
}
