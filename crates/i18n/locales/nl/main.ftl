## Navigatie en algemene onderdelen
nav-skip = Naar de inhoud
nav-label = Hoofdmenu
nav-schools = Scholen
nav-swvs = Samenwerkingsverbanden
nav-dashboard = Mijn overzicht
nav-outbox = Verzonden mail
nav-login = Inloggen
nav-logout = Uitloggen
nav-other-language = English
footer-about = Passend is open source software voor het schoolondersteuningsprofiel.
footer-api = API voor ontwikkelaars
footer-open-data = Schoolgegevens: open onderwijsdata van DUO (CC0).
save-button = Opslaan
form-has-errors = Controleer de volgende velden
search-button = Zoeken
search-too-short = Typ minstens twee tekens.

## Meldingen na een actie
notice-invitation-sent = De uitnodiging is verstuurd.
notice-invitation-revoked = De uitnodiging is ingetrokken.
notice-member-removed = De rol is weggehaald.
notice-saved = De wijzigingen zijn opgeslagen.
notice-logged-out = U bent uitgelogd.
notice-password-changed = Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.
notice-reset-sent = Als dit adres bij ons bekend is, krijgt u binnen enkele minuten een e-mail met een link.
notice-welcome = Welkom bij Passend!

## Foutmeldingen
error-not-found-title = Pagina niet gevonden
error-not-found = Deze pagina bestaat niet (meer). Controleer het adres.
error-forbidden-title = Geen toegang
error-forbidden = U heeft geen toegang tot deze gegevens.
error-unauthenticated-title = Inloggen nodig
error-unauthenticated = Log eerst in om verder te gaan.
error-csrf-title = Formulier verlopen
error-csrf = Het formulier kon niet worden verwerkt. Laad de pagina opnieuw en probeer het nog eens.
error-bad-request-title = Onjuiste gegevens
error-bad-request = De gegevens zijn niet goed ingevuld.
error-conflict-title = Niet mogelijk
error-conflict = Dit bestaat al.
error-rate-limited-title = Te veel pogingen
error-rate-limited = Er is te vaak een verkeerd wachtwoord ingevuld. Wacht een kwartier en probeer het dan opnieuw.
error-internal-title = Er ging iets mis
error-internal = Er ging iets mis aan onze kant. Probeer het later opnieuw.
error-document-failed-title = Document niet beschikbaar
error-document-failed = Het document kan nu niet worden gemaakt. Probeer het later opnieuw of bekijk de webpagina.
error-home-link = Naar de startpagina

## Velden
field-email = E-mailadres
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-password-hint = Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.
field-password-confirm = Herhaal het wachtwoord
field-name = Naam
field-name-org = Naam
field-role = Rol
field-phone = Telefoon
field-website = Website
field-too-long = Dit is te lang: maximaal { $max } tekens.
field-phone-invalid = Vul een Nederlands telefoonnummer in, bijvoorbeeld 020 123 45 67 of 06 12 34 56 78.
field-url-invalid = Vul een webadres in, bijvoorbeeld www.school.nl of https://www.school.nl.
account-email-invalid = Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.
account-name-invalid = Vul uw naam in (maximaal 100 tekens).
account-password-too-short = Het wachtwoord is te kort: gebruik minstens { $min } tekens.
account-password-too-long = Het wachtwoord is te lang: gebruik hoogstens { $max } tekens.
account-password-is-email = Kies een wachtwoord dat niet gelijk is aan uw e-mailadres.
account-password-mismatch = De twee wachtwoorden zijn niet gelijk.

## Rollen
role-team_member = Teamlid
role-ib = Intern begeleider / zorgcoördinator
role-director = Directeur
role-board_member = Bestuurder
role-mr_member = MR-lid
role-swv_staff = Medewerker samenwerkingsverband
role-swv_admin = Beheerder samenwerkingsverband
role-platform_admin = Beheerder Passend

## Startpagina
home-title = Passend: het schoolondersteuningsprofiel dat leeft
home-lead = Welke ondersteuning biedt een school? Passend helpt scholen dat samen te beschrijven, elk jaar bij te houden en zo te delen dat ouders het begrijpen.
home-for-whom = Voor wie
home-schools-title = Voor scholen
home-schools-text = Het team vult samen een vragenlijst in. Daaruit maakt u het profiel, met advies van de MR en vaststelling door het bestuur.
home-parents-title = Voor ouders en leerlingen
home-parents-text = Lees in gewone taal welke hulp een school kan geven, en bij wie u terecht kunt.
home-swv-title = Voor samenwerkingsverbanden
home-swv-text = Zie de profielen van alle scholen in uw regio bij elkaar: is het aanbod dekkend?
home-swv-link = Bekijk de samenwerkingsverbanden

## Inloggen en wachtwoord
login-title = Inloggen
login-button = Inloggen
login-forgot = Wachtwoord vergeten?
login-invalid = Het e-mailadres of het wachtwoord klopt niet.
login-invalid-title = Inloggen mislukt
forgot-title = Wachtwoord vergeten
forgot-intro = Vul uw e-mailadres in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.
forgot-button = Stuur mij een link
reset-title = Nieuw wachtwoord kiezen
reset-button = Wachtwoord opslaan
reset-invalid = Deze link werkt niet meer. Hij is al gebruikt of te oud.
reset-again = Vraag een nieuwe link aan

## Uitnodigingen
invitation-title = Uitnodiging
invitation-for = U bent uitgenodigd voor { $org }
invitation-role = als { $role }.
invitation-email = De uitnodiging is voor { $email }.
invitation-signed-in = U bent al ingelogd met dit adres. Klik op de knop om de uitnodiging aan te nemen.
invitation-existing-account = Er is al een account met dit adres. Vul uw wachtwoord in om de uitnodiging aan te nemen.
invitation-accept = Uitnodiging aannemen
invitation-invalid = Deze uitnodiging werkt niet meer. Ze is al gebruikt, ingetrokken of verlopen. Vraag degene die u uitnodigde om een nieuwe.
invitations-pending = Openstaande uitnodigingen
invitations-expires = Geldig tot
invitations-revoke = Intrekken
invite-title = Iemand uitnodigen
invite-intro = De persoon krijgt een e-mail met een link. Daarmee maakt hij of zij een account en krijgt de rol.
invite-button = Uitnodiging versturen
invite-role-invalid = Kies een rol die u mag geven.
invite-already-member = Deze persoon heeft deze rol al.

## Leden
members-title = Leden
members-count = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
members-none = Nog niemand.
members-since = Sinds
members-actions = Acties
members-remove = Rol weghalen
members-link = Leden
members-manage-link = Leden beheren

## Overzicht
dashboard-title = Mijn overzicht
dashboard-hello = Welkom, { $name }.
dashboard-platform = Beheer van Passend
dashboard-users = Accounts
dashboard-locations = Schoolvestigingen
dashboard-swvs = Samenwerkingsverbanden
dashboard-mail = E-mail
dashboard-invite-swv-admins = Beheerders van samenwerkingsverbanden uitnodigen
dashboard-your-roles = Uw rol
dashboard-swv-schools = Scholen in dit samenwerkingsverband: { $count }
dashboard-no-memberships = U heeft nog geen rol bij een organisatie. Vraag uw directeur of samenwerkingsverband om een uitnodiging.
profile-status-none = Nog geen profiel
dashboard-profiles-of-year = Schoolondersteuningsprofiel { $year }

## Samenwerkingsverbanden, besturen en scholen
swvs-title = Samenwerkingsverbanden
swvs-intro = Alle scholen in een regio werken samen in een samenwerkingsverband passend onderwijs. Samen zorgen ze dat elk kind een passende plek krijgt.
swvs-caption = { $count } samenwerkingsverbanden
swv-code = Code
swv-name = Naam
swv-schools = Scholen
swv-locations = Vestigingen
swv-unnamed = Samenwerkingsverband
swv-kind-label = Samenwerkingsverband passend onderwijs
swv-contact = Contact
swv-no-contact = Het samenwerkingsverband heeft zijn contactgegevens nog niet ingevuld.
swv-steunpunt = Ouder- en jeugdsteunpunt
swv-steunpunt-explained = Hier kunnen ouders en jongeren terecht met vragen over passend onderwijs.
swv-schools-heading = Scholen ({ $count })
swv-edit-link = Gegevens bewerken
swv-edit-title = Gegevens van het samenwerkingsverband
swv-public-page = Openbare pagina
board-unnamed = Bestuur { $code }
schools-title = Scholen zoeken
school-name = School
school-city = Plaats
school-pupils = Leerlingen
school-swvs = Samenwerkingsverband
school-no-swv = Niet bekend
school-board = Bestuur
school-board-unknown = Niet bekend
school-locations = Vestigingen
school-team = Team
school-mr = Medezeggenschapsraad
school-profile-status = Profiel
school-public-page = Openbare pagina
location-type = Soort school
location-denomination = Richting
location-swv-by-hand = met de hand gecorrigeerd
location-swv-correct = Samenwerkingsverband corrigeren
location-swv-hint = Standaard volgt het samenwerkingsverband uit de postcode van de vestiging. Klopt dat niet, kies dan hier het juiste. Een volgende import verandert uw keuze niet.
location-swv-po = Samenwerkingsverband primair onderwijs (PO)
location-swv-vo = Samenwerkingsverband voortgezet onderwijs (VO)
location-swv-none = Geen
location-swv-reset = Terug naar de indeling op postcode
swv-choice-wrong-kind = Kies een samenwerkingsverband van de juiste soort (PO of VO).
swv-choice-not-yours = Dit samenwerkingsverband mag u niet wijzigen: dat doet het samenwerkingsverband zelf.
swv-choice-sector = Dit soort samenwerkingsverband past niet bij deze vestiging.
swv-choice-unknown = Samenwerkingsverband { $code } bestaat niet.
location-address = Adres

## Verzonden mail (beheer)
outbox-title = Verzonden mail
outbox-smtp-on = Mail wordt verstuurd via SMTP.
outbox-smtp-off = Er is geen SMTP-server ingesteld: mail wordt alleen hier bewaard.
outbox-empty = Er is nog geen mail.
outbox-caption = De nieuwste mail eerst
outbox-created = Gemaakt
outbox-recipient = Aan
outbox-subject = Onderwerp
outbox-state = Status
outbox-sent = Verstuurd
outbox-failed = Mislukt
outbox-kept = Bewaard
outbox-back = Terug naar verzonden mail

## API-pagina
api-title = API voor ontwikkelaars
api-intro = Alles wat u op de pagina's kunt doen, kan ook via de JSON-API. Het volledige OpenAPI-document:
api-operations = Bewerkingen
api-method = Methode
api-path = Pad
api-summary = Omschrijving
api-login = Inloggen
api-public = Niet nodig
api-session = Nodig

## E-mail
mail-invitation-subject = Uitnodiging voor Passend: { $org }
mail-invitation-body =
    Beste,

    { $inviter } nodigt u uit voor { $org } in Passend, als { $role }.

    Neem de uitnodiging aan via deze link:
    { $link }

    De link is { $days } dagen geldig. Verwacht u deze uitnodiging niet? Dan kunt u deze e-mail negeren.

    Met vriendelijke groet,
    Passend
mail-reset-subject = Nieuw wachtwoord voor Passend
mail-reset-body =
    Beste { $name },

    Iemand vroeg een nieuw wachtwoord aan voor uw account bij Passend. Kies een nieuw wachtwoord via deze link:
    { $link }

    De link is { $hours } uur geldig. Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.

    Met vriendelijke groet,
    Passend

## Codes en import
code-swv-invalid = "{ $value }" is geen code van een samenwerkingsverband (zoals PO2707).
code-brin-invalid = "{ $value }" is geen geldig BRIN-nummer (twee cijfers en twee letters, zoals 32DD).
code-location-invalid = "{ $value }" is geen geldige vestigingscode (BRIN en twee cijfers, zoals 32DD00).
code-board-invalid = "{ $value }" is geen geldig bevoegd-gezagnummer.
import-empty-file = Het bestand is leeg.
import-unknown-format = Dit bestand wordt niet herkend: verwacht een vestigingenlijst, een DUO-adressenbestand of de tabel postcode → samenwerkingsverband.
import-encoding = Dit teken is geen geldige tekst in { $encoding }. Sla het bestand op in de juiste codering.
import-missing-column = De kolom "{ $name }" ontbreekt.
import-field-count = Deze regel heeft { $found } velden, de kopregel { $expected }.
import-malformed = Het CSV-bestand is beschadigd: { $detail }
import-duplicate-code = De code { $code } staat dubbel; hij stond al op regel { $first }.
import-code-mismatch = De vestigingscode { $location } hoort niet bij BRIN { $brin }.
import-invalid-number = "{ $value }" is geen getal.
import-invalid-postcode = "{ $value }" is geen geldige postcode.
import-missing-value = Dit veld is leeg, maar moet ingevuld zijn.

## Opdrachtregel
cli-migrate-none = De database is al bijgewerkt.
cli-migrate-applied = Migratie { $version } ({ $name }) uitgevoerd.
cli-serve-url = Passend draait op { $url }
cli-demo-logins = Demo-accounts (wachtwoord: { $password }):
cli-demo-national-missing = Er staan maar { $count } vestigingen in de database. Landelijke schaal vraagt de landelijke DUO-bestanden: geef de map met --data.
cli-demo-generated = { $count } gegenereerde profielen geschreven ({ $years } schooljaren) in { $seconds } s. Ze zijn gemarkeerd als gegenereerd.
cli-admin-created = Beheerder { $email } is klaar. Log in op /inloggen.
cli-import-error = { $file }, regel { $line }, kolom { $column }: { $message }
cli-import-nothing-written = Er is niets opgeslagen.
cli-import-read = { $files } bestand(en) gelezen, { $records } regels.
cli-created = nieuw
cli-updated = gewijzigd
cli-unchanged = gelijk
cli-swvs = Samenwerkingsverbanden
cli-boards = Besturen
cli-schools = Scholen
cli-locations = Vestigingen
cli-postcode-areas = Postcodegebieden
cli-import-without-swv = { $count } vestiging(en) zonder samenwerkingsverband (postcode niet in de tabel, of soort school onbekend).
cli-import-time = Klaar in { $seconds } s (waarvan schrijven { $write } s).

