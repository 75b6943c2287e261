# regulars — English texts. Every user-facing string lives here; other
# languages fall back to this file for messages they do not list.

## Errors (one line each, they end up on stderr)
err-unexpected = Something went wrong; nothing was changed.
err-today-format = "{ $value }" is not a date; use YYYY-MM-DD, e.g. 2026-03-14.
err-database = Database error: { $detail }
err-file = Cannot use file { $path }: { $detail }
err-config = Config file { $path }:{ $line }: { $detail }
err-config-country = "{ $value }" is not a two-letter country code (e.g. HR, IL, US)
err-config-currency = "{ $value }" is not a currency code this app knows (e.g. EUR, USD, ILS, DKK)
err-db-newer = This database was written by a newer version of regulars (schema { $found }; this app knows up to { $known }). Update the app; nothing was changed.
err-db-open = Cannot open the database { $path }: { $detail }
err-db-not-sqlite = { $path } is not a regulars database (it is not an SQLite file); nothing was changed.
err-db-foreign = { $path } is an SQLite database of another program, not of regulars; nothing was changed.
err-no-data-dir = Cannot find a data folder for this user; give the database with --db PATH.
err-member-not-found = No member matches "{ $key }" (give an id, card number, phone or email).
err-field = { $field }: { $problem }
err-card-taken = Card { $card } already belongs to { $name }.
err-born-and-age = Give either --born or --age, not both.
err-age = --age must be a whole number of years, e.g. 3.
err-channel = "{ $value }" is not a channel; use sms, email, phone or post.

## Field problems (shown at the field in the signup form, and by the CLI)
field-required = required
field-bad-phone = not a phone number (e.g. { $national } or { $international })
field-bad-email = not an email address (e.g. ana@example.com)
field-bad-date = not a date (e.g. { $short } or { $full })
field-future-date = this date is in the future

## Field names
field-first-name = First name
field-family-name = Family name
field-phone = Phone
field-email = Email
field-birthday = Birthday
field-card = Card
field-area = Area
field-note = Note
field-name = Name
field-born = Born
field-kind = Kind
field-gender = Gender

## CLI output
cli-member-added = Added member { $id }: { $name }
cli-child-added = Added child { $name } to { $member }
cli-pet-added = Added pet { $name } to { $member }
cli-no-match = No member matches "{ $query }".
cli-possible-duplicate = Note: this may be the same person as member { $id } ({ $name }).
field-visits = Visits
field-spend = Spend
field-child = Child
field-pet = Pet

