// From a gap in the region to a practice example, as the people involved
// meet it: the SWV officer finds a gap on the coverage page; a platform
// editor writes an example for that topic on the editor's form (HTML in the
// text is refused next to the field, the rest kept) and publishes it; the
// officer follows the gap's help link, finds the example and opens it.
// axe on every page (the page checks).

import { DESKTOP } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';

const TITLE = 'Samen een aanbod opzetten met de school om de hoek';

export default async function gapToExample(ctx) {
  const { ADMIN, SWV_ADMIN } = ctx.accounts;
  const officerPage = await ctx.page('gap-officer', { viewport: DESKTOP });
  const editorPage = await ctx.page('gap-editor', { viewport: DESKTOP });
  const O = ctx.drive(officerPage, { lang: 'nl' });
  const E = ctx.drive(editorPage, { lang: 'nl' });
  const state = {};

  return [
    {
      name: '22-gap-find',
      needs: ['15-profile-cycle'],
      page: officerPage,
      run: async () => {
        await O.login(SWV_ADMIN);
        await O.goto('/samenwerkingsverbanden/PO2707/dekking');
        const help = officerPage.locator('a.kb-gap-help').first();
        if ((await help.count()) === 0) throw new Error('no gap with a help link on the coverage page');
        state.helpHref = await help.getAttribute('href');
        state.category = new URL(state.helpHref, ctx.base).searchParams.get('onderwerp');
        log(`  gap: ${state.category} (${state.helpHref})`);
      },
    },
    {
      name: '22-example-write',
      needs: ['22-gap-find'],
      page: editorPage,
      run: async () => {
        await E.login(ADMIN);
        await E.goto('/kennisbank');
        await editorPage.click('a[href="/kennisbank/schrijven"]');
        await editorPage.waitForURL('**/kennisbank/schrijven');
        await editorPage.fill('#ex-title', TITLE);
        await editorPage.fill('#ex-summary', 'Twee scholen delen een specialist en zetten samen een aanbod op.');
        await editorPage.fill('#ex-body', 'Zo begon het <script>alert(1)</script>');
        await editorPage.selectOption('#ex-sector', 'po');
        await editorPage.check(`#ex-cat-${state.category}`);
        await editorPage.fill('#ex-source_name', 'Samenwerkingsverband Amstelland');
        await E.submit('form#kb-editor', 'an example with a script', { status: 422 });
        await E.expectVisible('#ex-body-error', 'the HTML message');
        if ((await editorPage.inputValue('#ex-title')) !== TITLE) throw new Error('the title was lost');
        if (!(await editorPage.isChecked(`#ex-cat-${state.category}`))) throw new Error('the topic was lost');
        await editorPage.fill(
          '#ex-body',
          '## Hoe het begon\n\nDe scholen spraken af wie wat doet.\n\n- Een gedeelde specialist\n- Een vast overleg per maand',
        );
        const publish = editorPage.locator('form#kb-editor button[value="publish"]');
        const nav = editorPage.waitForNavigation({ waitUntil: 'load' });
        await publish.click();
        await nav;
        await E.expectText('Hoe het begon');
        state.examplePath = new URL(editorPage.url()).pathname;
        if (!/^\/kennisbank\/\d+$/.test(state.examplePath)) throw new Error(`published, but at ${editorPage.url()}`);
        await E.logout();
      },
    },
    {
      name: '22-gap-to-example',
      needs: ['22-example-write'],
      page: officerPage,
      run: async () => {
        await O.goto(state.helpHref);
        const link = officerPage.locator('ul.kb-gap-examples a', { hasText: TITLE });
        if ((await link.count()) === 0) throw new Error(`the example is not among the gap's examples on ${officerPage.url()}`);
        const nav = officerPage.waitForNavigation({ waitUntil: 'load' });
        await link.first().click();
        await nav;
        if (new URL(officerPage.url()).pathname !== state.examplePath) throw new Error(`opened ${officerPage.url()}`);
        await O.expectText('Een gedeelde specialist');
        await O.logout();
      },
    },
  ];
}
