// The yearly cycle of the questionnaire flow's profile, through every role it
// needs: two more people invited by mail, a parent who answers by link on a
// phone without an account, the team and the MR asked in turn, the MR's
// advice (refused first without a verdict), and the board adopting and
// publishing, each confirmed on a second page. The public pages flow reads what is published here.

import { DESKTOP, PHONE } from '../harness/browser.mjs';
import { log } from '../harness/config.mjs';
import { waitForInviteLink } from '../harness/mail.mjs';

export default async function profileCycle(ctx) {
  const { ADMIN, DIRECTOR, MR_MEMBER, BOARD_MEMBER } = ctx.accounts;
  const { state, mailFile, port } = ctx;
  // The questionnaire's session, logged out at its end.
  const qa = await ctx.page('qa', { viewport: DESKTOP });
  const Q = ctx.drive(qa, { lang: 'nl' });
  const parentPhone = await ctx.page('parent-phone', { viewport: PHONE, isMobile: true });
  const P = ctx.drive(parentPhone, { lang: 'nl', noOverflow: true });

  return [
    // 15. The yearly cycle of the profile from step 13: the platform admin
    // invites an MR member and a board member; the director opens the
    // evaluation for parents and a parent answers by link on a phone, without
    // an account; the director asks the team to read along and then the MR for
    // advice; the MR member records the advice (first without a verdict:
    // refused next to the field); the board member adopts and publishes.
    {
      name: '15-profile-cycle',
      needs: ['13-questionnaire', '11-password-reset'],
      page: qa,
      run: async () => {
        await Q.login(ADMIN);
        await Q.invite('/organisaties/school/04FZ/leden', MR_MEMBER.email, 'mr_member');
        await Q.invite('/organisaties/board/41234/leden', BOARD_MEMBER.email, 'board_member');
        const mrLink = await waitForInviteLink(mailFile, MR_MEMBER.email, port);
        const boardLink = await waitForInviteLink(mailFile, BOARD_MEMBER.email, port);
        await Q.logout();

        await Q.login(DIRECTOR, DIRECTOR.newPassword);
        const surveysPath = `${state.profilePath}/enquetes`;
        await Q.goto(surveysPath);
        await Q.submit('form#survey-open-evaluation-parents', 'evaluation link for parents', { status: 200 });
        const surveyLink = (await qa.locator('main input.survey-link').first().inputValue()).trim();
        if (!surveyLink.includes('/enquete/')) throw new Error(`no survey link on the page: ${surveyLink}`);
        await Q.expectVisible('main button[data-copy]', 'copy button');
        await Q.expectVisible('main .survey-qr img', 'QR code');

        ctx.show(parentPhone);
        await P.goto(new URL(surveyLink).pathname);
        await P.expectText('Vragenlijst van');
        await parentPhone.check('#s-bekend-ja');
        await parentPhone.fill('#s-tevreden', 'De juf belt ons als er iets is.');
        // Wants to think along and leaves contact details, first without consent.
        await parentPhone.check('#s-meedenken-ja');
        await parentPhone.fill('#s-contact_name', 'Fatima');
        await parentPhone.fill('#s-contact_email', 'fatima@voorbeeld.nl');
        await P.submit('form#survey', 'contact without consent', { status: 422 });
        log(`  error shown: ${JSON.stringify(await P.expectVisible('#s-consent-error', 'consent error'))}`);
        if ((await parentPhone.inputValue('#s-tevreden')) !== 'De juf belt ons als er iets is.') {
          throw new Error('the answer was lost when the contact details were refused');
        }
        await parentPhone.check('#s-consent');
        await P.submit('form#survey', 'parent answers', { status: 200 });
        await P.expectText('Dank u wel');
        await P.goto(new URL(surveyLink).pathname);
        await P.expectText('al ingevuld');

        ctx.show(qa);
        await Q.goto(surveysPath);
        await Q.expectText('De juf belt ons als er iets is.');
        await Q.expectText('fatima@voorbeeld.nl');
        // The parent's remark goes on the wish list.
        await qa.locator('main ul.picks input[type=checkbox]').first().check();
        await qa.locator('main form[id^=survey-wishes-] input[name=owner]').first().fill('Dirk (directeur)');
        await Q.submit('main form[id^=survey-wishes-]', 'wish from the survey', { status: 200 });
        await Q.expectText('Ouders, evaluatie: De juf belt ons als er iets is.');
        await Q.goto(`${state.profilePath}/planning`);
        await qa.fill('#p-body', 'Ouders meer betrekken bij het profiel');
        await Q.submit('form#wish', 'wish without owner', { status: 422 });
        log(`  error shown: ${JSON.stringify(await Q.expectVisible('#p-owner-error', 'field error'))}`);
        await qa.fill('#p-body', 'Ouders meer betrekken bij het profiel');
        await qa.fill('#p-owner', 'Ilse (IB)');
        await Q.submit('form#wish', 'wish added', { status: 200 });
        await Q.submit('form#time-line', 'time line saved', { status: 200 });
        await Q.expectText('Ouders meer betrekken bij het profiel');
        const stepsPath = `${state.profilePath}/stappen`;
        await Q.goto(stepsPath);
        await Q.submit('form#step-ask_team_review', 'ask team review', { status: 200 });
        Q.expectAt(stepsPath, 'melding', 'stap-gezet');
        await Q.submit('form#step-ask_mr_advice', 'ask MR advice', { status: 200 });
        await Q.expectText('Advies gevraagd aan de MR');
        await Q.logout();

        for (const [link, who] of [[mrLink, MR_MEMBER], [boardLink, BOARD_MEMBER]]) {
          await Q.goto(link);
          await Q.fillAccept(who.name, who.password, who.password);
          await Q.submit('form#accept', `accept (${who.name})`, { status: 200 });
          await Q.logout();
        }

        await Q.login(MR_MEMBER);
        await Q.goto(stepsPath);
        await qa.fill('#step-advice', 'Maak duidelijker wat de school niet kan bieden.');
        await Q.submit('form#step-record_advice', 'advice without a verdict', { status: 422 });
        log(`  error shown: ${JSON.stringify(await Q.expectVisible('#step-verdict .field-error', 'field error'))}`);
        await qa.check('#verdict-positive_with_remarks');
        await Q.submit('form#step-record_advice', 'advice recorded', { status: 200 });
        await Q.expectText('Positief, met opmerkingen');
        await Q.logout();

        // Adoption and publication cannot be undone: each asks once more
        // on a confirmation page before anything changes.
        await Q.login(BOARD_MEMBER);
        await Q.goto(stepsPath);
        await Q.submit('form#step-adopt', 'adopt (asks for confirmation)', { status: 200 });
        await Q.expectText('Vaststellen kunt u niet ongedaan maken');
        await Q.submit('form#step-confirm', 'adopt confirmed', { status: 200 });
        Q.expectAt(stepsPath, 'melding', 'stap-gezet');
        await Q.expectText('Vastgesteld door het bestuur op');
        await Q.submit('form#step-publish', 'publish (asks for confirmation)', { status: 200 });
        await Q.expectText('Publiceren kunt u niet ongedaan maken');
        await Q.submit('form#step-confirm', 'publish confirmed', { status: 200 });
        await Q.expectText('Gepubliceerd');
        const rows = await qa.locator('table tbody tr').count();
        if (rows !== 5) throw new Error(`expected 5 steps in the history, found ${rows}`);
        await Q.goto(`${state.profilePath}/wijzigingen`);
        await Q.goto(`${state.profilePath}/planning`);
        await Q.goto(`${state.profilePath}/leesbaarheid`);
        await Q.goto(state.profilePath);
        await Q.logout();
      },
    },
  ];
}
