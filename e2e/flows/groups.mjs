// A closed group as its people meet it: the platform admin makes the group on
// the groups page (an empty name is refused next to the field), writes the
// first message, shares a file (a refused one first: the reason is next to
// the file field and nothing is listed) and invites the director by address.
// The director gets the mail through the real SMTP sink, follows its link on
// a phone, reads the message, downloads the file (only through Passend, as an
// attachment) and answers. The admin hands moderation on; the director now
// keeps the group and the admin, no member, is told the group needs a
// moderator when trying to take the last one out. axe on every page.

import { DESKTOP, PHONE } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';
import { waitForMailLink } from '../harness/mail.mjs';

const NAME = 'Werkgroep overstap sbo naar so';
const FILE_NAME = 'Verslag eerste bijeenkomst.pdf';
// A small but real PDF: Passend checks the type by its first bytes.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export default async function groups(ctx) {
  const { ADMIN, DIRECTOR } = ctx.accounts;
  const { mailFile, port } = ctx;
  const office = await ctx.page('group-admin', { viewport: DESKTOP });
  const A = ctx.drive(office, { lang: 'nl' });
  const phone = await ctx.page('group-director', { viewport: PHONE, isMobile: true });
  const D = ctx.drive(phone, { lang: 'nl', noOverflow: true });
  const state = {};

  return [
    {
      name: '23-group-made',
      needs: ['01-admin-login'],
      page: office,
      run: async () => {
        ctx.show(office);
        await A.login(ADMIN);
        await A.goto('/groepen');
        await A.fill('form#new-group', { name: ' ', description: 'Wat werkt bij de overstap, en wat niet.' });
        await A.submit('form#new-group', 'new group (no name)', { status: 422 });
        await A.expectVisible('#group-name-error', 'the name error');
        const kept = await office.inputValue('form#new-group [name=description]');
        if (!kept.includes('Wat werkt')) throw new Error(`the description was not kept: ${kept}`);
        await A.fill('form#new-group', { name: NAME });
        await A.submit('form#new-group', 'new group', { status: 200 });
        await A.expectText(NAME);
        state.path = new URL(office.url()).pathname;
        if (!/^\/groepen\/\d+$/.test(state.path)) throw new Error(`not on the group's page: ${office.url()}`);

        await A.fill('form#group-message', { body: 'Welkom! De **eerste bijeenkomst** is op dinsdag in Zwolle.' });
        await A.submit('form#group-message', 'first message', { status: 200 });
        await A.expectText('eerste bijeenkomst');

        // A file that says it is a PDF but is not: refused next to the field, nothing listed.
        await office.setInputFiles('#group-file', { name: 'agenda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('geen pdf') });
        await A.submit('form#group-file-form', 'share (not a pdf)', { status: 422 });
        const reason = await A.expectVisible('#group-file-error', 'the file error');
        log(`  refused: ${reason}`);
        if ((await office.locator('#bestanden a[download]').count()) !== 0) throw new Error('a refused file is listed');
        await office.setInputFiles('#group-file', { name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
        await A.submit('form#group-file-form', 'share', { status: 200 });
        await A.expectVisible(`#bestanden a[download]:has-text("${FILE_NAME}")`, 'the shared file');

        await office.fill('form#group-invite [name=email]', DIRECTOR.email);
        await A.submit('form#group-invite', 'invite the director', { status: 200 });
        await A.expectText(DIRECTOR.email);
      },
    },
    {
      name: '23-group-member',
      needs: ['23-group-made', '11-password-reset'],
      page: phone,
      run: async () => {
        const link = await waitForMailLink(mailFile, DIRECTOR.email, port, '/groepen/\\d+', { subjectRe: /groep/ });
        ctx.show(phone);
        await D.login(DIRECTOR, DIRECTOR.newPassword);
        await D.goto('/groepen');
        await D.expectText(NAME);
        await D.goto(link);
        await D.expectText('eerste bijeenkomst');

        // The file comes only through Passend, as an attachment with its name.
        const href = await phone.locator(`#bestanden a[download]:has-text("${FILE_NAME}")`).getAttribute('href');
        const file = await phone.request.get(new URL(href, ctx.base).href);
        const disposition = file.headers()['content-disposition'] || '';
        const body = await file.body();
        if (file.status() !== 200 || !disposition.startsWith('attachment') || body.subarray(0, 5).toString() !== '%PDF-') {
          throw new Error(`download: HTTP ${file.status()}, ${disposition}, starts ${body.subarray(0, 8)}`);
        }
        // Signed out, the same address tells nothing: 404.
        const anonymous = (await fetch(new URL(href, ctx.base).href, { redirect: 'manual' })).status;
        if (anonymous !== 404) throw new Error(`a signed-out download answered ${anonymous}, expected 404`);

        // A birth date in a message is refused next to the field; the rest is kept.
        await D.fill('form#group-message', { body: 'Leerling geboren op 12-03-2015 past hier goed.' });
        await D.submit('form#group-message', 'message with a birth date', { status: 422 });
        await D.expectVisible('#message-body-error', 'the message error');
        await D.fill('form#group-message', { body: 'Dank! Ik neem onze aanpak voor de overstap mee.' });
        await D.submit('form#group-message', 'answer', { status: 200 });
        await D.expectText('Ik neem onze aanpak');
        if ((await phone.locator('form#group-invite').count()) !== 0) throw new Error('a member sees the invite form');
      },
    },
    {
      name: '23-group-moderation',
      needs: ['23-group-member'],
      page: office,
      run: async () => {
        ctx.show(office);
        await A.goto(state.path);
        await A.submit(`form:has(input[name=email][value="${DIRECTOR.email}"]):has(input[name=role][value=moderator])`, 'make moderator', { status: 200 });
        // The admin made the group and is its moderator; with two, one may step down.
        await A.submit(`form:has(input[name=email][value="${ADMIN.email}"]):has(input[name=role][value=member])`, 'step down', { status: 200 });
        await A.submit(`form[action$="/leden/verwijderen"]:has(input[name=email][value="${DIRECTOR.email}"])`, 'remove the last moderator', { status: 409 });
        await A.expectVisible('#member-error', 'why the last moderator stays');
        await A.expectText('geen moderator meer');

        ctx.show(phone);
        await D.goto(state.path);
        await D.expectVisible('form#group-invite', 'the invite form for the new moderator');
        await D.logout();
        ctx.show(office);
        await A.logout();
      },
    },
  ];
}
