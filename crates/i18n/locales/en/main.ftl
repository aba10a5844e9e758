## Navigation and shared parts
nav-skip = Skip to content
nav-label = Main menu
nav-schools = Schools
nav-swvs = Partnerships
nav-dashboard = My overview
nav-outbox = Sent mail
nav-login = Log in
nav-logout = Log out
nav-other-language = Nederlands
footer-about = Passend is open source software for the school support profile.
footer-api = API for developers
footer-open-data = School data: DUO open education data (CC0).
save-button = Save
form-has-errors = Please check these fields
search-button = Search
search-too-short = Type at least two characters.

## Notices after an action
notice-invitation-sent = The invitation has been sent.
notice-invitation-revoked = The invitation has been withdrawn.
notice-member-removed = The role has been removed.
notice-saved = Your changes have been saved.
notice-logged-out = You are logged out.
notice-password-changed = Your password has been changed. Log in with your new password.
notice-reset-sent = If we know this address, you will receive an e-mail with a link within a few minutes.
notice-welcome = Welcome to Passend!

## Errors
error-not-found-title = Page not found
error-not-found = This page does not exist (any more). Please check the address.
error-forbidden-title = No access
error-forbidden = You do not have access to this information.
error-unauthenticated-title = Please log in
error-unauthenticated = Log in first to continue.
error-csrf-title = Form expired
error-csrf = The form could not be processed. Reload the page and try again.
error-bad-request-title = Invalid data
error-bad-request = The data was not filled in correctly.
error-conflict-title = Not possible
error-conflict = This already exists.
error-rate-limited-title = Too many attempts
error-rate-limited = A wrong password was entered too often. Wait fifteen minutes and try again.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Please try again later.
error-document-failed-title = Document not available
error-document-failed = The document cannot be made right now. Please try again later or read the web page.
error-home-link = Go to the home page

## Fields
field-email = E-mail address
field-password = Password
field-new-password = New password
field-password-hint = At least 10 characters. A sentence of a few words is strong and easy to remember.
field-password-confirm = Repeat the password
field-name = Name
field-name-org = Name
field-role = Role
field-phone = Phone
field-website = Website
field-too-long = This is too long: at most { $max } characters.
field-phone-invalid = Enter a Dutch phone number, for example 020 123 45 67 or 06 12 34 56 78.
field-url-invalid = Enter a web address, for example www.school.nl or https://www.school.nl.
account-email-invalid = Enter a valid e-mail address, for example name@school.nl.
account-name-invalid = Enter your name (at most 100 characters).
account-password-too-short = The password is too short: use at least { $min } characters.
account-password-too-long = The password is too long: use at most { $max } characters.
account-password-is-email = Choose a password that differs from your e-mail address.
account-password-mismatch = The two passwords are not the same.

## Roles
role-team_member = Team member
role-ib = Support coordinator (IB / zorgcoördinator)
role-director = Head of school
role-board_member = Board member
role-mr_member = Participation council member
role-swv_staff = Partnership staff
role-swv_admin = Partnership administrator
role-platform_admin = Passend administrator

## Home
home-title = Passend: the school support profile that lives
home-lead = What support does a school offer? Passend helps schools describe it together, keep it up to date every year and share it so that parents understand it.
home-for-whom = For whom
home-schools-title = For schools
home-schools-text = The team fills in a questionnaire together. From it you compose the profile, with the participation council's advice and the board's adoption.
home-parents-title = For parents and pupils
home-parents-text = Read in plain language what help a school can give, and whom to turn to.
home-swv-title = For partnerships
home-swv-text = See the profiles of all schools in your region together: does the offer cover every need?
home-swv-link = See the partnerships

## Login and password
login-title = Log in
login-button = Log in
login-forgot = Forgot your password?
login-invalid = The e-mail address or password is not correct.
login-invalid-title = Login failed
forgot-title = Forgot your password
forgot-intro = Enter your e-mail address. You will receive an e-mail with a link to choose a new password.
forgot-button = Send me a link
reset-title = Choose a new password
reset-button = Save password
reset-invalid = This link no longer works. It has been used already or is too old.
reset-again = Ask for a new link

## Invitations
invitation-title = Invitation
invitation-for = You have been invited to { $org }
invitation-role = as { $role }.
invitation-email = The invitation is for { $email }.
invitation-signed-in = You are logged in with this address. Press the button to accept the invitation.
invitation-existing-account = There is an account with this address already. Enter its password to accept the invitation.
invitation-accept = Accept invitation
invitation-invalid = This invitation no longer works. It has been used, withdrawn or has expired. Ask the person who invited you for a new one.
invitations-pending = Open invitations
invitations-expires = Valid until
invitations-revoke = Withdraw
invite-title = Invite someone
invite-intro = The person receives an e-mail with a link to create an account and get the role.
invite-button = Send invitation
invite-role-invalid = Choose a role you may give.
invite-already-member = This person has this role already.

## Members
members-title = Members
members-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
members-none = Nobody yet.
members-since = Since
members-actions = Actions
members-remove = Remove role
members-link = Members
members-manage-link = Manage members

## Overview
dashboard-title = My overview
dashboard-hello = Welcome, { $name }.
dashboard-platform = Passend administration
dashboard-users = Accounts
dashboard-locations = School locations
dashboard-swvs = Partnerships
dashboard-mail = E-mail
dashboard-invite-swv-admins = Invite partnership administrators
dashboard-your-roles = Your role
dashboard-swv-schools = Schools in this partnership: { $count }
dashboard-no-memberships = You have no role in an organisation yet. Ask your head of school or partnership for an invitation.
profile-status-none = No profile yet
dashboard-profiles-of-year = School support profile { $year }

## Partnerships, boards and schools
swvs-title = Partnerships (samenwerkingsverbanden)
swvs-intro = All schools of a region work together in a partnership for inclusive education, so that every child gets a fitting place.
swvs-caption = { $count } partnerships
swv-code = Code
swv-name = Name
swv-schools = Schools
swv-locations = Locations
swv-unnamed = Partnership
swv-kind-label = Partnership for inclusive education
swv-contact = Contact
swv-no-contact = The partnership has not filled in its contact details yet.
swv-steunpunt = Parent and youth support point
swv-steunpunt-explained = Parents and young people can turn here with questions about inclusive education.
swv-schools-heading = Schools ({ $count })
swv-edit-link = Edit details
swv-edit-title = Details of the partnership
swv-public-page = Public page
board-unnamed = Board { $code }
schools-title = Find schools
school-name = School
school-city = Place
school-pupils = Pupils
school-swvs = Partnership
school-no-swv = Unknown
school-board = Board
school-board-unknown = Unknown
school-locations = Locations
school-team = Team
school-mr = Participation council
school-profile-status = Profile
school-public-page = Public page
location-type = Kind of school
location-denomination = Denomination
location-swv-by-hand = corrected by hand
location-swv-correct = Correct the partnership
location-swv-hint = By default the partnership follows from the location's postcode. If that is wrong, choose the right one here. A later import does not change your choice.
location-swv-po = Primary partnership (PO)
location-swv-vo = Secondary partnership (VO)
location-swv-none = None
location-swv-reset = Back to the postcode assignment
swv-choice-wrong-kind = Choose a partnership of the right kind (PO or VO).
swv-choice-not-yours = You may not change this partnership: that is for the partnership itself.
swv-choice-sector = This kind of partnership does not fit this location.
swv-choice-unknown = Partnership { $code } does not exist.
location-address = Address

## Sent mail (administration)
outbox-title = Sent mail
outbox-smtp-on = Mail is sent over SMTP.
outbox-smtp-off = No SMTP server is configured: mail is only kept here.
outbox-empty = There is no mail yet.
outbox-caption = Newest mail first
outbox-created = Created
outbox-recipient = To
outbox-subject = Subject
outbox-state = State
outbox-sent = Sent
outbox-failed = Failed
outbox-kept = Kept
outbox-back = Back to sent mail

## API page
api-title = API for developers
api-intro = Everything you can do on the pages can also be done through the JSON API. The full OpenAPI document:
api-operations = Operations
api-method = Method
api-path = Path
api-summary = Description
api-login = Login
api-public = Not needed
api-session = Needed

## E-mail
mail-invitation-subject = Invitation to Passend: { $org }
mail-invitation-body =
    Hello,

    { $inviter } invites you to { $org } in Passend, as { $role }.

    Accept the invitation with this link:
    { $link }

    The link is valid for { $days } days. Not expecting this invitation? Then you can ignore this e-mail.

    Kind regards,
    Passend
mail-reset-subject = New password for Passend
mail-reset-body =
    Hello { $name },

    Someone asked for a new password for your Passend account. Choose a new password with this link:
    { $link }

    The link is valid for { $hours } hours. Did you not ask for this? Then ignore this e-mail; your password stays the same.

    Kind regards,
    Passend

## Codes and import
code-swv-invalid = "{ $value }" is not a partnership code (such as PO2707).
code-brin-invalid = "{ $value }" is not a valid BRIN (two digits and two letters, such as 32DD).
code-location-invalid = "{ $value }" is not a valid location code (BRIN and two digits, such as 32DD00).
code-board-invalid = "{ $value }" is not a valid board number.
import-empty-file = The file is empty.
import-unknown-format = This file is not recognised: expected a location list, a DUO address file or the postcode → partnership table.
import-encoding = This character is not valid text in { $encoding }. Save the file in the right encoding.
import-missing-column = The column "{ $name }" is missing.
import-field-count = This line has { $found } fields, the header { $expected }.
import-malformed = The CSV file is damaged: { $detail }
import-duplicate-code = The code { $code } appears twice; it was on line { $first } already.
import-code-mismatch = Location code { $location } does not belong to BRIN { $brin }.
import-invalid-number = "{ $value }" is not a number.
import-invalid-postcode = "{ $value }" is not a valid postcode.
import-missing-value = This field is empty but must be filled in.

## Command line
cli-migrate-none = The database is up to date already.
cli-migrate-applied = Migration { $version } ({ $name }) applied.
cli-serve-url = Passend is running at { $url }
cli-demo-logins = Demo accounts (password: { $password }):
cli-demo-national-missing = The database holds only { $count } locations. National scale needs the national DUO files: give their folder with --data.
cli-demo-generated = Wrote { $count } generated profiles ({ $years } school years) in { $seconds } s. They are marked as generated.
cli-admin-created = Administrator { $email } is ready. Log in at /inloggen.
cli-import-error = { $file }, line { $line }, column { $column }: { $message }
cli-import-nothing-written = Nothing was saved.
cli-import-read = Read { $files } file(s), { $records } records.
cli-created = created
cli-updated = updated
cli-unchanged = unchanged
cli-swvs = Partnerships
cli-boards = Boards
cli-schools = Schools
cli-locations = Locations
cli-postcode-areas = Postcode areas
cli-import-without-swv = { $count } location(s) without partnership (postcode not in the table, or kind of school unknown).
cli-import-time = Done in { $seconds } s (writing { $write } s).