## Vragenlijst en profiel
profiles-title = Schoolondersteuningsprofielen
profiles-intro = Elke vestiging heeft per schooljaar een profiel. Het team vult samen de vragenlijst in; de directeur of intern begeleider stelt daarna het antwoord van de school vast.
profiles-none = Er is nog geen profiel.
profile-title = Profiel
profile-year = Schooljaar
profile-year-invalid = Kies een schooljaar, bijvoorbeeld 2026-2027.
profile-location = Vestiging
profile-exists = Voor deze vestiging is er al een profiel in dat schooljaar.
profile-team-open = Open voor het team
profile-team-closed = Nog niet open voor het team
profile-answered = Beantwoord
profile-start-title = Nieuw profiel beginnen
profile-start-intro = Passend vult de gegevens van DUO alvast in. Was er vorig jaar een profiel, dan nemen we de antwoorden over; u bevestigt of ze nog kloppen.
profile-start-button = Profiel beginnen
profile-composed-link = Het profiel lezen
profile-printable-link = Overzicht om te printen
profile-progress = Voortgang
profile-progress-count = { $count ->
    [one] 1 vraag beantwoord
   *[other] { $count } vragen beantwoord
}
profile-from-last-year-count = { $count ->
    [one] 1 antwoord komt van vorig jaar en is nog niet bevestigd.
   *[other] { $count } antwoorden komen van vorig jaar en zijn nog niet bevestigd.
}
profile-respondents = { $count ->
    [0] Nog geen teamleden hebben geantwoord.
    [one] 1 teamlid heeft geantwoord.
   *[other] { $count } teamleden hebben geantwoord.
}
profile-team-open-explained = De vragenlijst staat open: elk teamlid kan zijn of haar eigen antwoorden geven.
profile-team-closed-explained = Alleen u kunt nu antwoorden. Zet de vragenlijst open als het team mag meedoen.
profile-team-open-button = Open zetten voor het team
profile-team-close = Sluiten voor het team
profile-sections = Onderdelen
profile-section = Onderdeel
profile-my-answers = Mijn antwoorden
profile-school-answers = Antwoord van de school
profile-fill-in = Invullen
profile-set-answers = Vaststellen
profile-mine-explained = Geef uw eigen antwoord. Uw collega's zien uw antwoord niet; de directeur of intern begeleider ziet alle antwoorden bij elkaar.
profile-school-explained = Hier stelt u het antwoord van de school vast. Bij elke vraag ziet u wat het team antwoordde.
profile-next-section = Naar het volgende onderdeel
profile-composed-title = Schoolondersteuningsprofiel
profile-composed-intro = Het profiel zoals het uit de antwoorden van de school volgt. Alleen beantwoorde vragen staan erin.
profile-composed-empty = Er zijn nog geen antwoorden van de school.
profile-printable-title = Overzicht van de vragenlijst
answer-yes = Ja
answer-no = Nee
answer-none = Nog geen antwoord
answer-empty = Nog niet beantwoord
answer-note = Toelichting
answer-from-last-year = Dit antwoord komt van vorig jaar.
answer-confirm = Klopt nog
answer-choice-invalid = Kies een van de mogelijkheden.
answer-yes-no-invalid = Kies ja of nee.
answer-number-invalid = Vul een getal in, zonder letters.
answer-number-range = Vul een getal in van { $min } tot en met { $max }.
answer-too-long = Dit is te lang: maximaal { $max } tekens.
answer-text-invalid = Vul tekst in.
answer-table-invalid = De tabel is niet goed ingevuld.
answer-table-number-invalid = Vul bij "{ $column }" een getal in, bijvoorbeeld 2 of 2,5.
answer-table-too-many = Er passen maximaal { $max } rijen in de tabel.
answer-note-needs-value = Geef eerst een antwoord; de toelichting hoort bij een antwoord.
spread-title = Antwoorden van het team:
spread-divergent = Het team is het niet eens.
conflict-title = Iemand anders heeft dit antwoord intussen veranderd.
conflict-theirs = Nu opgeslagen door { $name }:
conflict-choose = Uw eigen antwoord staat nog in het formulier. Sla op om uw antwoord te bewaren, of neem het opgeslagen antwoord over.
conflict-keep-mine = Mijn antwoord bewaren
conflict-take-theirs = Het opgeslagen antwoord overnemen
autosave-saving = Bezig met opslaan…
autosave-saved = Opgeslagen
autosave-failed = Niet opgeslagen:
autosave-conflict = Iemand anders heeft dit intussen veranderd. Nu opgeslagen:
table-row = rij
template-variant-invalid = Deze versie van de vragenlijst kan niet: { $detail }
chapter-typering = Typering van de school
chapter-visie = Visie op ondersteuning
chapter-basisondersteuning = Basisondersteuning
chapter-extra = Extra ondersteuning
chapter-deskundigheid = Deskundigheid
chapter-voorzieningen = Voorzieningen
chapter-ketenpartners = Samenwerking met partners
chapter-grenzen = Grenzen aan de ondersteuning
chapter-ambities = Ambities en scholing
chapter-ouders = Ouders en leerlingen
chapter-vaststelling = Vaststelling en publicatie
aspect-basiskwaliteit = Basiskwaliteit
aspect-preventief = Preventieve en licht curatieve interventies
aspect-structuur = Onderwijsondersteuningsstructuur
aspect-planmatig = Planmatig werken (handelingsgericht werken)

## The SWV's version of the questionnaire
template-title = Vragenlijst van het samenwerkingsverband
template-eyebrow = Schoolondersteuningsprofiel
template-intro = Pas de standaardvragenlijst aan voor de scholen van uw samenwerkingsverband: vragen verbergen, anders formuleren, de keuzes van een schaal een andere naam geven of eigen vragen toevoegen. De sleutels van de vragen blijven gelijk, zodat u de antwoorden van scholen kunt vergelijken. Profielen die na het publiceren beginnen, gebruiken deze versie.
template-years = Schooljaren
template-state = Stand van zaken
template-published = Gepubliceerd op { $date }. Wijzigingen gelden voor profielen die daarna beginnen.
template-draft = Opgeslagen, nog niet gepubliceerd. Scholen gebruiken nu de standaardvragenlijst.
template-none = Er is nog geen eigen versie voor dit schooljaar. Scholen gebruiken de standaardvragenlijst.
template-publish = Publiceren voor de scholen
template-publish-again = Opnieuw publiceren
template-hide = Deze vraag niet stellen
template-wording = Formulering
template-choice-labels = Namen van de keuzes
template-own = Eigen vragen
template-own-intro = Eigen vragen komen achteraan in het gekozen onderdeel. Andere samenwerkingsverbanden hebben ze niet.
template-own-none = U heeft nog geen eigen vragen.
template-own-item = Eigen vraag in onderdeel
template-own-remove = Deze vraag verwijderen
template-own-add = Een vraag toevoegen
template-own-question = Vraag
template-own-kind = Soort antwoord
template-label-required = Vul de vraag in.
template-kind-invalid = Kies een soort antwoord.
template-section-invalid = Kies een onderdeel.
item-kind-yes-no = Ja of nee
item-kind-short-text = Korte tekst
item-kind-long-text = Lange tekst
item-kind-number = Getal
item-kind-scale = Niet / na overleg / standaard
notice-published = De vragenlijst is gepubliceerd.
swv-template-link = Vragenlijst van het samenwerkingsverband

## The yearly cycle of a profile
steps-title = Stappen en besluiten
steps-intro = Elk jaar doorloopt het profiel dezelfde stappen: het team leest mee, de MR geeft advies, het bestuur stelt het profiel vast en de school publiceert het. Elke stap staat hieronder in de geschiedenis.
steps-link = Stappen en besluiten
steps-state = Stand van zaken
steps-next = Uw volgende stap
steps-adopted-on = Vastgesteld door het bestuur op { $date }.
steps-content-hash = Kenmerk van deze vastgestelde versie:
steps-review-yearly = Het bestuur stelt het profiel elk jaar opnieuw vast: de volgende versie moet klaar zijn vóór { $date }.
steps-review-four-yearly = Dit profiel is vastgesteld vóór 1 augustus 2025. Toen gold: minstens eens in de vier jaar opnieuw vaststellen, dus uiterlijk { $date }. Voor nieuwe profielen geldt nu elk jaar.
steps-review-due = Het profiel moet opnieuw worden vastgesteld.
state-concept = Concept
state-concept-explained = Het team werkt aan het profiel. Antwoorden kunnen nog veranderen.
state-team_review = Het team leest mee
state-team_review-explained = Het team leest het concept en schrijft opmerkingen per onderdeel. De antwoorden liggen vast tot het profiel terug gaat naar concept.
state-mr_advice_requested = Advies gevraagd aan de MR
state-mr_advice_requested-explained = De medezeggenschapsraad leest het profiel en geeft advies.
state-mr_advised = Advies van de MR gegeven
state-mr_advised-explained = De MR heeft advies gegeven. De school schrijft een reactie; daarna stelt het bestuur het profiel vast.
state-adopted = Vastgesteld
state-adopted-explained = Het bestuur heeft het profiel vastgesteld. Deze versie verandert niet meer.
state-published = Gepubliceerd
state-published-explained = Het profiel is vastgesteld en gepubliceerd voor ouders. Deze versie verandert niet meer.
state-superseded = Vervangen
state-superseded-explained = Er is een nieuwere vastgestelde versie van dit profiel.
step-ask_team_review = Het team laten meelezen
step-back_to_concept = Terug naar concept
step-ask_mr_advice = Advies vragen aan de MR
step-record_advice = Advies van de MR vastleggen
step-adopt = Profiel vaststellen
step-publish = Publiceren
step-not-yours = Deze stap is niet voor u.
step-wrong-state = Deze stap kan nu niet: het profiel is in een andere fase. Laad de pagina opnieuw.
profile-locked = Dit profiel is geen concept meer. Antwoorden veranderen kan alleen als het profiel terug gaat naar concept; een vastgesteld profiel verandert nooit.
profile-state-line = Fase: { $state }
advice-title = Advies van de MR
advice-checklist-intro = Vragen die de MR kan stellen bij het advies:
advice-checklist-1 = Is duidelijk wat de school wel en niet kan bieden?
advice-checklist-2 = Kunnen ouders en leerlingen het profiel begrijpen?
advice-checklist-3 = Zijn de ambities concreet?
advice-checklist-4 = Wat betekent het profiel voor de scholing van het team?
advice-checklist-5 = Weten ouders bij wie zij terecht kunnen als het niet goed gaat met hun kind?
advice-verdict = Het advies
advice-positive = Positief
advice-positive_with_remarks = Positief, met opmerkingen
advice-negative = Negatief
advice-text = Het advies in uw woorden
advice-date = Datum van het advies
advice-submit = Advies vastleggen
advice-response = Reactie van de school
advice-response-label = Reactie van de school op het advies
advice-verdict-required = Kies het advies: positief, positief met opmerkingen of negatief.
advice-text-required = Schrijf het advies op.
advice-response-required = Schrijf de reactie op.
adopt-explained = Na het vaststellen ligt deze versie vast. Wijzigingen komen in de versie van volgend schooljaar.
adopt-date = Datum van vaststelling
date-invalid = Vul een datum in, bijvoorbeeld 15-6-2026.
comments-title = Opmerkingen van het team
comments-none = Er zijn nog geen opmerkingen.
comments-label = Uw opmerking
comments-submit = Opmerking plaatsen
comment-section-invalid = Kies een onderdeel.
comment-text-required = Schrijf uw opmerking op.
history-title = Geschiedenis
history-none = Er zijn nog geen stappen gezet.
history-when = Wanneer
history-who = Wie
history-from = Van
history-to = Naar
notice-step-taken = De stap is gezet.
mail-review-asked-subject = Lees mee: profiel { $location } { $year }
mail-review-asked-body =
    Beste { $name },

    Het concept van het schoolondersteuningsprofiel van { $location } ({ $year }) is klaar om te lezen. Schrijf uw opmerkingen per onderdeel in Passend:
    { $link }

    Met vriendelijke groet,
    Passend
mail-advice-asked-subject = Advies gevraagd: profiel { $location } { $year }
mail-advice-asked-body =
    Beste { $name },

    De school vraagt de MR om advies over het schoolondersteuningsprofiel van { $location } ({ $year }). U vindt het profiel en het adviesformulier hier:
    { $link }

    Met vriendelijke groet,
    Passend
mail-advice-given-subject = Advies van de MR: profiel { $location } { $year }
mail-advice-given-body =
    Beste { $name },

    De MR heeft advies gegeven over het schoolondersteuningsprofiel van { $location } ({ $year }). Lees het advies en schrijf de reactie van de school:
    { $link }

    Met vriendelijke groet,
    Passend
mail-adoption-asked-subject = Vaststellen: profiel { $location } { $year }
mail-adoption-asked-body =
    Beste { $name },

    Het schoolondersteuningsprofiel van { $location } ({ $year }) heeft het advies van de MR gekregen en kan worden vastgesteld door het bestuur:
    { $link }

    Met vriendelijke groet,
    Passend
mail-adopted-subject = Vastgesteld: profiel { $location } { $year }
mail-adopted-body =
    Beste { $name },

    Het bestuur heeft het schoolondersteuningsprofiel van { $location } ({ $year }) vastgesteld. De school kan het nu publiceren:
    { $link }

    Met vriendelijke groet,
    Passend
mail-published-subject = Gepubliceerd: profiel { $location } { $year }
mail-published-body =
    Beste { $name },

    Het schoolondersteuningsprofiel van { $location } ({ $year }) is gepubliceerd:
    { $link }

    Met vriendelijke groet,
    Passend
