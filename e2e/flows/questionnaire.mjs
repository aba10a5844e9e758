// The questionnaire, both ways a team member can fill it: with JavaScript
// (every change saves itself, refusals appear next to the field, readability
// hints appear live) and without (the section form saves with its button).
// The answers must survive a reload, and the coordinator must see them in the
// spread and the composed profile. Later flows continue with this profile.

import { DESKTOP } from '../harness/browser.mjs';
import { STEP_TIMEOUT_MS, log } from '../harness/config.mjs';

export default async function questionnaire(ctx) {
  const { ADMIN, TEAM_MEMBER } = ctx.accounts;
  const { state } = ctx;
  // The SWV template and the profile cycle continue in the "qa" session.
  const qa = await ctx.page('qa', { viewport: DESKTOP });
  const Q = ctx.drive(qa, { lang: 'nl' });
  const noJs = await ctx.page('no-js', { viewport: DESKTOP, javaScriptEnabled: false });
  const axePage = await ctx.page('axe-for-no-js', { viewport: DESKTOP });
  const N = ctx.drive(noJs, { lang: 'nl', axeVia: axePage });

  return [
    // 13. The questionnaire. The platform admin starts the school's profile and
    // opens it to the team; a team member fills section D with autosave (the
    // status says so), sees a bad number refused next to the field, reloads and
    // finds the answers; then, without JavaScript, fills section B and saves it
    // with the button. The coordinator sees the spread and the composed profile.
    {
      name: '13-questionnaire',
      needs: ['09-tour-admin'],
      page: qa,
      run: async () => {
        await Q.login(ADMIN);
        await Q.goto('/dashboard');
        await Q.goto('/scholen/04FZ/profielen');
        await Q.submit('form#start-profile', 'start profile', { status: 200 });
        const profilePath = new URL(qa.url()).pathname;
        if (!/^\/profielen\/\d+$/.test(profilePath)) throw new Error(`expected /profielen/ID, got ${qa.url()}`);
        state.profilePath = profilePath;
        await Q.submit('form#team', 'open for the team', { status: 200 });
        await Q.expectText('De vragenlijst staat open');
        await Q.logout();

        // With JavaScript: every change saves itself.
        await Q.login(TEAM_MEMBER);
        await Q.goto(`${profilePath}/vragenlijst/D`);
        const saved = (key) =>
          qa.waitForResponse(
            (r) => r.request().method() === 'PUT' && r.url().endsWith(`/my-answers/${key}`),
            { timeout: STEP_TIMEOUT_MS },
          );
        const statusOf = (id) => qa.locator(`#${id}-status`);
        let response = saved('aanbod.dyslexie');
        await qa.check('#q-aanbod-dyslexie-standaard');
        if ((await response).status() !== 204) throw new Error(`autosave answered ${(await response).status()}`);
        await qa.waitForFunction(() => document.querySelector('#q-aanbod-dyslexie-status').textContent === 'Opgeslagen');
        response = saved('aanbod.dyslexie');
        await qa.fill('#q-aanbod-dyslexie-note', 'Met een leesspecialist, twee keer per week.');
        if ((await response).status() !== 204) throw new Error(`autosave of the note answered ${(await response).status()}`);
        response = saved('aanbod.gedrag');
        await qa.check('#q-aanbod-gedrag-na_overleg');
        await response;
        log(`  status shown: ${JSON.stringify(await statusOf('q-aanbod-gedrag').innerText())}`);

        await Q.goto(`${profilePath}/vragenlijst/A`);
        response = saved('typering.leerlingen');
        await qa.fill('#q-typering-leerlingen-value', 'veel');
        if ((await response).status() !== 400) throw new Error('a bad number was not refused');
        await qa.waitForFunction(() => document.querySelector('#q-typering-leerlingen-status').classList.contains('is-error'));
        const refused = await statusOf('q-typering-leerlingen').innerText();
        if (!refused.includes('Vul een getal in')) throw new Error(`no Dutch message next to the field: ${refused}`);
        log(`  refused: ${JSON.stringify(refused)}`);
        await Q.axeCheck('autosave error shown');

        // Live readability hints under a long answer.
        await Q.goto(`${profilePath}/vragenlijst/I`);
        await qa.fill(
          '#q-extra-aanbod-value',
          'Binnen de basisondersteuning worden preventieve en licht curatieve interventies gerealiseerd in nauwe afstemming met de ketenpartners en het SWV, waarbij het OPP leidend is voor de planmatige inzet van het arrangement.',
        );
        await qa.waitForSelector('#q-extra-aanbod-readability:not([hidden])', { timeout: STEP_TIMEOUT_MS });
        const hint = await qa.locator('#q-extra-aanbod-readability').innerText();
        if (!hint.includes('Leesbaarheid') || !hint.includes('OPP')) throw new Error(`no readability hint: ${hint}`);
        log(`  readability hint: ${JSON.stringify(hint.slice(0, 160))}`);
        await Q.axeCheck('readability hint shown');

        await Q.goto(`${profilePath}/vragenlijst/D`);
        if (!(await qa.isChecked('#q-aanbod-dyslexie-standaard'))) throw new Error('after reload: dyslexie not checked');
        if (!(await qa.isChecked('#q-aanbod-gedrag-na_overleg'))) throw new Error('after reload: gedrag not checked');
        const note = await qa.inputValue('#q-aanbod-dyslexie-note');
        if (note !== 'Met een leesspecialist, twee keer per week.') throw new Error(`after reload the note is ${JSON.stringify(note)}`);
        await Q.logout();

        // Without JavaScript: the section saves with the button (Post/Redirect/Get).
        ctx.show(noJs);
        await N.login(TEAM_MEMBER);
        await N.goto(`${profilePath}/vragenlijst/B`);
        await noJs.fill('#q-visie-ondersteuning-value', 'Ieder kind hoort erbij. We kijken eerst wat een kind nodig heeft.');
        await N.submit('form#questionnaire', 'save section B', { status: 200 });
        N.expectAt(`${profilePath}/vragenlijst/B`, 'melding', 'opgeslagen');
        await N.goto(`${profilePath}/vragenlijst/B`);
        const vision = await noJs.inputValue('#q-visie-ondersteuning-value');
        if (!vision.startsWith('Ieder kind hoort erbij.')) throw new Error(`without JavaScript the answer was not kept: ${vision}`);
        await N.goto(`${profilePath}/vragenlijst/A`);
        await noJs.fill('#q-typering-leerlingen-value', '-5');
        await N.submit('form#questionnaire', 'save section A (bad number)', { status: 422 });
        log(`  error shown: ${JSON.stringify(await N.expectVisible('#q-typering-leerlingen-error', 'field error'))}`);
        await N.expectVisible('[role=alert]', 'error summary');
        await N.logout();

        // The coordinator: the spread of the team's answers, then the composed profile.
        ctx.show(qa);
        await Q.login(ADMIN);
        await Q.goto(`${profilePath}/schoolantwoord/D`);
        await Q.expectText('1× Standaard');
        await qa.check('#q-aanbod-dyslexie-standaard');
        await qa.waitForFunction(() => document.querySelector('#q-aanbod-dyslexie-status').textContent === 'Opgeslagen');
        await Q.goto(`${profilePath}/schoolantwoord/B`);
        await Q.goto(profilePath);
        await Q.goto(`${profilePath}/profiel`);
        await Q.expectText('Extra ondersteuning');
        await Q.goto(`${profilePath}/overzicht`);
        await Q.expectText('Nog niet beantwoord');
        await Q.goto('/dashboard');
        await Q.logout();
      },
    },
  ];
}