## Questionnaire and profile
profiles-title = School support profiles
profiles-intro = Every location has a profile per school year. The team fills in the questionnaire together; the head or the support coordinator then sets the school's answer.
profiles-none = There is no profile yet.
profile-title = Profile
profile-year = School year
profile-year-invalid = Choose a school year, for example 2026-2027.
profile-location = Location
profile-exists = This location has a profile for that school year already.
profile-team-open = Open to the team
profile-team-closed = Not yet open to the team
profile-answered = Answered
profile-start-title = Start a new profile
profile-start-intro = Passend fills in DUO's data for you. If there was a profile last year, its answers are copied; you confirm whether they still hold.
profile-start-button = Start profile
profile-composed-link = Read the profile
profile-printable-link = Overview to print
profile-progress = Progress
profile-progress-count = { $count ->
    [one] 1 question answered
   *[other] { $count } questions answered
}
profile-from-last-year-count = { $count ->
    [one] 1 answer comes from last year and is not confirmed yet.
   *[other] { $count } answers come from last year and are not confirmed yet.
}
profile-respondents = { $count ->
    [0] No team members have answered yet.
    [one] 1 team member has answered.
   *[other] { $count } team members have answered.
}
profile-team-open-explained = The questionnaire is open: every team member can give their own answers.
profile-team-closed-explained = Only you can answer now. Open the questionnaire when the team may take part.
profile-team-open-button = Open to the team
profile-team-close = Close for the team
profile-sections = Sections
profile-section = Section
profile-my-answers = My answers
profile-school-answers = The school's answer
profile-fill-in = Fill in
profile-set-answers = Set
profile-mine-explained = Give your own answer. Your colleagues do not see it; the head or the support coordinator sees all answers together.
profile-school-explained = Here you set the school's answer. For each question you see what the team answered.
profile-next-section = To the next section
profile-composed-title = School support profile
profile-composed-intro = The profile as it follows from the school's answers. Only answered questions appear.
profile-composed-empty = The school has no answers yet.
profile-printable-title = Overview of the questionnaire
answer-yes = Yes
answer-no = No
answer-none = No answer yet
answer-empty = Not answered yet
answer-note = Explanation
answer-from-last-year = This answer comes from last year.
answer-confirm = Still right
answer-choice-invalid = Choose one of the options.
answer-yes-no-invalid = Choose yes or no.
answer-number-invalid = Enter a number, without letters.
answer-number-range = Enter a number from { $min } to { $max }.
answer-too-long = This is too long: at most { $max } characters.
answer-text-invalid = Enter text.
answer-table-invalid = The table is not filled in correctly.
answer-table-number-invalid = Enter a number for "{ $column }", for example 2 or 2.5.
answer-table-too-many = The table holds at most { $max } rows.
answer-note-needs-value = Give an answer first; the explanation belongs to an answer.
spread-title = The team's answers:
spread-divergent = The team does not agree.
conflict-title = Someone else changed this answer in the meantime.
conflict-theirs = Saved now by { $name }:
conflict-choose = Your own answer is still in the form. Save to keep your answer, or take over the saved one.
conflict-keep-mine = Keep my answer
conflict-take-theirs = Take over the saved answer
autosave-saving = Saving…
autosave-saved = Saved
autosave-failed = Not saved:
autosave-conflict = Someone else changed this in the meantime. Saved now:
table-row = row
template-variant-invalid = This version of the questionnaire is not possible: { $detail }
chapter-typering = About the school
chapter-visie = Vision on support
chapter-basisondersteuning = Basic support
chapter-extra = Extra support
chapter-deskundigheid = Expertise
chapter-voorzieningen = Facilities
chapter-ketenpartners = Working with partners
chapter-grenzen = Limits of the support
chapter-ambities = Ambitions and training
chapter-ouders = Parents and pupils
chapter-vaststelling = Adoption and publication
aspect-basiskwaliteit = Basic quality
aspect-preventief = Preventive and light curative interventions
aspect-structuur = Support structure
aspect-planmatig = Working to plan (needs-based working)

## The SWV's version of the questionnaire
template-title = The partnership's questionnaire
template-eyebrow = School support profile
template-intro = Adapt the default questionnaire for the schools of your partnership: hide questions, reword them, rename the choices of a scale or add questions of your own. The keys of the questions stay the same, so you can compare the schools' answers. Profiles started after publishing use this version.
template-years = School years
template-state = Status
template-published = Published on { $date }. Changes apply to profiles started afterwards.
template-draft = Saved, not yet published. Schools use the default questionnaire for now.
template-none = There is no own version for this school year yet. Schools use the default questionnaire.
template-publish = Publish for the schools
template-publish-again = Publish again
template-hide = Do not ask this question
template-wording = Wording
template-choice-labels = Names of the choices
template-own = Own questions
template-own-intro = Own questions come at the end of the chosen section. Other partnerships do not have them.
template-own-none = You have no questions of your own yet.
template-own-item = Own question in section
template-own-remove = Remove this question
template-own-add = Add a question
template-own-question = Question
template-own-kind = Kind of answer
template-label-required = Fill in the question.
template-kind-invalid = Choose a kind of answer.
template-section-invalid = Choose a section.
item-kind-yes-no = Yes or no
item-kind-short-text = Short text
item-kind-long-text = Long text
item-kind-number = Number
item-kind-scale = Not / after consultation / standard
notice-published = The questionnaire has been published.
swv-template-link = The partnership's questionnaire

## The yearly cycle of a profile
steps-title = Steps and decisions
steps-intro = Every year the profile goes through the same steps: the team reads along, the participation council (MR) advises, the board adopts the profile and the school publishes it. Every step is listed in the history below.
steps-link = Steps and decisions
steps-state = Status
steps-next = Your next step
steps-adopted-on = Adopted by the board on { $date }.
steps-content-hash = Identifier of this adopted version:
steps-review-yearly = The board adopts the profile every year: the next version must be ready before { $date }.
steps-review-four-yearly = This profile was adopted before 1 August 2025, when the rule was: adopt again at least once every four years, so by { $date }. New profiles are adopted every year.
steps-review-due = The profile must be adopted again.
state-concept = Draft
state-concept-explained = The team is working on the profile. Answers can still change.
state-team_review = Team review
state-team_review-explained = The team reads the draft and writes comments per section. The answers are fixed until the profile goes back to draft.
state-mr_advice_requested = Advice asked of the MR
state-mr_advice_requested-explained = The participation council reads the profile and gives its advice.
state-mr_advised = MR has advised
state-mr_advised-explained = The MR has given its advice. The school writes a response; then the board adopts the profile.
state-adopted = Adopted
state-adopted-explained = The board has adopted the profile. This version no longer changes.
state-published = Published
state-published-explained = The profile is adopted and published for parents. This version no longer changes.
state-superseded = Superseded
state-superseded-explained = There is a newer adopted version of this profile.
step-ask_team_review = Ask the team to read along
step-back_to_concept = Back to draft
step-ask_mr_advice = Ask the MR for advice
step-record_advice = Record the MR's advice
step-adopt = Adopt the profile
step-publish = Publish
step-not-yours = This step is not yours to take.
step-wrong-state = This step is not possible now: the profile is in another phase. Reload the page.
profile-locked = This profile is no longer a draft. Answers can only change when it goes back to draft; an adopted profile never changes.
profile-state-line = Phase: { $state }
advice-title = The MR's advice
advice-checklist-intro = Questions the MR may ask when advising:
advice-checklist-1 = Is it clear what the school can and cannot offer?
advice-checklist-2 = Can parents and pupils understand the profile?
advice-checklist-3 = Are the ambitions concrete?
advice-checklist-4 = What does the profile mean for the team's training?
advice-checklist-5 = Do parents know where to go when things do not go well with their child?
advice-verdict = The advice
advice-positive = Positive
advice-positive_with_remarks = Positive, with remarks
advice-negative = Negative
advice-text = The advice in your words
advice-date = Date of the advice
advice-submit = Record the advice
advice-response = The school's response
advice-response-label = The school's response to the advice
advice-verdict-required = Choose the advice: positive, positive with remarks or negative.
advice-text-required = Write down the advice.
advice-response-required = Write down the response.
adopt-explained = Once adopted, this version is fixed. Changes go into next school year's version.
adopt-date = Date of adoption
date-invalid = Enter a date, for example 15-6-2026.
comments-title = Comments of the team
comments-none = There are no comments yet.
comments-label = Your comment
comments-submit = Post comment
comment-section-invalid = Choose a section.
comment-text-required = Write your comment.
history-title = History
history-none = No steps have been taken yet.
history-when = When
history-who = Who
history-from = From
history-to = To
notice-step-taken = The step has been taken.
mail-review-asked-subject = Read along: profile { $location } { $year }
mail-review-asked-body =
    Dear { $name },

    The draft of the school support profile of { $location } ({ $year }) is ready to read. Write your comments per section in Passend:
    { $link }

    Kind regards,
    Passend
mail-advice-asked-subject = Advice asked: profile { $location } { $year }
mail-advice-asked-body =
    Dear { $name },

    The school asks the MR for advice on the school support profile of { $location } ({ $year }). The profile and the advice form are here:
    { $link }

    Kind regards,
    Passend
mail-advice-given-subject = The MR's advice: profile { $location } { $year }
mail-advice-given-body =
    Dear { $name },

    The MR has given its advice on the school support profile of { $location } ({ $year }). Read the advice and write the school's response:
    { $link }

    Kind regards,
    Passend
mail-adoption-asked-subject = To adopt: profile { $location } { $year }
mail-adoption-asked-body =
    Dear { $name },

    The school support profile of { $location } ({ $year }) has the MR's advice and can be adopted by the board:
    { $link }

    Kind regards,
    Passend
mail-adopted-subject = Adopted: profile { $location } { $year }
mail-adopted-body =
    Dear { $name },

    The board has adopted the school support profile of { $location } ({ $year }). The school can publish it now:
    { $link }

    Kind regards,
    Passend
mail-published-subject = Published: profile { $location } { $year }
mail-published-body =
    Dear { $name },

    The school support profile of { $location } ({ $year }) has been published:
    { $link }

    Kind regards,
    Passend
changes-title = What changed?
changes-intro = The differences from the profile of { $year }.
changes-compare-with = Compare with
changes-compare = Compare
changes-parents = For parents, in plain words
changes-parents-none = For parents, nothing changed in the support offered or the ambitions.
changes-ambitions = Ambitions
changes-ambitions-new = New
changes-ambitions-dropped = No longer
changes-items = Per question
changes-none = Nothing changed.
changes-no-earlier = There is no earlier version of this profile to compare with yet.
changes-question = Question
changes-what = What
change-level = Other choice
change-text = Other text
change-note = Other explanation
change-added = Newly answered
change-dropped = No longer answered
changes-parent-level = { $topic }: now { $now } (was: { $was }).
changes-parent-new-offer = { $topic }: { $now }.
changes-parent-new-ambition = New this year: { $ambition }.
changes-parent-dropped-ambition = No longer a goal: { $ambition }.
changes-link = What changed?