changes-title = Wat is er veranderd?
changes-intro = De verschillen met het profiel van { $year }.
changes-compare-with = Vergelijken met
changes-compare = Vergelijken
changes-parents = Voor ouders, in gewone woorden
changes-parents-none = Voor ouders is er niets veranderd in het aanbod of de ambities.
changes-ambitions = Ambities
changes-ambitions-new = Nieuw
changes-ambitions-dropped = Niet meer
changes-items = Per vraag
changes-none = Er is niets veranderd.
changes-no-earlier = Er is nog geen eerdere versie van dit profiel om mee te vergelijken.
changes-question = Vraag
changes-what = Wat
change-level = Andere keuze
change-text = Andere tekst
change-note = Andere toelichting
change-added = Nieuw beantwoord
change-dropped = Niet meer beantwoord
changes-parent-level = { $topic }: nu { $now } (was: { $was }).
changes-parent-new-offer = { $topic }: { $now }.
changes-parent-new-ambition = Nieuw dit jaar: { $ambition }.
changes-parent-dropped-ambition = Niet meer als doel: { $ambition }.
changes-link = Wat is er veranderd?

## Surveys by link
surveys-title = Evaluatie en controlegroep
surveys-intro = Vraag het team, ouders en leerlingen wat zij van het profiel vinden. Maak per groep een link en deel die, bijvoorbeeld in de nieuwsbrief. Ouders en leerlingen hebben geen account nodig en antwoorden anoniem, tenzij zij hun naam geven.
surveys-link = Link om te delen:
surveys-responses = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
surveys-closed = Gesloten
surveys-multiple = Meer antwoorden per apparaat toegestaan
surveys-close = Sluiten
surveys-reopen = Weer openen
surveys-allow-multiple = Meer antwoorden per apparaat toestaan
surveys-one-per-browser = Eén antwoord per apparaat
surveys-make-link = Link maken
surveys-none = Nog geen link gemaakt.
surveys-named = Met naam geantwoord:
surveys-link-on-profile = Evaluatie en controlegroep
survey-kind-evaluation = Wat vindt u van de hulp op school?
survey-kind-control_group = Is de uitleg over hulp op school duidelijk?
audience-team = Team
audience-parents = Ouders
audience-pupils = Leerlingen
survey-intro = De school wil weten wat u vindt. Het kost ongeveer vijf minuten. U hoeft niet alles in te vullen. Uw antwoord is anoniem, tenzij u uw naam geeft.
survey-intro-pupils = De school wil weten wat jij vindt. Het duurt maar een paar minuten. Je hoeft niet alles in te vullen. Je naam geven hoeft niet.
survey-name = Uw naam (als u wilt)
survey-name-hint = Laat dit leeg om anoniem te antwoorden.
survey-send = Versturen
survey-empty = Vul minstens één vraag in.
survey-closed = Deze vragenlijst is gesloten. Dank u wel voor uw interesse.
survey-answered = U heeft deze vragenlijst al ingevuld op dit apparaat. Dank u wel!
survey-thanks-title = Dank u wel!
survey-thanks = Uw antwoord is goed ontvangen. De school gebruikt het om het profiel beter te maken.
survey-thanks-pupils = Dank je wel! De school gebruikt jouw antwoord om de hulp op school beter uit te leggen.

## Wish list, co-readers, time line and reminders
planning-title = Wensen, meelezers en tijdpad
planning-intro = Stel vanuit de evaluatie een wensenlijst op, spreek af wie meeleest en zet de data op een rij. Passend stuurt een week en een dag voor elke datum een herinnering.
planning-link = Wensen, meelezers en tijdpad
wishes-title = Wensenlijst
wishes-intro = Wat wil het team met het nieuwe profiel bereiken? Zet bij elke wens wie ermee aan de slag gaat.
wishes-none = Er staan nog geen wensen op de lijst.
wish-done = klaar
wish-reopen = Weer openzetten
wish-mark-done = Klaar
wish-label = Wens
wish-owner = Wie pakt het op?
wish-add = Wens toevoegen
wish-required = Schrijf de wens op.
wish-owner-required = Vul in wie de wens oppakt.
remove-button = Verwijderen
readers-title = Meelezers
readers-intro = Wie leest mee met het concept? De MR heeft adviesrecht; ook het samenwerkingsverband of anderen kunnen meelezen.
readers-none = Er zijn nog geen meelezers.
reader-kind = Wie
reader-mr = MR
reader-swv = Samenwerkingsverband
reader-other = Anders
reader-name = Naam
reader-email = E-mailadres (als u wilt)
reader-add = Meelezer toevoegen
reader-kind-invalid = Kies MR, samenwerkingsverband of anders.
reader-name-required = Vul een naam in.
timeline-title = Tijdpad
timeline-intro = Kies per stap een datum. Het ondersteuningsaanbod staat in de schoolgids; die moet vóór 1 augustus klaar zijn.
timeline-suggested = voorstel
milestone-concept_ready = Concept klaar
milestone-team_review = Team heeft meegelezen
milestone-mr_advice = Advies van de MR
milestone-adoption = Vaststelling door het bestuur
milestone-publication = Publicatie
milestone-school_guide = In de schoolgids
mail-reminder-subject = Herinnering: { $milestone } op { $date } ({ $location })
mail-reminder-body =
    Beste { $name },

    Over { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } staat in het tijdpad van het schoolondersteuningsprofiel van { $location } ({ $year }): { $milestone }, op { $date }.

    Bekijk het tijdpad:
    { $link }

    Met vriendelijke groet,
    Passend

## Readability
readability-score = Leesbaarheid (Flesch-Douma)
readability-no-text = Er is geen tekst om te beoordelen.
readability-sentences = Zinnen
readability-words = Woorden
readability-syllables = Lettergrepen
readability-words-per-sentence = Woorden per zin
readability-syllables-per-word = Lettergrepen per woord
readability-long-sentences = Lange zinnen (meer dan { $max } woorden)
readability-passive = Lijdende vorm (schrijf liever wie iets doet)
readability-jargon = Vaktaal, met een gewoon alternatief
readability-nominalisations = Zelfstandige naamwoorden van werkwoorden (schrijf liever het werkwoord)
readability-rare-words = Weinig gebruikte woorden (kies een gewoner woord of leg het uit)
readability-report-parent = De versie voor ouders
readability-report-parent-long = { $count ->
    [one] 1 lange zin.
   *[other] { $count } lange zinnen.
}
readability-long-words = Lange woorden
band-very-easy = heel makkelijk
band-group-7 = makkelijk: groep 7
band-group-8 = makkelijk: groep 8
band-lower-secondary = redelijk makkelijk: ongeveer taalniveau B1
band-upper-secondary = vrij moeilijk: havo/vwo
band-higher-education = moeilijk: hoger onderwijs
band-academic = zeer moeilijk: wetenschappelijk
hint-long-sentence = Deze zin heeft { $words } woorden (meer dan { $max }). Maak er twee zinnen van: "{ $sentence }"
hint-jargon = Schrijf in plaats van "{ $term }" liever: { $plain }.
hint-passive = Zeg wie iets doet: "{ $sentence }"
hint-rare-words = Weinig gebruikte woorden: { $words }. Kies een gewoner woord of leg het kort uit.
readability-live-label = Leesbaarheid
readability-live-b1 = goed te lezen voor de meeste ouders
readability-live-not-b1 = nog te moeilijk voor veel ouders
readability-report-title = Leesbaarheid van het profiel
readability-report-intro = Hoe makkelijk lezen ouders de antwoorden in eigen woorden? Een score van 60 of hoger is voor de meeste volwassenen goed te lezen (taalniveau B1). Lees dit voordat het profiel naar de MR en het bestuur gaat.
readability-report-overall = Alle teksten samen
readability-report-fields = Per vraag, moeilijkste eerst
readability-report-level = Niveau
readability-report-long = Lange zinnen
readability-report-jargon = Vaktaal
readability-report-hardest = De langste zinnen
readability-report-empty = Er zijn nog geen antwoorden in eigen woorden.
readability-report-link = Leesbaarheid
hint-spelling = Controleer de spelling van: { $words }.
spelling-off = Spellingcontrole staat uit: het Nederlandse woordenboek (Debian-pakket hunspell-nl) is niet geïnstalleerd op de server.
readability-misspelled = Onbekende woorden (controleer de spelling)

## Coverage of support in the region
coverage-title = Dekkend aanbod
coverage-intro = Welke school biedt welke ondersteuning? Per vestiging het niveau uit het profiel van dit schooljaar; profielen die nog niet zijn vastgesteld staan erbij als concept. Een gat is een gebied waar genoeg vestigingen een profiel hebben en geen van hen een onderwerp op het gekozen niveau biedt. Waar te weinig vestigingen een profiel hebben, staat het gebied apart: dat is nog niet te zeggen.
coverage-sector = Sector
coverage-municipality = Gemeente
coverage-all = Alle
coverage-min-level = Gat als geen school biedt op niveau
coverage-filter = Tonen
coverage-gaps = Gaten in het aanbod
coverage-no-gaps = Geen gaten: waar genoeg vestigingen een profiel hebben, biedt minstens één school elk onderwerp op dit niveau.
coverage-gap-area = In { $area } biedt geen school
coverage-gap-locations = { $count ->
    [one] 1 vestiging
   *[other] { $count } vestigingen
}
coverage-matrix = Per vestiging
coverage-caption = { $count ->
    [one] 1 vestiging
   *[other] { $count } vestigingen
}
coverage-state = Profiel
coverage-draft = concept
coverage-counts = Aantal vestigingen per niveau
coverage-category = Onderwerp
coverage-unknown = Onbekend
level-niet = niet
level-na_overleg = na overleg of met het SWV
level-standaard = standaard
category-dyslexie = Dyslexie
category-dyscalculie = Dyscalculie
category-taal_spraak = Taal en spraak
category-nt2 = NT2 en nieuwkomers
category-meer_hoogbegaafdheid = Meer- en hoogbegaafdheid
category-leren = Moeite met leren
category-gedrag = Gedrag
category-werkhouding = Werkhouding
category-motoriek = Motoriek
category-medisch = Medisch
category-zien = Zien
category-horen = Horen
norm-title = Basisondersteuning
norm-intro = De basisondersteuning is wat elke school van het samenwerkingsverband biedt. Kies de vragen en het niveau dat elke school minstens moet halen, en het deel dat een school moet halen. Hieronder staat per vestiging hoeveel zij haalt, de scholen onder het doel eerst.
norm-results = Per vestiging
norm-no-profiles = Er zijn nog geen profielen voor dit schooljaar.
norm-share = Gehaald
norm-missing = Nog niet gehaald
norm-below = onder het doel
norm-none = Er is nog geen norm voor dit schooljaar.
norm-edit = De norm
norm-target = Doel: deel van de vragen dat een school haalt
norm-not-in = Niet in de norm
norm-at-least = Minstens: { $level }
norm-target-invalid = Vul een percentage in van 1 tot en met 100.
norm-item-invalid = Deze vraag heeft geen schaal.
norm-item-twice = Deze vraag staat twee keer in de norm.
coverage-csv = Downloaden als CSV (spreadsheet)
status-title = Stand van de profielen
status-intro = Per vestiging de stap van het profiel van dit schooljaar, wanneer de laatste stap was en of een vastgesteld profiel aan herziening toe is. Stuur de school een herinnering als het profiel nog niet is vastgesteld.
status-last-step = Laatste stap
status-review = Herziening
status-action = Actie
status-overdue = Herziening nodig sinds { $date }
status-remind = Herinnering sturen
mail-swv-reminder-subject = Herinnering van { $swv }: profiel { $location } { $year }
mail-swv-reminder-body =
    Beste { $name },

    { $swv } vraagt u het schoolondersteuningsprofiel van { $location } voor { $year } bij te werken en te laten vaststellen. Het profiel staat hier:
    { $link }

    Met vriendelijke groet,
    Passend
expertise-title = Deskundigheid in de regio
expertise-intro = Welke specialisten werken op de scholen, en hoeveel dagdelen per week? En wat willen de scholen nog leren? Uit de profielen van dit schooljaar.
expertise-specialists = Specialisten
expertise-specialist = Specialist
expertise-locations = Vestigingen
expertise-dagdelen = Dagdelen per week
expertise-none = De profielen noemen nog geen specialisten.
expertise-needs = Wat de scholen willen ontwikkelen en welke scholing zij nodig hebben
expertise-needs-none = De profielen noemen nog geen scholing.
trends-title = Ontwikkeling over de jaren
trends-intro = Hoe verandert het aanbod in de regio? Per onderwerp het aantal vestigingen per niveau in de laatste vier schooljaren, en per vraag van de basisondersteuning het deel van de profielen dat de norm haalt.
trends-categories = Aanbod per onderwerp
trends-norm = Basisondersteuning per vraag
coverage-xlsx = Downloaden als Excel (XLSX)
national-title = Landelijk overzicht
national-intro = Het aanbod van alle samenwerkingsverbanden bij elkaar, uit de profielen van dit schooljaar. Per samenwerkingsverband het aantal vestigingen, profielen, vastgestelde profielen, gaten (gemeente × onderwerp zonder school op niveau standaard, waar genoeg vestigingen een profiel hebben) en wat nog onbekend is (te weinig profielen om het te zeggen).
national-swvs = Per samenwerkingsverband
national-swv = Samenwerkingsverband
national-locations = Vestigingen
national-profiles = Profielen
national-adopted = Vastgesteld
national-gaps = Gaten
coverage-chart = Aanbod per onderwerp in een grafiek
coverage-chart-legend = Per onderwerp één balk over alle vestigingen: groen standaard, geel na overleg, rood niet, grijs onbekend. De getallen staan ook in de tabel Aantal vestigingen per niveau.
coverage-chart-desc = Balkgrafiek met per onderwerp het deel van de vestigingen per niveau; dezelfde getallen staan in de tabel Aantal vestigingen per niveau.
coverage-map = Kaart: { $category }
coverage-map-desc = Kaart van de vestigingen binnen de omtrek van Nederland, met de namen van de plaatsen met de meeste vestigingen, gekleurd naar het niveau voor dit onderwerp: groen standaard, geel na overleg, rood niet, grijs niet ingevuld, een open cirkel zonder profiel. De tabel per vestiging geeft hetzelfde in woorden.
notice-reminder-already-sent = Deze school kreeg de afgelopen dag al een herinnering. Probeer het morgen opnieuw.

