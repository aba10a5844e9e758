// A parent on a phone finds the published profile from the home page: types
// the school's postcode in the one search box, sees the school within 1 km,
// and opens its parent version. Then the other ways in: a kind of support,
// the school's own page and the search by support. Every page is checked
// with axe and must be no wider than the screen.
//
// The e2e imports the small DUO fixtures, where the published location is
// 04FZ00 (De Brug, 1011 AB Amsterdam); in the demo with the national file it
// is 31FN00 at 1079 AZ, found the same way.

import { DESKTOP, PHONE } from '../harness/browser.mjs';

export default async function parentFindsProfile(ctx) {
  const { DIRECTOR } = ctx.accounts;
  const office = await ctx.page('director-contact', { viewport: DESKTOP });
  const D = ctx.drive(office, { lang: 'nl' });
  const phone = await ctx.page('parent-phone', { viewport: PHONE, isMobile: true });
  const P = ctx.drive(phone, { lang: 'nl', noOverflow: true });

  // The first result's name, link and distance.
  async function firstResult() {
    const first = phone.locator('ol.found-list > li').first();
    if ((await first.count()) === 0) throw new Error(`no results on ${phone.url()}`);
    const link = first.locator('.found-name a');
    const km = await first.locator('.found-facts strong').allInnerTexts();
    return {
      name: (await link.innerText()).trim(),
      href: await link.getAttribute('href'),
      km: km.length ? Number.parseFloat(km[0].replace(',', '.')) : null,
    };
  }

  return [
    // 17. From the home page to the parent version by postcode, on a phone.
    {
      name: '17-parent-finds-profile',
      needs: ['15-profile-cycle'],
      page: phone,
      run: async () => {
        // The director gives the location's phone and e-mail (the SWV's steunpunt was set in the admin tour).
        ctx.show(office);
        await D.login(DIRECTOR, DIRECTOR.newPassword);
        await D.goto('/scholen/04FZ/vestigingen/04FZ00/contact');
        await D.fill('form#location-contact', { phone: '020 555 12 34', email: 'info@debrug.example' });
        await D.submit('form#location-contact', 'the location\'s contact details');
        await D.logout();
        ctx.show(phone);

        await P.goto('/');
        await P.expectVisible('a[href="/zoeken"]', 'the link to the search by support');
        await P.fill('form#find', { q: '1011' });
        await P.submit('form#find', 'search from the home page');
        P.expectAt('/scholen', 'q', '1011');
        await P.expectText('binnen 10 km van 1011');
        const near = await firstResult();
        if (near.name !== 'De Brug' || !(near.km <= 1)) {
          throw new Error(`first result: ${JSON.stringify(near)}, expected De Brug within 1 km`);
        }
        if (near.href !== '/scholen/04FZ00/ouders') throw new Error(`De Brug links to ${near.href}`);
        await P.goto(near.href);
        await P.expectText('Wat biedt onze school uw kind?');
        // Whom to ask: the school's phone, and the steunpunt with its contacts.
        await P.expectText('020 555 12 34');
        await P.expectText('Ouder- en jeugdsteunpunt Amsterdam');
        await P.expectText('+31 20 765 4321');

        // A kind of support finds the same location, with its level.
        await P.goto('/');
        await P.fill('form#find', { q: 'dyslexie 1011 AB' });
        await P.submit('form#find', 'search by support from the home page');
        await P.expectText('Dyslexie: standaard');
        const topic = await firstResult();
        if (topic.href !== '/scholen/04FZ00/ouders') throw new Error(`by support: ${JSON.stringify(topic)}`);

        // The school's page links to the published profile; the search by support has no SWV field.
        await P.goto('/scholen/04FZ');
        await P.expectVisible('a[href="/scholen/04FZ00/ouders"]', 'the link to the parent version');
        await P.goto('/zoeken');
        if ((await phone.locator('input[name=swv]').count()) > 0) throw new Error('the parents see an SWV field');
        await P.expectText('Hoe biedt de school het aan?');
      },
    },
  ];
}