## Surveys by link
surveys-title = Evaluation and control group
surveys-intro = Ask the team, parents and pupils what they think of the profile. Make a link per group and share it, for example in the newsletter. Parents and pupils need no account and answer anonymously unless they give their name.
surveys-link = Link to share:
surveys-responses = { $count ->
    [one] 1 response
   *[other] { $count } responses
}
surveys-closed = Closed
surveys-multiple = More answers per device allowed
surveys-close = Close
surveys-reopen = Reopen
surveys-allow-multiple = Allow more answers per device
surveys-one-per-browser = One answer per device
surveys-make-link = Make a link
surveys-none = No link made yet.
surveys-named = Answered with a name:
surveys-link-on-profile = Evaluation and control group
survey-kind-evaluation = What do you think of the support at school?
survey-kind-control_group = Is the explanation of support at school clear?
audience-team = Team
audience-parents = Parents
audience-pupils = Pupils
survey-intro = The school would like to know what you think. It takes about five minutes. You do not have to answer everything. Your answer is anonymous unless you give your name.
survey-intro-pupils = The school would like to know what you think. It only takes a few minutes. You do not have to answer everything. You do not have to give your name.
survey-name = Your name (if you like)
survey-name-hint = Leave this empty to answer anonymously.
survey-send = Send
survey-empty = Answer at least one question.
survey-closed = This survey is closed. Thank you for your interest.
survey-answered = You have already answered this survey on this device. Thank you!
survey-thanks-title = Thank you!
survey-thanks = Your answer has been received. The school uses it to improve the profile.
survey-thanks-pupils = Thank you! The school uses your answer to explain the support at school better.

## Wish list, co-readers, time line and reminders
planning-title = Wishes, co-readers and time line
planning-intro = Draw up a wish list from the evaluation, agree who reads along and set the dates. Passend sends a reminder a week and a day before each date.
planning-link = Wishes, co-readers and time line
wishes-title = Wish list
wishes-intro = What does the team want to achieve with the new profile? Note who takes each wish on.
wishes-none = There are no wishes on the list yet.
wish-done = done
wish-reopen = Reopen
wish-mark-done = Done
wish-label = Wish
wish-owner = Who takes it on?
wish-add = Add wish
wish-required = Write down the wish.
wish-owner-required = Fill in who takes the wish on.
remove-button = Remove
readers-title = Co-readers
readers-intro = Who reads the draft? The MR has a right to advise; the partnership or others can read along too.
readers-none = There are no co-readers yet.
reader-kind = Who
reader-mr = MR
reader-swv = Partnership
reader-other = Other
reader-name = Name
reader-email = E-mail address (if you like)
reader-add = Add co-reader
reader-kind-invalid = Choose MR, partnership or other.
reader-name-required = Fill in a name.
timeline-title = Time line
timeline-intro = Choose a date for each step. The support offer is part of the school guide, which must be ready before 1 August.
timeline-suggested = suggestion
milestone-concept_ready = Draft ready
milestone-team_review = Team has read along
milestone-mr_advice = MR advice
milestone-adoption = Adoption by the board
milestone-publication = Publication
milestone-school_guide = In the school guide
mail-reminder-subject = Reminder: { $milestone } on { $date } ({ $location })
mail-reminder-body =
    Dear { $name },

    In { $days ->
        [one] 1 day
       *[other] { $days } days
    } the time line of the school support profile of { $location } ({ $year }) has: { $milestone }, on { $date }.

    See the time line:
    { $link }

    Kind regards,
    Passend

## Readability
readability-score = Readability (Flesch-Douma)
readability-no-text = There is no text to assess.
readability-sentences = Sentences
readability-words = Words
readability-syllables = Syllables
readability-words-per-sentence = Words per sentence
readability-syllables-per-word = Syllables per word
readability-long-sentences = Long sentences (more than { $max } words)
readability-passive = Passive voice (better: say who does it)
readability-jargon = Jargon, with a plain alternative
readability-nominalisations = Nouns made from verbs (better: use the verb)
readability-rare-words = Rarely used words (choose a more common word or explain it)
readability-report-parent = The parent version
readability-report-parent-long = { $count ->
    [one] 1 long sentence.
   *[other] { $count } long sentences.
}
readability-long-words = Long words
band-very-easy = very easy
band-group-7 = easy: group 7
band-group-8 = easy: group 8
band-lower-secondary = fairly easy: about language level B1
band-upper-secondary = fairly difficult: upper secondary
band-higher-education = difficult: higher education
band-academic = very difficult: academic
hint-long-sentence = This sentence has { $words } words (more than { $max }). Make it two sentences: "{ $sentence }"
hint-jargon = Instead of "{ $term }", write: { $plain }.
hint-passive = Say who does it: "{ $sentence }"
hint-rare-words = Rarely used words: { $words }. Choose a more common word or explain it briefly.
readability-live-label = Readability
readability-live-b1 = easy to read for most parents
readability-live-not-b1 = still too difficult for many parents
readability-report-title = Readability of the profile
readability-report-intro = How easily do parents read the answers in the school's own words? A score of 60 or more is easy to read for most adults (language level B1). Read this before the profile goes to the MR and the board.
readability-report-overall = All texts together
readability-report-fields = Per question, hardest first
readability-report-level = Level
readability-report-long = Long sentences
readability-report-jargon = Jargon
readability-report-hardest = The longest sentences
readability-report-empty = There are no answers in the school's own words yet.
readability-report-link = Readability
hint-spelling = Check the spelling of: { $words }.
spelling-off = Spell checking is off: the Dutch dictionary (Debian package hunspell-nl) is not installed on the server.
readability-misspelled = Unknown words (check the spelling)

## Coverage of support in the region
coverage-title = Coverage of support
coverage-intro = Which school offers which support? Per location the level from this school year's profile; profiles not yet adopted are shown as drafts. A gap is an area where enough locations have a profile and none of them offers a category at the chosen level. Where too few locations have a profile, the area is shown apart: it cannot be told yet.
coverage-sector = Sector
coverage-municipality = Municipality
coverage-all = All
coverage-min-level = A gap when no school offers at level
coverage-filter = Show
coverage-gaps = Gaps in the offer
coverage-no-gaps = No gaps: where enough locations have a profile, at least one school offers every category at this level.
coverage-gap-area = In { $area } no school offers
coverage-gap-locations = { $count ->
    [one] 1 location
   *[other] { $count } locations
}
coverage-matrix = Per location
coverage-caption = { $count ->
    [one] 1 location
   *[other] { $count } locations
}
coverage-state = Profile
coverage-draft = draft
coverage-counts = Locations per level
coverage-category = Category
coverage-unknown = Unknown
level-niet = not
level-na_overleg = after consultation or with the SWV
level-standaard = standard
category-dyslexie = Dyslexia
category-dyscalculie = Dyscalculia
category-taal_spraak = Language and speech
category-nt2 = Dutch as a second language
category-meer_hoogbegaafdheid = Gifted pupils
category-leren = Learning difficulties
category-gedrag = Behaviour
category-werkhouding = Work habits
category-motoriek = Motor skills
category-medisch = Medical
category-zien = Sight
category-horen = Hearing
norm-title = Basic support
norm-intro = Basic support is what every school of the partnership offers. Choose the questions and the level each school must reach at least, and the share a school must reach. Below, per location, how much it reaches, the schools below the target first.
norm-results = Per location
norm-no-profiles = There are no profiles for this school year yet.
norm-share = Reached
norm-missing = Not yet reached
norm-below = below the target
norm-none = There is no norm for this school year yet.
norm-edit = The norm
norm-target = Target: share of the questions a school reaches
norm-not-in = Not in the norm
norm-at-least = At least: { $level }
norm-target-invalid = Enter a percentage from 1 to 100.
norm-item-invalid = This question has no scale.
norm-item-twice = This question is in the norm twice.
coverage-csv = Download as CSV (spreadsheet)
status-title = Status of the profiles
status-intro = Per location the step of this school year's profile, when the last step was taken and whether an adopted profile is due for review. Send the school a reminder when its profile is not yet adopted.
status-last-step = Last step
status-review = Review
status-action = Action
status-overdue = Review due since { $date }
status-remind = Send a reminder
mail-swv-reminder-subject = Reminder from { $swv }: profile { $location } { $year }
mail-swv-reminder-body =
    Dear { $name },

    { $swv } asks you to update the school support profile of { $location } for { $year } and to have it adopted. The profile is here:
    { $link }

    Kind regards,
    Passend
expertise-title = Expertise in the region
expertise-intro = Which specialists work at the schools, and for how many half-days a week? And what do the schools still want to learn? From this school year's profiles.
expertise-specialists = Specialists
expertise-specialist = Specialist
expertise-locations = Locations
expertise-dagdelen = Half-days a week
expertise-none = The profiles name no specialists yet.
expertise-needs = What the schools want to develop and the training they need
expertise-needs-none = The profiles name no training yet.
trends-title = Trends over the years
trends-intro = How does the offer in the region change? Per category the number of locations per level in the last four school years, and per basic-support question the share of profiles meeting the norm.
trends-categories = Offer per category
trends-norm = Basic support per question
coverage-xlsx = Download as Excel (XLSX)
national-title = National overview
national-intro = The offer of all partnerships together, from this school year's profiles. Per partnership the number of locations, profiles, adopted profiles, gaps (municipality × category without a school at level standard, where enough locations have a profile) and what is still unknown (too few profiles to tell).
national-swvs = Per partnership
national-swv = Partnership
national-locations = Locations
national-profiles = Profiles
national-adopted = Adopted
national-gaps = Gaps
coverage-chart = Offer per category as a chart
coverage-chart-legend = One bar per category over all locations: green standard, yellow after consultation, red not, grey unknown. The numbers are also in the table Locations per level.
coverage-chart-desc = Bar chart with, per category, the share of locations per level; the same numbers are in the table Locations per level.
coverage-map = Map: { $category }
coverage-map-desc = Map of the locations within the outline of the Netherlands, with the names of the places with most locations, coloured by their level for this category: green standard, yellow after consultation, red not, grey not answered, an open circle without a profile. The table per location gives the same in words.
notice-reminder-already-sent = This school already had a reminder in the past day. Try again tomorrow.