## Sub-regions (kernen)
kernen-title = Kernen
kernen-intro = Een kern is een groep scholen die het samenwerkingsverband zelf indeelt, bijvoorbeeld per wijk of dorp. Filter het dekkend aanbod op een kern of meet de gaten per kern.
kernen-list = Kernen van het samenwerkingsverband
kernen-none = Er zijn nog geen kernen.
kernen-edit = Kernen indelen
kernen-edit-help = Typ bij elke vestiging de naam van haar kern. Vestigingen met dezelfde naam vormen samen een kern; laat het veld leeg voor geen kern.
kernen-kern = Kern
kern-name-missing = Geef de kern een naam.
kern-name-taken = Er is al een kern met deze naam.
kern-location-unknown = Vestiging { $code } hoort niet bij dit samenwerkingsverband.
kern-location-twice = Vestiging { $code } staat al in een andere kern.
coverage-area-kind = Gaten meten per

## Generated (national-scale sample) data
generated-mark = gegenereerd
generated-profile-notice = Dit profiel is gegenereerd voorbeeldmateriaal (landelijke demo), niet het profiel van de school zelf.

## Published profile: where it is public
profile-public-heading = Gepubliceerd
profile-public-intro = Deze versie staat openbaar. Ouders vinden haar zonder in te loggen; deel deze links op de website en in de schoolgids.
profile-public-page = Het hele profiel (openbare pagina)
profile-public-parents = De versie voor ouders
profile-public-poster = Poster voor de ingang (PDF, A3)
profile-public-guide = Hoofdstuk voor de schoolgids
profile-public-vensters = Tekst voor Vensters
profile-public-embed = Blok voor de website van de school

# --- tasks (issue 12) ---
tasks-heading = Uw open taken
tasks-none = U heeft nu geen open taken.
task-review = Herzie het profiel: { $location }, te laat sinds { $date }
task-answer = Vul de vragenlijst in: { $location } ({ $year })
task-prepare = Maak het concept af: { $location } ({ $year })
task-read_along = Lees mee: { $location } ({ $year })
task-advise = Geef advies: { $location } ({ $year })
task-respond_to_advice = Reageer op het advies van de MR: { $location } ({ $year })
task-adopt = Stel vast: { $location } ({ $year })
task-publish = Publiceer: { $location } ({ $year })
task-remind_overdue = { $count ->
    [one] Herinner de school: bij 1 vestiging is de herziening van het profiel te laat
   *[other] Herinner de scholen: bij { $count } vestigingen is de herziening van het profiel te laat
}
task-publish_template = Publiceer de vragenlijst van het samenwerkingsverband voor { $year }
profile-state-column = Fase
profile-answers-count = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
profile-team-mailed = { $count ->
    [0] De vragenlijst staat open, maar er is nog niemand in het team met een account om te mailen.
    [one] De vragenlijst staat open. 1 teamlid kreeg een e-mail met de link.
   *[other] De vragenlijst staat open. { $count } teamleden kregen een e-mail met de link.
}
profile-team-invite = Nodig het team uit
mail-team-open-subject = Vul de vragenlijst in: profiel { $location } { $year }
mail-team-open-body =
    Beste { $name },

    De vragenlijst voor het schoolondersteuningsprofiel van { $location } ({ $year }) staat open voor het team van { $school }. Vul hier uw eigen antwoorden in:
    { $link }

    Met vriendelijke groet,
    Passend
# --- safeguards (issue 12) ---
error-confirmation-required-title = Bevestiging nodig
error-confirmation-required = Deze stap wacht op uw bevestiging. Er is nog niets veranderd.
safeguard-title = Weet u het zeker?
safeguard-ask_mr_advice = { $count ->
    [one] Er is nog 1 antwoord van vorig jaar dat niemand heeft bevestigd. De MR geeft dan advies over een antwoord dat dit jaar niet is nagekeken.
   *[other] Er zijn nog { $count } antwoorden van vorig jaar die niemand heeft bevestigd. De MR geeft dan advies over antwoorden die dit jaar niet zijn nagekeken.
}
safeguard-adopt-unconfirmed = { $count ->
    [one] Er is nog 1 antwoord van vorig jaar dat niemand heeft bevestigd. Vaststellen kunt u niet ongedaan maken: deze versie ligt daarna vast.
   *[other] Er zijn nog { $count } antwoorden van vorig jaar die niemand heeft bevestigd. Vaststellen kunt u niet ongedaan maken: deze versie ligt daarna vast.
}
safeguard-adopt = Vaststellen kunt u niet ongedaan maken: deze versie ligt daarna vast. Wijzigingen komen in de versie van volgend schooljaar.
safeguard-publish = Publiceren kunt u niet ongedaan maken: ouders en iedereen kunnen het profiel daarna lezen.
safeguard-step = Deze stap wacht op uw bevestiging.
safeguard-confirm-adopt = Ja, stel het profiel nu vast
safeguard-confirm-publish = Ja, publiceer het profiel nu
safeguard-confirm-ask_mr_advice = Toch advies vragen aan de MR
safeguard-confirm = Ja, zet deze stap
safeguard-cancel = Nee, terug naar de stappen
safeguard-warning = { $count ->
    [one] Let op: 1 antwoord van vorig jaar is nog niet bevestigd.
   *[other] Let op: { $count } antwoorden van vorig jaar zijn nog niet bevestigd.
}
safeguard-section-count = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
history-what = Stap
history-confirm-section = { $count ->
    [one] Onderdeel { $section }: 1 antwoord van vorig jaar bevestigd
   *[other] Onderdeel { $section }: { $count } antwoorden van vorig jaar bevestigd
}
history-step-superseded = Vervangen door een nieuwere versie
comments-resolved-by = Afgehandeld door { $name }
comments-replies = Reacties
comments-reply-label = Reageer op { $name }
comments-reply-submit = Reactie plaatsen
comments-resolve = Afgehandeld
comments-reopen = Weer openen
notice-confirmed = Bevestigd: de antwoorden van vorig jaar kloppen nog.
notice-taken-over = Het antwoord is overgenomen als antwoord van de school.
answer-confirmed = Bevestigd.
answer-confirm-all-intro = { $count ->
    [one] In dit onderdeel komt 1 antwoord nog van vorig jaar.
   *[other] In dit onderdeel komen { $count } antwoorden nog van vorig jaar.
}
answer-confirm-all = Alles in dit onderdeel klopt nog
given-take-over = Neem over als antwoord van de school
# --- survey (issue 12) ---
survey-for-school = Vragenlijst van
survey-profile-link = Lees eerst wat de school biedt aan ondersteuning (de uitleg voor ouders)
survey-profile-link-pupils = Lees de uitleg over hulp op school
survey-contact-legend = Wilt u dat de school contact met u opneemt?
survey-contact-hint = Vul dit alleen in als u hierboven Ja of Misschien kiest. Alleen de directeur en de intern begeleider van de school zien uw gegevens. Ze worden op { $date } verwijderd.
survey-contact-name = Uw naam
survey-contact-email = E-mailadres
survey-contact-phone = Telefoonnummer
survey-contact-consent = Ik geef toestemming dat de school mijn naam en gegevens bewaart om contact met mij op te nemen over het profiel.
survey-contact-not-asked = Deze vragenlijst vraagt geen contactgegevens. Laat deze velden leeg.
survey-contact-needs-yes = Kies bij “Wilt u meedenken” Ja of Misschien als de school contact met u mag opnemen, of laat uw gegevens leeg.
survey-contact-consent-required = Zet een vinkje als de school uw gegevens mag bewaren. Zonder uw toestemming bewaren wij ze niet.
survey-contact-name-required = Vul uw naam in.
survey-contact-reach-required = Vul een e-mailadres of telefoonnummer in.
survey-contact-phone-invalid = Vul een telefoonnummer in van 10 tot 15 cijfers, bijvoorbeeld 06 12345678.
pupil-data-bsn = Dit lijkt op een burgerservicenummer. Schrijf hier geen gegevens van leerlingen op.
pupil-data-birth-date = Dit lijkt op een geboortedatum. Schrijf hier geen gegevens van leerlingen op; alleen een jaar of een maand mag wel.
survey-wish-group = { $audience }, { $kind }
survey-kind-short-evaluation = evaluatie
survey-kind-short-control_group = controlegroep
survey-wishes-none-picked = Kies minstens één uitkomst of opmerking.
survey-wishes-no-profile = Dit profiel is al vastgesteld. Start eerst het profiel van volgend schooljaar; de wensen komen op de wensenlijst daarvan.
survey-wishes-intro = Vink uitkomsten en opmerkingen aan en zet ze op de wensenlijst van het profiel dat het team nu schrijft.
survey-wishes-make = Zet op de wensenlijst
survey-pick-counts = Op de wensenlijst zetten
survey-export = Resultaten downloaden:
survey-export-question = Vraag
survey-export-answer = Antwoord
survey-export-count = Aantal
survey-link-copy = Kopieer link
survey-link-copied = De link is gekopieerd.
survey-qr-alt = QR-code van de link voor { $group }
survey-qr-download = QR-code downloaden (SVG)
survey-kept-until = Op { $date } (einde van het schooljaar) worden deze vragenlijst, de antwoorden en de contactgegevens verwijderd. Download de resultaten of zet ze op de wensenlijst als u ze wilt bewaren.
survey-contacts-title = { $count ->
    [one] 1 ouder wil meedenken
   *[other] { $count } ouders willen meedenken
}
survey-contacts-hint = Alleen de directeur en de intern begeleider zien deze gegevens. Deze ouders gaven toestemming om contact met hen op te nemen over het profiel.
survey-contacts-none = Nog niemand heeft contactgegevens achtergelaten.
survey-contacts-consented = Toestemming gegeven op
survey-contacts-download = Contactlijst downloaden (CSV)
# --- coverage (issue 12) ---
coverage-gaps-rule = Een gat is een gebied waar minstens { $percent } % van de vestigingen het onderwerp in hun profiel heeft ingevuld en geen van hen het op dit niveau biedt.
coverage-gap-answered = { $answered } van de { $locations } vestigingen hebben dit ingevuld
coverage-unknown-heading = Nog niet te zeggen
coverage-unknown-none = Overal hebben genoeg vestigingen een profiel om het te zeggen.
coverage-unknown-intro = Hier hebben te weinig vestigingen (minder dan { $percent } %) een profiel dat het onderwerp invult. Dat er geen aanbod bekend is, zegt dan nog niets: dit zijn geen gaten.
coverage-unknown-without = { $without ->
    [one] 1 van de { $locations } vestigingen heeft nog geen profiel.
   *[other] { $without } van de { $locations } vestigingen hebben nog geen profiel.
}
coverage-unknown-all-profiled = { $locations ->
    [one] De vestiging heeft een profiel, maar vult deze onderwerpen niet in.
   *[other] Alle { $locations } vestigingen hebben een profiel, maar te weinig vullen deze onderwerpen in.
}
coverage-unknown-categories = Nog onbekend:
coverage-unknown-every-category = alle onderwerpen.
coverage-unknown-answered = in { $answered } van de { $profiles } profielen ingevuld
coverage-unknown-no-area = Zonder gemeente
coverage-threshold-heading = Wanneer is het een gat?
coverage-threshold-intro = Een gebied telt pas als gat als genoeg vestigingen een profiel hebben dat het onderwerp invult. Met minder staat het bij Nog niet te zeggen.
coverage-threshold-label = Minstens dit deel van de vestigingen van een gebied
coverage-threshold-current = Het samenwerkingsverband rekent met { $percent } % van de vestigingen.
coverage-threshold-invalid = Vul een percentage in van 1 tot en met 100.
coverage-map-located = { $located ->
    [0] Geen van de { $count } vestigingen heeft coördinaten: de kaart toont het land.
   *[other] { $located } van de { $count } vestigingen staan op de kaart; de andere hebben geen coördinaten.
}
coverage-map-all-located = { $count ->
    [one] De vestiging staat op de kaart.
   *[other] Alle { $count } vestigingen staan op de kaart.
}
coverage-map-not-answered = niet ingevuld
coverage-map-no-profile = geen profiel
coverage-map-source = Grenzen op de kaart: Natural Earth (publiek domein).
national-unknown = Nog onbekend
trends-chart-legend = Per onderwerp een grafiek met per schooljaar één balk over de vestigingen met een profiel: groen standaard, geel na overleg, rood niet, grijs niet ingevuld. Het getal achter de balk is het aantal profielen; onder elke grafiek staan de getallen in een tabel.
trends-chart-desc = Balkgrafiek met per schooljaar het aantal vestigingen per niveau voor dit onderwerp; de tabel eronder geeft dezelfde getallen.
trends-no-profiles = geen profielen
trends-not-answered = niet ingevuld
trends-numbers = De getallen
# --- reminders (issue 12) ---
status-intro-reminders = Een herinnering gaat per mail naar de directeur en de intern begeleiders van de school die in Passend staan, hoogstens één keer per dag per vestiging. Hieronder staat welke herinneringen zijn verstuurd en aan wie.
status-remind-overdue = { $count ->
    [one] Herinner de school met een verlopen herziening
   *[other] Herinner alle { $count } scholen met een verlopen herziening
}
status-reach = Naar: { $names }
status-reach-nobody = Niemand om te herinneren: nog geen directeur of intern begeleider in Passend.
status-invite-director = Directeur uitnodigen
status-ask-admin-invite = Een beheerder van het samenwerkingsverband kan de directeur uitnodigen.
reminder-round-title = Wat er met de herinnering is gebeurd
reminder-round-summary = { $sent ->
    [one] 1 vestiging herinnerd
   *[other] { $sent } vestigingen herinnerd
} ({ $people ->
    [one] 1 persoon
   *[other] { $people } personen
}); { $nobody ->
    [one] 1 vestiging zonder iemand om te herinneren
   *[other] { $nobody } vestigingen zonder iemand om te herinneren
}; { $already ->
    [one] 1 vestiging had vandaag al een herinnering
   *[other] { $already } vestigingen hadden vandaag al een herinnering
}.
reminder-sent-to = { $location }: herinnering verstuurd aan { $recipients }.
reminder-nobody = { $location }: er is geen herinnering verstuurd. Deze school heeft nog niemand in Passend om te herinneren (geen directeur of intern begeleider).
reminder-nobody-invite = Nodig de directeur van { $location } uit
reminder-already = { $location }: niet opnieuw verstuurd. Deze vestiging kreeg de afgelopen dag al een herinnering; probeer het morgen opnieuw.
reminders-log-title = Verstuurde herinneringen { $year }
reminders-log-none = In dit schooljaar zijn nog geen herinneringen verstuurd.
reminders-log-when = Verstuurd op
reminders-log-to = Ontvangers
reminders-log-by = Verstuurd door
notice-no-overdue = Geen enkele school heeft een verlopen herziening. Er is niets verstuurd.
# --- search (issue 12) ---
find-label = Zoek een school op naam, plaats, postcode of ondersteuning
find-hint = Bijvoorbeeld: De Brug, Diemen, 1079 AZ, 31FN of dyslexie 1079.
find-support-link = Zoek scholen op ondersteuning, gemeente en afstand
find-found = { $count ->
    [0] Geen scholen gevonden
    [one] 1 vestiging gevonden
   *[other] { $count } vestigingen gevonden
}
find-found-near = { $count ->
    [0] Geen scholen binnen { $km } km van { $postcode }
    [one] 1 vestiging binnen { $km } km van { $postcode }
   *[other] { $count } vestigingen binnen { $km } km van { $postcode }, de dichtstbijzijnde eerst
}
find-found-nearest = De { $count } dichtstbijzijnde vestigingen binnen { $km } km van { $postcode }
find-found-topic = { $count ->
    [0] Geen school met een gepubliceerd profiel biedt ondersteuning bij { $topic }
    [one] 1 vestiging biedt ondersteuning bij { $topic }
   *[other] { $count } vestigingen bieden ondersteuning bij { $topic }
}
find-found-topic-near = De dichtstbijzijnde bij { $postcode } eerst.
find-found-topic-place = In of bij { $place }.
find-postcode-unknown = Bij postcode { $postcode } kennen we geen scholen. Probeer een postcode in de buurt.
find-none = Probeer een ander deel van de naam, een plaats of een postcode.
find-none-topic = Zoek op een postcode of plaats om alle scholen in de buurt te zien.
find-more = Hier staan alleen de eerste { $count }. Maak uw zoekvraag preciezer, bijvoorbeeld met een postcode.
find-km = { $km } km
find-municipality = gemeente { $name }
find-municipality-label = Gemeente
find-level-standaard = standaard
find-level-na_overleg = na overleg
find-parent-link = Voor ouders: wat biedt deze school?
find-profile-link = Ondersteuningsprofiel { $year }
find-school-link = Schoolgegevens ({ $code })
find-not-published = Nog geen gepubliceerd ondersteuningsprofiel
sector-po = Basisonderwijs
sector-sbo = Speciaal basisonderwijs
sector-so = Speciaal onderwijs
sector-vso = Voortgezet speciaal onderwijs
sector-so_vso = Speciaal en voortgezet speciaal onderwijs
sector-vo = Voortgezet onderwijs
# --- parents (issue 12) ---
location-contact-title = Contactgegevens voor ouders
location-contact-intro = Ouders zien deze gegevens op de versie voor ouders, in de PDF voor ouders en op de poster. Wat DUO van de vestiging weet, staat al ingevuld. Wat u hier opslaat, blijft staan bij een nieuwe import van DUO.
location-contact-edit = Contactgegevens voor ouders bewerken
xlsx-location-code = Vestigingscode

