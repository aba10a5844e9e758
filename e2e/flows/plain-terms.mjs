// The SWV's own words for the plain-language assistant (issue 17): the SWV
// admin adds a term with its plain alternative on the SWV's page (an empty
// term is refused next to its field), and the live hints for a school in the
// SWV then name it. Every page is checked with axe.

import { DESKTOP } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';

export default async function plainTerms(ctx) {
  const { SWV_ADMIN } = ctx.accounts;
  const page = await ctx.page('plain-terms', { viewport: DESKTOP });
  const S = ctx.drive(page, { lang: 'nl' });

  return [
    {
      name: '18-plain-terms',
      needs: ['14-swv-template'],
      page,
      run: async () => {
        const termsPath = '/samenwerkingsverbanden/PO2707/vaktaal';
        await S.login(SWV_ADMIN);
        await S.goto('/samenwerkingsverbanden/PO2707/dekking');
        await S.expectVisible(`a[href="${termsPath}"]`, 'the link to the own jargon');
        await S.goto(termsPath);
        await S.fill('form#plain-term-add', { term: '', plain: 'het team van school en gemeente' });
        await page.locator('#t-term').evaluate((input) => input.removeAttribute('required'));
        await S.submit('form#plain-term-add', 'an empty term', { status: 422 });
        log(`  error shown: ${JSON.stringify(await S.expectVisible('#t-term-error', 'field error'))}`);
        await S.axeCheck('own jargon with a field error');
        await S.fill('form#plain-term-add', { term: 'kernteam jeugd', plain: 'het team van school en gemeente' });
        await S.submit('form#plain-term-add', 'term added', { status: 200 });
        S.expectAt(termsPath, 'melding', 'opgeslagen');
        await S.expectText('kernteam jeugd');
        // The live hints for a school in the SWV name the term, in another form too.
        const answer = await page.evaluate(async () => {
          const response = await fetch('/api/v1/readability', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: 'Wij bespreken uw kind in het kernteam jeugd van de wijk.', swvs: ['PO2707'] }),
          });
          return response.json();
        });
        const own = answer.jargon.find((j) => j.term === 'kernteam jeugd');
        if (!own || !own.own) throw new Error(`the SWV's term is not in the live hints: ${JSON.stringify(answer.jargon)}`);
        if (!answer.hints.some((h) => h.includes('het team van school en gemeente'))) {
          throw new Error(`no hint with the plain alternative: ${JSON.stringify(answer.hints)}`);
        }
        await S.logout();
      },
    },
  ];
}