## Sub-regions (kernen)
kernen-title = Sub-regions
kernen-intro = A sub-region (kern) is a group of schools the SWV defines itself, for example per district or village. Filter the coverage by a sub-region or measure the gaps per sub-region.
kernen-list = The SWV's sub-regions
kernen-none = There are no sub-regions yet.
kernen-edit = Assign sub-regions
kernen-edit-help = Type the name of its sub-region next to each location. Locations with the same name form one sub-region; leave the field empty for none.
kernen-kern = Sub-region
kern-name-missing = Give the sub-region a name.
kern-name-taken = There is already a sub-region with this name.
kern-location-unknown = Location { $code } is not part of this SWV.
kern-location-twice = Location { $code } is already in another sub-region.
coverage-area-kind = Measure gaps per

## Generated (national-scale sample) data
generated-mark = generated
generated-profile-notice = This profile is generated sample data (national demo), not the school's own profile.

## Published profile: where it is public
profile-public-heading = Published
profile-public-intro = This version is public. Parents find it without signing in; share these links on the website and in the school guide.
profile-public-page = The full profile (public page)
profile-public-parents = The parent version
profile-public-poster = Poster for the entrance (PDF, A3)
profile-public-guide = Chapter for the school guide
profile-public-vensters = Text for Vensters
profile-public-embed = Block for the school's website

# --- tasks (issue 12) ---
tasks-heading = Your open tasks
tasks-none = You have no open tasks right now.
task-review = Review the profile: { $location }, overdue since { $date }
task-answer = Fill in the questionnaire: { $location } ({ $year })
task-prepare = Finish the draft: { $location } ({ $year })
task-read_along = Read along: { $location } ({ $year })
task-advise = Give advice: { $location } ({ $year })
task-respond_to_advice = Respond to the MR's advice: { $location } ({ $year })
task-adopt = Adopt: { $location } ({ $year })
task-publish = Publish: { $location } ({ $year })
task-remind_overdue = { $count ->
    [one] Remind the school: the profile review of 1 location is overdue
   *[other] Remind the schools: the profile review of { $count } locations is overdue
}
task-publish_template = Publish the partnership's questionnaire for { $year }
profile-state-column = Stage
profile-answers-count = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
profile-team-mailed = { $count ->
    [0] The questionnaire is open, but nobody in the team has an account to mail yet.
    [one] The questionnaire is open. 1 team member got an e-mail with the link.
   *[other] The questionnaire is open. { $count } team members got an e-mail with the link.
}
profile-team-invite = Invite the team
mail-team-open-subject = Fill in the questionnaire: profile { $location } { $year }
mail-team-open-body =
    Dear { $name },

    The questionnaire for the school support profile of { $location } ({ $year }) is open to the team of { $school }. Fill in your own answers here:
    { $link }

    Kind regards,
    Passend
# --- safeguards (issue 12) ---
error-confirmation-required-title = Confirmation needed
error-confirmation-required = This step waits for your confirmation. Nothing has changed yet.
safeguard-title = Are you sure?
safeguard-ask_mr_advice = { $count ->
    [one] 1 answer from last year has not been confirmed by anyone. The MR would advise on an answer nobody checked this year.
   *[other] { $count } answers from last year have not been confirmed by anyone. The MR would advise on answers nobody checked this year.
}
safeguard-adopt-unconfirmed = { $count ->
    [one] 1 answer from last year has not been confirmed by anyone. Adoption cannot be undone: this version is fixed afterwards.
   *[other] { $count } answers from last year have not been confirmed by anyone. Adoption cannot be undone: this version is fixed afterwards.
}
safeguard-adopt = Adoption cannot be undone: this version is fixed afterwards. Changes go into next school year's version.
safeguard-publish = Publication cannot be undone: parents and everyone can read the profile afterwards.
safeguard-step = This step waits for your confirmation.
safeguard-confirm-adopt = Yes, adopt the profile now
safeguard-confirm-publish = Yes, publish the profile now
safeguard-confirm-ask_mr_advice = Ask the MR for advice anyway
safeguard-confirm = Yes, take this step
safeguard-cancel = No, back to the steps
safeguard-warning = { $count ->
    [one] Note: 1 answer from last year has not been confirmed yet.
   *[other] Note: { $count } answers from last year have not been confirmed yet.
}
safeguard-section-count = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
history-what = Step
history-confirm-section = { $count ->
    [one] Section { $section }: 1 answer from last year confirmed
   *[other] Section { $section }: { $count } answers from last year confirmed
}
history-step-superseded = Superseded by a newer version
comments-resolved-by = Resolved by { $name }
comments-replies = Replies
comments-reply-label = Reply to { $name }
comments-reply-submit = Post reply
comments-resolve = Resolved
comments-reopen = Reopen
notice-confirmed = Confirmed: last year's answers still hold.
notice-taken-over = The answer has been taken over as the school's answer.
answer-confirmed = Confirmed.
answer-confirm-all-intro = { $count ->
    [one] 1 answer in this section still comes from last year.
   *[other] { $count } answers in this section still come from last year.
}
answer-confirm-all = Everything in this section still holds
given-take-over = Take over as the school's answer
# --- survey (issue 12) ---
survey-for-school = Survey by
survey-profile-link = First read what support the school offers (the version for parents)
survey-profile-link-pupils = Read the explanation of help at school
survey-contact-legend = Would you like the school to contact you?
survey-contact-hint = Only fill this in if you chose Yes or Maybe above. Only the school's director and special needs coordinator see your details. They are deleted on { $date }.
survey-contact-name = Your name
survey-contact-email = E-mail address
survey-contact-phone = Phone number
survey-contact-consent = I agree that the school keeps my name and details to contact me about the profile.
survey-contact-not-asked = This survey does not ask for contact details. Leave these fields empty.
survey-contact-needs-yes = Choose Yes or Maybe at “Would you like to think along” if the school may contact you, or leave your details empty.
survey-contact-consent-required = Tick the box if the school may keep your details. Without your consent we do not keep them.
survey-contact-name-required = Fill in your name.
survey-contact-reach-required = Fill in an e-mail address or a phone number.
survey-contact-phone-invalid = Fill in a phone number of 10 to 15 digits, for example 06 12345678.
pupil-data-bsn = This looks like a citizen service number (BSN). Do not write pupils' personal data here.
pupil-data-birth-date = This looks like a date of birth. Do not write pupils' personal data here; a year or a month alone is fine.
survey-wish-group = { $audience }, { $kind }
survey-kind-short-evaluation = evaluation
survey-kind-short-control_group = control group
survey-wishes-none-picked = Pick at least one result or remark.
survey-wishes-no-profile = This profile has been adopted. First start next school year's profile; the wishes go on its wish list.
survey-wishes-intro = Tick results and remarks and put them on the wish list of the profile the team is writing now.
survey-wishes-make = Put on the wish list
survey-pick-counts = Put on the wish list
survey-export = Download the results:
survey-export-question = Question
survey-export-answer = Answer
survey-export-count = Count
survey-link-copy = Copy link
survey-link-copied = The link has been copied.
survey-qr-alt = QR code of the link for { $group }
survey-qr-download = Download the QR code (SVG)
survey-kept-until = On { $date } (end of the school year) this survey, its answers and contact details are deleted. Download the results or put them on the wish list if you want to keep them.
survey-contacts-title = { $count ->
    [one] 1 parent wants to think along
   *[other] { $count } parents want to think along
}
survey-contacts-hint = Only the director and the special needs coordinator see these details. These parents agreed to be contacted about the profile.
survey-contacts-none = Nobody has left contact details yet.
survey-contacts-consented = Consent given on
survey-contacts-download = Download the contact list (CSV)
# --- coverage (issue 12) ---
coverage-gaps-rule = A gap is an area where at least { $percent } % of the locations answered the category in their profile and none of them offers it at this level.
coverage-gap-answered = { $answered } of the { $locations } locations answered this
coverage-unknown-heading = Cannot be told yet
coverage-unknown-none = Everywhere enough locations have a profile to tell.
coverage-unknown-intro = Here too few locations (fewer than { $percent } %) have a profile that answers the category. That no offer is known then says nothing: these are not gaps.
coverage-unknown-without = { $without ->
    [one] 1 of the { $locations } locations has no profile yet.
   *[other] { $without } of the { $locations } locations have no profile yet.
}
coverage-unknown-all-profiled = { $locations ->
    [one] The location has a profile, but does not answer these categories.
   *[other] All { $locations } locations have a profile, but too few answer these categories.
}
coverage-unknown-categories = Still unknown:
coverage-unknown-every-category = every category.
coverage-unknown-answered = answered in { $answered } of the { $profiles } profiles
coverage-unknown-no-area = Without a municipality
coverage-threshold-heading = When is it a gap?
coverage-threshold-intro = An area counts as a gap only when enough locations have a profile that answers the category. With fewer it is listed under Cannot be told yet.
coverage-threshold-label = At least this share of an area's locations
coverage-threshold-current = The partnership counts with { $percent } % of the locations.
coverage-threshold-invalid = Enter a percentage from 1 to 100.
coverage-map-located = { $located ->
    [0] None of the { $count } locations has coordinates: the map shows the country.
   *[other] { $located } of the { $count } locations are on the map; the others have no coordinates.
}
coverage-map-all-located = { $count ->
    [one] The location is on the map.
   *[other] All { $count } locations are on the map.
}
coverage-map-not-answered = not answered
coverage-map-no-profile = no profile
coverage-map-source = Borders on the map: Natural Earth (public domain).
national-unknown = Still unknown
trends-chart-legend = One chart per category with a bar per school year over the locations with a profile: green standard, yellow after consultation, red not, grey not answered. The number after the bar is the number of profiles; under each chart the numbers are in a table.
trends-chart-desc = Bar chart with, per school year, the number of locations per level for this category; the table below gives the same numbers.
trends-no-profiles = no profiles
trends-not-answered = not answered
trends-numbers = The numbers
# --- reminders (issue 12) ---
status-intro-reminders = A reminder is mailed to the school's director and intern begeleiders who are in Passend, at most once a day per location. Below you see which reminders were sent, and to whom.
status-remind-overdue = { $count ->
    [one] Remind the school whose review is overdue
   *[other] Remind all { $count } schools whose review is overdue
}
status-reach = To: { $names }
status-reach-nobody = Nobody to remind: no director or intern begeleider in Passend yet.
status-invite-director = Invite the director
status-ask-admin-invite = An administrator of the SWV can invite the director.
reminder-round-title = What became of the reminder
reminder-round-summary = { $sent ->
    [one] 1 location reminded
   *[other] { $sent } locations reminded
} ({ $people ->
    [one] 1 person
   *[other] { $people } people
}); { $nobody ->
    [one] 1 location with nobody to remind
   *[other] { $nobody } locations with nobody to remind
}; { $already ->
    [one] 1 location already had a reminder today
   *[other] { $already } locations already had a reminder today
}.
reminder-sent-to = { $location }: reminder sent to { $recipients }.
reminder-nobody = { $location }: no reminder was sent. This school has nobody in Passend to remind yet (no director or intern begeleider).
reminder-nobody-invite = Invite the director of { $location }
reminder-already = { $location }: not sent again. This location had a reminder in the past day; try again tomorrow.
reminders-log-title = Reminders sent { $year }
reminders-log-none = No reminders have been sent this school year.
reminders-log-when = Sent at
reminders-log-to = Recipients
reminders-log-by = Sent by
notice-no-overdue = No school's review is overdue. Nothing was sent.
# --- search (issue 12) ---
find-label = Find a school by name, place, postcode or support
find-hint = For example: De Brug, Diemen, 1079 AZ, 31FN or dyslexia 1079.
find-support-link = Find schools by support, municipality and distance
find-found = { $count ->
    [0] No schools found
    [one] 1 location found
   *[other] { $count } locations found
}
find-found-near = { $count ->
    [0] No schools within { $km } km of { $postcode }
    [one] 1 location within { $km } km of { $postcode }
   *[other] { $count } locations within { $km } km of { $postcode }, nearest first
}
find-found-nearest = The { $count } nearest locations within { $km } km of { $postcode }
find-found-topic = { $count ->
    [0] No school with a published profile offers support with { $topic }
    [one] 1 location offers support with { $topic }
   *[other] { $count } locations offer support with { $topic }
}
find-found-topic-near = Nearest to { $postcode } first.
find-found-topic-place = In or near { $place }.
find-postcode-unknown = We know no schools at postcode { $postcode }. Try a postcode nearby.
find-none = Try another part of the name, a place or a postcode.
find-none-topic = Search by postcode or place to see all schools nearby.
find-more = Only the first { $count } are listed. Make your search more precise, for example with a postcode.
find-km = { $km } km
find-municipality = municipality of { $name }
find-municipality-label = Municipality
find-level-standaard = as standard
find-level-na_overleg = after consultation
find-parent-link = For parents: what does this school offer?
find-profile-link = Support profile { $year }
find-school-link = School details ({ $code })
find-not-published = No published support profile yet
sector-po = Primary education
sector-sbo = Special primary education
sector-so = Special education
sector-vso = Special secondary education
sector-so_vso = Special and special secondary education
sector-vo = Secondary education
# --- parents (issue 12) ---
location-contact-title = Contact details for parents
location-contact-intro = Parents see these details on the parents' version, in the parents' PDF and on the poster. What DUO knows about the location is filled in already. What you save here stays when DUO's files are imported again.
location-contact-edit = Edit contact details for parents
xlsx-location-code = Location code