# --- plain ---
plain-verdict-b1 = Niveau: { $band }. Goed te lezen voor de meeste ouders.
plain-verdict-not-b1 = Niveau: { $band }. Nog te moeilijk voor veel ouders.
plain-hint-abbreviation = { $term }: afkorting: leg uit. Schrijf de eerste keer voluit wat het betekent, bijvoorbeeld "{ $term } (…)".
plain-hint-compound = Schrijf in plaats van "{ $term }" (met "{ $part }" erin) liever: { $plain }.
plain-advice-split-at = Maak twee zinnen van deze zin, bij "{ $at }" (ongeveer +{ $points } punten): "{ $sentence }"
plain-advice-split = Maak twee zinnen van deze lange zin (ongeveer +{ $points } punten): "{ $sentence }"
plain-advice-replace = Vervang deze vaktaal door gewone woorden (ongeveer +{ $points } punten): { $terms }.
plain-advice-active = Wie doet dit? Zeg het in de zin (ongeveer +{ $points } punten): "{ $sentence }"
plain-report-advice = Wat eerst veranderen
plain-report-advice-intro = Per vraag, moeilijkste eerst: de veranderingen die de score het meest verhogen, met hoeveel ongeveer, en de vaktaal. Onder elk antwoord in de vragenlijst staan dezelfde tips.
plain-too-many-swvs = Geef hoogstens { $max } samenwerkingsverbanden.
plain-field-empty = Vul dit in.
plain-field-too-long = Gebruik hoogstens { $max } tekens.
plain-term-exists = Dit woord staat al op de lijst.
plain-terms-title = Eigen vaktaal
plain-terms-intro-swv = Woorden die in uw regio gebruikt worden, met wat ouders beter begrijpen. De leesbaarheidshulp wijst ze aan in de teksten van de scholen van dit samenwerkingsverband: onder elk antwoord, in het leesbaarheidsverslag en bij de versie voor ouders.
plain-terms-intro-platform = Woorden met een gewoon alternatief die de leesbaarheidshulp bij alle scholen aanwijst, naast de vaste lijst.
plain-terms-list = De lijst
plain-terms-none = Er staan nog geen woorden op de lijst.
plain-terms-term = Woord of woorden
plain-terms-term-hint = Zoals scholen het schrijven, bijvoorbeeld "kernteam jeugd". Meervoud en andere vormen worden ook gevonden.
plain-terms-plain = Gewoon alternatief
plain-terms-add = Woord toevoegen
plain-terms-add-button = Toevoegen
plain-terms-remove = Verwijderen
plain-terms-remove-term = { $term } verwijderen
plain-terms-link = Eigen vaktaal voor de leesbaarheidshulp
# --- conv ---
conv-state-planned = Gepland
conv-state-prepared = Voorbereid
conv-state-held = Gehouden
conv-state-confirmed = Verslag bevestigd
conv-agreement-open = Open
conv-agreement-in-progress = Loopt
conv-agreement-done = Gedaan
conv-agreement-dropped = Vervallen
conv-already-planned = Met deze locatie is voor dit schooljaar al een gesprek gepland.
conv-location-unknown = Deze locatie hoort niet bij het samenwerkingsverband.
conv-answer-choice-invalid = Kies een van de mogelijkheden.
conv-answer-scale-invalid = Kies een score van 1 tot en met { $max }.
conv-answer-text-expected = Vul hier tekst in.
conv-attendees-too-many = Nodig hooguit twintig mensen uit.
conv-date-invalid = Vul een geldige datum in (jjjj-mm-dd).
conv-time-invalid = Vul een geldige tijd in (uu:mm).
conv-minutes-invalid = Een gesprek duurt tussen 15 minuten en 8 uur.
conv-email-invalid = Dit e-mailadres kan geen uitnodiging ontvangen.
conv-link-invalid = Een videolink begint met https://.
conv-place-missing = Vul een plaats of een videolink in.
conv-required = Vul dit in.
conv-text-too-long = Gebruik hooguit { $max } tekens.
conv-figure-negative = Een aantal kan niet negatief zijn.
conv-figure-whole = Vul een heel getal in, zonder tekst.
conv-figure-too-large = Vul een aantal van hooguit { $max } in.
conv-funds-too-large = Dit bedrag per leerling is te hoog.
conv-fixed = Beide partijen hebben het verslag bevestigd; het ligt vast en verandert niet meer.
conv-not-held-yet = Het gesprek is nog niet gehouden: tot dan bereidt de school voor.
conv-guide-empty = Een leidraad heeft minstens één onderdeel.
conv-guide-key-invalid = Elke sleutel is uniek en bestaat uit kleine letters, cijfers, punt, streepje of liggend streepje.
conv-guide-title-missing = Vul een titel of vraag in (niet te lang).
conv-guide-options-invalid = Een keuzevraag heeft minstens twee verschillende opties; andere vragen hebben er geen.
conv-guide-goal-unknown = Dit doel staat niet bij de ambities van de leidraad.
conv-guide-ambition-unknown = Deze ambitie staat niet in de leidraad.
conv-area = Gebied
conv-school-year = Schooljaar
conv-follow-up-schools = Scholen
conv-held-count = Gesprekken gehouden
conv-open-agreements = Afspraken open
conv-overdue-agreements = Afspraken over de datum
conv-state-this-year = Dit schooljaar
conv-not-planned = Niet gepland
conv-figures-per-kern = Kengetallen per kern
conv-figures-per-municipality = Kengetallen per gemeente
conv-figures-whole = Kengetallen SWV
# --- login ---
limit-nul-character = Er staat een onzichtbaar teken (U+0000) in de tekst. Dat kan niet worden opgeslagen: haal het weg en probeer het opnieuw.
limit-kernen = Een samenwerkingsverband kan hoogstens { $max } kernen hebben. Voeg kernen samen of laat er een paar weg.
limit-own-items = Een eigen versie kan hoogstens { $max } eigen vragen hebben (nu { $count }). Laat vragen weg of voeg ze samen.
limit-item-changes = Een eigen versie kan hoogstens { $max } wijzigingen van gedeelde vragen hebben.
limit-variant-size = Deze versie van de vragenlijst is te groot (meer dan { $max } kB). Maak de teksten korter of laat vragen weg.
oidc-login-heading = Of log in met het account van uw school
oidc-login-intro = Heeft uw school of bestuur een account voor u bij een van deze diensten? Dan hebt u geen apart wachtwoord nodig.
oidc-login-with = Inloggen met { $provider }
oidc-result-title = Inloggen met { $provider }
oidc-refused-state = Inloggen met { $provider } is niet gelukt: de inlogpoging is verlopen, al gebruikt of niet in deze browser begonnen. Begin opnieuw op de inlogpagina.
oidc-refused-code = Inloggen met { $provider } is niet gelukt: { $provider } heeft de inlogpoging niet bevestigd. Begin opnieuw op de inlogpagina.
oidc-refused-token = Inloggen met { $provider } is niet gelukt: het antwoord van { $provider } kon niet worden gecontroleerd. Begin opnieuw; lukt het weer niet, meld het dan aan de beheerder.
oidc-refused-provider = Inloggen met { $provider } is afgebroken. Begin opnieuw op de inlogpagina als u toch wilt inloggen.
oidc-no-account = U bent bij { $provider } ingelogd, maar er is in Passend nog geen account of uitnodiging voor uw e-mailadres.
oidc-unverified = U bent bij { $provider } ingelogd, maar { $provider } heeft niet bevestigd dat het e-mailadres van u is. Daarom kan Passend het niet aan een account koppelen.
oidc-result-email = Uw e-mailadres bij deze dienst: { $email }
oidc-ask-director-named = Vraag de directeur van { $school } om u uit te nodigen voor Passend. Daarna kunt u hier inloggen.
oidc-ask-director = Vraag de directeur van uw school (BRIN { $brin }) om u uit te nodigen voor Passend. Daarna kunt u hier inloggen.
oidc-ask-invitation = Vraag de directeur van uw school of de beheerder van uw organisatie om u uit te nodigen voor Passend. Daarna kunt u hier inloggen.
oidc-back-to-login = Terug naar de inlogpagina
oidc-linked-title = Gekoppelde inlogdiensten
oidc-linked-intro = Met deze diensten kunt u inloggen op uw account. Een koppeling die u niet herkent, kunt u hier verwijderen.
oidc-linked-none = Er is nog geen inlogdienst aan uw account gekoppeld.
oidc-linked-provider = Dienst
oidc-linked-email = E-mailadres bij de dienst
oidc-linked-remove = Verwijderen
oidc-linked-removed = De koppeling is verwijderd.
oidc-linked-no-password = Uw account heeft geen wachtwoord. Verwijdert u de laatste koppeling, dan kunt u via Wachtwoord vergeten een wachtwoord instellen.
# --- servers ---
jobs-title = Achtergrondtaken
jobs-intro = Mail, herinneringen en het vooraf opmaken van documenten lopen als taken. Elke server van Passend pakt taken op; elke taak wordt één keer uitgevoerd. Een mislukte taak wordt later opnieuw geprobeerd, steeds wat later, en na 8 pogingen opgegeven.
jobs-filter = Welke taken
jobs-filter-all = Alle
jobs-filter-open = Nog niet klaar
jobs-filter-failed = Opgegeven
jobs-empty = Er zijn geen taken.
jobs-caption = De nieuwste taken eerst
jobs-created = Gemaakt
jobs-kind = Soort
jobs-state = Status
jobs-attempts = Pogingen
jobs-next = Niet voor
jobs-error = Laatste fout
jobs-state-waiting = Wacht
jobs-state-running = Loopt
jobs-state-done = Klaar
jobs-state-failed = Opgegeven
jobs-not-failed = Deze taak is niet opgegeven; alleen een opgegeven taak kan opnieuw worden gestart.
jobs-outbox-link = Bekijk de achtergrondtaken
jobs-cli-backup-done = Reservekopie { $file } geschreven en gecontroleerd ({ $kb } kB, { $seconds } s).
jobs-cli-restore-done = Teruggezet en bijgewerkt: { $tables } tabellen.
jobs-cli-check-sound = De reservekopie is in orde: { $tables } tabellen.
# --- scan ---
scan-title = Scan Passend Onderwijs
scan-domain-visie_beleid = Visie en beleid
scan-domain-ondersteuning_school = Ondersteuning in de school
scan-domain-samenwerking_partners = Samenwerking en expertisebenutting partners
scan-domain-positie_leerling = Positie van de leerling
scan-domain-positie_ouder = Positie van de ouder
scan-domain-kwaliteitszorg_cultuur = Kwaliteitszorg en cultuur
scan-domain-bekwaamheden_leraren = Bekwaamheden leraren
scan-group-team = Teamleden
scan-group-ib = IB-er of zorgcoördinator
scan-group-director = Directie
scan-group-parents = Ouders
scan-group-pupils = Leerlingen
scan-answer-helemaal_oneens = Helemaal oneens
scan-answer-oneens = Oneens
scan-answer-eens = Eens
scan-answer-helemaal_eens = Helemaal eens
scan-answer-weet_niet = Weet ik niet
scan-verdict-gaat_goed = Gaat goed
scan-verdict-aandachtspunt = Aandachtspunt
scan-verdict-risico = Risico
scan-verdict-geen_oordeel = Geen oordeel
scan-reason-broad_agreement = Elke groep is het voor 70% of meer eens, en de groepen liggen dicht bij elkaar.
scan-reason-group_below_half = Minder dan de helft van een groep is het eens.
scan-reason-group_below_seventy = Een groep is het voor minder dan 70% eens.
scan-reason-groups_disagree = De groepen verschillen 25 procentpunten of meer.
scan-reason-no_opinions = Nog geen groep met genoeg antwoorden.
scan-statement-unknown = Deze stelling hoort niet bij deze scan ({ $statement }).
scan-statement-other-group = Deze stelling is voor een andere groep ({ $statement }).
scan-answer-invalid = Kies een van de antwoorden: helemaal oneens, oneens, eens, helemaal eens of weet ik niet.
scan-remark-domain-unknown = Kies een van de zeven domeinen van de scan.
scan-empty = Geef bij minstens één stelling een antwoord.
scan-group-unknown = Kies een groep uit de lijst.
scan-groups-required = Kies minstens één groep.
scan-statement-required = Schrijf de stelling.
scan-location-unknown = Kies een vestiging van deze school.
scan-year-invalid = Schrijf het schooljaar zo: 2026-2027.
scan-round-exists = Deze vestiging heeft al een scan voor dit schooljaar.
scan-closed = Deze scan is gesloten. U kunt niet meer antwoorden.
scan-link-expired = Deze link is verlopen: het schooljaar van de scan is voorbij.
scan-answered = U heeft deze scan al ingevuld op dit apparaat. Dank u wel!
scan-wish-prefix = Scan Passend Onderwijs
scan-wish = { $year }, { $group }: het profiel belooft { $claim }, maar { $agreeing } van de { $opinions } zijn het eens met "{ $statement }"
scan-intro = Er zijn geen goede of foute antwoorden. Kies bij elke stelling wat het best past. Uw antwoorden zijn anoniem.
scan-intro-plain = Er zijn geen goede of foute antwoorden. Kies wat het best past. Je naam vragen we niet.
scan-remark = Wilt u nog iets kwijt over dit onderwerp? (mag leeg blijven)
scan-anonymous = We vragen geen naam. De school ziet de antwoorden van een groep pas als minstens vijf mensen uit die groep hebben geantwoord.
scan-thanks-title = Dank u wel
scan-thanks = Uw antwoorden zijn opgeslagen. De school bespreekt de uitkomst met het team.
scan-thanks-plain = Dank je wel! Je antwoorden zijn opgeslagen.
scan-school-intro = Met de scan ziet u hoe passend onderwijs op school echt gaat, volgens het team, de IB-er, de directie, ouders en leerlingen. Er zijn geen goede of foute antwoorden: de uitkomst opent het gesprek.
scan-rounds = Scans van deze school
scan-no-rounds = Nog geen scan.
scan-year = Schooljaar
scan-location = Vestiging
scan-responses = Antwoorden
scan-status = Stand
scan-status-open = Open
scan-status-closed = Gesloten
scan-open-title = Nieuwe scan openen
scan-groups = Welke groepen vult de scan in? Elke groep krijgt een eigen link.
scan-shared-device = Meer antwoorden per apparaat toestaan (gedeeld apparaat in de klas)
scan-open = Scan openen
scan-links = Links per groep
scan-count = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
scan-qr-alt = QR-code met de link voor { $group }
scan-close = Scan sluiten
scan-reopen = Scan weer openen
scan-share = Uitkomst delen met het samenwerkingsverband
scan-unshare = Uitkomst niet meer delen met het samenwerkingsverband
scan-pdf = Rapport als PDF
scan-verdicts = Oordeel per domein
scan-report-intro = Het oordeel volgt vaste regels: zie de uitleg bij de scan. Groepen met minder dan vijf antwoorden tellen niet mee en worden niet getoond.
scan-domain = Domein
scan-verdict = Oordeel
scan-reason = Waarom
scan-per-group = Uitkomst per groep
scan-respondents = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
scan-agreeing = eens
scan-opinions-count = { $count ->
    [one] 1 antwoord met een mening
   *[other] { $count } antwoorden met een mening
}
scan-opinions = Antwoorden met een mening
scan-statement = Stelling
scan-share-agreeing = Aandeel eens
scan-remarks = Opmerkingen
scan-suppressed = Te weinig antwoorden om te tonen
scan-compared = Vergeleken met vorig jaar
scan-group = Groep
scan-this-year = Dit jaar
scan-last-year = Vorig jaar
scan-to-test = Te toetsen
scan-check-intro = Wat het profiel belooft, naast wat de groepen herkennen:
scan-check-no-profile = Deze vestiging heeft nog geen profiel om de scan naast te leggen.
scan-none-to-test = Niets te toetsen: wat het profiel belooft, herkennen de groepen.
scan-to-test-legend = Kies wat op de wensenlijst voor het profiel van volgend jaar komt
scan-wish-owner = Wie pakt dit op?
scan-make-wishes = Op de wensenlijst zetten
scan-swv-title = Scans in het samenwerkingsverband
scan-swv-intro = Welke scholen een scan deden en hoe de oordelen per domein verdeeld zijn. De uitkomst van één school ziet u alleen als de school die deelt.
scan-swv-schools = Scholen met een scan
scan-results = Uitkomst
scan-shared-results = Bekijk de gedeelde uitkomst
scan-not-shared = Niet gedeeld
scan-swv-spread = Oordelen per domein (aantal scholen)
scan-statement-jargon = Voor { $group ->
    [parents] ouders
   *[pupils] leerlingen
} is ‘{ $word }’ vaktaal. Schrijf liever: { $suggestion }.
scan-statement-long-sentence = Deze zin is te lang voor { $group ->
    [parents] ouders
   *[pupils] leerlingen
}: hoogstens { $max } woorden per zin.
scan-statement-long-word = ‘{ $word }’ is een lang woord voor leerlingen. Kies een korter woord.
scan-statement-hard = Deze stelling leest moeilijk voor { $group ->
    [parents] ouders (nodig is taalniveau B1)
   *[pupils] leerlingen (nodig is taalniveau A2)
}: leesbaarheid { $score }, nodig is { $min } of meer. Schrijf kortere zinnen en kortere woorden.
scan-own-title = Eigen stellingen van het samenwerkingsverband
scan-own-intro = Deze stellingen komen bij de vaste stellingen van de scan, in elke scan die een school van uw samenwerkingsverband vanaf nu opent. Een scan die al open is, houdt zijn stellingen.
scan-own-none = Nog geen eigen stellingen.
scan-own-groups = Voor wie
scan-own-claim = Toetst de belofte
scan-own-no-claim = Geen belofte
scan-own-add = Stelling toevoegen
scan-own-domain = Domein
scan-own-text = Stelling
scan-own-text-hint = Voor ouders schrijft u op taalniveau B1 (korte zinnen, geen vaktaal), voor leerlingen op A2. Passend controleert dat.
scan-own-claim-hint = Kies een belofte uit het profiel als de stelling die toetst. Herkennen de groepen het niet, dan komt het bij ‘te toetsen’.
scan-own-claim-category = Biedt standaard: { $category }
scan-own-claim-basis = Basisondersteuning op orde: { $aspect }
scan-own-added = De stelling is toegevoegd.
scan-own-claim-unknown = Kies een belofte uit de lijst, of geen.
# --- kb ---
role-editor = Redacteur kennisbank
role-expert = Expert vraagbaak
kb-sector-po = Primair onderwijs
kb-sector-vo = Voortgezet onderwijs
kb-sector-so = Speciaal onderwijs
kb-sector-swv = Samenwerkingsverband
kb-tag-invalid = Het label ‘{ $tag }’ kan niet: gebruik letters, cijfers en streepjes (hoogstens 40 tekens).
kb-field-required = Vul dit veld in.
kb-field-too-long = Dit is te lang: hoogstens { $max } tekens.
kb-markdown-html = Gebruik geen HTML of scripts in de tekst. Opmaak kan met Markdown, bijvoorbeeld **vet** of een lijst met streepjes.
kb-sector-invalid = Kies een sector: po, vo, so of swv.
kb-tags-too-many = Gebruik hoogstens { $max } labels.
kb-phone-invalid = Vul een telefoonnummer in met 8 tot 15 cijfers, bijvoorbeeld 030 123 45 67.
kb-email-invalid = Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.
kb-faq-not-anonymous = De tekst noemt nog de naam, het telefoonnummer of het e-mailadres van de vraagsteller. Haal die eruit.
kb-question-answered-already = Deze vraag is al beantwoord.
kb-faq-not-possible = Van deze vraag kan geen veelgestelde vraag worden gemaakt: hij is nog niet beantwoord of al gepubliceerd.
kb-mail-asked-subject = Uw vraag aan de vraagbaak van Passend
kb-mail-asked-body = Beste { $name },

    Wij hebben uw vraag ontvangen. Een groep deskundigen kijkt ernaar en antwoordt per e-mail.
    Via deze link leest u uw vraag en, zodra het er is, het antwoord:
    { $link }

    Uw vraag:
    { $question }

    Uw naam, telefoonnummer en e-mailadres bewaren we tot een jaar na het antwoord. Daarna verwijderen we ze.
