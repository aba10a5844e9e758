// The Scan Passend Onderwijs on a phone, as the people in it use it: the
// director opens a round for the team and parents and finds the parents'
// link; a parent opens that link (no account), sends nothing and is told so,
// has a remark with a birth date refused next to it (the choices kept), then
// answers; four more parents answer
// (through the same API the form uses, each from a browser of their own);
// the director sees the five answers counted, closes the round (the link then
// says it is closed), reads the results with the parents' group shown, and
// turns the claim the parents do not recognise (dyslexia support said to be
// standard) into a wish on the profile's wish list. The SWV admin adds a
// statement of its own and sees a hard one refused next to the field. axe on
// every page (the page checks), no sideways scroll on the phone.

import { DESKTOP, PHONE } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';

export default async function scan(ctx) {
  const { DIRECTOR, SWV_ADMIN } = ctx.accounts;
  const directorPage = await ctx.page('scan-director', { viewport: PHONE });
  const parentPage = await ctx.page('scan-parent', { viewport: PHONE });
  const officerPage = await ctx.page('scan-swv', { viewport: DESKTOP });
  const D = ctx.drive(directorPage, { lang: 'nl', noOverflow: true });
  const P = ctx.drive(parentPage, { lang: 'nl', noOverflow: true });
  const O = ctx.drive(officerPage, { lang: 'nl' });
  const state = {};

  // Every parent statement answered with `reply`, except `skip`.
  async function answerAll(reply, skip = null) {
    const names = await parentPage
      .locator('form#scan-form input[type=radio]')
      .evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
    for (const name of names) {
      if (name === skip) continue;
      await parentPage.check(`form#scan-form input[name="${name}"][value="${reply}"]`);
    }
    return names;
  }

  return [
    {
      name: '21-scan-open',
      needs: ['15-profile-cycle'],
      page: directorPage,
      run: async () => {
        await D.login(DIRECTOR, DIRECTOR.newPassword);
        await D.goto('/scholen/04FZ/scans');
        for (const group of ['ib', 'director', 'pupils']) await directorPage.uncheck(`#scan-group-${group}`);
        await D.submit('form#scan-open', 'open a round', { status: 200 });
        await D.expectText('Links per groep');
        state.path = new URL(directorPage.url()).pathname;
        if (!/^\/scans\/\d+$/.test(state.path)) throw new Error(`opened, but at ${directorPage.url()}`);
        state.parentLink = await directorPage.inputValue('#scan-link-parents');
        log(`  parents' link: ${state.parentLink}`);
        const qr = await directorPage.request.get(new URL(`${state.path}/qr/parents`, ctx.base).href);
        if (qr.status() !== 200 || !(await qr.text()).includes('<svg')) throw new Error(`QR code answered ${qr.status()}`);
        await D.expectText('0 antwoorden');
      },
    },
    {
      name: '21-scan-parent-answers',
      needs: ['21-scan-open'],
      page: parentPage,
      run: async () => {
        await P.goto(new URL(state.parentLink).pathname);
        await P.expectText('Er zijn geen goede of foute antwoorden');
        // Nothing chosen: the form says so, nothing stored.
        await P.submit('form#scan-form', 'no answers', { status: 422 });
        await P.expectVisible('.error-summary', 'the empty form message');
        // A remark with a birth date is refused next to it; the choices stay.
        const names = await answerAll('oneens');
        const remark = 'form#scan-form textarea[name="r.positie_ouder"]';
        await parentPage.fill(remark, 'Mijn zoon is geboren op 12-03-2016 en heeft moeite met lezen.');
        await P.submit('form#scan-form', 'a remark with a birth date', { status: 422 });
        await P.expectVisible('#rm-positie_ouder-error', 'the birth date message');
        const still = await parentPage.locator('form#scan-form input[type=radio]:checked').count();
        if (still !== names.length) throw new Error(`${still} of ${names.length} choices kept after the refusal`);
        await parentPage.fill(remark, 'Ik weet niet goed bij wie ik moet zijn met een vraag.');
        await P.submit('form#scan-form', 'answers', { status: 200 });
        await P.expectText('Dank u wel');
        state.keys = names.map((n) => n.replace(/^a\./, ''));
        // The same browser cannot answer twice.
        await P.goto(new URL(state.parentLink).pathname);
        await P.expectText('al ingevuld');
        // Four more parents, each from a browser of their own.
        const code = new URL(state.parentLink).pathname.replace(/^\/scan\//, '');
        for (let i = 0; i < 4; i += 1) {
          const answers = Object.fromEntries(state.keys.map((k) => [k, i === 0 ? 'eens' : 'oneens']));
          const sent = await fetch(new URL(`/api/v1/scan-links/${code}/responses`, ctx.base), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ answers }),
          });
          if (sent.status !== 201) throw new Error(`parent ${i + 2}: HTTP ${sent.status} ${await sent.text()}`);
        }
      },
    },
    {
      name: '21-scan-close-and-read',
      needs: ['21-scan-parent-answers'],
      page: directorPage,
      run: async () => {
        await D.goto(state.path);
        const count = (await directorPage.locator('.scan-count[data-group="parents"]').innerText()).trim();
        if (count !== '5 antwoorden') throw new Error(`parents counted: ${JSON.stringify(count)}`);
        await D.submit('form#scan-close', 'close the round', { status: 200 });
        await D.expectText('Gesloten');
        // Five parents: their group is shown; the team (no answers) is held back.
        const parents = await directorPage.locator('#group-parents').innerText();
        if (parents.includes('Te weinig antwoorden')) throw new Error(`parents held back with five: ${parents}`);
        const team = await directorPage.locator('#group-team').innerText();
        if (!team.includes('Te weinig antwoorden')) throw new Error(`team shown without answers: ${team}`);
        const toTest = await directorPage.locator('ul.scan-to-test').innerText();
        if (!toTest.includes('Dyslexie')) throw new Error(`dyslexia not te toetsen: ${toTest}`);
        const pdf = await directorPage.request.get(new URL(`${state.path}/rapport.pdf`, ctx.base).href);
        if (pdf.status() !== 200 || !(await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-'))) {
          throw new Error(`rapport.pdf answered ${pdf.status()}`);
        }
      },
    },
    {
      name: '21-scan-closed-link',
      needs: ['21-scan-close-and-read'],
      page: parentPage,
      run: async () => {
        // A new browser would see the round closed; this one already answered.
        const fresh = await ctx.page('scan-late-parent', { viewport: PHONE });
        const L = ctx.drive(fresh, { lang: 'nl', noOverflow: true });
        await L.goto(new URL(state.parentLink).pathname);
        await L.expectText('Deze scan is gesloten');
        if ((await fresh.locator('form#scan-form').count()) !== 0) throw new Error('a closed round still shows its form');
      },
    },
    {
      name: '21-scan-wish',
      needs: ['21-scan-close-and-read'],
      page: directorPage,
      run: async () => {
        await D.goto(state.path);
        const pick = directorPage.locator('form#scan-wishes li.choice', { hasText: 'Dyslexie' }).first();
        await pick.locator('input[type=checkbox]').check();
        // No one named: refused next to the field, the pick kept.
        await D.submit('form#scan-wishes', 'wish without an owner', { status: 422 });
        await D.expectVisible('#wish-owner-error', 'owner error');
        const kept = directorPage.locator('form#scan-wishes li.choice', { hasText: 'Dyslexie' }).first();
        if (!(await kept.locator('input[type=checkbox]').isChecked())) throw new Error('the pick was lost');
        // Wishes go to next year's profile: the director starts it (through the API, as setup).
        const csrf = await directorPage.locator('input[name=csrf_token]').first().inputValue();
        const now = new Date();
        const from = (now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1) + 1;
        const started = await directorPage.request.post(new URL('/api/v1/schools/04FZ/profiles', ctx.base).href, {
          headers: { 'x-csrf-token': csrf },
          data: { location: '04FZ00', school_year: `${from}-${from + 1}` },
        });
        if (started.status() !== 201) throw new Error(`next year's profile: HTTP ${started.status()} ${await started.text()}`);
        await directorPage.fill('#wish-owner', 'Intern begeleider');
        await D.submit('form#scan-wishes', 'wish', { status: 200 });
        if (!/\/profielen\/\d+\/planning$/.test(new URL(directorPage.url()).pathname)) {
          throw new Error(`after the wish, at ${directorPage.url()}`);
        }
        await D.expectText('Scan Passend Onderwijs');
        await D.expectText('Dyslexie');
        await D.logout();
      },
    },
    {
      name: '21-scan-swv-statement',
      needs: ['21-scan-open'],
      page: officerPage,
      run: async () => {
        await O.login(SWV_ADMIN);
        await O.goto('/samenwerkingsverbanden/PO2707/scans');
        await officerPage.selectOption('#own-domain', 'positie_ouder');
        await officerPage.check('#own-group-parents');
        await officerPage.fill('#own-text', 'De intern begeleider bespreekt het groepsplan met mij.');
        await O.submit('form[action$="/scans/stellingen"]', 'a statement in jargon', { status: 422 });
        log(`  refused: ${await O.expectVisible('#own-text-error', 'the jargon message')}`);
        await officerPage.fill('#own-text', 'Ik weet wat de school doet als mijn kind extra hulp nodig heeft.');
        await officerPage.selectOption('#own-claim', 'basis:ondersteuningsstructuur');
        await O.submit('form[action$="/scans/stellingen"]', 'a plain statement', { status: 200 });
        await O.expectText('De stelling is toegevoegd');
        await O.expectText('Ik weet wat de school doet als mijn kind extra hulp nodig heeft.');
        await O.logout();
      },
    },
  ];
}