# --- plain ---
plain-verdict-b1 = Level: { $band }. Easy to read for most parents.
plain-verdict-not-b1 = Level: { $band }. Still too difficult for many parents.
plain-hint-abbreviation = { $term }: abbreviation: explain it. Write out what it means the first time, for example "{ $term } (…)".
plain-hint-compound = Instead of "{ $term }" (with "{ $part }" in it), write: { $plain }.
plain-advice-split-at = Make two sentences of this one, at "{ $at }" (about +{ $points } points): "{ $sentence }"
plain-advice-split = Make two sentences of this long one (about +{ $points } points): "{ $sentence }"
plain-advice-replace = Replace this jargon with plain words (about +{ $points } points): { $terms }.
plain-advice-active = Who does this? Say so in the sentence (about +{ $points } points): "{ $sentence }"
plain-report-advice = What to change first
plain-report-advice-intro = Per question, hardest first: the changes that raise the score most, by about how much, and the jargon. Under every answer in the questionnaire you see the same hints.
plain-too-many-swvs = Give at most { $max } SWVs.
plain-field-empty = Fill this in.
plain-field-too-long = Use at most { $max } characters.
plain-term-exists = This word is on the list already.
plain-terms-title = Own jargon
plain-terms-intro-swv = Words used in your region, with what parents understand better. The readability assistant points them out in the texts of this SWV's schools: under every answer, in the readability report and for the parent version.
plain-terms-intro-platform = Words with a plain alternative that the readability assistant points out for every school, besides the built-in list.
plain-terms-list = The list
plain-terms-none = There are no words on the list yet.
plain-terms-term = Word or words
plain-terms-term-hint = As schools write it, for example "kernteam jeugd". Plurals and other forms are found too.
plain-terms-plain = Plain alternative
plain-terms-add = Add a word
plain-terms-add-button = Add
plain-terms-remove = Remove
plain-terms-remove-term = Remove { $term }
plain-terms-link = Own jargon for the readability assistant
# --- conv ---
conv-state-planned = Planned
conv-state-prepared = Prepared
conv-state-held = Held
conv-state-confirmed = Report confirmed
conv-agreement-open = Open
conv-agreement-in-progress = In progress
conv-agreement-done = Done
conv-agreement-dropped = Dropped
conv-already-planned = A conversation with this location is already planned for this school year.
conv-location-unknown = This location does not belong to the partnership.
conv-answer-choice-invalid = Choose one of the options.
conv-answer-scale-invalid = Choose a score from 1 to { $max }.
conv-answer-text-expected = Enter text here.
conv-attendees-too-many = Invite at most twenty people.
conv-date-invalid = Enter a valid date (yyyy-mm-dd).
conv-time-invalid = Enter a valid time (hh:mm).
conv-minutes-invalid = A conversation lasts between 15 minutes and 8 hours.
conv-email-invalid = This e-mail address cannot receive an invitation.
conv-link-invalid = A video link starts with https://.
conv-place-missing = Enter a place or a video link.
conv-required = Fill this in.
conv-text-too-long = Use at most { $max } characters.
conv-figure-negative = A count cannot be negative.
conv-figure-whole = Enter a whole number, without text.
conv-figure-too-large = Enter a count of at most { $max }.
conv-funds-too-large = This amount per pupil is too high.
conv-fixed = Both sides confirmed the report; it is fixed and no longer changes.
conv-not-held-yet = The conversation has not been held yet: until then the school prepares.
conv-guide-empty = A guide has at least one section.
conv-guide-key-invalid = Every key is unique and consists of lower-case letters, digits, dot, dash or underscore.
conv-guide-title-missing = Enter a title or question (not too long).
conv-guide-options-invalid = A choice question has at least two different options; other questions have none.
conv-guide-goal-unknown = This goal is not among the guide's ambitions.
conv-guide-ambition-unknown = This ambition is not in the guide.
conv-area = Area
conv-school-year = School year
conv-follow-up-schools = Schools
conv-held-count = Conversations held
conv-open-agreements = Agreements open
conv-overdue-agreements = Agreements overdue
conv-state-this-year = This school year
conv-not-planned = Not planned
conv-figures-per-kern = Key figures per kern
conv-figures-per-municipality = Key figures per municipality
conv-figures-whole = Key figures SWV
# --- login ---
limit-nul-character = The text holds an invisible character (U+0000) that cannot be saved. Remove it and try again.
limit-kernen = A partnership can have at most { $max } kernen. Merge kernen or leave a few out.
limit-own-items = A version can have at most { $max } questions of its own (now { $count }). Leave questions out or merge them.
limit-item-changes = A version can have at most { $max } changes to shared questions.
limit-variant-size = This version of the questionnaire is too large (over { $max } kB). Shorten the texts or leave questions out.
oidc-login-heading = Or log in with your school's account
oidc-login-intro = Does your school or board give you an account with one of these services? Then you need no separate password.
oidc-login-with = Log in with { $provider }
oidc-result-title = Log in with { $provider }
oidc-refused-state = Logging in with { $provider } failed: the attempt expired, was used already or was not started in this browser. Start again on the login page.
oidc-refused-code = Logging in with { $provider } failed: { $provider } did not confirm the attempt. Start again on the login page.
oidc-refused-token = Logging in with { $provider } failed: the answer of { $provider } could not be verified. Start again; if it fails again, tell the administrator.
oidc-refused-provider = Logging in with { $provider } was cancelled. Start again on the login page if you do want to log in.
oidc-no-account = You are logged in with { $provider }, but Passend has no account or invitation for your e-mail address yet.
oidc-unverified = You are logged in with { $provider }, but { $provider } did not confirm that the e-mail address is yours, so Passend cannot link it to an account.
oidc-result-email = Your e-mail address with this service: { $email }
oidc-ask-director-named = Ask the director of { $school } to invite you to Passend. Then you can log in here.
oidc-ask-director = Ask the director of your school (BRIN { $brin }) to invite you to Passend. Then you can log in here.
oidc-ask-invitation = Ask the director of your school or the administrator of your organisation to invite you to Passend. Then you can log in here.
oidc-back-to-login = Back to the login page
oidc-linked-title = Linked login services
oidc-linked-intro = You can log in to your account with these services. Remove a link you do not recognise.
oidc-linked-none = No login service is linked to your account yet.
oidc-linked-provider = Service
oidc-linked-email = E-mail address with the service
oidc-linked-remove = Remove
oidc-linked-removed = The link has been removed.
oidc-linked-no-password = Your account has no password. If you remove the last link, set a password through Forgot password.
# --- servers ---
jobs-title = Background jobs
jobs-intro = Mail, reminders and rendering documents ahead of time run as jobs. Every Passend server takes jobs; each job runs once. A failed job is tried again, each time a little later, and given up after 8 attempts.
jobs-filter = Which jobs
jobs-filter-all = All
jobs-filter-open = Not done yet
jobs-filter-failed = Given up
jobs-empty = There are no jobs.
jobs-caption = The newest jobs first
jobs-created = Created
jobs-kind = Kind
jobs-state = State
jobs-attempts = Attempts
jobs-next = Not before
jobs-error = Last error
jobs-state-waiting = Waiting
jobs-state-running = Running
jobs-state-done = Done
jobs-state-failed = Given up
jobs-not-failed = This job has not been given up; only a job that was given up can be started again.
jobs-outbox-link = See the background jobs
jobs-cli-backup-done = Backup { $file } written and checked ({ $kb } kB, { $seconds } s).
jobs-cli-restore-done = Restored and brought up to date: { $tables } tables.
jobs-cli-check-sound = The backup is sound: { $tables } tables.
# --- scan ---
scan-title = Scan Passend Onderwijs
scan-domain-visie_beleid = Vision and policy
scan-domain-ondersteuning_school = Support in the school
scan-domain-samenwerking_partners = Working with partners and their expertise
scan-domain-positie_leerling = The pupil's position
scan-domain-positie_ouder = The parent's position
scan-domain-kwaliteitszorg_cultuur = Quality assurance and culture
scan-domain-bekwaamheden_leraren = Teachers' skills
scan-group-team = Team members
scan-group-ib = IB-er or care coordinator
scan-group-director = Management
scan-group-parents = Parents
scan-group-pupils = Pupils
scan-answer-helemaal_oneens = Strongly disagree
scan-answer-oneens = Disagree
scan-answer-eens = Agree
scan-answer-helemaal_eens = Strongly agree
scan-answer-weet_niet = Don't know
scan-verdict-gaat_goed = Going well
scan-verdict-aandachtspunt = Point of attention
scan-verdict-risico = Risk
scan-verdict-geen_oordeel = No verdict
scan-reason-broad_agreement = Every group agrees for 70% or more, and the groups are close together.
scan-reason-group_below_half = Fewer than half of a group agree.
scan-reason-group_below_seventy = A group agrees for less than 70%.
scan-reason-groups_disagree = The groups differ by 25 percentage points or more.
scan-reason-no_opinions = No group with enough answers yet.
scan-statement-unknown = This statement is not part of this scan ({ $statement }).
scan-statement-other-group = This statement is for another group ({ $statement }).
scan-answer-invalid = Choose one of the answers: strongly disagree, disagree, agree, strongly agree or don't know.
scan-remark-domain-unknown = Choose one of the scan's seven domains.
scan-empty = Answer at least one statement.
scan-group-unknown = Choose a group from the list.
scan-groups-required = Choose at least one group.
scan-statement-required = Write the statement.
scan-location-unknown = Choose a location of this school.
scan-year-invalid = Write the school year like this: 2026-2027.
scan-round-exists = This location already has a scan for this school year.
scan-closed = This scan is closed. You can no longer answer.
scan-link-expired = This link has expired: the scan's school year is over.
scan-answered = You already filled in this scan on this device. Thank you!
scan-wish-prefix = Scan Passend Onderwijs
scan-wish = { $year }, { $group }: the profile promises { $claim }, but { $agreeing } of { $opinions } agree with "{ $statement }"
scan-intro = There are no right or wrong answers. For each statement choose what fits best. Your answers are anonymous.
scan-intro-plain = There are no right or wrong answers. Choose what fits best. We do not ask your name.
scan-remark = Anything else about this topic? (may stay empty)
scan-anonymous = We do not ask for a name. The school sees a group's answers only once at least five people of that group have answered.
scan-thanks-title = Thank you
scan-thanks = Your answers are saved. The school discusses the outcome with the team.
scan-thanks-plain = Thank you! Your answers are saved.
scan-school-intro = The scan shows how passend onderwijs really goes at school, according to the team, the IB-er, management, parents and pupils. There are no right or wrong answers: the outcome opens the conversation.
scan-rounds = This school's scans
scan-no-rounds = No scan yet.
scan-year = School year
scan-location = Location
scan-responses = Answers
scan-status = Status
scan-status-open = Open
scan-status-closed = Closed
scan-open-title = Open a new scan
scan-groups = Which groups fill in the scan? Each group gets its own link.
scan-shared-device = Allow more answers per device (a shared device in class)
scan-open = Open scan
scan-links = Links per group
scan-count = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
scan-qr-alt = QR code with the link for { $group }
scan-close = Close scan
scan-reopen = Reopen scan
scan-share = Share the outcome with the SWV
scan-unshare = Stop sharing the outcome with the SWV
scan-pdf = Report as PDF
scan-verdicts = Verdict per domain
scan-report-intro = The verdict follows fixed rules: see the scan's explanation. Groups with fewer than five answers do not count and are not shown.
scan-domain = Domain
scan-verdict = Verdict
scan-reason = Why
scan-per-group = Outcome per group
scan-respondents = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
scan-agreeing = agree
scan-opinions-count = { $count ->
    [one] 1 answer with an opinion
   *[other] { $count } answers with an opinion
}
scan-opinions = Answers with an opinion
scan-statement = Statement
scan-share-agreeing = Share agreeing
scan-remarks = Remarks
scan-suppressed = Too few answers to show
scan-compared = Compared with last year
scan-group = Group
scan-this-year = This year
scan-last-year = Last year
scan-to-test = To be tested
scan-check-intro = What the profile promises, beside what the groups recognise:
scan-check-no-profile = This location has no profile yet to hold the scan against.
scan-none-to-test = Nothing to test: the groups recognise what the profile promises.
scan-to-test-legend = Choose what goes on the wish list for next year's profile
scan-wish-owner = Who takes this on?
scan-make-wishes = Put on the wish list
scan-swv-title = Scans in the SWV
scan-swv-intro = Which schools ran a scan and how the verdicts spread per domain. You see one school's outcome only when the school shares it.
scan-swv-schools = Schools with a scan
scan-results = Outcome
scan-shared-results = View the shared outcome
scan-not-shared = Not shared
scan-swv-spread = Verdicts per domain (number of schools)
scan-statement-jargon = For { $group ->
    [parents] parents
   *[pupils] pupils
}, ‘{ $word }’ is jargon. Write instead: { $suggestion }.
scan-statement-long-sentence = This sentence is too long for { $group ->
    [parents] parents
   *[pupils] pupils
}: at most { $max } words a sentence.
scan-statement-long-word = ‘{ $word }’ is a long word for pupils. Choose a shorter one.
scan-statement-hard = This statement is hard to read for { $group ->
    [parents] parents (level B1 is needed)
   *[pupils] pupils (level A2 is needed)
}: readability { $score }, { $min } or more is needed. Write shorter sentences and shorter words.
scan-own-title = The partnership's own statements
scan-own-intro = These statements join the scan's fixed statements in every scan a school of your partnership opens from now on. A scan already open keeps its statements.
scan-own-none = No statements of your own yet.
scan-own-groups = For whom
scan-own-claim = Tests the promise
scan-own-no-claim = No promise
scan-own-add = Add statement
scan-own-domain = Domain
scan-own-text = Statement
scan-own-text-hint = For parents write at level B1 (short sentences, no jargon), for pupils at A2. Passend checks this.
scan-own-claim-hint = Choose a promise of the profile if the statement tests it. If the groups do not recognise it, it is listed as ‘to test’.
scan-own-claim-category = Offers as standard: { $category }
scan-own-claim-basis = Basic support in order: { $aspect }
scan-own-added = The statement has been added.
scan-own-claim-unknown = Choose a promise from the list, or none.
# --- kb ---
role-editor = Knowledge editor
role-expert = Question desk expert
kb-sector-po = Primary education
kb-sector-vo = Secondary education
kb-sector-so = Special education
kb-sector-swv = Partnership
kb-tag-invalid = The tag ‘{ $tag }’ cannot be used: use letters, digits and dashes (at most 40 characters).
kb-field-required = Please fill in this field.
kb-field-too-long = This is too long: at most { $max } characters.
kb-markdown-html = Do not use HTML or scripts in the text. Use Markdown for layout, e.g. **bold** or a list with dashes.
kb-sector-invalid = Choose a sector: po, vo, so or swv.
kb-tags-too-many = Use at most { $max } tags.
kb-phone-invalid = Enter a phone number with 8 to 15 digits, e.g. 030 123 45 67.
kb-email-invalid = Enter a valid e-mail address, e.g. name@school.nl.
kb-faq-not-anonymous = The text still shows the asker's name, phone number or e-mail address. Please remove them.
kb-question-answered-already = This question has been answered already.
kb-faq-not-possible = This question cannot become a FAQ item: it is not answered yet or published already.
kb-mail-asked-subject = Your question to the Passend question desk
kb-mail-asked-body = Dear { $name },

    We have received your question. A group of experts will look at it and answer by e-mail.
    This link shows your question and, once given, the answer:
    { $link }

    Your question:
    { $question }

    We keep your name, phone number and e-mail address until a year after the answer, then delete them.