kb-mail-desk-subject = Nieuwe vraag voor de vraagbaak
kb-mail-desk-body = Er staat een nieuwe vraag klaar in de vraagbaak:
    { $link }
kb-mail-answered-subject = Antwoord op uw vraag aan de vraagbaak
kb-mail-answered-body = Beste { $name },

    Uw vraag:
    { $question }

    Het antwoord van { $expert }:
    { $answer }

    U leest vraag en antwoord ook via de link in onze eerste e-mail.
kb-title = Kennisbank: praktijkvoorbeelden
kb-intro = U hoeft het wiel niet zelf uit te vinden. Zoek voorbeelden van scholen en samenwerkingsverbanden die laten zien hoe zij het aanpakken.
kb-search-words = Zoekwoorden
kb-search-tag = Onderwerp
kb-search-sector = Sector
kb-search-any = Alle
kb-search-button = Zoeken
kb-results = { $count ->
    [one] 1 voorbeeld
   *[other] { $count } voorbeelden
}
kb-none = Geen voorbeelden gevonden. Probeer andere woorden, of stel uw vraag aan de vraagbaak.
kb-ask-link = Stel een vraag aan de vraagbaak
kb-faq-title = Veelgestelde vragen
kb-back = Terug naar de kennisbank
kb-contact = Contact:
kb-tags = Onderwerpen:
kb-related = Gerelateerde voorbeelden
kb-related-none = Geen gerelateerde voorbeelden gevonden.
kb-ask-title = Vraag het de vraagbaak
kb-ask-sent = Uw vraag is verstuurd. U krijgt een e-mail met een link waar u het antwoord leest.
kb-ask-intro = Heeft u een dringende vraag of wilt u meedenken over een aanpak? Een groep deskundigen uit de praktijk beantwoordt uw vraag of denkt mee. Dit is geen intensieve ondersteuning op locatie.
kb-ask-why = Wij vragen uw naam, telefoonnummer en e-mailadres zodat een deskundige u kan bereiken. We bewaren ze tot een jaar na het antwoord. Noem geen gegevens van leerlingen.
kb-ask-name = Naam
kb-ask-phone = Telefoonnummer
kb-ask-email = E-mailadres
kb-ask-organisation = Organisatie (school of samenwerkingsverband, niet verplicht)
kb-ask-description = Korte omschrijving van uw vraag
kb-ask-button = Vraag versturen
kb-answer-title = Uw vraag aan de vraagbaak
kb-answer-question = Vraag
kb-answer-answer = Antwoord
kb-answer-waiting = Er is nog geen antwoord. U krijgt een e-mail zodra het er is.
kb-desk-title = Vraagbaak
kb-desk-none = Er zijn geen vragen.
kb-desk-caption = Vragen, de open vragen eerst
kb-desk-ticket = Vraag
kb-desk-asked = Gesteld op
kb-desk-state = Stand
kb-desk-answered = Beantwoord
kb-desk-open = Open
kb-desk-back = Terug naar de vraagbaak
kb-desk-deleted = (verwijderd)
kb-desk-send = Antwoord versturen
kb-gap-help-link = Voorbeelden en scholen die { $category } wel bieden
kb-gap-title = Hulp bij een gat: { $category }
kb-gap-area = In { $area } biedt geen school dit op het gekozen niveau. Hieronder staat hoe anderen het doen en wie het dichtbij wel biedt.
kb-gap-back = Terug naar de dekking
kb-gap-examples = Praktijkvoorbeelden
kb-gap-no-examples = Er zijn nog geen praktijkvoorbeelden voor dit onderwerp.
kb-gap-all-examples = Alle voorbeelden over { $category } in de kennisbank
kb-gap-nearby = Scholen dichtbij die het bieden
kb-gap-nearby-intro = Uit de gepubliceerde profielen, in en rond de regio, de dichtstbijzijnde eerst, met de specialisten die ertoe doen en hun dagdelen per week.
kb-gap-no-nearby = Geen gepubliceerd profiel biedt dit op het gekozen niveau.
kb-gap-nearby-caption = Scholen die het onderwerp bieden, de dichtstbijzijnde eerst
kb-gap-location = Vestiging
kb-gap-level = Niveau
kb-gap-distance = Afstand
kb-gap-specialists = Specialisten (dagdelen per week)
kb-gap-outside = buiten de regio
kb-gap-no-specialists = niet genoemd
kb-gap-km = { $km } km
kb-write = Praktijkvoorbeeld schrijven
kb-share-school = Deel een voorbeeld van uw school
kb-drafts-title = Concepten om te publiceren
kb-drafts-intro = Voorbeelden die scholen insturen en concepten van redacteuren. Lees ze na, pas ze zo nodig aan en publiceer ze.
kb-drafts-none = Er wachten geen concepten.
kb-draft-submitted = Dank u wel. Uw voorbeeld is ingestuurd; een redacteur leest het na en publiceert het.
kb-edit-title = Praktijkvoorbeeld bewerken
kb-state-draft = Concept: nog niet te zien in de kennisbank.
kb-state-published = Gepubliceerd
kb-view = Bekijk in de kennisbank
kb-write-intro = Beschrijf hoe een school of samenwerkingsverband iets aanpakt, zodat anderen het wiel niet opnieuw hoeven uit te vinden.
kb-write-school-intro = Laat andere scholen zien hoe uw school iets aanpakt. Een redacteur leest uw voorbeeld na voordat het in de kennisbank komt. Noem geen gegevens van leerlingen.
kb-field-title = Titel
kb-field-summary = Samenvatting (een paar zinnen)
kb-field-body = Beschrijving
kb-field-body-hint = Opmaak met Markdown: een lege regel voor een nieuwe alinea, **vet**, een lijst met streepjes, ## voor een tussenkop. HTML wordt niet overgenomen.
kb-field-categories = Onderwerpen
kb-field-themes = Andere thema's
kb-field-themes-hint = Gescheiden door komma's, bijvoorbeeld: ouderbetrokkenheid, overstap po-vo
kb-field-source = School of samenwerkingsverband waar het voorbeeld vandaan komt
kb-field-contact = Contact voor wie meer wil weten (naam, e-mail of telefoon)
kb-publish = Publiceren
kb-save-draft = Opslaan als concept
kb-save = Wijzigingen opslaan
kb-submit-draft = Voorbeeld insturen
kb-gap-dagdelen = { $count } dagdelen
# --- events ---
act-nav = Activiteiten
act-title = Activiteiten
act-intro = Ontwikkelgroepen, uitwisselingsdagen, inspiratiebezoeken en webinars over passend onderwijs. Meld u aan; is een activiteit vol, dan komt u op de wachtlijst.
act-new = Nieuwe activiteit
act-none = Er staan nu geen activiteiten gepland.
act-back = Terug naar de activiteiten
act-kind-development_group = Ontwikkelgroep
act-kind-exchange_day = Uitwisselingsdag
act-kind-inspiration_visit = Inspiratiebezoek
act-kind-webinar = Webinar
act-places-left = { $count ->
    [one] Nog 1 plaats vrij
   *[other] Nog { $count } plaatsen vrij
}
act-places-taken = { $count ->
    [one] 1 plaats bezet
   *[other] { $count } plaatsen bezet
}
act-waiting = { $count ->
    [one] 1 op de wachtlijst
   *[other] { $count } op de wachtlijst
}
act-full = Vol: aanmelden zet u op de wachtlijst
act-full-waitlist = Alle plaatsen zijn bezet. Als u zich aanmeldt, komt u op de wachtlijst. Zegt iemand af, dan krijgt de eerste op de wachtlijst de plaats en een mail.
act-window-opens = Aanmelden kan vanaf { $date }
act-window-until = Aanmelden kan tot { $date }
act-window-not-open = Aanmelden voor deze activiteit kan nog niet.
act-window-closed = Aanmelden voor deze activiteit is gesloten.
act-audience = Voor wie
act-sessions = Bijeenkomsten
act-calendar = Zet alle bijeenkomsten in uw agenda (.ics)
act-capacity = Aantal plaatsen
act-costs = Kosten
act-free = Gratis
act-paid = Er zijn kosten aan verbonden
act-window = Aanmelden
act-criteria = Voorwaarden voor deelname
act-participants = Deelnemers
act-sign-up = Aanmelden
act-field-name = Naam
act-field-email = E-mailadres
act-field-organisation = Organisatie (niet verplicht)
act-field-organisation-hint = De naam of code van uw school of samenwerkingsverband, bijvoorbeeld 32DD of PO 27-07. We zoeken die op in de lijst van scholen.
act-field-role = Functie (niet verplicht)
act-privacy = We gebruiken uw naam en e-mailadres alleen voor deze activiteit: de bevestiging, een herinnering twee dagen vooraf en bericht als u van de wachtlijst een plaats krijgt.
act-sign-up-button = Aanmelden
act-waitlist-button = Op de wachtlijst zetten
act-signed-up-title = Aangemeld
act-signed-up-registered = U bent aangemeld voor { $title }.
act-signed-up-waitlisted = De activiteit { $title } is vol. U staat op de wachtlijst; krijgt u een plaats, dan mailen we u.
act-signed-up-mail = U krijgt een mail met de gegevens en een link om af te melden.
act-cancelled = Afgemeld
act-cancel-title = Afmelden
act-cancel-ask = Wilt u zich afmelden voor deze activiteit? Uw plaats gaat dan naar de eerste op de wachtlijst.
act-cancel-button = Ja, afmelden
act-cancel-done = U bent afgemeld. Bedankt voor het doorgeven.
act-cancel-before = U was al afgemeld. Er is niets veranderd.
act-too-long = Dit mag hoogstens { $max } tekens lang zijn.
act-name-missing = Vul uw naam in.
act-email-invalid = Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.
act-already-signed-up = Met dit e-mailadres bent u al aangemeld voor deze activiteit.
act-title-missing = Geef de activiteit een titel.
act-capacity-range = Vul een aantal plaatsen in van 1 tot { $max }.
act-window-order = De aanmelding moet sluiten na de opening.
act-window-after-start = De aanmelding moet sluiten voor de eerste bijeenkomst begint.
act-sessions-missing = Geef ten minste één bijeenkomst op.
act-sessions-too-many = Hoogstens { $max } bijeenkomsten.
act-session-order = Een bijeenkomst moet eindigen na het begin.
act-time-invalid = Vul een geldige datum en tijd in.
act-kind-invalid = Kies een soort activiteit.
act-field-kind = Soort
act-field-owner = Georganiseerd door
act-owner-platform = Het platform
act-field-title = Titel
act-field-description = Beschrijving
act-field-opens = Aanmelden vanaf
act-field-closes = Aanmelden tot en met
act-field-session-date = Bijeenkomst { $n }: datum
act-field-from = van
act-field-until = tot
act-field-place = Plaats of link
act-create-button = Activiteit maken
act-export-csv = Deelnemers als CSV
act-export-xlsx = Deelnemers als Excel (XLSX)
act-status = Status
act-attended = Aanwezig
act-present = Aanwezig
act-absent = Afwezig
act-mark-present = { $name } was aanwezig
act-mark-absent = { $name } was afwezig
act-mail-registered-subject = Aangemeld: { $title }
act-mail-registered-body =
    Beste { $name },

    U bent aangemeld voor { $title }.

    Bijeenkomsten:
    { $sessions }

    In de bijlage staat een agendabestand met alle bijeenkomsten.
    Meer informatie: { $link }

    Kunt u toch niet? Meld u dan af, zodat iemand van de wachtlijst uw plaats krijgt:
    { $cancel }
