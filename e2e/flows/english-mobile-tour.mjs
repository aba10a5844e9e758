// The English interface at phone width, a combination no other flow covers:
// public pages, the director's own pages and a refused page, each required
// to have <html lang="en"> and to be no wider than the screen. Switches the
// language back through the same link a visitor uses.

import { PHONE } from '../harness/browser.mjs';

export default async function englishMobileTour(ctx) {
  const { DIRECTOR } = ctx.accounts;
  const phone = await ctx.page('phone', { viewport: PHONE, isMobile: true });
  const M = ctx.drive(phone, { lang: 'en', noOverflow: true });

  return [
    // 10. In English on a phone: public pages, the director's pages and a 403;
    // every page in English and no wider than the screen. Then back to Dutch.
    {
      name: '10-tour-english-mobile',
      needs: ['07-director-accept'],
      page: phone,
      run: async () => {
        await M.goto('/taal/en?terug=/');
        M.expectAt('/');
        await M.goto('/scholen?q=brug');
        await M.expectText('De Brug');
        await M.goto('/scholen/04FZ');
        await M.goto('/samenwerkingsverbanden');
        await M.goto('/samenwerkingsverbanden/PO2707');
        await M.goto('/inloggen');
        await M.login(DIRECTOR);
        await M.expectText(DIRECTOR.name);
        await M.goto('/organisaties/school/04FZ/leden');
        await M.goto('/beheer/outbox', { status: 403 });
        M.setLang('nl');
        await M.goto('/taal/nl?terug=/');
        M.expectAt('/');
      },
    },
  ];
}