kb-mail-desk-subject = New question for the question desk
kb-mail-desk-body = A new question waits at the question desk:
    { $link }
kb-mail-answered-subject = Answer to your question to the question desk
kb-mail-answered-body = Dear { $name },

    Your question:
    { $question }

    The answer from { $expert }:
    { $answer }

    You can also read question and answer through the link in our first e-mail.
kb-title = Knowledge base: practice examples
kb-intro = No need to reinvent the wheel. Find examples from schools and partnerships that show how they do it.
kb-search-words = Search words
kb-search-tag = Topic
kb-search-sector = Sector
kb-search-any = All
kb-search-button = Search
kb-results = { $count ->
    [one] 1 example
   *[other] { $count } examples
}
kb-none = No examples found. Try other words, or ask the question desk.
kb-ask-link = Ask the question desk
kb-faq-title = Frequently asked questions
kb-back = Back to the knowledge base
kb-contact = Contact:
kb-tags = Topics:
kb-related = Related examples
kb-related-none = No related examples found.
kb-ask-title = Ask the question desk
kb-ask-sent = Your question has been sent. You will get an e-mail with a link to the answer.
kb-ask-intro = Do you have an urgent question, or would you like someone to think along? A group of experts from practice answers or thinks along. This is not intensive support on site.
kb-ask-why = We ask your name, phone number and e-mail address so that an expert can reach you. We keep them until a year after the answer. Do not mention any pupil's details.
kb-ask-name = Name
kb-ask-phone = Phone number
kb-ask-email = E-mail address
kb-ask-organisation = Organisation (school or partnership, optional)
kb-ask-description = Short description of your question
kb-ask-button = Send question
kb-answer-title = Your question to the question desk
kb-answer-question = Question
kb-answer-answer = Answer
kb-answer-waiting = There is no answer yet. You will get an e-mail once there is.
kb-desk-title = Question desk
kb-desk-none = There are no questions.
kb-desk-caption = Questions, open ones first
kb-desk-ticket = Question
kb-desk-asked = Asked on
kb-desk-state = State
kb-desk-answered = Answered
kb-desk-open = Open
kb-desk-back = Back to the question desk
kb-desk-deleted = (deleted)
kb-desk-send = Send answer
kb-gap-help-link = Examples and schools that do offer { $category }
kb-gap-title = Help with a gap: { $category }
kb-gap-area = In { $area } no school offers this at the chosen level. Below: how others do it and who offers it nearby.
kb-gap-back = Back to coverage
kb-gap-examples = Practice examples
kb-gap-no-examples = There are no practice examples for this topic yet.
kb-gap-all-examples = All examples about { $category } in the knowledge base
kb-gap-nearby = Schools nearby that offer it
kb-gap-nearby-intro = From published profiles, in and around the region, nearest first, with the relevant specialists and their dagdelen (half-days) per week.
kb-gap-no-nearby = No published profile offers this at the chosen level.
kb-gap-nearby-caption = Schools that offer the topic, nearest first
kb-gap-location = Location
kb-gap-level = Level
kb-gap-distance = Distance
kb-gap-specialists = Specialists (half-days per week)
kb-gap-outside = outside the region
kb-gap-no-specialists = not named
kb-gap-km = { $km } km
kb-write = Write a practice example
kb-share-school = Share an example from your school
kb-drafts-title = Drafts to publish
kb-drafts-intro = Examples sent in by schools and editors' drafts. Read them, change them where needed and publish them.
kb-drafts-none = No drafts are waiting.
kb-draft-submitted = Thank you. Your example has been sent in; an editor will read and publish it.
kb-edit-title = Edit practice example
kb-state-draft = Draft: not yet shown in the knowledge base.
kb-state-published = Published
kb-view = View in the knowledge base
kb-write-intro = Describe how a school or partnership goes about something, so that others need not reinvent the wheel.
kb-write-school-intro = Show other schools how your school goes about something. An editor reads your example before it appears in the knowledge base. Do not name any pupil's details.
kb-field-title = Title
kb-field-summary = Summary (a few sentences)
kb-field-body = Description
kb-field-body-hint = Formatting with Markdown: an empty line for a new paragraph, **bold**, a list with dashes, ## for a heading. HTML is not taken over.
kb-field-categories = Topics
kb-field-themes = Other themes
kb-field-themes-hint = Separated by commas, for example: parental involvement, primary to secondary
kb-field-source = School or partnership the example comes from
kb-field-contact = Contact for those who want to know more (name, e-mail or phone)
kb-publish = Publish
kb-save-draft = Save as draft
kb-save = Save changes
kb-submit-draft = Send in example
kb-gap-dagdelen = { $count } half-days
# --- events ---
act-nav = Activities
act-title = Activities
act-intro = Development groups, exchange days, inspiration visits and webinars on inclusive education. Sign up; when an activity is full, you join the wait list.
act-new = New activity
act-none = No activities are planned at the moment.
act-back = Back to the activities
act-kind-development_group = Development group
act-kind-exchange_day = Exchange day
act-kind-inspiration_visit = Inspiration visit
act-kind-webinar = Webinar
act-places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
act-places-taken = { $count ->
    [one] 1 place taken
   *[other] { $count } places taken
}
act-waiting = { $count ->
    [one] 1 on the wait list
   *[other] { $count } on the wait list
}
act-full = Full: signing up puts you on the wait list
act-full-waitlist = All places are taken. If you sign up, you join the wait list. When someone cancels, the first on the wait list gets the place and a mail.
act-window-opens = Sign-up opens on { $date }
act-window-until = Sign up until { $date }
act-window-not-open = Sign-up for this activity has not opened yet.
act-window-closed = Sign-up for this activity has closed.
act-audience = For whom
act-sessions = Sessions
act-calendar = Add all sessions to your calendar (.ics)
act-capacity = Places
act-costs = Costs
act-free = Free
act-paid = There is a fee
act-window = Sign-up
act-criteria = Criteria for taking part
act-participants = Participants
act-sign-up = Sign up
act-field-name = Name
act-field-email = E-mail address
act-field-organisation = Organisation (optional)
act-field-organisation-hint = The name or code of your school or partnership, e.g. 32DD or PO 27-07. We look it up in the list of schools.
act-field-role = Role (optional)
act-privacy = We use your name and e-mail address only for this activity: the confirmation, a reminder two days before, and a message when you get a place from the wait list.
act-sign-up-button = Sign up
act-waitlist-button = Join the wait list
act-signed-up-title = Signed up
act-signed-up-registered = You are signed up for { $title }.
act-signed-up-waitlisted = { $title } is full. You are on the wait list; we mail you when you get a place.
act-signed-up-mail = You get a mail with the details and a link to cancel.
act-cancelled = Cancelled
act-cancel-title = Cancel
act-cancel-ask = Do you want to cancel your sign-up? Your place goes to the first on the wait list.
act-cancel-button = Yes, cancel
act-cancel-done = You have cancelled. Thank you for letting us know.
act-cancel-before = You had cancelled already. Nothing changed.
act-too-long = At most { $max } characters.
act-name-missing = Enter your name.
act-email-invalid = Enter a valid e-mail address, e.g. name@school.nl.
act-already-signed-up = This e-mail address is signed up for this activity already.
act-title-missing = Give the activity a title.
act-capacity-range = Enter a number of places from 1 to { $max }.
act-window-order = Sign-up must close after it opens.
act-window-after-start = Sign-up must close before the first session starts.
act-sessions-missing = Give at least one session.
act-sessions-too-many = At most { $max } sessions.
act-session-order = A session must end after it starts.
act-time-invalid = Enter a valid date and time.
act-kind-invalid = Choose a kind of activity.
act-field-kind = Kind
act-field-owner = Organised by
act-owner-platform = The platform
act-field-title = Title
act-field-description = Description
act-field-opens = Sign-up from
act-field-closes = Sign-up until (inclusive)
act-field-session-date = Session { $n }: date
act-field-from = from
act-field-until = until
act-field-place = Place or link
act-create-button = Create activity
act-export-csv = Participants as CSV
act-export-xlsx = Participants as Excel (XLSX)
act-status = Status
act-attended = Present
act-present = Present
act-absent = Absent
act-mark-present = { $name } was present
act-mark-absent = { $name } was absent
act-mail-registered-subject = Signed up: { $title }
act-mail-registered-body =
    Dear { $name },

    You are signed up for { $title }.

    Sessions:
    { $sessions }

    The attached calendar file holds every session.
    More: { $link }

    Cannot come after all? Cancel, so that someone on the wait list gets your place:
    { $cancel }
