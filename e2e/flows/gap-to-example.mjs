// From a gap in the region to a practice example, as the people involved
// meet it: the director starts the profile of the school's second location
// and says it offers no behaviour support (through the API, as setup); the
// SWV officer lowers the share of profiles the coverage needs (the e2e region
// has few) and finds a gap on the coverage page; a platform
// editor writes an example for that topic on the editor's form (HTML in the
// text is refused next to the field, the rest kept) and publishes it; the
// officer follows the gap's help link, finds the example and opens it.
// axe on every page (the page checks).

import { DESKTOP } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';

const TITLE = 'Samen een aanbod opzetten met de school om de hoek';

export default async function gapToExample(ctx) {
  const { ADMIN, SWV_ADMIN, DIRECTOR } = ctx.accounts;
  const directorPage = await ctx.page('gap-director', { viewport: DESKTOP });
  const D = ctx.drive(directorPage, { lang: 'nl' });
  const officerPage = await ctx.page('gap-officer', { viewport: DESKTOP });
  const editorPage = await ctx.page('gap-editor', { viewport: DESKTOP });
  const O = ctx.drive(officerPage, { lang: 'nl' });
  const E = ctx.drive(editorPage, { lang: 'nl' });
  const state = {};

  return [
    {
      name: '22-gap-setup',
      needs: ['15-profile-cycle'],
      page: directorPage,
      run: async () => {
        await D.login(DIRECTOR, DIRECTOR.newPassword);
        await D.goto('/scholen/04FZ');
        const csrf = await directorPage.locator('input[name=csrf_token]').first().inputValue();
        const now = new Date();
        const from = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
        const api = (p) => new URL(p, ctx.base).href;
        const started = await directorPage.request.post(api('/api/v1/schools/04FZ/profiles'), {
          headers: { 'x-csrf-token': csrf },
          data: { location: '04FZ01', school_year: `${from}-${from + 1}` },
        });
        if (started.status() !== 201) throw new Error(`starting 04FZ01: HTTP ${started.status()} ${await started.text()}`);
        const { id } = await started.json();
        const saved = await directorPage.request.put(api(`/api/v1/profiles/${id}/answers/aanbod.gedrag`), {
          headers: { 'x-csrf-token': csrf },
          data: { value: 'niet', version: 0 },
        });
        if (saved.status() !== 200) throw new Error(`answering: HTTP ${saved.status()} ${await saved.text()}`);
        await D.logout();
      },
    },
    {
      name: '22-gap-find',
      needs: ['22-gap-setup'],
      page: officerPage,
      run: async () => {
        await O.login(SWV_ADMIN);
        await O.goto('/samenwerkingsverbanden/PO2707/dekking');
        // Few schools of the e2e region have a profile: the SWV counts a gap from 30 % on.
        await officerPage.fill('#t-percent', '30');
        await O.submit('form#coverage-threshold', 'the threshold', { status: 200 });
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
