// What an SWV admin does with the questionnaire and the region: adapt this
// school year's version (hide, reword, add a question; an emptied question of
// its own is refused next to its field), publish it, and read the coverage,
// the norm for basic support and the region's overview pages.

import { DESKTOP } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';

export default async function swvTemplate(ctx) {
  const { SWV_ADMIN } = ctx.accounts;
  // The questionnaire's session, logged out at its end.
  const qa = await ctx.page('qa', { viewport: DESKTOP });
  const Q = ctx.drive(qa, { lang: 'nl' });

  return [
    // 14. The SWV admin adapts the questionnaire for this school year: a hidden
    // question, a new wording and a question of its own are saved; emptying that
    // question is refused next to its field; then the version is published.
    {
      name: '14-swv-template',
      needs: ['04-swv-admin-accept'],
      page: qa,
      run: async () => {
        const now = new Date();
        const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
        const templatePath = `/samenwerkingsverbanden/PO2707/vragenlijst/${start}-${start + 1}`;
        await Q.login(SWV_ADMIN);
        await Q.goto(templatePath);
        await qa.fill('#t-aanbod-dyslexie-label', 'Lezen en dyslexie');
        await qa.check('#t-typering-concept-hide');
        await qa.fill('#new_label', 'Werkt de school met de onderwijszorgroute van het samenwerkingsverband?');
        await qa.selectOption('#new_section', 'E');
        await qa.selectOption('#new_kind', 'yes_no');
        await Q.submit('form#template-variant', 'template saved', { status: 200 });
        Q.expectAt(templatePath, 'melding', 'opgeslagen');
        await Q.expectText('swv.po2707.vraag1');
        await qa.fill('input[name="own:swv.po2707.vraag1"]', '');
        await Q.submit('form#template-variant', 'template (own question emptied)', { status: 422 });
        log(`  error shown: ${JSON.stringify(await Q.expectVisible('#own-1-error', 'field error'))}`);
        await Q.goto(templatePath);
        await Q.submit('form#publish-template', 'template published', { status: 200 });
        Q.expectAt(templatePath, 'melding', 'gepubliceerd');
        await Q.expectText('Gepubliceerd op');
        await Q.goto('/dashboard');
        // The region's coverage: filtered by level, gaps listed apart from
        // the areas too few profiles tell about; either opens the map.
        await Q.goto('/samenwerkingsverbanden/PO2707/dekking');
        await qa.selectOption('#f-niveau', 'na_overleg');
        const filtered = qa.waitForNavigation({ waitUntil: 'load' });
        await qa.click('form#coverage-filter button[type=submit]');
        await filtered;
        await Q.axeCheck('coverage filtered');
        await Q.expectText('Gaten in het aanbod');
        await Q.expectText('Nog niet te zeggen');
        const gap = await qa.locator('ul.gaps a, ul.unknown-areas a').first().getAttribute('href');
        if (!gap) throw new Error('no gap or unknown area to open on the coverage page');
        await Q.goto(gap);
        await Q.expectText('Kaart:');
        await Q.goto('/samenwerkingsverbanden/PO2707/basisondersteuning');
        await qa.selectOption('select[name="min:aanbod.dyslexie"]', 'standaard');
        await Q.submit('form#norm', 'norm saved', { status: 200 });
        await Q.goto('/samenwerkingsverbanden/PO2707/status');
        await Q.goto('/samenwerkingsverbanden/PO2707/deskundigheid');
        await Q.goto('/samenwerkingsverbanden/PO2707/trends');
        await Q.logout();
      },
    },
  ];
}
