// End-to-end browser test for Passend.
//
//   PASSEND_BIN=/path/to/passend node e2e/run.mjs
//
// Starts a real SMTP sink (smtp_sink.py) and the passend server on free
// loopback ports, prepares an SQLite database with the CLI, and drives Debian's
// Chromium through the invitation flow (platform admin -> SWV admin ->
// school director), then tours every kind of page: anonymously, as platform
// admin, as team member, in English at phone width, and through a password
// reset. Every page load and every form result is checked with axe-core
// (WCAG 2.1 A + AA), and the raw HTML of every distinct page is validated at
// the end with the Nu Html Checker (vnu.jar, needs Java 11+). Prints
// `E2E: N passed, M failed` as its last line and exits non-zero on any failure.
//
// Environment:
//   PASSEND_BIN      the passend binary (default $CARGO_TARGET_DIR/debug/passend)
//   PYTHON           Python with aiosmtpd (default python3)
//   CHROMIUM         browser executable (default /usr/bin/chromium)
//   JAVA             Java runtime for vnu.jar (default java)
//   E2E_TIMEOUT_S    watchdog for the whole run (default 300)
//   E2E_KEEP_TMP=1   keep the temp dir (database, logs, mails, pages) even on success
//
// The processes, the browser, the checks on every page and the step runner
// live in harness/, so a flow in flows/ holds only what a person does and what
// must be true afterwards. Flows run in the order below and build on each
// other (accounts, sessions, the profile), which their steps' `needs` say.

import { ACCOUNTS } from './flows/accounts.mjs';
import invitations from './flows/invitations.mjs';
import anonymousTour from './flows/anonymous-tour.mjs';
import adminTour from './flows/admin-tour.mjs';
import englishMobileTour from './flows/english-mobile-tour.mjs';
import passwordReset from './flows/password-reset.mjs';
import questionnaire from './flows/questionnaire.mjs';
import swvTemplate from './flows/swv-template.mjs';
import profileCycle from './flows/profile-cycle.mjs';
import publicPages from './flows/public-pages.mjs';
import parentFindsProfile from './flows/parent-finds-profile.mjs';
import plainTerms from './flows/plain-terms.mjs';
import activitySignup from './flows/activity-signup.mjs';
import conversation from './flows/conversation.mjs';
import scan from './flows/scan.mjs';
import gapToExample from './flows/gap-to-example.mjs';
import groups from './flows/groups.mjs';
import htmlValidation from './flows/html-validation.mjs';
import { log } from './harness/config.mjs';
import { startEnvironment } from './harness/environment.mjs';
import { finish, installGuards, never, run } from './harness/lifecycle.mjs';
import { printServerLogTail, serverLog } from './harness/processes.mjs';
import { makeRunner } from './harness/steps.mjs';

const FLOWS = [
  invitations, // 01-07
  anonymousTour, // 08
  adminTour, // 09
  englishMobileTour, // 10
  passwordReset, // 11
  questionnaire, // 13
  swvTemplate, // 14
  profileCycle, // 15
  publicPages, // 16
  parentFindsProfile, // 17
  plainTerms, // 18: the SWV's own words for the plain-language assistant
  activitySignup, // 19: an inspiration visit found, signed up for by phone, cancelled by the mail's link
  conversation, // 20: the SWV's yearly conversation with the school
  scan, // 21: the Scan Passend Onderwijs on a phone, into a wish
  gapToExample, // 22: from a gap in the region to a practice example
  groups, // 23: a closed group: message, shared file, invitation by mail, moderation handed on
  htmlValidation, // 12, last: it checks the pages of all the others
];

installGuards();

try {
  const runner = makeRunner();
  const ctx = await startEnvironment(ACCOUNTS, runner);
  // A flow opens its pages only when its turn comes, then its steps run.
  for (const flow of FLOWS) {
    for (const step of await flow(ctx)) await runner.runStep(step);
  }
  await finish(run.failed === 0 ? 0 : 1);
} catch (e) {
  if (run.aborting) await never(); // finish() is already exiting
  log(`\nE2E setup failed: ${e.stack || e.message}`);
  if (serverLog.length) printServerLogTail();
  run.failed += 1;
  await finish(1);
}