act-mail-waitlisted-subject = Op de wachtlijst: { $title }
act-mail-waitlisted-body =
    Beste { $name },

    { $title } is vol. U staat op de wachtlijst, in volgorde van aanmelding. Komt er een plaats vrij, dan mailen we u meteen.

    Bijeenkomsten:
    { $sessions }

    Wilt u niet meer op de wachtlijst staan? Meld u af:
    { $cancel }
act-mail-promoted-subject = U heeft een plaats: { $title }
act-mail-promoted-body =
    Beste { $name },

    Er is een plaats vrijgekomen. U bent nu aangemeld voor { $title }.

    Bijeenkomsten:
    { $sessions }

    In de bijlage staat een agendabestand met alle bijeenkomsten. Afmelden kan met de link in de mail die u kreeg toen u op de wachtlijst kwam.
    Meer informatie: { $link }
act-mail-reminder-subject = Herinnering: { $title }
act-mail-reminder-body =
    Beste { $name },

    Over twee dagen is de volgende bijeenkomst van { $title }.

    Bijeenkomsten:
    { $sessions }

    Kunt u toch niet? Meld u af met de link in uw bevestigingsmail.
    Meer informatie: { $link }
news-title = Nieuwsbrief
news-intro = Blijf op de hoogte van activiteiten, praktijkvoorbeelden en nieuws over passend onderwijs. U krijgt eerst een mail om uw aanmelding te bevestigen; pas daarna sturen we de nieuwsbrief.
news-field-email = E-mailadres
news-field-email-hint = Afmelden kan altijd met één klik, onderaan elke nieuwsbrief.
news-subscribe-button = Aanmelden voor de nieuwsbrief
news-archive = Eerdere nieuwsbrieven
news-archive-empty = Er zijn nog geen nieuwsbrieven verstuurd.
news-email-invalid = Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.
news-requested-title = Bijna klaar
news-requested = We hebben u een mail gestuurd. Klik op de link in die mail om uw aanmelding te bevestigen.
news-confirm-title = Aanmelding bevestigen
news-confirm-ask = Bevestig dat u de nieuwsbrief wilt ontvangen.
news-confirm-button = Ja, ik wil de nieuwsbrief
news-confirm-done = Bedankt! U ontvangt vanaf nu de nieuwsbrief.
news-confirm-used = Deze link is al gebruikt of bestaat niet. Er is niets veranderd.
news-unsubscribe-title = Afmelden voor de nieuwsbrief
news-unsubscribe-ask = Wilt u de nieuwsbrief niet meer ontvangen?
news-unsubscribe-button = Afmelden
news-unsubscribe-done = U bent afgemeld. U krijgt de nieuwsbrief niet meer.
news-unsubscribe-used = U was al afgemeld. Er is niets veranderd.
news-unsubscribe-link = Afmelden voor deze nieuwsbrief
news-sent-on = Verstuurd op { $date }
news-editor-title = Nieuwsbrief schrijven
news-subscribers = { $count ->
    [one] 1 bevestigde abonnee
   *[other] { $count } bevestigde abonnees
}
news-new-issue = Nieuwe nieuwsbrief
news-field-subject = Onderwerp
news-field-body = Tekst (Markdown)
news-field-body-hint = Gebruik Markdown: ## voor een kopje, *schuin*, **vet**, [tekst](https://…) voor een link. HTML is niet toegestaan.
news-save-button = Concept opslaan
news-issues = Nieuwsbrieven
news-state-draft = concept
news-state-sending = wordt verstuurd
news-state-sent = verstuurd
news-send-button = { $count ->
    [one] Versturen naar 1 abonnee
   *[other] Versturen naar { $count } abonnees
}
news-subject-missing = Vul een onderwerp in.
news-body-missing = Schrijf de tekst van de nieuwsbrief.
news-body-html = De tekst bevat HTML of een script. Gebruik alleen Markdown, bijvoorbeeld **vet** of [tekst](https://…).
news-too-long = Dit mag hoogstens { $max } tekens lang zijn.
news-already-sent = Deze nieuwsbrief is al verstuurd.
news-mail-confirm-subject = Bevestig uw aanmelding voor de nieuwsbrief
news-mail-confirm-body =
    Goedendag,

    Iemand (hopelijk u) heeft dit adres aangemeld voor de nieuwsbrief van Passend. Bevestig dat met deze link:
    { $link }

    Heeft u zich niet aangemeld? Dan hoeft u niets te doen: zonder bevestiging sturen we niets.
news-mail-footer =
    U krijgt deze nieuwsbrief omdat u zich heeft aangemeld. Online lezen: { $archive }
    Afmelden met één klik: { $link }

## Conversation pages (the SWV's yearly conversation with each school)
cvp-title = Jaargesprek
cvp-list-title = Jaargesprekken
cvp-list-intro = Elk jaar spreekt het samenwerkingsverband met elke school: plan hier de gesprekken, volg wie heeft voorbereid en welke verslagen zijn bevestigd.
cvp-list-caption = Vestigingen van het samenwerkingsverband: { $count }
cvp-show = Toon
cvp-location = Vestiging
cvp-when = Wanneer
cvp-where = Waar
cvp-plan-this = Plan een gesprek
cvp-plan-form-title = Een gesprek plannen
cvp-plan-form-intro = Wie een e-mailadres heeft, krijgt een uitnodiging met de afspraak als agendabestand (.ics).
cvp-all-planned = Met alle vestigingen is voor dit schooljaar een gesprek gepland.
cvp-date = Datum
cvp-time = Begintijd
cvp-minutes = Duur in minuten
cvp-place = Plaats (adres of lokaal)
cvp-video-link = Videolink
cvp-consultant = Consulent van het samenwerkingsverband
cvp-attendees = Aanwezigen
cvp-attendees-hint = Naam en functie van wie aan het gesprek deelneemt, aan beide kanten. Laat een regel leeg als u die niet nodig hebt.
cvp-attendee-name = Naam
cvp-attendee-role = Functie
cvp-attendee-side = Namens
cvp-attendee-email = E-mailadres
cvp-side-school = school
cvp-side-swv = samenwerkingsverband
cvp-plan-submit = Plannen en uitnodigen
cvp-plan-title = Afspraak
cvp-no-names = Schrijf in dit gesprek geen namen of andere gegevens van leerlingen op: alleen aantallen en beschrijvingen.
cvp-school-list-title = Jaargesprekken met het samenwerkingsverband
cvp-school-list-intro = Hier bereidt u het jaargesprek met het samenwerkingsverband voor en leest u de verslagen terug.
cvp-school-none = Er is nog geen jaargesprek gepland. Het samenwerkingsverband plant het gesprek en stuurt u een uitnodiging.
cvp-facts-title = Wat Passend al weet
cvp-profile = Schoolondersteuningsprofiel
cvp-review-by = herzien vóór
cvp-no-profile = Geen profiel voor dit schooljaar
cvp-norm = Basisondersteuning
cvp-no-norm = Het samenwerkingsverband heeft geen norm vastgesteld, of er is nog geen profiel.
cvp-norm-missing = Onderdelen van de norm die de school nog niet haalt
cvp-offers = Aanbod per ondersteuningsbehoefte
cvp-category = Ondersteuningsbehoefte
cvp-level = Aanbod van de school
cvp-region = In de omgeving
cvp-gap = Geen school biedt dit standaard
cvp-specialists = Specialisten
cvp-dagdelen = dagdelen per week
cvp-scan-claims = Uit de Scan Passend Onderwijs: te toetsen
cvp-not-answered = Nog niet ingevuld
cvp-funds = Ondersteuningsmiddelen
cvp-funds-line = { $pupils } leerlingen
cvp-funds-basic = basisondersteuning
cvp-funds-extra = extra ondersteuning
cvp-funds-total = totaal
cvp-previous-title = Afspraken van vorig jaar
cvp-previous-intro = Het gesprek begint met de afspraken van vorig jaar: geef bij elke afspraak aan hoe het ermee staat.
cvp-status = Stand van zaken
cvp-status-note = Toelichting
cvp-save-status = Stand opslaan
cvp-agreement-conflict = Iemand anders heeft deze afspraak net gewijzigd. Bekijk de nieuwe stand en sla opnieuw op.
cvp-answers-preparation = Voorbereiding door de school
cvp-answers-held = Het gesprek
cvp-answers-preparation-intro = Bereid het gesprek voor door de vragen te beantwoorden. Uw antwoorden worden opgeslagen terwijl u typt; zonder JavaScript met de knop onderaan.
cvp-answers-swv-waits = De school bereidt het gesprek voor. Na het gesprek legt u hier samen de antwoorden vast; de voorbereiding van de school staat er dan naast.
cvp-answers-held-intro = Leg de antwoorden uit het gesprek vast. Bij elke vraag staat wat de school had voorbereid.
cvp-answers-not-all-saved = Niet alle antwoorden zijn opgeslagen; zie de vragen hieronder. De andere antwoorden zijn bewaard.
cvp-answer-conflict = Iemand anders heeft dit antwoord net opgeslagen. Laad de pagina opnieuw om het nieuwe antwoord te zien.
cvp-ambition = Ambitie
cvp-goal = Doel
cvp-prepared = Voorbereid door de school:
cvp-not-prepared = niet voorbereid
cvp-no-answer = Geen antwoord
cvp-scale-hint = 1 is helemaal niet, 5 is helemaal.
cvp-count = Aantal
cvp-figure-note = Toelichting bij het aantal (geen namen)
cvp-save-answers = Antwoorden opslaan
cvp-agreements-title = Afspraken voor volgend jaar
cvp-no-agreements = Nog geen afspraken.
cvp-what = Wat
cvp-who = Wie
cvp-due = Uiterlijk
cvp-actions = Acties
cvp-delete = Verwijderen
cvp-delete-confirm = Deze afspraak verwijderen?
cvp-add-agreement = Afspraak toevoegen
cvp-no-goal = Geen doel
cvp-report-title = Verslag
cvp-report-open = Verslag bekijken
cvp-report-pdf = Verslag als PDF
cvp-report-author = Wie schrijft het verslag
cvp-confirmed-swv = Bevestigd door het samenwerkingsverband
cvp-confirmed-school = Bevestigd door de school
cvp-not-confirmed = Nog niet bevestigd
cvp-annex = Bijlage bij het profiel
cvp-annex-yes = Ja, het verslag hoort bij het schoolondersteuningsprofiel
cvp-annex-no = Nee
cvp-annex-choice = Het verslag wordt een bijlage bij ons schoolondersteuningsprofiel (de MR ziet het bij de adviesaanvraag)
cvp-hash = Vingerafdruk
cvp-held = Het gesprek is gehouden
cvp-details-hint = Wie het verslag schrijft en of het bij het profiel hoort, spreekt u in het gesprek af. Een wijziging hier haalt eerdere bevestigingen weg.
cvp-save-details = Gegevens opslaan
cvp-confirm-title = Verslag bevestigen
cvp-confirm-intro = Bevestig het verslag namens uw kant. Als beide kanten hebben bevestigd, ligt het verslag vast.
cvp-confirm-name = Uw naam
cvp-confirm = Bevestigen
cvp-confirm-after-held = Bevestigen kan zodra het gesprek is gehouden.
cvp-back-to-conversation = Terug naar het gesprek
cvp-report-draft = Concept: nog niet door beide kanten bevestigd.
cvp-held-on = Gehouden op
cvp-not-held = Nog niet gehouden
cvp-confirmations = Bevestigingen
cvp-funds-title = Ondersteuningsmiddelen
cvp-funds-intro = Het bedrag per leerling voor basis- en extra ondersteuning; Passend rekent per school uit wat dat is, met het leerlingaantal van DUO of een aantal dat u zelf invult voor de teldatum.
cvp-rates-title = Bedragen per leerling
cvp-rate-basic = Basisondersteuning per leerling (€)
cvp-rate-extra = Extra ondersteuning per leerling (€)
cvp-no-rates = Er zijn voor dit schooljaar nog geen bedragen vastgesteld.
cvp-funds-per-school = Per vestiging
cvp-duo-pupils = Leerlingen (DUO)
cvp-swv-pupils = Eigen telling
cvp-total = Totaal
cvp-save-funds = Opslaan
cvp-amount-invalid = Vul een bedrag in euro's in, bijvoorbeeld 150 of 45,50.
cvp-follow-up-title = Opvolging van de jaargesprekken
cvp-follow-up-intro = Per school en voor het hele samenwerkingsverband: gehouden gesprekken, open afspraken en afspraken over de datum, en de kengetallen over de jaren.
cvp-follow-up-xlsx = Download als Excel-bestand (XLSX)
cvp-guide-title = Gespreksleidraad
cvp-guide-default = Dit is de standaardleidraad van Passend. Sla hem op om hem aan te passen voor uw samenwerkingsverband.
cvp-guide-published = Versie { $version }, gepubliceerd. Een wijziging wordt een nieuwe versie.
cvp-guide-draft = Versie { $version }, concept: nog niet gepubliceerd.
cvp-guide-copy = Leidraad van vorig jaar overnemen
cvp-guide-copy-confirm = De leidraad van vorig jaar overnemen als concept voor dit jaar?
cvp-guide-editor-intro = Pas onderdelen, vragen, ambities en doelen aan. Een lege regel vult u in om iets toe te voegen; maak een titel of vraag leeg om die weg te halen. Gesprekken die al gepland zijn, houden hun leidraad.
cvp-guide-intro = Inleiding van de leidraad
cvp-ambitions = Ambities uit het jaarplan
cvp-new-ambition = Nieuwe ambitie
cvp-new-goal = Nieuw doel
cvp-field-title = Titel
cvp-field-description = Beschrijving
cvp-field-intro = Inleiding
cvp-section = Onderdeel
cvp-new-section = Nieuw onderdeel
cvp-no-ambition = Geen ambitie
cvp-question = Vraag
cvp-new-question = Nieuwe vraag
cvp-question-text = Vraag
cvp-question-kind = Soort antwoord
cvp-question-options = Keuzes (een per regel, alleen bij een keuzevraag)
cvp-kind-text = open tekst
cvp-kind-choice = keuze
cvp-kind-scale = score 1 tot 5
cvp-kind-figure = kengetal (aantal)
cvp-guide-save = Opslaan als concept
cvp-guide-publish = Opslaan en publiceren
notice-report-confirmed = Het verslag is bevestigd namens uw kant. Zodra beide kanten hebben bevestigd, ligt het vast.
cvp-replan = Afspraak wijzigen
cvp-replan-hint = Wie een e-mailadres heeft, krijgt de gewijzigde uitnodiging met de nieuwe afspraak voor de agenda.
cvp-replan-submit = Wijzigen en opnieuw uitnodigen
notice-conversation-replanned = De afspraak is gewijzigd. Wie een e-mailadres heeft, krijgt de gewijzigde uitnodiging.
notice-conversation-planned = Het gesprek is gepland. Wie een e-mailadres heeft, krijgt een uitnodiging met de afspraak voor de agenda.
# --- conversation report (PDF) and annexes ---
cvr-title = Verslag jaargesprek
cvr-swv = Samenwerkingsverband
cvr-school-year = Schooljaar
cvr-location = { $school } ({ $brin }, locatie { $location })
cvr-held-on = Gehouden op
cvr-not-held = Nog niet gehouden
cvr-place = Plaats
cvr-attendees = Aanwezig
cvr-consultant = Consulent van het samenwerkingsverband
cvr-author = Verslag geschreven door
cvr-prepared = Voorbereid door de school
cvr-answer = In het gesprek
cvr-not-answered = Niet besproken
cvr-agreements = Afspraken
cvr-no-agreements = Er zijn geen afspraken gemaakt.
cvr-what = Wat
cvr-who = Wie
cvr-due = Uiterlijk
cvr-goal = Doel
cvr-status = Stand
cvr-follow-up = Afspraken van vorig jaar
cvr-funds = Ondersteuningsmiddelen
cvr-funds-line = { $pupils } leerlingen: basisondersteuning { $basic }, extra ondersteuning { $extra }, samen { $total }
cvr-confirmations = Bevestiging
cvr-confirmed-swv = Voor het samenwerkingsverband
cvr-confirmed-school = Voor de school
cvr-confirmed-by = { $name }, { $on }
cvr-not-confirmed = Nog niet bevestigd
cvr-fixed = Door beide partijen bevestigd. De inhoud ligt vast en is herkenbaar aan deze SHA-256-code:
cvr-draft = Concept — nog niet door beide partijen bevestigd
cvr-annexes = Bijlagen
cvr-annex-intro = De school heeft deze verslagen van het jaargesprek met het samenwerkingsverband bij het profiel gevoegd.
cvr-annex-link = Verslag jaargesprek { $year } met { $swv } (PDF)
cvr-annex-advice = Lees bij uw advies ook het verslag van het jaargesprek dat de school bij het profiel heeft gevoegd.
cvr-annex-login = Alleen te lezen na inloggen, voor de school, het samenwerkingsverband en de medezeggenschapsraad.

## Closed groups and shared files (issue 15, point 6)
groups-title = Mijn groepen
groups-intro = Besloten groepen, zoals een ontwikkelgroep of de werkgroep sbo–so: alleen de leden lezen de berichten en bestanden.
groups-none = U bent nog geen lid van een groep. Een moderator kan u uitnodigen.
groups-your-role = Uw rol:
groups-role-moderator = moderator
groups-role-member = lid
groups-role-admin = beheerder (geen lid)
groups-role-invalid = Kies moderator of lid.
groups-source-invited = uitgenodigd
groups-source-activity = via aanmelding
groups-new = Nieuwe groep
groups-field-name = Naam van de groep
groups-field-description = Waar gaat de groep over? (niet verplicht)
groups-create = Groep maken
groups-back = ← Mijn groepen
groups-closed-note = Dit is een besloten groep. Alleen de leden zien de berichten, bestanden en de ledenlijst.
groups-keeper-only = U beheert deze groep, maar bent geen lid: u ziet de leden, niet de berichten en bestanden.
groups-messages = Berichten
groups-message-label = Nieuw bericht
groups-message-hint = Gewone tekst of Markdown, bijvoorbeeld **vet** of een lijst met streepjes. Schrijf geen gegevens van leerlingen op.
groups-post = Bericht plaatsen
groups-no-messages = Er zijn nog geen berichten.
groups-files = Bestanden
groups-no-files = Er zijn nog geen bestanden gedeeld.
groups-file-name = Bestand
groups-file-size = Grootte
groups-file-by = Gedeeld door
groups-file-actions = Acties
groups-file-remove = Verwijderen
groups-file-remove-named = { $name } verwijderen
groups-file-label = Bestand delen
groups-file-hint = Pdf, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument (odt, ods, odp), png, jpg, txt of csv; hoogstens { $max } MB.
groups-file-share = Bestand delen
groups-members = Leden
groups-no-account = (nog geen account)
groups-member-remove = Uit de groep halen
groups-member-remove-named = { $name } uit de groep halen
groups-member-promote = Maak moderator
groups-member-promote-named = Maak moderator: { $name }
groups-member-demote = Maak gewoon lid
groups-member-demote-named = Maak gewoon lid: { $name }
groups-field-activity = Hoort bij activiteit (optioneel)
groups-field-activity-hint = Wie zich voor deze activiteit aanmeldt en een plaats heeft, is vanzelf lid van de groep.
groups-field-activity-none = Geen activiteit
groups-invite-label = E-mailadres van het nieuwe lid
groups-invite-hint = Het nieuwe lid krijgt een e-mail met een link naar de groep.
groups-invite = Uitnodigen
groups-field-required = Vul dit veld in.
groups-field-too-long = Dit mag hoogstens { $max } tekens lang zijn.
groups-email-invalid = Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.
groups-last-moderator = De groep heeft dan geen moderator meer. Maak eerst iemand anders moderator.
groups-activity-unknown = Deze activiteit bestaat niet.
groups-activity-not-organised = U kunt een groep alleen koppelen aan een activiteit die u zelf organiseert.
groups-mail-invited-subject = U bent lid van de groep { $group }
groups-mail-invited-body = Beste lezer,

    { $inviter } heeft u toegevoegd aan de besloten groep "{ $group }" in Passend. Daar delen de leden berichten en bestanden.

    Log in en open de groep: { $link }

    Met vriendelijke groet,
    Passend
groups-mail-invited-body-new = Beste lezer,

    { $inviter } heeft u toegevoegd aan de besloten groep "{ $group }" in Passend. Daar delen de leden berichten en bestanden.

    U heeft nog geen account bij Passend met dit e-mailadres. Zodra u een account heeft (vraag uw organisatie om een uitnodiging), ziet u de groep hier: { $link }

    Met vriendelijke groet,
    Passend
files-empty = Kies een bestand. Het gekozen bestand is leeg.
files-too-large = Dit bestand is te groot. Een bestand mag hoogstens { $max } MB zijn.
files-type-refused = Dit soort bestand kan niet. Deel een van deze soorten: { $types }.
files-content-mismatch = Dit bestand is geen echt .{ $ext }-bestand. Sla het opnieuw op als .{ $ext } of kies een ander bestand.
files-virus-found = De virusscanner heeft dit bestand geweigerd. Het is niet opgeslagen.
files-scan-failed = Het bestand kon nu niet op virussen worden gecontroleerd en is niet opgeslagen. Probeer het later opnieuw.
kb-attachments = Bijlagen
kb-attachments-none = Er zijn geen bijlagen.
kb-attach-label = Bijlage toevoegen
kb-attach-button = Bijlage toevoegen
