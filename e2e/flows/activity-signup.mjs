// Someone finds an inspiration visit, signs up, gets the mail (through the
// real SMTP sink, with a calendar file) and cancels by the link in it. The
// platform admin first makes the visit through the organiser's form and
// afterwards sees the cancellation in the participant list. Every page is
// checked with axe.

import { DESKTOP, PHONE } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';
import { readMails, waitForMailLink } from '../harness/mail.mjs';

function isoDay(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export default async function activitySignup(ctx) {
  const { ADMIN } = ctx.accounts;
  const { mailFile, port } = ctx;
  const office = await ctx.page('activity-organiser', { viewport: DESKTOP });
  const O = ctx.drive(office, { lang: 'nl' });
  const phone = await ctx.page('activity-visitor', { viewport: PHONE, isMobile: true });
  const V = ctx.drive(phone, { lang: 'nl', noOverflow: true });
  const visitor = 'ilse.visser@school.example';
  const title = 'Inspiratiebezoek kindcentrum De Linde';

  return [
    {
      name: '19-activity-signup',
      needs: ['01-admin-login'],
      page: phone,
      run: async () => {
        // The organiser makes the visit: one session in three weeks.
        ctx.show(office);
        await O.login(ADMIN);
        await O.goto('/activiteiten/nieuw');
        await office.selectOption('form#new-activity select[name=kind]', 'inspiration_visit');
        await O.fill('form#new-activity', {
          title,
          description: 'Rondleiding door een kindcentrum waar sbo en so samen onder één dak werken, met een gesprek met het team.',
          audience: 'Leidinggevenden en intern begeleiders',
          criteria: 'Maximaal twee deelnemers per school.',
          capacity: '12',
          opens: isoDay(-1),
          closes: isoDay(14),
          s1_date: isoDay(21),
          s1_from: '09:30',
          s1_until: '12:00',
          s1_place: 'Lindelaan 3, Kampen',
        });
        await O.submit('form#new-activity', 'new activity', { status: 200 });
        await O.expectText(title);
        const activityPath = new URL(office.url()).pathname;

        // The visitor finds it in the list of activities and signs up.
        ctx.show(phone);
        await V.goto('/activiteiten');
        await V.expectText(title);
        await phone.click(`a:has-text("${title}")`);
        await V.expectText('Maximaal twee deelnemers per school.');
        await V.expectVisible(`a[href="${activityPath}.ics"]`, 'the calendar file');
        // A wrong address first: the message is next to the field, the name stays.
        await V.fill('form#sign-up', { name: 'Ilse Visser', email: 'ilse.visser@' });
        await V.submit('form#sign-up', 'sign-up (bad address)', { status: 422 });
        await V.expectVisible('#a-email-error', 'the address error');
        await V.fill('form#sign-up', { email: visitor, organisation: '04FZ', role: 'Intern begeleider' });
        await V.submit('form#sign-up', 'sign-up', { status: 200 });
        await V.expectText('U bent aangemeld');

        // The mail came through SMTP with the calendar file and the cancel link.
        const link = await waitForMailLink(mailFile, visitor, port, '/activiteiten/afmelden/[0-9a-f]{64}', {
          subjectRe: /Aangemeld/,
        });
        const mail = readMails(mailFile).filter((m) => m.to.includes(visitor)).at(-1);
        const ics = (mail.attachments || []).find((a) => a.content_type === 'text/calendar');
        if (!ics || !/BEGIN:VEVENT[\s\S]*LOCATION:Lindelaan 3\\, Kampen[\s\S]*END:VEVENT/.test(ics.text)) {
          throw new Error(`no calendar file with the session in the mail: ${JSON.stringify(mail.attachments)}`);
        }
        log(`  calendar file ${ics.filename}`);

        // Cancel by the link: a page with a button, then the confirmation; the link used twice says so.
        await V.goto(link);
        await V.expectText('Wilt u zich afmelden');
        await V.submit('form#cancel', 'cancel', { status: 200 });
        await V.expectText('U bent afgemeld');
        await V.goto(link);
        await V.submit('form#cancel', 'cancel again', { status: 200 });
        await V.expectText('U was al afgemeld');

        // The organiser sees the cancellation.
        ctx.show(office);
        await O.goto(`${activityPath}/deelnemers`);
        await O.expectText('Ilse Visser');
        await O.expectText('afgemeld');
        await O.logout();
      },
    },
  ];
}