## Command-line help
help = A small shop's customer club: members, birthdays, purchases from the till, points.
help-db = The database file (default: regulars.db in your data folder)
help-today = Pretend today is this day (YYYY-MM-DD), for trying things out and tests
help-config = The config file (default: config.toml in your config folder)
help-lang = Language of the screens and messages: en, he, hr, zh or th
help-member = Sign up, find and show members
help-member-add = Sign up a new member
help-member-add-first = First name
help-member-add-last = Family name
help-member-add-phone = Phone, national (with the shop's country) or with +country code
help-member-add-email = Email address
help-member-add-birthday = Birthday: YYYY-MM-DD, or MM-DD without the year
help-member-add-card = Club card number or the till's customer code
help-member-add-consent = Channels the member agreed to be contacted on, e.g. sms,email
help-member-add-area = Area or postcode
help-member-add-note = A note for the counter
help-member-add-json = Print the new member as JSON
help-member-find = Find members by part of a name, phone digits, email or card
help-member-find-text = What to look for
help-member-find-json = Print JSON (a list of members)
help-member-show = Show one member
help-member-show-key = Member id, card number, phone or email
help-member-show-json = Print JSON
help-child = Children of members
help-child-add = Add a child to a member
help-child-add-key = Member id, card number, phone or email
help-child-add-name = The child's name
help-child-add-born = Birth date, YYYY-MM-DD
help-child-add-age = Age in years when the exact date is not known
help-child-add-gender = Gender, if the parent told it
help-pet = Pets of members
help-pet-add = Add a pet to a member
help-pet-add-key = Member id, card number, phone or email
help-pet-add-name = The pet's name
help-pet-add-kind = Kind of animal: dog, cat, rabbit…
help-pet-add-born = Birth date, YYYY-MM-DD
help-pet-add-age = Age in years when the exact date is not known

## Demo data and birthday days
help-demo = Fill the database with made-up members for trying the app out
help-demo-members = How many demo members to add
help-demo-seed = Start value of the generator: the same number gives the same members
cli-demo-progress = Adding demo members
day-today = today
day-tomorrow = tomorrow
day-monday = Monday
day-tuesday = Tuesday
day-wednesday = Wednesday
day-thursday = Thursday
day-friday = Friday
day-saturday = Saturday
day-sunday = Sunday
day-in-days = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
err-demo-data = The demo data file { $file } is broken: { $detail }

## ui: the terminal screens
ui-title = regulars · { $shop }
ui-too-small = The window is too small ({ $width }×{ $height }). regulars needs at least { $min_width }×{ $min_height }: make the window bigger or the font smaller.
ui-too-small-quit = Ctrl-C quits.
ui-err-terminal = Cannot use this terminal: { $detail }
ui-err-member-gone = That member no longer exists.
ui-none = —
ui-birthday-marker-plain = *bday
ui-today-short = today

# Dates: "Tue 3 Mar", "3 Mar 2025", "Mon 23 Nov 2026", "14 Mar"
ui-date-short = { $weekday } { $day } { $month }
ui-date-year = { $day } { $month } { $year }
ui-date-full = { $weekday } { $day } { $month } { $year }
ui-date-no-year = { $day } { $month }
ui-day-1 = Mon
ui-day-2 = Tue
ui-day-3 = Wed
ui-day-4 = Thu
ui-day-5 = Fri
ui-day-6 = Sat
ui-day-7 = Sun
ui-month-1 = Jan
ui-month-2 = Feb
ui-month-3 = Mar
ui-month-4 = Apr
ui-month-5 = May
ui-month-6 = Jun
ui-month-7 = Jul
ui-month-8 = Aug
ui-month-9 = Sep
ui-month-10 = Oct
ui-month-11 = Nov
ui-month-12 = Dec
ui-when-weekday = on { $weekday }
ui-born-with-age = { $date } ({ $age })
ui-about-years = { $years ->
    [one] about 1 year
   *[other] about { $years } years
}

# Key names in hints and help
ui-keyname-enter = Enter
ui-keyname-esc = Esc
ui-keyname-tab = Tab
ui-keyname-backtab = Shift-Tab
ui-keyname-space = Space
ui-keyname-pageup = PgUp
ui-keyname-pagedown = PgDn
ui-keyname-ctrl = Ctrl-

# What keys do (status bar and help)
ui-key-help = help
ui-key-quit = quit
ui-key-quit-always = quit, wherever you are
ui-key-move = move
ui-key-page = page up / down
ui-key-open = open
ui-key-clear-search = clear search
ui-key-search = back to the search
ui-key-sign-up = sign up a new member
ui-key-sign-up-first = sign up the first member
ui-key-load-demo = load demo members
ui-key-to-counter = back to the counter
ui-key-next-field = next field
ui-key-prev-field = previous field
ui-key-save = save
ui-key-cancel = cancel
ui-key-toggle = tick / untick
ui-key-choose = choose channel
ui-key-open-existing = open existing
ui-key-save-anyway = save anyway
ui-key-back-to-form = back to the form
ui-key-edit = edit
ui-key-add-child = add child
ui-key-add-pet = add pet
ui-key-scroll = scroll
ui-key-close-help = close help
ui-key-yes = yes
ui-key-no = no

# Welcome (empty database)
ui-welcome-title = Welcome to regulars
ui-welcome-empty = { $shop } has no club members yet.
ui-welcome-demo = load { $count } demo members to try things out
ui-welcome-later = Demo members go into this database. To only try things out, start regulars with --db demo.db instead.
ui-help-more = ↓ more
ui-demo-done = { $count ->
    [one] Added 1 demo member.
   *[other] Added { $count } demo members.
}
ui-demo-none = No demo members were added.

# Counter
ui-counter-search = Find a member
ui-counter-placeholder = type a name, phone digits, email or card number
ui-counter-placeholder-list = / to search
ui-counter-found = { $count ->
    [one] 1 found
   *[other] { $count } found
}
ui-counter-none-found = no match
ui-counter-no-match = + No match for "{ $query }" — Enter signs up a new member
ui-counter-signup-row = + Sign up "{ $query }" as a new member
ui-counter-empty = No members yet. Type a name and press Enter to sign someone up.
ui-col-name = Name
ui-col-contact = Phone / email
ui-col-tier = Tier
ui-col-points = Points
ui-col-last-visit = Last visit
ui-col-birthday = Birthday

# Signup and edit
ui-signup-title = New member
ui-signup-edit-title = Edit { $name }
ui-signup-optional = Optional
ui-signup-footer = Enter saves. Children and pets can be added on the member's card.
ui-signup-fix = Please correct the marked fields.
ui-field-contact = Phone or email
ui-field-other-contact = 2nd phone/email
ui-field-consent = Agrees to
ui-field-joined = Joined
ui-field-born-or-age = Born
ui-channel-sms = SMS
ui-channel-email = Email
ui-channel-phone = Phone
ui-channel-post = Post
ui-hint-birthday = e.g. { $short } or { $full }
ui-hint-card = club card or till code
ui-hint-born = a date, or age in years
ui-hint-kind = dog, cat, rabbit…
ui-hint-ok = ✓ { $value }
ui-err-second-phone = a phone number is already given above; put an email here
ui-err-second-email = an email is already given above; put a phone number here
ui-err-born = not a date or an age (e.g. { $full }, or 3)
ui-err-born-needs-year = give the year too, or just the age in years
ui-signed-up = Signed up { $name }.
ui-saved = Saved { $name }.
ui-duplicate-title = Already a member?
ui-duplicate-intro = This may be someone already in the club:
ui-duplicate-since = since { $date }

# Member card
ui-card-consent = Agrees to be contacted by
ui-consent-yes = yes, since { $date }
ui-consent-withdrawn = no, withdrawn { $date }
ui-consent-no = no
ui-card-club = Club
ui-card-details = Details
ui-card-children = Children
ui-card-no-children = none yet (c adds one)
ui-card-pets = Pets
ui-card-no-pets = none yet (p adds one)
ui-card-history = Visit history
ui-card-habits = Habits
ui-card-no-purchases = no purchases imported yet
ui-visits = { $count ->
    [one] 1 visit
   *[other] { $count } visits
}
ui-card-visits = { $visits }, last { $last }
ui-card-spend = { $spend } spent in all
ui-soon-turns = { $name } turns { $age } { $when }
ui-soon-birthday = { $name }'s birthday is { $when }
ui-family-add-child = Add a child of { $name }
ui-family-add-pet = Add a pet of { $name }
ui-family-added = Added { $name }.

# Questions before something is lost
ui-confirm-discard-title = Discard?
ui-confirm-discard-new = Throw away this new member? What you typed is lost.
ui-confirm-discard-edit = Throw away your changes to { $name }?
ui-confirm-discard-family = Throw away what you typed?

# Help (? or F1)
ui-help-title-welcome = Help: welcome
ui-help-title-counter = Help: counter
ui-help-title-signup = Help: signing up
ui-help-title-member = Help: member card
ui-help-intro-welcome = The club is empty. Load demo members to try the app, or sign up the first real member.
ui-help-intro-counter = Type to find a member by any part of a first or family name, phone digits, email or card number; the list narrows as you type and the best match is selected. Every key but ? goes into the search, so names with q, j or k work. Nobody found? Enter signs the customer up with what you typed.
ui-help-intro-signup = The first fields are what a customer usually gives at the counter; Tab reaches the optional ones. Phone numbers without +country are read as numbers of the shop's country. In text fields ? is typed as text; F1 shows this help.
ui-help-intro-member = Everything the club knows about this member. Esc goes back to the counter.
ui-help-welcome = On this screen
ui-help-counter-search = While typing in the search
ui-help-counter-list = In the list (Esc on an empty search)
ui-help-signup-fields = In a text field
ui-help-signup-consent = On the consent row
ui-help-duplicate = When a possible duplicate is shown
ui-help-member = On the card
ui-help-family-form = Adding a child or a pet
ui-help-everywhere = Everywhere
## Import of till exports
help-import = Import till exports: Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle or the plain CSV
help-import-files = Export files (CSV or xlsx); the same file twice is stored once. Without files: the inbox folder's new files
help-import-format = Read as this format: square-items, square-transactions, loyverse-receipts, loyverse-items, shopify-orders, odoo-pos, sumup, mobilepay, zettle or generic
help-import-country = Two-letter country for national phone numbers and the date order (default: the shop's)
help-import-encoding = Text encoding of a CSV when the guess is wrong, e.g. windows-1252, windows-1255, gbk
help-import-dry-run = Read the files and report what would be stored; store nothing
help-import-json = Print one JSON object per file
import-done = { $file } ({ $format }): rows read: { $rows }; new receipts: { $new } (refunds: { $refunds }); already stored: { $duplicates }; rows rejected: { $rejected }
import-rejected-line = line { $line }: { $reason }
import-more-rejected = … and { $count } more rejected rows
import-dry-run = Dry run: nothing was stored.
import-note-already = This file was imported before ({ $file }, { $at }); nothing new was stored.
import-note-day-first = Dates like 03/04 could be day or month first and no date in the file decides it; read as day/month, as usual in { $country }.
import-note-month-first = Dates like 03/04 could be day or month first and no date in the file decides it; read as month/day, as usual in { $country }.
import-err-unknown-format = { $path } is not a till export this app knows (no header row of Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle or the plain CSV in its first rows); nothing was stored.
import-hint-map-cli = To import it as it is, say which column is which: regulars import { $path } --map receipt=COLUMN,time=COLUMN,total=COLUMN (also item, qty, amount, kind, phone, email, card).
import-err-not-format = { $path } has no header row of the { $format } format in its first rows; nothing was stored.
import-err-format-name = "{ $value }" is not a format; use one of { $names }.
import-err-country = "{ $value }" is not a two-letter country code (e.g. HR, IL, US).
import-err-encoding = "{ $value }" is not a text encoding this app knows (e.g. utf-8, windows-1252, windows-1255, gbk).
import-err-cancelled = Import cancelled; nothing was stored.
import-err-some-failed = Some files were not imported: { $files }
import-row-no-id = no receipt id in "{ $column }"
import-row-no-money = "{ $column }" is empty
import-row-bad-money = "{ $column }": "{ $value }" is not an amount
import-row-bad-qty = "{ $column }": "{ $value }" is not a quantity
import-row-bad-date = "{ $column }": "{ $value }" is not a date or time
import-row-no-such-date = "{ $column }": "{ $value }" is a day that does not exist
import-row-short = only { $found } of { $expected } fields (is the file cut off?)
import-row-orphan = a later row of { $id } whose first row is not in the file

## Member card: visits and habits page
ui-key-purchases = visits and habits
ui-key-details = details
ui-key-scroll-history = scroll history
ui-help-member-purchases = On the visits and habits page
ui-card-title-purchases = { $name } · visits and habits
ui-card-more-purchases = Tab: visit history and habits
ui-habit-summary = usually on { $weekday }
ui-habit-summary-gap = usually on { $weekday }, every { $gap }
ui-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
ui-days-ago = { $days ->
    [0] today
    [one] yesterday
   *[other] { $days } days ago
}
ui-habit-visits = Visits
ui-habit-visits-12m = { $count } in 12 months
ui-habit-spent = Spent
ui-habit-spent-12m = { $amount } in 12 months
ui-habit-basket = Basket
ui-habit-basket-average = { $amount } on average
ui-habit-last-visit = Last visit
ui-habit-last = { $date }, { $ago }
ui-habit-gap = Usual gap
ui-habit-usually = Usually
ui-habit-usually-hour = { $weekday }, { $from }–{ $to }
ui-habit-favourites = Favourites
ui-habit-categories = Categories
ui-habit-per-month = Visits per month
ui-habit-per-month-note = the last 12 months
ui-history-count = { $count ->
    [one] 1 receipt
   *[other] { $count } receipts
}
ui-history-refund = refund: { $items }
ui-history-none = No purchases imported yet. Import the till's exports with i on the counter.
ui-history-this-shop = this shop

## Import screen and till customers without a member
ui-key-import = import
ui-key-unmatched = customers without a member
ui-key-import-file = import
ui-key-type-path = type a path
ui-key-rescan = look again
ui-key-import-path = import the typed file
ui-key-back-to-files = back to the files
ui-key-cancel-import = cancel the import
ui-key-link = link to a member
ui-key-link-to-this = link to this member
ui-key-sign-up-customer = sign up as a new member
ui-help-title-import = Help: importing from the till
ui-help-intro-import = Export sales from the till (CSV or xlsx) and put the files into the inbox folder shown at the top, or type a file's path. Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle and the plain CSV are recognised by their columns. A receipt imported twice is stored once, and a file imported before is recognised by its content. A cancelled import stores nothing. A file the app does not know opens a step where you say once which column is what; the next file with the same columns imports without it.
ui-help-import-files = Choosing a file
ui-help-import-path = Typing a path
ui-help-import-running = While importing
ui-help-import-result = After the import
ui-help-title-unmatched = Help: till customers without a member
ui-help-intro-unmatched = People whose card, phone, email or the till's own customer id (Square's Customer ID) is on imported receipts but belongs to no member, biggest spenders first. Link one to a member to give them these receipts (later imports match them too), or sign them up with what the till knows filled in. Names on receipts are only for recognising people; receipts are never matched by name.
ui-help-unmatched = In the list
ui-help-unmatched-link = Choosing the member to link to
ui-import-title = Import from the till
ui-import-inbox = Inbox: { $path }
ui-import-no-inbox = No inbox folder (this system has no data folder); type a file's path below.
ui-import-col-file = File
ui-import-col-size = Size
ui-import-col-status = Imported
ui-import-status-new = new
ui-import-status-done = on { $date }
ui-import-empty = No files in the inbox yet. Export the sales from the till and put the files into this folder, then press r, or type a file's path below.
ui-import-path = Other file:
ui-import-path-hint = Tab, then type its path
ui-import-note = A file is stored in one go: all of it, or nothing.
ui-import-type-a-path = Type the path of an export file first.
ui-size-b = { $n } B
ui-size-kb = { $n } KB
ui-size-mb = { $n } MB
ui-import-running = Importing { $file }
ui-import-reading = Reading the file…
ui-import-rows = { $done } of { $total } rows
ui-import-rate = { $rows } · { $rate } rows/s
ui-import-finishing = All rows read · putting the receipts in order…
ui-import-cancel-note = Esc or Ctrl-C cancels; a cancelled import stores nothing.
ui-import-cancelling = Cancelling… nothing of this file will be stored.
ui-import-result-file = { $file } ({ $format })
ui-import-result-rows = Rows read
ui-import-result-new = New receipts
ui-import-result-new-refunds = { $new } (of them { $refunds })
ui-import-refunds = { $count ->
    [one] 1 refund
   *[other] { $count } refunds
}
ui-import-result-duplicate = Already stored
ui-import-result-rejected = Rows rejected
ui-import-result-unmatched = In the whole club
ui-import-result-unmatched-value = { $count ->
    [one] 1 till customer (u shows them)
   *[other] { $count } till customers (u shows them)
}
ui-import-result-unmatched-many = more than { $count } till customers (u shows them)
ui-import-errors = Rejected rows (skipped; the rest was imported)
ui-import-errors-first = Rejected rows, the first { $count } (skipped; the rest was imported)
ui-unmatched-title = Till customers without a member
ui-unmatched-intro = Their card, phone, email or the till's own customer id is on receipts but belongs to no member. Enter links one to a member; n signs them up.
ui-unmatched-col-name = Name on receipts
ui-unmatched-col-who = Phone / email / card
ui-unmatched-col-receipts = Receipts
ui-unmatched-col-spend = Spend
ui-unmatched-card = card { $card }
ui-unmatched-none = Every customer on the imported receipts is a member (or nothing is imported yet).
ui-unmatched-link-title = Link { $who } to
ui-unmatched-linked = Linked { $who } to { $name }: { $receipts } now theirs.
ui-claimed = { $count ->
    [one] 1 earlier receipt is now theirs.
   *[other] { $count } earlier receipts are now theirs.
}

## Import from the command line: inbox and Ctrl-C
import-stopping = Stopping… the file being read is rolled back (Ctrl-C again quits at once).
import-cancelled-file = Import of { $file } cancelled; nothing of it was stored.
import-inbox-nothing = No new files in the inbox ({ $dir }).

## Reminders and the weekly review
err-config-lapsed = { $key } must be at least 1 (it is { $value })
err-config-placeholder = { $key } uses {"{"}{ $name }{"}"}, which is not a placeholder; use {"{"}first_name{"}"}, {"{"}child_name{"}"}, {"{"}pet_name{"}"}, {"{"}turning{"}"}, {"{"}reward{"}"} or {"{"}shop{"}"}
review-member-turns = { $name } turns { $age }
review-member-birthday = { $name }'s birthday
review-son-turns = son { $name } turns { $age }
review-daughter-turns = daughter { $name } turns { $age }
review-child-turns = { $name } turns { $age }
review-pet-turns = { $name } ({ $kind }) turns { $age }
review-gotcha = { $name } ({ $kind }) came home on this day in { $year }
review-feb29 = (born 29 Feb)
review-lapsed = { $visits }, last { $last }
review-no-birthday = no birthday
review-no-consent = no consent
review-no-channels = —
review-in-shop = spoken to in the shop
review-reason-birthday = birthday wish
review-reason-child-birthday = child's birthday
review-reason-pet-birthday = pet's birthday
review-reason-gotcha-day = gotcha day
review-reason-winback = we miss you
cli-reminders-none = { $days ->
    [0] No birthdays today.
    [one] No birthdays today or tomorrow.
   *[other] No birthdays in the next { $days } days.
}
help-reminders = Birthdays of members, their children and pets (and pets' gotcha days) in the next days
help-reminders-days = How many days ahead to look, after today (0 = today only; at most 366)
help-reminders-shop = Only members who signed up or bought at this branch of the chain
help-reminders-json = Print JSON: a list of {"{"}date, kind, member_id, name, turning, days_until{"}"}
help-pet-add-gotcha = The day the pet came home (its "gotcha day"), YYYY-MM-DD
field-gotcha = Came home
ui-key-review = weekly review
ui-key-mark-contacted = contacted
ui-key-copy-message = copy
ui-key-export = export
ui-key-section = section
ui-key-days = 7/14/30 days
ui-key-open-card = open the member's card
ui-key-mark = mark
ui-review-exported = Saved { $rows } to { $path }
ui-review-rows = { $count ->
    [one] 1 row
   *[other] { $count } rows
}
ui-review-nothing-to-send = Nothing to send here: Enter opens the card to fill in what is missing.
ui-review-no-message = There is no message for this row.
ui-review-marked = Marked { $name } as contacted: { $channel }, { $date }.
ui-review-copied = Copied the message for { $name } (where the terminal allows it).
ui-err-copy-too-long = This text is too long for the clipboard.
ui-review-title = Weekly review
ui-review-tab-birthdays = Birthdays
ui-review-tab-near-tier = Next tier
ui-review-tab-lapsed = Stopped coming
ui-review-tab-missing = Missing data
ui-review-next = Next
ui-review-days = days
ui-review-lapsed-intro = Regulars with { $visits }+ visits in { $months } months and none in the last { $weeks } weeks
ui-review-missing-intro = No birthday or no consent: ask them next time they come in
ui-review-col-day = Day
ui-review-col-who = Who
ui-review-col-agrees = Agrees to
ui-review-no-birthdays = { $days ->
    [one] No birthdays today or tomorrow.
   *[other] No birthdays in the next { $days } days.
}
ui-review-no-loyalty = Loyalty is not set up yet: members close to the next tier show here once tiers and points are configured.
ui-review-no-lapsed = No regular has stopped coming. This list is made from the purchases imported from the till.
ui-review-no-missing = Every member has a birthday and a consent on record.
ui-review-missing-hint = Enter opens the card to fill it in
ui-review-done = ✓ contacted: { $channel }, { $date }
ui-review-no-consent-detail = no consent to messages: only in the shop
ui-review-choice-title = How was { $name } contacted?
ui-review-only-in-shop = No consent to messages: only in the shop.
ui-help-title-review = Help: weekly review
ui-help-intro-review = Birthdays of members, their children and pets in the next 7, 14 or 30 days, regulars who stopped coming and records that miss data. Each row shows the channels the member agreed to and a ready-to-send message in their language; c marks the row contacted (it stays grey until next year), y copies the message, x saves the list as a CSV file next to the database.
ui-help-review = On the list
ui-help-review-contact = Choosing how the member was contacted
ui-key-section-back = previous section
ui-key-back = back
review-in-shop-short = shop
ui-soon-gotcha = { $name }'s gotcha day is { $when }
ui-card-gotcha = home since { $date }
ui-card-contacted = Contacted
ui-review-nothing-to-export = This list is empty: nothing to export.
## Loyalty: points, tiers and rewards
err-config-points-range = { $key } = { $value }: use a whole number from 0 up
err-config-grace = grace_days = { $value }: use a number of days from 0 to 3650
err-config-review-every = review_every_months = { $value }: use 0 (the review bonus once per member) or 1, 2, 3, 4, 6 or 12 months
err-config-tiers-too-many = { $count } tiers; at most { $max } are possible
err-config-tier-name = a tier needs a name
err-config-tier-twice = there are two tiers called "{ $name }"
err-config-tier-first = the first tier ({ $name }) is where every member starts: its min must be 0
err-config-tier-range = min = { $value }: use a whole number from 0 up
err-config-tier-order = { $name } must need more than { $below } (tiers go lowest first)
err-config-reward-name = a reward needs a name
err-config-reward-twice = there are two rewards called "{ $name }"
err-config-reward-points = reward "{ $name }": points = { $value }; use a whole number above 0
loyalty-err-redeem-positive = Redeem a whole number of points above 0.
loyalty-err-not-enough = Not enough points: the balance is { $balance }, { $points } were asked for ({ $missing } missing).
loyalty-err-note-required = An adjustment needs a note saying why.
loyalty-err-adjust-zero = An adjustment of 0 points changes nothing; give a number such as 50 or -20.
loyalty-err-refer-self = A member cannot bring themselves.
loyalty-gap = { $amount } to { $tier }
loyalty-visits = { $count ->
    [one] 1 visit
   *[other] { $count } visits
}
loyalty-reason-sale = Purchase
loyalty-reason-refund = Refund
loyalty-reason-unlinked = Purchase unlinked
loyalty-reason-redeem = Redeemed
loyalty-reason-redeem-reward = Redeemed: { $reward }
loyalty-reason-bonus = Bonus
loyalty-reason-bonus-signup = Signup bonus
loyalty-reason-bonus-referral = Referral bonus
loyalty-reason-bonus-review = Review bonus
loyalty-reason-bonus-birthday = Birthday bonus
loyalty-reason-expire = Expired (no visit for a long time)
loyalty-reason-adjust = Adjusted by hand
loyalty-no-tiers = No tiers are set up. Add [[tiers]] blocks to the config file to have them.
loyalty-col-tier = Tier
loyalty-col-from = From
loyalty-col-members = Members
loyalty-col-perks = Perks
loyalty-cli-month = This month: { $up } moved up, { $down } moved down; { $close } within 10% of the next tier.
loyalty-cli-balance = { $name } (#{ $id }): { $balance } points
loyalty-cli-redeemed = Redeemed { $points } for { $name }. New balance: { $balance }.
loyalty-err-no-reward = No reward is called "{ $name }"; the config lists: { $names }.
loyalty-err-reward-points = { $name } takes { $points } points, not { $given }.
help-tiers = Members per tier, who moved up or down this month and who is close to the next tier (works every tier out again first)
help-tiers-shop = Only the members who bought at this branch of the chain (the tiers stay the whole club's)
help-tiers-json = Print JSON: a list of tiers with name, min and members
help-points = A member's points balance and points history
help-points-key = Member id, card number, phone or email
help-points-json = Print JSON: member_id, balance and the ledger rows
help-redeem = Redeem a member's points; refused when the balance is too low
help-redeem-key = Member id, card number, phone or email
help-redeem-points = How many points to redeem
help-redeem-reward = The reward from the config's list, e.g. "Free coffee" (its points must match)
help-adjust = Add or remove points by hand; the note saying why is required
help-adjust-key = Member id, card number, phone or email
help-adjust-points = Points to add, e.g. 50, or to remove, e.g. -20
help-adjust-note = Why, e.g. "points from the old paper card"
ui-key-redeem = redeem
ui-key-points = points
ui-key-tiers = tiers
ui-key-pick-reward = pick a reward
ui-key-redeem-go = redeem
ui-key-adjust = adjust by hand
ui-key-referred-by = brought by…
ui-key-review-bonus = review bonus
ui-key-close = close
ui-key-next-list = next list
ui-key-prev-list = previous list
ui-key-open-or-edit = open / edit
ui-key-edit-min = edit the tier's minimum
ui-key-save-min = save the minimum
ui-card-tier-since = { $tier } since { $date }
ui-card-tier-until = { $tier } until { $date }
ui-card-tier-keep = { $amount } more keeps { $tier }
ui-card-tier-top = top tier
ui-card-perks = Perks
ui-points-count = { $count ->
    [one] 1 point
   *[other] { $count } points
}
ui-redeem-title = Redeem points: { $name }
ui-redeem-balance = Balance
ui-redeem-points = Points
ui-redeem-rewards = Or pick a reward with ↑↓:
ui-redeem-no-rewards = No rewards are listed in the config; type the points.
ui-redeem-after = New balance
ui-redeem-not-number = type a whole number of points
ui-redeem-confirm-title = Redeem points?
ui-redeem-confirm = Redeem { $points } for { $name }? New balance: { $balance }.
ui-redeem-confirm-reward = Redeem { $points } ({ $reward }) for { $name }? New balance: { $balance }.
ui-redeem-done = Redeemed { $points }; saved. New balance: { $balance }.
ui-points-title = Points: { $name } · balance { $balance }
ui-points-empty = No points yet.
ui-adjust-title = Adjust by hand — Enter saves, Esc cancels
ui-adjust-points = Points
ui-adjust-points-hint = e.g. 50 or -20
ui-adjust-note = Note
ui-adjust-note-hint = required: why
ui-adjust-bad-points = type a number of points other than 0, e.g. 50 or -20
ui-referral-form-title = Who brought this member to the club? — Enter, Esc cancels
ui-referral-by = Brought by
ui-referral-hint = card, phone, email or no.
ui-referral-not-found = no member has that card, phone, email or number
ui-referral-title = Record who brought them?
ui-referral-question = { $referrer } brought { $name } to the club? Both get the referral bonus ({ $points } points).
ui-referral-done = Saved who brought this member; the referral bonus went to both.
ui-referral-already = This member already has someone who brought them; nothing changed.
ui-review-bonus-none = No review bonus is set up (review_bonus in the config file).
ui-review-bonus-title = Review bonus?
ui-review-bonus-question = Give { $name } the review bonus of { $points } points? It is given once per member.
ui-review-bonus-done = Review bonus given.
ui-review-bonus-already = This member had the review bonus already; it is given once.
ui-tiers-title = Tiers · { $basis } · { $days } days' grace before moving down
ui-tiers-on-spend = on spend over 12 months
ui-tiers-on-visits = on visits over 12 months
ui-tiers-edit-hint = Enter on a tier: try another minimum and see who would move before saving it.
ui-tiers-preview = At this minimum { $up } would move up to { $tier } now and { $down } would fall below their tier (now { $now }), moving down after { $days } days. Enter saves.
ui-tiers-not-number = type the minimum as a whole number
ui-tiers-between = the minimum must be above { $below } and below { $above }
ui-tiers-first-fixed = The first tier is where every member starts; its minimum stays 0.
ui-tiers-no-file = There is no config file to save to; change the minimum in the config file.
ui-tiers-cannot-edit = Cannot change { $tier } in { $path }: its minimum is not written there as "min = …". Change it in the file.
ui-tiers-saved = Saved the new minimum in the config file; tiers worked out again.
ui-tiers-moves = This month: { $up } up, { $down } down
ui-tiers-nudges = { $count ->
    [one] 1 within 10% of the next tier
   *[other] { $count } within 10% of the next tier
}
ui-tiers-none = nobody
ui-help-title-tiers = Help: tiers
ui-help-intro-tiers = Members per tier, who moved up or down this month, and who is within 10% of the next tier (worth a nudge). Tab goes from list to list; Enter on a member opens their card. Enter on a tier lets you try another minimum: the screen says how many members it would move before you save it.
ui-help-tiers = On the tiers screen
ui-help-tiers-edit = Trying another minimum
ui-help-redeem = Redeeming points
ui-help-points = In the points history
ui-help-points-form = Adjusting points or saying who brought a member
## Member add from the command line: receipts bought before signing up
cli-member-claimed = { $count ->
    [one] 1 earlier receipt (same card, phone or email) is now theirs.
   *[other] { $count } earlier receipts (same card, phone or email) are now theirs.
}

# dbsafe
err-db-busy = Another program is writing to the club's database { $path }; nothing was stored. Try again when it is done.
err-db-busy-unnamed = Another program is writing to the club's database; nothing was stored. Try again when it is done.
err-db-no-folder = The folder { $folder } for the database { $path } does not exist; nothing was created. Check the path, or make the folder first.
ui-import-waiting = Waiting: another program is writing to the club's database…
# sink
err-stdout = Cannot write the output ({ $detail }); is the disk full?
import-row-too-big = receipt { $id }: the total { $amount } is more than any receipt can be ({ $max }); is a column misread?
import-note-completed = { $count ->
    [one] One receipt stored before with fewer lines (from a file cut off, or an export without item lines) was completed from this file.
   *[other] { $count } receipts stored before with fewer lines (from a file cut off, or an export without item lines) were completed from this file.
}
import-refused-all = Nothing of { $file } was stored: no receipt could be read from its { $rows } rows ({ $rejected } rejected), so it is not marked as imported. Try again with --encoding (e.g. utf-16le, windows-1250), --format or --country.
import-refused-most = Nothing of { $file } was stored: { $rejected } of its { $rows } rows could not be read, so it is not marked as imported. Try again with --encoding (e.g. utf-16le, windows-1250), --format or --country, or add --accept-rejects to store the rows that could be read.
help-import-accept-rejects = Store a file even when more than half of its rows were rejected (the rows that could be read)
ui-import-errors-refused = Rejected rows (nothing of the file was stored)
# parse
err-config-max-receipt = max_receipt = { $value }: use a whole number of the currency from 1 to { $highest }
import-row-over-limit = "{ $column }": { $value } is more than one receipt may come to ({ $max }; max_receipt in the config)
import-row-sum-over-limit = the amounts of this row come to { $total }, more than one receipt may come to ({ $max }; max_receipt in the config)
import-row-receipt-over-limit = receipt { $id } (from line { $first }) comes to { $total }, more than one receipt may come to ({ $max }; max_receipt in the config); it is left out
import-row-qty-over-limit = "{ $column }": { $value } is more than { $max } items on one line
import-row-date-out-of-range = "{ $column }": "{ $value }" is not a day between { $first } and { $last }
import-row-cut = the file ends in the middle of this row (was it cut off?); its receipt is left out rather than stored with lines missing
import-row-bad-bytes = byte { $offset } of the file is not text in the file's encoding (a damaged byte?); the row is skipped rather than stored with a garbled name
import-row-nul = the row holds NUL bytes (is the file damaged, or saved in another encoding?)
import-row-huge-cell = "{ $column }" holds { $size } bytes, far more than a till writes in one cell (is the file damaged?)
import-note-no-money-column = The file has no "{ $column }" column; it is read as 0 on every receipt.
import-err-empty = { $path } is empty; nothing was stored.
import-err-sheet-unpacks = { $path } unpacks to { $size }, more than the { $cap } a spreadsheet may unpack to (a till's export is far smaller); it was not read and nothing was stored.
import-err-sheet-cells = { $path }: the first sheet spans { $rows } rows × { $columns } columns, more than the { $cap } cells a till's export may have; it was not read and nothing was stored.
import-err-record-too-long = line { $line } starts a record longer than { $cap } or with more than { $cells } cells (a quote never closed?); the file was not read

# h1
err-db-unknown-code = The database holds "{ $code }" in { $column }, which this version of regulars does not know; nothing was changed. Was the file used by a newer version?

# stack
# Where Esc goes: the screen below the one in front ("back to the
# counter" is ui-key-to-counter).
ui-key-back-to-welcome = back to the welcome
ui-key-back-to-signup = back to the form
ui-key-back-to-member = back to the card
ui-key-back-to-import = back to the import
ui-key-back-to-unmatched = back to the till customers
ui-key-back-to-review = back to the review
ui-key-back-to-tiers = back to the tiers
err-unknown-lang = “{ $lang }” is not a language regulars speaks; choose one of { $languages }.
msg-joined = { $first } { $second }

# jobs
ui-demo-making = Making demo members… { $done } of { $total }
ui-demo-cancel-note = Esc or Ctrl-C cancels; a cancelled fill adds nobody.
ui-demo-cancelling = Cancelling… no demo member will be added.
ui-demo-cancelled = Demo fill cancelled; no members were added.
ui-help-demo-running = While demo members are made
ui-tiers-working = Working out every member's tier…
ui-tiers-working-note = Esc goes back; the tiers are worked out all the same.
family-boy = boy
family-girl = girl
## The config file written at first start
config-shop-name = My shop
config-tier-1 = Bronze
config-tier-2 = Silver
config-tier-2-perks = 5% off every purchase
config-tier-3 = Gold
config-tier-3-perks = 10% off every purchase, a free coffee on Fridays
config-reward-1 = Free coffee
config-reward-2 = Pastry of your choice
config-reward-3 = Tote bag
## Usage errors on the command line
err-usage-unknown-arg = { $arg } is not an option of this command.
err-usage-unknown-command = “{ $command }” is not a command.
err-usage-missing = This command needs { $arg }.
err-usage-bad-value = “{ $value }” is not a value { $arg } takes.
err-usage-bad-value-choose = “{ $value }” is not a value { $arg } takes; choose one of { $valid }.
err-usage-invalid = { $arg } “{ $value }”: { $why }
err-usage-help = “regulars --help” lists the commands, “regulars COMMAND --help” their options.

# calendar13
calendar-gregorian = Gregorian
calendar-hebrew = Hebrew
calendar-chinese = Chinese
calendar-hebrew-m01 = Tishrei
calendar-hebrew-m02 = Heshvan
calendar-hebrew-m03 = Kislev
calendar-hebrew-m04 = Tevet
calendar-hebrew-m05 = Shevat
calendar-hebrew-m05l = Adar I
calendar-hebrew-m06 = Adar
calendar-hebrew-m07 = Nisan
calendar-hebrew-m08 = Iyar
calendar-hebrew-m09 = Sivan
calendar-hebrew-m10 = Tammuz
calendar-hebrew-m11 = Av
calendar-hebrew-m12 = Elul
calendar-chinese-m01 = First Month
calendar-chinese-m02 = Second Month
calendar-chinese-m03 = Third Month
calendar-chinese-m04 = Fourth Month
calendar-chinese-m05 = Fifth Month
calendar-chinese-m06 = Sixth Month
calendar-chinese-m07 = Seventh Month
calendar-chinese-m08 = Eighth Month
calendar-chinese-m09 = Ninth Month
calendar-chinese-m10 = Tenth Month
calendar-chinese-m11 = Eleventh Month
calendar-chinese-m12 = Twelfth Month
calendar-chinese-leap = Leap { $month }
calendar-hebrew-date = { $day } { $month }
calendar-chinese-date = { $month } { $day }
calendar-gregorian-day = { $day } { $month }
calendar-gregorian-this-year = ({ $gregorian } this year)
calendar-gregorian-next-year = ({ $gregorian } next year)
calendar-with-gregorian = { $date } { $gregorian }
field-bad-calendar-date = not a day of that calendar (e.g. 12 Tishrei, or 15.8 for the Chinese calendar)
err-unknown-calendar = “{ $calendar }” is not a calendar for birthdays; choose one of { $calendars }.
help-member-add-birthday-calendar = The calendar --birthday is in: gregorian, hebrew (e.g. 12 Tishrei, 14 Adar I) or chinese (day.month, e.g. 15.8; a leap month 15.4L)
ui-key-birthday-calendar = calendar
ui-help-signup-birthday = In the birthday field
ui-hint-birthday-hebrew = Hebrew: e.g. 12 Tishrei
ui-hint-birthday-chinese = Chinese: e.g. 15.8, 15.4L
ui-hint-calendar-ok = ✓ { $date } · { $gregorian }
ui-key-home-end = first / last
import-customers-unmatched = { $count ->
    [one] 1 till customer in this file has no member (regulars shows them with u)
   *[other] { $count } till customers in this file have no member (regulars shows them with u)
}
ui-import-result-unmatched-file = In this file
ui-import-result-unmatched-file-value = { $count ->
    [one] 1 till customer without a member
   *[other] { $count } till customers without a member
}

# dupes14
err-phone-taken = Phone { $phone } already belongs to member { $id } ({ $name }).
err-email-taken = Email { $email } already belongs to member { $id } ({ $name }).
err-member-ambiguous = "{ $key }" names several members: { $ids }. Give the member's id instead.
cli-duplicate-refused = Not signed up: member { $id } ({ $name }) has the same name and birthday. Add --yes to sign up anyway.
cli-check-none = No duplicates: every phone, email and card belongs to one member.
cli-check-phone = Phone { $value } is shared by members { $members }.
cli-check-email = Email { $value } is shared by members { $members }.
cli-check-card = Card { $value } is shared by members { $members }.
cli-check-name_birthday = Same name and birthday ({ $value }): members { $members }.
ui-taken-title = Already in the club
help-check = Check the database file (integrity, links between rows, the points ledger) and list phones, emails and cards shared by several members, and members with the same name and birthday (exit 1 when something is wrong)
help-member-add-yes = Sign up even when a member has the same name and birthday

# perf14
ui-review-loading = Gathering the weekly review… keys keep working.

# mistakes14
err-kin-too-old = That makes them older than { $limit } years, which is taken for a typo; check the birth date or age.
err-child-not-found = No child has the id { $id } (the ids are in member show --json).
err-pet-not-found = No pet has the id { $id } (the ids are in member show --json).
field-passed-away = Passed away
err-kin-same-name = This member already has { $name } ({ $kin }); add --yes to save it all the same.
err-needs-yes = This cannot be undone: add --yes to go ahead.
cli-child-edited = Changed child { $name } of { $member }
cli-pet-edited = Changed pet { $name } of { $member }
cli-child-removed = Removed child { $name } from { $member }
cli-pet-removed = Removed pet { $name } from { $member }
cli-pet-passed-away = { $pet }, passed away { $date }
cli-member-edited = Changed member { $id }: { $name }
help-member-edit = Change a member's details; only the options given change
help-member-edit-key = Member id, card number, phone or email
help-member-edit-json = Print the changed member as JSON
help-member-delete = Delete a member: the same as member erase (personal data removed, receipts kept without a name)
help-member-delete-key = Member id, card number, phone or email
help-member-delete-yes = Yes, delete (without it nothing is deleted)
help-child-edit = Change a child's details; only the options given change
help-child-edit-id = The child's id, as in member show --json
help-child-remove = Remove a child added by mistake
help-child-remove-id = The child's id, as in member show --json
help-pet-edit = Change a pet's details, or mark it as passed away
help-pet-edit-id = The pet's id, as in member show --json
help-pet-edit-passed-away = The day the pet passed away: it stays on the card, with no more reminders (empty clears it)
help-pet-remove = Remove a pet added by mistake
help-pet-remove-id = The pet's id, as in member show --json
ui-err-too-old = older than { $limit } years? check the date or age
ui-family-edit-child = Change a child of { $name }
ui-family-edit-pet = Change a pet of { $name }
ui-family-none-to-pick = No children or pets yet: c or p adds one
ui-family-pick-first = Pick a child or pet with f first
ui-family-pick-pet = Pick a pet with f first
ui-confirm-family-remove-title = Remove?
ui-confirm-family-remove = Remove { $name } from the card? This cannot be undone.
ui-confirm-passed-away-title = Passed away?
ui-confirm-passed-away = Mark { $name } as passed away today? It stays on the card, with no more birthday or gotcha day wishes.
ui-confirm-same-name-title = Twice?
ui-confirm-same-name = This member already has { $name }. Save it all the same?
ui-family-removed = Removed { $name }
ui-family-passed-away = { $name } marked as passed away
ui-card-passed-away = passed away { $date }
ui-key-pick-family = pick child/pet
ui-key-edit-family = change child/pet
ui-key-remove-family = remove child/pet
ui-key-pet-passed-away = pet passed away
help-redeem-json = Print JSON
help-adjust-json = Print JSON
help-demo-json = Print JSON
help-child-add-json = Print JSON
help-child-edit-json = Print JSON
help-child-remove-json = Print JSON
help-pet-add-json = Print JSON
help-pet-edit-json = Print JSON
help-pet-remove-json = Print JSON
help-member-delete-json = Print JSON
help-child-add-yes = Save even when the member already has one of that name
help-child-edit-yes = Save even when the member already has one of that name
help-pet-add-yes = Save even when the member already has one of that name
help-pet-edit-yes = Save even when the member already has one of that name
help-child-remove-yes = Yes, remove (without it nothing is removed)
help-pet-remove-yes = Yes, remove (without it nothing is removed)

# link14
ui-link-confirm-title = Link to this member?
ui-link-confirm-till = Till customer
ui-link-confirm-member = Member
ui-link-confirm-same = The names match.
ui-link-confirm-differ = ⚠ The names differ: is this the same person?
ui-link-confirm-no-name = The till wrote no name: check the card, phone or email.
ui-help-link-confirm = Before linking
ui-card-till-customers = Till customers linked
ui-card-till-hint = u unlinks, l picks another
ui-key-pick-till-customer = pick till customer
ui-key-unlink = unlink till customer
ui-till-none-linked = No till customer is linked to this member.
ui-confirm-unlink-title = Unlink?
ui-confirm-unlink = Unlink { $who } ({ $till }) from { $name }? Their receipts go back to no member, and later imports will not match them to { $name }.
ui-unlinked = Unlinked { $who } from { $name }: { $receipts } back to no member.
ui-card-more-below = ↓ more
ui-card-more-above = ↑ more

# fixes14
loyalty-err-below-zero = That would leave the balance at { $balance }, below zero; nothing changed.
cli-adjust-below-zero = That would leave the balance at { $balance }, below zero; nothing changed. Add { $flag } to take the points off all the same.
loyalty-adjusted-up = Added { $points } by hand. New balance: { $balance }.
loyalty-adjusted-down = Took off { $points } by hand. New balance: { $balance }.
ui-adjust-below-zero-title = Below zero?
ui-adjust-below-zero-question = Taking off { $points } leaves the balance at { $balance }, below zero. Take them off all the same?
help-adjust-allow-negative = Take the points off even when that leaves the balance below zero
demo-err-chain = This shop is a branch of a chain ([sync] in the config): demo members would reach every branch. Try them in another file: regulars --db demo.db
demo-err-already = { $count ->
    [one] The club already has 1 demo member
   *[other] The club already has { $count } demo members
}; nothing was added. Take them out first with { $command }.
demo-err-club-not-empty = { $count ->
    [one] The club already has 1 member
   *[other] The club already has { $count } members
}; demo members would be mixed in with them. Add { $flag } to add them all the same.
demo-err-remove-ask = { $count ->
    [one] This takes out 1 demo member
   *[other] This takes out { $count } demo members
} with their receipts and points; add { $flag } to do it.
cli-demo-removed = { $count ->
    [one] Took out 1 demo member.
   *[other] Took out { $count } demo members.
}
help-demo-yes = Add them to a club that has members too, or take them out with --remove
help-demo-remove = Take the demo members out again, with their receipts and points

# setup14
field-shop-name = Shop name
field-country = Country
field-currency = Currency
field-language = Language
field-feb29 = Feb 29 birthday
settings-feb29-feb28 = on Feb 28 in other years
settings-feb29-mar1 = on Mar 1 in other years
settings-language-name = English
settings-choose = ←→ choose
settings-currency-usual = usual there: { $currency }
settings-country-examples = e.g. { $phone }, { $date }
ui-setup-title = Your shop
ui-setup-intro = Welcome! These were guessed from your computer's language. Change what is wrong; Enter accepts them all.
ui-setup-later = All of it can be changed later under Settings (s on the counter's list, or F4).
ui-settings-title = Settings
ui-settings-intro = Saved into the config file; its comments and other settings stay as they are.
ui-settings-saved = Settings saved.
ui-settings-no-file = There is no config file to save the settings into.
ui-settings-fix = Please correct the marked settings.
ui-settings-sorting = Sorting the member lists for the new language… { $done } of { $total }
ui-settings-sorting-note = Keys keep working; Esc goes back while it finishes.
ui-key-settings = settings
ui-key-accept = accept
ui-help-title-setup = Help: your shop
ui-help-intro-setup = The first start: the shop's name, country (phone numbers, the order of dates and the usual currency follow it), currency and language. Tab moves between them; Enter saves them into the config file.
ui-help-setup = On this screen
ui-help-title-settings = Help: settings
ui-help-intro-settings = The shop's name, country, currency and language, and the day a Feb 29 birthday is celebrated in other years. Enter saves them into the config file, keeping its comments.
ui-help-settings = On this screen

# import14
import-row-ambiguous-money = "{ $column }": "{ $value }" could be thousands or decimals, and no other amount in this column shows which mark the file writes decimals with; write it as 1234.00 or 1.234,00
import-row-ambiguous-money-mixed = "{ $column }": "{ $value }" could be thousands or decimals, and this column writes decimals both with "." and with ","; write every amount of the column the same way
import-err-currency = { $file } is in { $currency } (line { $line }), but the shop's currency is { $shop }; nothing was stored. Add --currency { $currency } to store its amounts as they are.
import-note-currency = This file is in { $currency } (line { $line }) and the shop's currency is { $shop }; its amounts were stored as they are. Set the shop's currency in the config if { $shop } is not right.
import-err-currency-code = "{ $value }" is not a three-letter currency code (e.g. EUR, DKK, ILS).
import-again-done = { $file } ({ $format }) read again: { $matched } receipts without a member now have one, { $unmatched } still have none; rows rejected: { $rejected }. Nothing else was changed.
help-import-currency = The file's currency (e.g. DKK) when it is not the shop's: its amounts are stored as they are
help-import-again = Read a file imported before again (with --country or --format): its receipts without a member are matched; nothing else changes
ui-import-country = Country:
ui-import-format = Format: { $format }
ui-import-format-detect = detect
ui-import-currency-question = { $file } is in { $currency }, but the shop's currency is { $shop }. Import it with its amounts as they are? (y / n)
ui-import-result-matched = Now with a member
ui-key-import-country = country
ui-key-import-format = format
ui-key-import-again = read again
ui-help-import-country = Typing the country
ui-import-choices-hint = c country · f format · a read a file again

# review14
loyalty-cli-near = Within 10% of the next tier, the smallest amount missing first:
loyalty-col-member = Member
loyalty-col-to-next = To the next tier
ui-review-col-missing = Missing
ui-review-col-next = Next tier
ui-review-near-intro = Within 10% of the next tier, the smallest amount missing first
ui-review-no-near = Nobody is within 10% of the next tier right now.

# backup15
backup-err-exists = { $path } already exists; a backup never replaces a file. Give a new file name or a folder.
backup-err-no-file = This club has no database file to back up.
cli-backup-done = Backed up to { $path }
help-backup = Copy the database to a dated file in the backups folder (or to PATH), safely while the app or an import is writing
help-backup-path = A new file or a folder for the copy; without it, the backups folder next to the database
help-backup-json = Print JSON: the path of the copy
ui-backup-failed = The daily backup was not made: { $detail }
cli-check-sound = The database file is sound: its pages, the links between its rows and the points ledger check out.
cli-check-damaged = The database file is damaged ({ $detail }). Stop the app and restore the latest backup (see the README).
cli-check-missing-row = Row { $rowid } of { $table } refers to a row of { $parent } that does not exist.
cli-check-bad-points = Member { $member }: points row { $id } ({ $reason }, { $delta } on { $at }) cannot be right, and their balance is off by it.

# consent15
err-consent-how = "{ $value }" is not a way of giving consent; use counter, signup, import, form or cli.
err-consent-nothing = Say what changes: --grant sms,email or --withdraw sms.
err-consent-both = { $channel } cannot be granted and withdrawn at once.
consent-state-yes = yes
consent-given = given
consent-withdrawn = withdrawn
consent-how-counter = at the counter
consent-how-signup = at signup
consent-how-import = imported
consent-how-form = on a form
consent-how-cli = on the command line
cli-consent-saved = Consent of { $name } ({ $id }) saved:
signup-suppressed = { $name } starts without consent on { $channels }: that contact once asked not to be contacted. Only consent given again at the counter lets it back.
ui-card-consent-history = Consent history
ui-key-pick-consent = pick a channel
ui-key-change-consent = change consent
ui-confirm-consent-title = Change consent?
ui-confirm-consent-grant = Does { $name } agree to be contacted by { $channel } from now on?
ui-confirm-consent-withdraw = Does { $name } no longer want to be contacted by { $channel }? The contact goes on the do-not-contact list.
ui-consent-saved = Consent of { $name } saved.
help-consent = Grant or withdraw a member's consent to be contacted, per channel
help-consent-key = Member id, card number, phone or email
help-consent-grant = Channels the member agrees to from now on, e.g. sms,email
help-consent-withdraw = Channels the member no longer agrees to, e.g. sms
help-consent-how = Where it was given: counter, signup, import, form or cli
help-consent-json = Print the consent now as JSON
err-export-channel = Contacts are exported for sms or email, not "{ $value }".
cli-export-written = { $count ->
    [one] 1 contact written to { $path }
   *[other] { $count } contacts written to { $path }
}
cli-export-raw = Phones are written as +E.164 for an SMS tool and are not guarded against spreadsheet formulas.
help-export = Lists for messages sent elsewhere
help-export-contacts = Members who agreed to messages on a channel, as CSV or vCard (not suppressed, not erased)
help-export-contacts-channel = sms or email
help-export-contacts-out = The file to write (default: the export folder)
help-export-contacts-raw = Phones as +E.164 for SMS tools, not guarded against formulas

# segments15
segment-err-empty = The segment is empty: write a condition such as tier=Gold.
segment-err-unknown-word = Unknown word “{ $found }” at character { $at }. The words are: tier, pet, children, child_age, age, birthday_month, area, tag, language, visits_12m, spend_12m, last_visit, bought, category, source, usual_day, usual_hour, occupation.
segment-err-bad-value = “{ $found }” is not a value for { $word } (character { $at }).
segment-err-bad-op = { $word } does not take “{ $found }” (character { $at }).
segment-err-needs-value = { $word } needs a value, such as { $word }=… (character { $at }).
segment-err-end = A condition is missing at the end (character { $at }).
segment-err-unclosed = “{ $found }” at character { $at } is not closed.
segment-err-unexpected = Unexpected “{ $found }” at character { $at }.
segment-err-unknown-tier = There is no tier “{ $tier }”. The tiers are: { $tiers }.
segment-err-unknown-name = No saved segment is called “{ $name }”.
segment-err-bad-name = A segment's name must not be empty or hold an = sign: “{ $name }”.
segment-saved = Saved the segment “{ $name }”: { $expr }
segment-none-saved = No saved segments yet.
segment-members = { $count ->
    [one] { $shown } member
   *[other] { $shown } members
}
segment-no-data = Nothing is recorded yet for { $word }, so it matches no one.
help-segment = Save, list and show segments: members picked by an expression such as pet=dog and children
help-segment-save = Save an expression under a name
help-segment-save-name = The segment's name
help-segment-save-expr = The expression, e.g. tier=Gold and pet=dog
help-segment-list = The saved segments and their expressions
help-segment-show = A saved segment's expression and how many members it holds today
help-segment-show-name = The segment's name
help-segment-show-json = Print JSON: name, expr, count and member_ids
ui-key-segments = segments
ui-key-save-segment = save under a name
ui-key-saved-segments = saved segments
ui-key-load-segment = load
ui-key-segment-expression = the expression
ui-segments-title = Segments
ui-segments-expression = Expression
ui-segments-example = For example: pet=dog and children, tier=Gold and not area=10000, visits_12m>=5 or spend_12m>=500
ui-segments-name = Save as
ui-segments-saved = Saved segments
ui-help-title-segments = Help: segments
ui-help-intro-segments = A segment picks members by what the club knows about them. Join conditions with and, or, not and brackets: tier=Gold, pet=dog, children, child_age=3..6, age=30..45, birthday_month=12, area=10000, tag=vegan, language=he, visits_12m>=5, spend_12m>=500, last_visit<2026-09-01, bought=Birthday cake, category=Cakes, source, usual_day=sat, usual_hour=7..9, occupation. The number of members is counted as you type; a mistake is named under the field.
ui-help-segments = Typing the expression
ui-help-segments-list = In the saved segments
ui-help-segments-name = Typing the name to save under
segment-counting = counting…

# tuiexport15
help-export-contacts-vcard = vCard 4.0 instead of CSV, one card per member, for an address book
ui-key-export-segment = export
ui-key-export-channel = SMS or email
ui-key-export-format = CSV or vCard
ui-key-export-write = write the file
ui-help-contacts-export = Exporting contacts
ui-export-title = Export contacts: { $name }
ui-export-channel = Channel
ui-export-format = Format
ui-export-csv = CSV
ui-export-vcard = vCard
ui-export-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
ui-export-will-write = { $written } will be written; { $left } left out without consent
ui-export-written = { $written } written to { $path }; { $left } left out without consent
ui-segments-export-empty = Type a segment first: the export writes its members.

# erase15
help-member-export = Everything stored about a member, as JSON: details, children, pets, consent, receipts, points, contact log
help-member-export-key = Member id, card number, phone or email (of an erased member: the id)
help-member-export-out = Write to this file (readable by you only) instead of printing
cli-member-exported = Everything stored about member { $id } is in { $path }
help-member-erase = Erase a member: name, contacts, birthday, family, points and notes removed; receipts kept without a name; contacts put on the do-not-contact list
help-member-erase-key = Member id, card number, phone or email
help-member-erase-yes = Yes, erase (without it nothing is erased)
help-member-erase-json = Print JSON
err-erase-needs-yes = Erasing member { $id } ({ $name }) removes their name, phone, email, card, birthday, area, note, service notes, children, pets, points, tier and contact log, and the name and contacts on their receipts; the receipts stay without a name and the consent log and anonymous feedback answers stay. This cannot be undone: add --yes to go ahead.
cli-member-erased = Erased member { $id } ({ $name }). Their receipts stay, without a name.

# merge15
merge-err-same = A member cannot be merged with themselves (member { $id }).
merge-err-erased = Member { $id } was erased and cannot be merged.
merge-field-tags = Tags
merge-what-receipts = Receipts
merge-what-points = Points entries
merge-what-children = Children
merge-what-pets = Pets
merge-what-consents = Consent records
merge-what-contact_log = Contact log entries
merge-what-customer_links = Linked till customers
merge-what-referred = Members they brought
merge-what-feedback = Feedback answers
merge-preview-title = Merge member { $drop } ({ $drop_name }) into member { $keep } ({ $keep_name }):
merge-moves = Moves to member { $keep }:
merge-fills = Filled in from member { $drop }:
merge-joins = Put together:
merge-differs = Both have, member { $keep }'s stays:
merge-points = Points of both together: { $points }
merge-nothing = nothing
merge-needs-yes = Nothing was merged: add --yes to merge member { $drop } into member { $keep }.
merge-done = Merged member { $drop } into member { $keep } ({ $name }); points now { $points }.
help-member-merge = Merge DROP into KEEP: every receipt, point, child, pet, consent and note of both kept on KEEP
help-member-merge-keep = The member kept: id, card number, phone or email
help-member-merge-drop = The member merged into KEEP, then no longer a member
help-member-merge-yes = Yes, merge (without it only what would happen is shown)
help-member-merge-json = Print JSON
merge-why-phone = same phone
merge-why-email = same email
merge-why-card = same card
merge-why-name_birthday = similar name, same birthday
merge-why-till_customer = one till customer
ui-key-duplicates = duplicates
ui-key-merge-preview = what merging does
ui-key-swap-kept = swap which is kept
ui-key-merge = merge
ui-duplicates-title = Duplicates
ui-duplicates-finding = Looking for members who may be one person…
ui-duplicates-none = No likely duplicates: no two members share a phone, email or card, a name and birthday, or a till customer.
ui-help-title-duplicates = Help: duplicates
ui-help-intro-duplicates = Pairs of members who are likely one person: the same phone, email or card, a name alike with the same birthday, or one till customer's receipts on both. Merging keeps every receipt, point, child, pet, consent record and note of both on the member kept.
ui-help-duplicates = In the list of pairs
ui-help-duplicates-preview = In what merging would do

# erasetui15
ui-key-erase = erase
ui-key-export-member = export data
ui-confirm-erase-title = Erase member?
ui-confirm-erase =
    Erase { $name }? This cannot be undone.
    Removed: name, phone, email, card, birthday, children and pets, points and tier, contact log, service notes, and the links to till customers.
    Kept: their purchases, without a name, so the shop's totals stay the same; the consent record; their phone and email on the do-not-contact list.
ui-erased = Erased { $name }. Their purchases stay, without a name.
ui-confirm-export-member-title = Export member's data?
ui-confirm-export-member =
    Write everything the club keeps about { $name } (details, children and pets, consent history, receipts, points, notes and contact log) to a JSON file only you can read?
    It goes in { $folder }, named with their number and today's date.
ui-member-exported = Everything stored about { $name } is in { $path }
ui-export-member-no-file = This club is not kept in a file, so there is no exports folder to write to.

# stats16
config-source-friend = friend or family
config-source-neighbour-shop = neighbour shop
config-source-supplier = supplier
config-source-social-media = social media
config-source-walked-past = walked past
config-source-event = event
config-source-staff = staff
config-source-business-network = chamber of commerce or business network
err-config-stats = { $key } = { $value } is out of range: lapse_days is a whole number of days from 1 up, lifespan_years a number of years above 0 and at most 100
err-feedback-range = { $what } answer { $value } is out of range: use a whole number from { $lowest } to { $highest }
err-source-unknown = "{ $name }" is not one of the sources in the config: { $sources }
cli-feedback-saved = { $what } { $score } saved for { $name } (#{ $id })
cli-feedback-saved-anonymous = { $what } { $score } saved, anonymous
help-member-add-referred-by = The member who brought them: id, card number, phone or email
help-member-add-source = How they found the shop, one of the config's sources, e.g. "walked past"
help-feedback = Record a feedback answer from the counter: NPS 0–10 or CSAT 1–5
help-feedback-key = Member id, card number, phone or email
help-feedback-anonymous = An answer from someone who is not named
help-feedback-nps = How likely they are to recommend the shop, 0–10
help-feedback-csat = How satisfied they are, 1–5
help-feedback-json = Print the saved answer as JSON
help-stats = Club health: retention, churn, NPS, CSAT, lifetime value and members' share of sales
help-stats-from = First day of the period (default: 364 days before the last)
help-stats-to = Last day of the period (default: today)
help-stats-shop = Only this branch of the chain: its receipts, and the members who signed up or bought there
help-stats-json = Print the figures as JSON
stats-title = Club health, { $from } – { $to } ({ $days } days)
stats-members = Members
stats-new-members = New members
stats-active-start = Active at the start
stats-active-end = Active at the end
stats-lost = Lost during the period
stats-retention = Retention rate
stats-churn = Churn rate
stats-nps = NPS
stats-csat = CSAT
stats-answers = { $count ->
    [one] { $shown } answer
   *[other] { $shown } answers
}
stats-cltv = Customer lifetime value
stats-avg-basket = Average basket
stats-visits-per-year = Visits per year
stats-lifespan = Years a member stays
stats-member-share = Members' share of sales
stats-undefined = —
stats-sources = How new members found us
stats-source-line = { $count } new, { $spend } in 12 months
stats-top-referrers = Brought the most new members
err-stats-period = The period would end on { $to }, before it starts on { $from }
cli-branch = Branch: { $name }
err-shop-unknown = No branch is called "{ $name }". Branches known: { $known }
err-shop-unknown-none = No branch is called "{ $name }": no receipt or member names a branch yet, and this shop has no name of its own ([sync] shop in the config file)

# statsscreen16
ui-key-stats = club figures
ui-key-stats-formula = formula
ui-key-stats-month = ±1 month
ui-key-stats-other = other figure
ui-help-stats = On the Stats screen
ui-help-stats-formula = How a figure is worked out
stats-screen-working = Working out the figures…
stats-screen-chart-working = Drawing the last 12 months…
stats-screen-undefined = not defined
stats-screen-why-start = Not defined: no member was active on the first day of the period.
stats-screen-why-answers = Not defined: no answers in the period.
stats-screen-why-sales = Not defined: nothing was bought in the period.
stats-screen-why-parts = Not defined: one of its three parts is not defined.
stats-screen-why-visits = Not defined: no member visited in the period.
stats-screen-not-after-today = The period cannot end after today.
stats-screen-active-rule = Active: visited in the { $days } days up to that day.
stats-screen-chart = Last 12 months
stats-screen-chart-members = members
stats-screen-chart-active = active
stats-screen-period = Period: { $from } – { $to }, { $days } days
stats-screen-new-active = Active at the end who joined in the period
stats-screen-answers = Answers
stats-screen-promoters = Answers 9–10
stats-screen-detractors = Answers 0–6
stats-screen-satisfied = Answers 4 or 5
stats-screen-member-net = Members' sales minus refunds
stats-screen-member-receipts = Members' sale receipts
stats-screen-member-visits = Members' visits (days with a sale)
stats-screen-members-visiting = Members who visited
stats-screen-all-net = Everyone's sales minus refunds
stats-screen-days = Days in the period
stats-screen-lifespan-setting = Years set in the config
stats-formula-members = Members who had joined by the last day of the period; erased members are left out.
stats-formula-new-members = Members who joined in the period, active or not.
stats-formula-active-start = S = members active on the first day of the period.
stats-formula-active-end = E = members active on the last day of the period.
stats-formula-lost = Members active on the first day (S) and no longer on the last (E).
stats-formula-retention = Retention = (E − N) ÷ S × 100
stats-formula-churn = Churn = lost ÷ S × 100
stats-formula-nps = NPS = % of answers 9–10 − % of answers 0–6
stats-formula-csat = CSAT = % of answers 4 or 5
stats-formula-cltv = Lifetime value = average basket × visits per year × years a member stays
stats-formula-avg-basket = Average basket = members' sales minus refunds ÷ their sale receipts
stats-formula-visits-per-year = Visits per year = visits ÷ members who visited × 365 ÷ days in the period
stats-formula-lifespan = Years a member stays = 1 ÷ churn per year, at most 10 (unless set in the config)
stats-formula-member-share = Members' share = members' sales ÷ everyone's sales × 100 (refunds taken off)

# notes16
note-kind-note = Note
note-kind-request = Request
note-kind-complaint = Complaint
note-open = open
note-resolved-on = resolved { $date }: { $how }
err-note-kind = "{ $kind }" is not a kind of note: use one of { $kinds }
err-note-empty = The note is empty: write what to remember
err-note-how-empty = Write what was done to resolve it
err-note-not-found = There is no note #{ $id }
err-note-plain = Note #{ $id } is a plain note: only requests and complaints are resolved
err-note-resolved = Note #{ $id } was resolved already on { $at }
cli-note-added = { $kind } #{ $id } added for { $name }
cli-note-none = No notes
cli-note-resolved = { $kind } #{ $id } resolved; the note stays in the member's history
merge-what-notes = Service notes
help-note = Service notes: notes, requests and complaints, and how they were resolved
help-note-add = Add a note, request or complaint to a member
help-note-add-key = Member id, card number, phone or email
help-note-add-kind = note, request or complaint
help-note-add-text = What to remember
help-note-add-json = Print the new note as JSON
help-note-list = Notes of a member, or of everyone, newest first
help-note-list-key = Member id, card number, phone or email (none: every member)
help-note-list-open = Only requests and complaints not resolved yet
help-note-list-json = Print JSON: id, member_id, kind, text, at, resolved_at, resolution
help-note-resolve = Resolve a request or complaint with what was done
help-note-resolve-id = The note's number
help-note-resolve-how = What was done

# feedback16
ui-key-ask-nps = ask: recommend us? 0–10
ui-key-ask-csat = ask: satisfied today? 1–5
ui-key-survey = ask the survey
ui-key-feedback-score = answer
ui-key-feedback-ten = 10
ui-key-feedback-pick = pick
ui-key-feedback-store = store the answer
ui-key-survey-skip = skip
ui-key-survey-stop = stop
ui-feedback-title = Feedback: { $name }
ui-feedback-title-anonymous = Feedback (anonymous)
ui-feedback-nps-question = How likely are you to recommend us? 0–10
ui-feedback-nps-ends = 0 = not at all likely, 10 = extremely likely
ui-feedback-csat-question = How satisfied were you today? 1–5
ui-feedback-csat-ends = 1 = very unsatisfied, 5 = very satisfied
ui-feedback-keys = One key stores the answer: { $keys }
ui-feedback-keys-ten = One key stores the answer: { $keys }, = for 10
ui-feedback-esc = Esc asks nothing.
ui-feedback-saved-anonymous = { $what } { $score } saved, anonymous
ui-feedback-saved-bonus = { $what } { $score } saved for { $name }, with the review bonus: { $points }
ui-feedback-saved-no-bonus = { $what } { $score } saved for { $name }; no review bonus this time (given already, or none set)
ui-help-feedback = The feedback question
ui-help-title-feedback = Help: feedback
ui-help-intro-feedback = Ask the question as it is written and press the key of the answer: it is stored at once with today's date. From a member's card the answer is theirs (and may earn the review bonus once per period); from the counter's list it is anonymous.
ui-survey-none = No survey questions yet: the owner writes up to five in the config, under [[survey.questions]]
ui-survey-done = { $count ->
    [one] 1 survey answer stored for { $name }
   *[other] { $count } survey answers stored for { $name }
}
ui-survey-title = Survey: { $name } · question { $number } of { $total }
ui-survey-answer = Answer
ui-survey-keys-text = Type the answer, Enter stores it. Tab skips, Esc stops.
ui-survey-keys-skip = Tab or s skips. Esc stops; the answers given stay stored.
ui-help-survey-pick = A question with a scale or choices
ui-help-survey-text = A question answered in words
ui-help-title-survey = Help: the survey
ui-help-intro-survey = The owner's own questions, from the config, one at a time. Each answer is stored the moment it is given, with today's date and the question's words, so a later edit of the config does not relabel it.
ui-stats-survey-none = No survey questions in the config yet: add up to five under [[survey.questions]].
ui-key-stats-survey = survey
ui-key-stats-survey-back = back to the figures
ui-help-stats-survey = On the survey page
ui-help-title-stats_survey = Help: survey answers
ui-help-intro-stats_survey = Each survey question with the answers of the Stats screen's period: the mean of a scale, how many chose each choice, the latest five answers in words.
err-survey-too-many = { $count } survey questions: at most { $most } are asked at the counter
err-survey-no-text = survey question { $number } has no text: write the question as it is asked
err-survey-twice = survey question { $number } "{ $text }" is there twice: answers are taken back by the question's words, so each must differ
err-survey-choices = survey question { $number } "{ $text }": a choice question needs 2 to { $most } different choices, e.g. choices = ["Oat", "Soy"]
err-survey-choices-unused = survey question { $number } "{ $text }" is of kind { $kind }, which has no choices: remove choices, or use kind = "choice"
err-survey-none = There are no survey questions in the config: add up to five under [[survey.questions]], each with text and kind (nps, csat, choice or text)
survey-answer-nps = 0–10 (0 = not at all likely, 10 = extremely likely)
survey-answer-csat = 1–5 (1 = very unsatisfied, 5 = very satisfied)
survey-answer-choice = one of: { $choices }
survey-answer-text = in your own words
err-survey-import-read = { $path }: cannot read it as CSV: { $detail }
err-survey-import-column = { $path }: the column "{ $column }" is no question of the survey in the config (a question edited since the export?); nothing was imported
err-survey-import-no-member = { $path }: no "member" column (a member's id, phone, email or card); nothing was imported
err-survey-import-no-question = { $path }: no column is headed with a survey question's words; nothing was imported
err-survey-import-answer = "{ $value }" does not answer "{ $column }": give { $expected }
err-survey-import-no-key = answers without a member: the member column is empty
cli-survey-exported = { $count ->
    [one] 1 member to ask written to { $path }; the questions are in { $questions }
   *[other] { $count } members to ask written to { $path }; the questions are in { $questions }
}
cli-survey-skipped = { $path }:{ $line }: skipped: { $problem }
cli-survey-imported = { $count ->
    [one] Answers of 1 member imported ({ $answers } answers); { $skipped } rows skipped
   *[other] Answers of { $count } members imported ({ $answers } answers); { $skipped } rows skipped
}
stats-survey = Survey
stats-survey-question = { $number }. { $question } ({ $answers })
stats-survey-mean = Mean
stats-survey-latest = Latest
merge-what-survey_answers = Survey answers
help-survey = The owner's survey: export the questions and who to ask, import the answers
help-survey-export = Write the questions and the consenting members to ask (as export contacts chooses them)
help-survey-export-channel = sms or email
help-survey-export-segment = Only the members of this segment: a saved segment's name or an expression
help-survey-export-out = The file to write (default: the export folder); the questions go beside it
help-survey-export-json = Print the files, the questions and the number of members as JSON
help-survey-import = Take answers back from a CSV: a member column and one column per question
help-survey-import-file = The CSV file, e.g. the exported list filled in
help-survey-import-json = Print what was imported and the rows skipped as JSON
ui-stats-survey-title = Survey answers, { $from } – { $to }

# events16
event-field-date = Date
err-event-name = The event needs a name
err-event-capacity = A capacity of { $value } is not a number of people: write 1 or more, or leave it out
err-event-not-found = There is no event #{ $id }
err-event-attended-twice = { $name } was marked as come to { $event } already ({ $at })
cli-event-added = Event #{ $id } added: { $name } on { $date }
event-none = No events yet
event-invited-came = invited { $invited }, came { $came }
event-invite-written = { $count ->
    [one] 1 member invited; the list was written to { $path }
   *[other] { $shown } members invited; the list was written to { $path }
}
event-invite-left-out = { $count ->
    [one] 1 member of the segment was left out: no consent on this channel, no contact for it, or on the do-not-contact list
   *[other] { $count } members of the segment were left out: no consent on this channel, no contact for it, or on the do-not-contact list
}
event-invite-over = { $invited } invited for { $capacity } places: { $over } over the capacity
event-attended = { $name } came to { $event }
event-attended-uninvited = { $name } came to { $event } (not invited)
event-after-title = The 90 days after: { $from } – { $to }
event-after-incomplete = not complete yet
event-group-came = Came
event-group-others = Active members not invited
event-group-line = { $count ->
    [one] { $group }: 1 member, { $visits } visits and { $spend } on average
   *[other] { $group }: { $members } members, { $visits } visits and { $spend } each on average
}
event-group-nobody = { $group }: nobody
merge-what-event_invites = Event invitations
merge-what-event_attendance = Events attended
help-event = Club events: add, list, invite a segment, mark who came, the 90 days after
help-event-add = Add a club event
help-event-add-name = What the event is called
help-event-add-date = The event's day
help-event-add-capacity = How many people can come (none: no limit)
help-event-add-json = Print the new event as JSON
help-event-list = Every event, the latest first
help-event-list-json = Print JSON: id, name, date, capacity, invited_count, attended_count
help-event-invite = Invite the members of a segment who agreed to the channel, and write their contact list
help-event-invite-id = The event's number
help-event-invite-segment = A saved segment's name or an expression, e.g. "pet=dog"
help-event-invite-channel = sms or email
help-event-invite-out = The file to write (default: the exports folder beside the database)
help-event-attend = Mark a member as come to an event
help-event-attend-id = The event's number
help-event-attend-key = Member id, card number, phone or email
help-event-show = Who was invited, who came, and the 90 days after
help-event-show-id = The event's number
help-event-show-json = Print JSON: id, name, date, capacity, invited, attended, after_90d
ui-key-events = events
ui-key-new-event = new event
ui-key-mark-came = came / not
ui-key-invite = invite
ui-key-invite-channel = SMS / email
ui-key-invite-write = invite and write the list
ui-key-mark-picked = came to this one
ui-key-came-to-event = came to today's event
ui-key-back-to-events = back to the events
ui-help-title-events = Help: events
ui-help-intro-events = Club events: workshops, tastings, a reading hour. Each row shows the day, how many were invited against the capacity, and how many came. n adds an event; Enter opens it.
ui-help-title-event = Help: event
ui-help-intro-event = Who was invited and who came, and the 90 days after the event: visits and spend per member of those who came, against the active members not invited. i invites the members of a segment who agreed to the channel and writes their contact list; Space marks who came.
ui-help-title-event-pick = Help: which event
ui-help-intro-event-pick = Pick the event the member came to; Enter marks them.
ui-help-events = On the Events screen
ui-help-events-form = A new event
ui-help-event = On an event
ui-help-event-invite = Inviting a segment
ui-help-event-pick = Picking the event
ui-events-title = Club events
ui-events-loading = Reading the events…
ui-events-empty = No events yet: n adds one (a name, a day, how many can come).
ui-events-col-date = Day
ui-events-col-name = Event
ui-events-col-invited = Invited
ui-events-col-came = Came
ui-events-form-title = New event
event-field-capacity = Capacity
ui-events-capacity-hint = empty: no limit
ui-events-added = { $name } added for { $date }
ui-event-loading = Working out the 90 days after…
ui-event-guests = Invited and came
ui-event-no-guests = Nobody invited or come yet: i invites a segment.
ui-event-not-invited = not invited
ui-event-invite-title = Invite to { $name }
ui-event-invite-segment = Segment
ui-event-invite-channel = Channel
ui-event-invite-example = A saved segment's name or an expression, e.g. pet=dog and children. Only members who agreed to the channel are invited.
ui-event-invite-saved = Saved segments: { $names }. Only members who agreed to the channel are invited.
ui-event-pick-title = Which event did they come to?
ui-event-pick-none = There are no events yet: add one on the Events screen (e on the counter's list).

# notestui16
ui-key-add-note = add note
ui-key-resolve-note = resolve request/complaint
ui-key-note-kind-note = note
ui-key-note-kind-request = request
ui-key-note-kind-complaint = complaint
ui-key-pick-open-note = pick which
ui-key-resolve-save = resolve
ui-help-note-kind = A new note: what kind it is
ui-help-note-text = Typing the note
ui-help-note-resolve = Resolving a request or complaint
ui-note-add-title = A note for { $name }
ui-note-kind-title = { $kind } for { $name }
ui-note-resolve-title = Resolve for { $name }
ui-note-what-was-done = What was done
ui-note-which-kind = What is it? One key:
ui-note-kind-esc = Esc: no note after all
ui-note-hint-note = something to remember about them
ui-note-hint-request = something they asked for; open until done
ui-note-hint-complaint = something went wrong; open until resolved
ui-note-which-open = Which one (↑↓):
ui-note-added = { $kind } saved on { $name }'s card
ui-note-resolved = { $kind } of { $name } resolved; it stays in their notes
ui-note-none-open = No open request or complaint to resolve
ui-note-open-mark = ⚑
ui-card-notes = Service notes
ui-card-notes-hint = n adds a note, t resolves
ui-card-open-complaints = { $count ->
    [one] ⚑ open complaint
   *[other] ⚑ { $count } open complaints
}
ui-card-open-requests = { $count ->
    [one] ⚑ open request
   *[other] ⚑ { $count } open requests
}
ui-review-tab-open-notes = Unresolved
ui-review-open-notes-intro = Open requests and complaints, the longest waiting first
ui-review-no-open-notes = No request or complaint waits: every one was resolved.
ui-review-col-open-since = Open since
ui-review-open-notes-hint = Enter opens the card; t there resolves it with what was done

# referral16
signup-found-us = Found us via
signup-found-us-title = How did they find us?
signup-found-us-placeholder = part of a member's name, phone, card or email
signup-found-us-members = Brought by a member
signup-found-us-sources = Or found us through
signup-found-us-hint = type a name, Space: list
signup-found-us-brought = brought them
signup-found-us-bonus = { $referrer } brought { $name }: both got the referral bonus ({ $points } points).
signup-found-us-noted = Noted that { $referrer } brought { $name }.
signup-found-us-key-list = list
signup-found-us-key-pick = choose
signup-found-us-help = On "How did they find us?"
signup-found-us-help-pick = Choosing how they found us
stats-screen-chart-churn-title = Churn by month
stats-screen-chart-nps-title = NPS by month
stats-screen-chart-churn = churn
stats-screen-chart-nps = NPS
stats-screen-key-period = period
stats-screen-key-sources = sources
stats-screen-key-figures = figures
stats-screen-key-show = show
stats-screen-help-sources = On the Sources page
stats-screen-help-period = Typing the period
stats-period-title = Period
stats-period-from = From
stats-period-to = To
stats-period-hint = Write dates like { $example } or 2025-11-24.
stats-period-bad-date = { $field }: "{ $value }" is not a date; write it like { $example }
stats-period-after-today = { $field }: the period cannot end after today ({ $today })
stats-period-order = { $from_field } ({ $from }) is after { $to_field } ({ $to })
stats-sources-none = No new member of the period named a source.
stats-sources-col-source = Source
stats-sources-col-new = New members
stats-sources-col-spend = Spent in 12 months
stats-referrers-col-member = Member
stats-referrers-col-brought = Brought
stats-referrers-none = No new member of the period was brought by a member.

# square17
ui-unmatched-till-customer = till customer { $id }
import-note-unknown-zone = Line { $line }: { $column } "{ $value }" is not a time zone this app knows; receipts in it keep their time as written, with no UTC time.

# stats events page
stats-screen-key-events = events
stats-screen-help-events = The Events page
stats-events = Club events of the period, and the 90 days after each
stats-events-none = No events in this period (e on the counter's list adds one).
stats-events-line = { $date } · { $name } · { $counts }

# mapping17
import-err-near-miss = { $path } looks like a { $format } export, but it lacks { $missing }: { $hint }; nothing was stored.
import-hint-square-columns = show all columns in the Square dashboard before exporting
import-hint-all-columns = export it again with all columns, or say which column is what with --map receipt=COLUMN,time=COLUMN,total=COLUMN
import-export-square-items = Square Item Sales
import-export-square-transactions = Square Transactions
import-export-loyverse-receipts = Loyverse Receipts
import-export-loyverse-items = Loyverse Receipts by item
import-export-shopify-orders = Shopify Orders
import-export-odoo-pos = Odoo Point of Sale
import-export-sumup = SumUp Transactions
import-export-mobilepay = MobilePay
import-export-zettle = Zettle
import-err-map-role = "{ $value }" in --map is not ROLE=COLUMN with one of the roles receipt, time, total, item, qty, amount, kind, phone, email, card (each once).
import-err-map-missing = --map does not say which column is { $role }: receipt, time and total are needed.
import-err-map-column = { $path } has no column "{ $column }" (given for { $role } in --map); nothing was stored.
import-err-map-twice = Column "{ $column }" is given for two roles in --map.

# the import screen's mapping step
ui-map-unknown = { $file } is not an export this app knows. Say which column is what (* is needed); the first rows below show how the file would be read.
ui-map-near-miss = { $file } looks like a { $format } export, but it lacks { $missing }. Export it again with all columns, or say here which column is what (* is needed).
ui-map-near-miss-square = { $file } looks like a { $format } export, but it lacks { $missing }: show all columns in the Square dashboard before exporting, or say here which column is what (* is needed).
ui-map-role-receipt = Receipt number
ui-map-role-time = Date and time
ui-map-role-total = Total
ui-map-role-item = Item
ui-map-role-qty = Quantity
ui-map-role-amount = Line amount
ui-map-role-kind = Sale or refund word
ui-map-role-phone = Phone
ui-map-role-email = Email
ui-map-role-card = Club card
ui-map-none = none
ui-map-col-line = Line
ui-map-col-receipt = Receipt
ui-map-col-date = Date
ui-map-col-total = Total
ui-map-col-customer = Customer
ui-map-missing = Pick the column of { $role } with ←→: it is needed to read the rows.
ui-map-rejected = { $count ->
    [one] One of these rows cannot be read and would be skipped: is a column wrong?
   *[other] { $count } of these rows cannot be read and would be skipped: is a column wrong?
}
ui-map-ready = Enter imports; the mapping is kept for the next file with these columns.
ui-map-needed = { $role } is needed: pick its column with ←→ first.
ui-key-map-role = role
ui-key-map-column = column
ui-key-map-none = no column
ui-key-map-import = import
ui-map-by-hand = Say which column of { $file } is what (* is needed); the rows below show how it would be read, and Enter keeps this mapping.
ui-map-no-header = { $file } has no header row naming three columns, so its columns cannot be mapped.
ui-key-map-columns = say which column is what
ui-help-import-mapping = Saying which column is what

# A chain of shops (sync)
help-sync = Send this shop's changes to the chain's server and bring in the other branches' (needs [sync] url and shop in the config)
help-sync-init = Create the chain's tables on the server, or bring them up to date (once per chain, and after an update)
help-sync-json = Print JSON: shop, server (without password), pushed and pulled per kind
err-sync-no-url = This shop belongs to no chain: set [sync] url = "postgres://user:password@host/db" in the config (or REGULARS_SYNC_URL).
err-sync-no-shop = This branch has no name in the chain: set [sync] shop = "Harbour" in the config (or REGULARS_SHOP).
err-sync-unreachable = Could not reach the chain's server { $server }: { $reason }. Nothing was synced; the shop works on as before.
err-sync-server = The chain's server { $server } failed: { $reason }. What was synced before stays; run sync again later.
err-sync-no-schema = The chain's server { $server } has no tables for regulars yet (or older ones): run `regulars sync --init` once.
err-sync-server-newer = The chain's server was set up by a newer version of regulars (chain schema { $found }; this app knows up to { $known }). Update the app; nothing was changed.
err-sync-stopped = The sync was stopped; what was synced so far stays, and the next sync does the rest.
cli-sync-init-new = The chain's tables are ready on { $server }.
cli-sync-init-current = The chain's tables on { $server } were already up to date.
cli-sync-init-migrated = The chain's tables on { $server } were brought up to date.
cli-sync-done = Synced { $shop } with { $server }
cli-sync-sent = Sent: { $what }
cli-sync-received = Received: { $what }
cli-sync-nothing = nothing
cli-sync-list-separator = {", "}
cli-sync-progress-push = Sending
cli-sync-progress-pull = Receiving
cli-sync-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
cli-sync-receipts = { $count ->
    [one] 1 receipt
   *[other] { $count } receipts
}
cli-sync-ledger = { $count ->
    [one] 1 points entry
   *[other] { $count } points entries
}
cli-sync-consents = { $count ->
    [one] 1 consent record
   *[other] { $count } consent records
}
cli-sync-family = { $count ->
    [one] 1 child or pet
   *[other] { $count } children and pets
}
cli-sync-notes = { $count ->
    [one] 1 service note
   *[other] { $count } service notes
}
cli-sync-contacts = { $count ->
    [one] 1 contact log entry
   *[other] { $count } contact log entries
}
cli-sync-feedback = { $count ->
    [one] 1 feedback answer
   *[other] { $count } feedback answers
}
cli-sync-events = { $count ->
    [one] 1 event record
   *[other] { $count } event records
}
cli-sync-erasures = { $count ->
    [one] 1 erasure
   *[other] { $count } erasures
}
cli-sync-merges = { $count ->
    [one] 1 merge
   *[other] { $count } merges
}
cli-sync-suppression = { $count ->
    [one] 1 do-not-contact entry
   *[other] { $count } do-not-contact entries
}

## The chain's sync in the title bar
ui-sync-starting = syncing…
ui-sync-just-now = synced just now
ui-sync-synced = { $minutes ->
    [one] synced 1 min ago
   *[other] synced { $minutes } min ago
}
ui-sync-offline = offline since { $time }
ui-sync-failed = The chain could not be synced; the shop works as before and tries again: { $detail }
