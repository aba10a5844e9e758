// The published profile as the public sees it, anonymously on a phone, in
// Dutch and in Arabic, so a right-to-left page (dir="rtl") is checked too.
// Also the parents' PDF, and a location without a published profile (404).

import { PHONE } from '../harness/browser.mjs';

export default async function publicPages(ctx) {
  const publicPhone = await ctx.page('public-phone', { viewport: PHONE });

  return [
    // 16. The published profile's public pages, anonymously on a phone, in
    // Dutch and in Arabic (right to left): axe and (step 12) the Nu checker.
    {
      name: '16-public-pages',
      needs: ['15-profile-cycle'],
      page: publicPhone,
      run: async () => {
        const code = '04FZ00';
        for (const [lang, query] of [['nl', ''], ['ar', '?taal=ar']]) {
          const S = ctx.drive(publicPhone, { lang, noOverflow: true });
          for (const suffix of ['', '/ouders', '/schoolgids', '/insluiten']) {
            await S.goto(`/scholen/${code}${suffix}${query}`);
          }
          if (lang === 'ar') {
            const dir = await publicPhone.evaluate(() => document.documentElement.dir);
            if (dir !== 'rtl') throw new Error(`Arabic page has dir="${dir}"`);
          }
          await S.goto(`/zoeken${query}`);
          await S.goto(`/zoeken?gemeente=Amsterdam&onderwerp=dyslexie&niveau=na_overleg${query ? '&taal=ar' : ''}`);
          await S.goto(`/zoeken?postcode=12&onderwerp=dyslexie${query ? '&taal=ar' : ''}`, { status: 422 });
        }
        const S = ctx.drive(publicPhone, { lang: 'nl', noOverflow: true });
        await S.goto(`/scholen/${code}/vensters`);
        await S.goto(`/scholen/${code}`);
        const pdf = await publicPhone.request.get(new URL(`/scholen/${code}/ouders.pdf`, ctx.base).href);
        if (pdf.status() !== 200 || !(await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-'))) {
          throw new Error(`ouders.pdf answered ${pdf.status()}`);
        }
        // Another location of the school has no published profile.
        await S.goto('/scholen/04FZ01', { status: 404 });
      },
    },
  ];
}