act-mail-waitlisted-subject = On the wait list: { $title }
act-mail-waitlisted-body =
    Dear { $name },

    { $title } is full. You are on the wait list, in order of sign-up. When a place frees up, we mail you at once.

    Sessions:
    { $sessions }

    No longer want to wait? Cancel:
    { $cancel }
act-mail-promoted-subject = You have a place: { $title }
act-mail-promoted-body =
    Dear { $name },

    A place has freed up. You are now signed up for { $title }.

    Sessions:
    { $sessions }

    The attached calendar file holds every session. To cancel, use the link in the mail you got when you joined the wait list.
    More: { $link }
act-mail-reminder-subject = Reminder: { $title }
act-mail-reminder-body =
    Dear { $name },

    In two days is the next session of { $title }.

    Sessions:
    { $sessions }

    Cannot come after all? Cancel with the link in your confirmation mail.
    More: { $link }
news-title = Newsletter
news-intro = Stay informed about activities, practice examples and news on inclusive education. You first get a mail to confirm; only then do we send the newsletter.
news-field-email = E-mail address
news-field-email-hint = Unsubscribe at any time with one click, at the end of every newsletter.
news-subscribe-button = Subscribe to the newsletter
news-archive = Earlier newsletters
news-archive-empty = No newsletters have been sent yet.
news-email-invalid = Enter a valid e-mail address, e.g. name@school.nl.
news-requested-title = Almost done
news-requested = We have sent you a mail. Follow the link in it to confirm.
news-confirm-title = Confirm your subscription
news-confirm-ask = Confirm that you want to receive the newsletter.
news-confirm-button = Yes, send me the newsletter
news-confirm-done = Thank you! You will receive the newsletter from now on.
news-confirm-used = This link has been used already or does not exist. Nothing changed.
news-unsubscribe-title = Unsubscribe from the newsletter
news-unsubscribe-ask = Do you no longer want the newsletter?
news-unsubscribe-button = Unsubscribe
news-unsubscribe-done = You have unsubscribed. You will not get the newsletter any more.
news-unsubscribe-used = You had unsubscribed already. Nothing changed.
news-unsubscribe-link = Unsubscribe from this newsletter
news-sent-on = Sent on { $date }
news-editor-title = Write the newsletter
news-subscribers = { $count ->
    [one] 1 confirmed subscriber
   *[other] { $count } confirmed subscribers
}
news-new-issue = New newsletter
news-field-subject = Subject
news-field-body = Text (Markdown)
news-field-body-hint = Use Markdown: ## for a heading, *italic*, **bold**, [text](https://…) for a link. HTML is not allowed.
news-save-button = Save draft
news-issues = Newsletters
news-state-draft = draft
news-state-sending = being sent
news-state-sent = sent
news-send-button = { $count ->
    [one] Send to 1 subscriber
   *[other] Send to { $count } subscribers
}
news-subject-missing = Enter a subject.
news-body-missing = Write the newsletter's text.
news-body-html = The text holds HTML or a script. Use Markdown only, e.g. **bold** or [text](https://…).
news-too-long = At most { $max } characters.
news-already-sent = This newsletter has been sent already.
news-mail-confirm-subject = Confirm your newsletter subscription
news-mail-confirm-body =
    Hello,

    Someone (hopefully you) subscribed this address to the Passend newsletter. Confirm with this link:
    { $link }

    Did you not subscribe? Then do nothing: without confirmation we send nothing.
news-mail-footer =
    You get this newsletter because you subscribed. Read online: { $archive }
    Unsubscribe with one click: { $link }

## Conversation pages (the SWV's yearly conversation with each school)
cvp-title = Yearly conversation
cvp-list-title = Yearly conversations
cvp-list-intro = Every year the partnership talks with each school: plan the conversations here, and follow who prepared and which reports are confirmed.
cvp-list-caption = Locations of the partnership: { $count }
cvp-show = Show
cvp-location = Location
cvp-when = When
cvp-where = Where
cvp-plan-this = Plan a conversation
cvp-plan-form-title = Plan a conversation
cvp-plan-form-intro = Everyone with an e-mail address gets an invitation with the appointment as a calendar file (.ics).
cvp-all-planned = A conversation is planned with every location for this school year.
cvp-date = Date
cvp-time = Start time
cvp-minutes = Length in minutes
cvp-place = Place (address or room)
cvp-video-link = Video link
cvp-consultant = The partnership's consultant
cvp-attendees = Attendees
cvp-attendees-hint = Name and role of who takes part, on both sides. Leave a row empty if you do not need it.
cvp-attendee-name = Name
cvp-attendee-role = Role
cvp-attendee-side = On behalf of
cvp-attendee-email = E-mail address
cvp-side-school = school
cvp-side-swv = partnership
cvp-plan-submit = Plan and invite
cvp-plan-title = Appointment
cvp-no-names = Do not write pupils' names or other pupil data in this conversation: only counts and descriptions.
cvp-school-list-title = Yearly conversations with the partnership
cvp-school-list-intro = Prepare the yearly conversation with the partnership here and read the reports back.
cvp-school-none = No yearly conversation is planned yet. The partnership plans it and sends you an invitation.
cvp-facts-title = What Passend already knows
cvp-profile = School support profile
cvp-review-by = review before
cvp-no-profile = No profile for this school year
cvp-norm = Basic support
cvp-no-norm = The partnership set no norm, or there is no profile yet.
cvp-norm-missing = Parts of the norm the school does not meet yet
cvp-offers = Offer per support need
cvp-category = Support need
cvp-level = The school's offer
cvp-region = In the area
cvp-gap = No school offers this as standard
cvp-specialists = Specialists
cvp-dagdelen = half-days a week
cvp-scan-claims = From the Scan Passend Onderwijs: to be checked
cvp-not-answered = Not answered yet
cvp-funds = Support funds
cvp-funds-line = { $pupils } pupils
cvp-funds-basic = basic support
cvp-funds-extra = extra support
cvp-funds-total = total
cvp-previous-title = Last year's agreements
cvp-previous-intro = The conversation starts with last year's agreements: say for each how it stands.
cvp-status = Status
cvp-status-note = Note
cvp-save-status = Save status
cvp-agreement-conflict = Someone else just changed this agreement. Look at the new status and save again.
cvp-answers-preparation = The school's preparation
cvp-answers-held = The conversation
cvp-answers-preparation-intro = Prepare the conversation by answering the questions. Your answers are saved as you type; without JavaScript with the button at the bottom.
cvp-answers-swv-waits = The school prepares the conversation. After it, you record the answers here together; the school's preparation is shown beside them.
cvp-answers-held-intro = Record the answers from the conversation. Each question shows what the school prepared.
cvp-answers-not-all-saved = Not every answer was saved; see the questions below. The other answers are kept.
cvp-answer-conflict = Someone else just saved this answer. Reload the page to see the new answer.
cvp-ambition = Ambition
cvp-goal = Goal
cvp-prepared = Prepared by the school:
cvp-not-prepared = not prepared
cvp-no-answer = No answer
cvp-scale-hint = 1 is not at all, 5 is completely.
cvp-count = Count
cvp-figure-note = Note on the count (no names)
cvp-save-answers = Save answers
cvp-agreements-title = Agreements for next year
cvp-no-agreements = No agreements yet.
cvp-what = What
cvp-who = Who
cvp-due = By
cvp-actions = Actions
cvp-delete = Remove
cvp-delete-confirm = Remove this agreement?
cvp-add-agreement = Add agreement
cvp-no-goal = No goal
cvp-report-title = Report
cvp-report-open = View the report
cvp-report-pdf = Report as PDF
cvp-report-author = Who writes the report
cvp-confirmed-swv = Confirmed by the partnership
cvp-confirmed-school = Confirmed by the school
cvp-not-confirmed = Not confirmed yet
cvp-annex = Annex to the profile
cvp-annex-yes = Yes, the report belongs to the school support profile
cvp-annex-no = No
cvp-annex-choice = The report becomes an annex to our school support profile (the participation council sees it when asked for advice)
cvp-hash = Fingerprint
cvp-held = The conversation has taken place
cvp-details-hint = Who writes the report and whether it joins the profile is agreed in the conversation. A change here takes earlier confirmations away.
cvp-save-details = Save details
cvp-confirm-title = Confirm the report
cvp-confirm-intro = Confirm the report for your side. Once both sides have confirmed, the report is fixed.
cvp-confirm-name = Your name
cvp-confirm = Confirm
cvp-confirm-after-held = You can confirm once the conversation has taken place.
cvp-back-to-conversation = Back to the conversation
cvp-report-draft = Draft: not yet confirmed by both sides.
cvp-held-on = Held on
cvp-not-held = Not held yet
cvp-confirmations = Confirmations
cvp-funds-title = Support funds
cvp-funds-intro = The amount per pupil for basic and extra support; Passend computes each school's amount from DUO's pupil count or a count you enter for the reference date.
cvp-rates-title = Amounts per pupil
cvp-rate-basic = Basic support per pupil (€)
cvp-rate-extra = Extra support per pupil (€)
cvp-no-rates = No amounts are set for this school year yet.
cvp-funds-per-school = Per location
cvp-duo-pupils = Pupils (DUO)
cvp-swv-pupils = Own count
cvp-total = Total
cvp-save-funds = Save
cvp-amount-invalid = Enter an amount in euros, for example 150 or 45.50.
cvp-follow-up-title = Follow-up of the yearly conversations
cvp-follow-up-intro = Per school and for the whole partnership: conversations held, open and overdue agreements, and the key figures over the years.
cvp-follow-up-xlsx = Download as Excel file (XLSX)
cvp-guide-title = Conversation guide
cvp-guide-default = This is Passend's default guide. Save it to adapt it for your partnership.
cvp-guide-published = Version { $version }, published. A change becomes a new version.
cvp-guide-draft = Version { $version }, draft: not published yet.
cvp-guide-copy = Take over last year's guide
cvp-guide-copy-confirm = Take over last year's guide as this year's draft?
cvp-guide-editor-intro = Change sections, questions, ambitions and goals. Fill in an empty row to add something; empty a title or question to take it out. Conversations already planned keep their guide.
cvp-guide-intro = Introduction of the guide
cvp-ambitions = Ambitions from the year plan
cvp-new-ambition = New ambition
cvp-new-goal = New goal
cvp-field-title = Title
cvp-field-description = Description
cvp-field-intro = Introduction
cvp-section = Section
cvp-new-section = New section
cvp-no-ambition = No ambition
cvp-question = Question
cvp-new-question = New question
cvp-question-text = Question
cvp-question-kind = Kind of answer
cvp-question-options = Options (one per line, only for a choice question)
cvp-kind-text = open text
cvp-kind-choice = choice
cvp-kind-scale = score 1 to 5
cvp-kind-figure = key figure (count)
cvp-guide-save = Save as draft
cvp-guide-publish = Save and publish
notice-report-confirmed = The report is confirmed for your side. Once both sides have confirmed, it is fixed.
cvp-replan = Change the appointment
cvp-replan-hint = Everyone with an e-mail address gets the changed invitation with the new appointment for their calendar.
cvp-replan-submit = Change and invite again
notice-conversation-replanned = The appointment is changed. Everyone with an e-mail address gets the changed invitation.
notice-conversation-planned = The conversation is planned. Everyone with an e-mail address gets an invitation with the appointment for their calendar.
# --- conversation report (PDF) and annexes ---
cvr-title = Report of the yearly conversation
cvr-swv = Samenwerkingsverband
cvr-school-year = School year
cvr-location = { $school } ({ $brin }, location { $location })
cvr-held-on = Held on
cvr-not-held = Not held yet
cvr-place = Place
cvr-attendees = Present
cvr-consultant = The SWV's consultant
cvr-author = Report written by
cvr-prepared = Prepared by the school
cvr-answer = In the conversation
cvr-not-answered = Not discussed
cvr-agreements = Agreements
cvr-no-agreements = No agreements were made.
cvr-what = What
cvr-who = Who
cvr-due = By
cvr-goal = Goal
cvr-status = Status
cvr-follow-up = Last year's agreements
cvr-funds = Support funds
cvr-funds-line = { $pupils } pupils: basic support { $basic }, extra support { $extra }, together { $total }
cvr-confirmations = Confirmation
cvr-confirmed-swv = For the SWV
cvr-confirmed-school = For the school
cvr-confirmed-by = { $name }, { $on }
cvr-not-confirmed = Not confirmed yet
cvr-fixed = Confirmed by both sides. The content is fixed and identified by this SHA-256 code:
cvr-draft = Draft — not yet confirmed by both sides
cvr-annexes = Annexes
cvr-annex-intro = The school added these reports of the yearly conversation with the SWV to its profile.
cvr-annex-link = Report of the yearly conversation { $year } with { $swv } (PDF)
cvr-annex-advice = With your advice, please also read the report of the yearly conversation that the school added to the profile.
cvr-annex-login = Readable only after logging in, for the school, the SWV and the participation council.

## Closed groups and shared files (issue 15, point 6)
groups-title = My groups
groups-intro = Closed groups, such as a development group or the sbo–so working group: only members read the messages and files.
groups-none = You are not a member of any group yet. A moderator can invite you.
groups-your-role = Your role:
groups-role-moderator = moderator
groups-role-member = member
groups-role-admin = administrator (not a member)
groups-role-invalid = Choose moderator or member.
groups-source-invited = invited
groups-source-activity = by sign-up
groups-new = New group
groups-field-name = Name of the group
groups-field-description = What is the group about? (optional)
groups-create = Create group
groups-back = ← My groups
groups-closed-note = This is a closed group. Only its members see the messages, files and the list of members.
groups-keeper-only = You manage this group but are not a member: you see its members, not its messages and files.
groups-messages = Messages
groups-message-label = New message
groups-message-hint = Plain text or Markdown, for example **bold** or a list with dashes. Do not write pupils' personal data.
groups-post = Post message
groups-no-messages = There are no messages yet.
groups-files = Files
groups-no-files = No files have been shared yet.
groups-file-name = File
groups-file-size = Size
groups-file-by = Shared by
groups-file-actions = Actions
groups-file-remove = Remove
groups-file-remove-named = Remove { $name }
groups-file-label = Share a file
groups-file-hint = PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument (odt, ods, odp), png, jpg, txt or csv; at most { $max } MB.
groups-file-share = Share file
groups-members = Members
groups-no-account = (no account yet)
groups-member-remove = Remove from the group
groups-member-remove-named = Remove { $name } from the group
groups-member-promote = Make moderator
groups-member-promote-named = Make moderator: { $name }
groups-member-demote = Make a plain member
groups-member-demote-named = Make a plain member: { $name }
groups-field-activity = Belongs to an activity (optional)
groups-field-activity-hint = Whoever signs up for this activity and has a place is a member of the group without an invitation.
groups-field-activity-none = No activity
groups-invite-label = E-mail address of the new member
groups-invite-hint = The new member gets an e-mail with a link to the group.
groups-invite = Invite
groups-field-required = Please fill in this field.
groups-field-too-long = This may be at most { $max } characters long.
groups-email-invalid = Please enter a valid e-mail address, for example name@school.nl.
groups-last-moderator = The group would have no moderator left. Make someone else moderator first.
groups-activity-unknown = This activity does not exist.
groups-activity-not-organised = You can only tie a group to an activity you organise yourself.
groups-mail-invited-subject = You are a member of the group { $group }
groups-mail-invited-body = Dear reader,

    { $inviter } added you to the closed group "{ $group }" in Passend, where its members share messages and files.

    Log in and open the group: { $link }

    Kind regards,
    Passend
groups-mail-invited-body-new = Dear reader,

    { $inviter } added you to the closed group "{ $group }" in Passend, where its members share messages and files.

    You have no Passend account with this e-mail address yet. Once you have one (ask your organisation for an invitation), you will find the group here: { $link }

    Kind regards,
    Passend
files-empty = Please choose a file. The chosen file is empty.
files-too-large = This file is too large. A file may be at most { $max } MB.
files-type-refused = This kind of file cannot be shared. Share one of these kinds: { $types }.
files-content-mismatch = This file is not a real .{ $ext } file. Save it again as .{ $ext } or choose another file.
files-virus-found = The virus scanner refused this file. It has not been stored.
files-scan-failed = The file could not be checked for viruses just now and has not been stored. Please try again later.
kb-attachments = Attachments
kb-attachments-none = There are no attachments.
kb-attach-label = Add an attachment
kb-attach-button = Add attachment
