// The SWV's yearly conversation with a school, as the people in it do it:
// the SWV admin plans it from the list (a refused date shows next to its
// field), the director finds it on the phone and prepares (an answer saves as
// it is typed; a negative count is refused next to its field), the SWV
// records that it was held and an agreement, both confirm, and the report
// page and PDF open. axe on every page (the page checks), no sideways scroll
// on the phone.

import { DESKTOP, PHONE } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';

export default async function conversation(ctx) {
  const { SWV_ADMIN, DIRECTOR } = ctx.accounts;
  const officerPage = await ctx.page('conversation-swv', { viewport: DESKTOP });
  const directorPage = await ctx.page('conversation-director', { viewport: PHONE });
  const O = ctx.drive(officerPage, { lang: 'nl' });
  const D = ctx.drive(directorPage, { lang: 'nl', noOverflow: true });
  const state = {};

  return [
    {
      name: '20-conversation-plan',
      needs: ['15-profile-cycle'],
      page: officerPage,
      run: async () => {
        await O.login(SWV_ADMIN);
        await O.goto('/samenwerkingsverbanden/PO2707/gesprekken?locatie=04FZ00');
        await O.expectText('Niet gepland');
        const next = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
        await officerPage.selectOption('#plan-location', '04FZ00');
        await officerPage.fill('#plan-time', '10:30');
        await officerPage.fill('#plan-place', 'Kamer van de directeur');
        await officerPage.fill('#a0_name', DIRECTOR.name);
        await officerPage.fill('#a0_role', 'directeur');
        await officerPage.fill('#a0_email', DIRECTOR.email);
        // No date yet: refused next to the field, nothing planned.
        await O.submit('form#cvp-plan', 'plan without a date', { status: 422 });
        log(`  error shown: ${JSON.stringify(await O.expectVisible('#plan-date-error', 'date error'))}`);
        await officerPage.fill('#plan-date', next);
        await O.submit('form#cvp-plan', 'plan', { status: 200 });
        await O.expectText('Het gesprek is gepland');
        state.path = new URL(officerPage.url()).pathname;
        if (!/^\/gesprekken\/\d+$/.test(state.path)) throw new Error(`planned, but at ${officerPage.url()}`);
      },
    },
    {
      name: '20-conversation-prepare',
      needs: ['20-conversation-plan'],
      page: directorPage,
      run: async () => {
        await D.login(DIRECTOR, DIRECTOR.newPassword);
        await D.goto('/scholen/04FZ/gesprekken');
        await D.goto(state.path);
        // An open question saves as it is typed.
        const text = directorPage.locator('form#cvp-answers fieldset[data-kind="text"]').first();
        await text.locator('textarea').fill('We willen de overstap naar het voortgezet onderwijs samen voorbereiden.');
        await text.locator('.save-status', { hasText: 'Opgeslagen' }).waitFor({ timeout: 10000 });
        // A negative count is refused next to its field when the form is sent whole.
        const figure = directorPage.locator('form#cvp-answers fieldset[data-kind="figure"]').first();
        const figureKey = await figure.getAttribute('data-key');
        await figure.locator(`input[name="v:${figureKey}"]`).fill('-2');
        await D.submit('form#cvp-answers', 'answers with a negative count', { status: 422 });
        await D.expectVisible(`#q-${figureKey.replaceAll('.', '\\.')}-error`, 'count error');
        await directorPage.locator(`input[name="v:${figureKey}"]`).fill('4');
        await D.submit('form#cvp-answers', 'answers', { status: 200 });
        await D.expectText('De wijzigingen zijn opgeslagen');
        const kept = await directorPage.locator('form#cvp-answers fieldset[data-kind="text"] textarea').first().inputValue();
        if (!kept.includes('We willen de overstap')) throw new Error(`the prepared answer is gone: ${JSON.stringify(kept)}`);
      },
    },
    {
      name: '20-conversation-hold',
      needs: ['20-conversation-prepare'],
      page: officerPage,
      run: async () => {
        await O.goto(state.path);
        await officerPage.check('#details-held');
        await officerPage.fill('#details-report_author', SWV_ADMIN.name);
        await O.submit('form#cvp-details', 'held', { status: 200 });
        await O.expectText('Voorbereid door de school');
        await officerPage.fill('#agreement-what', 'Een overstapplan maken met de twee vo-scholen in de buurt');
        await officerPage.fill('#agreement-who', 'intern begeleider');
        await officerPage.fill('#agreement-due', new Date(Date.now() + 120 * 24 * 3600 * 1000).toISOString().slice(0, 10));
        await O.submit('form#cvp-agreement', 'agreement', { status: 200 });
        await O.expectText('Een overstapplan maken met de twee vo-scholen in de buurt');
        await O.submit('form#cvp-confirm', 'confirm (SWV)', { status: 200 });
        await O.expectText('Het verslag is bevestigd');
      },
    },
    {
      name: '20-conversation-confirm',
      needs: ['20-conversation-hold'],
      page: directorPage,
      run: async () => {
        await D.goto(state.path);
        await D.submit('form#cvp-confirm', 'confirm (school)', { status: 200 });
        await D.goto(`${state.path}/verslag`);
        await D.expectText('Vingerafdruk');
        await D.expectText('Een overstapplan maken met de twee vo-scholen in de buurt');
        const pdf = await directorPage.request.get(new URL(`${state.path}/verslag.pdf`, ctx.base).href);
        if (pdf.status() !== 200 || !(await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-'))) {
          throw new Error(`verslag.pdf answered ${pdf.status()}`);
        }
        await D.logout();
        await O.logout();
      },
    },
  ];
}
