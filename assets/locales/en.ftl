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
field-bad-phone = not a phone number (e.g. 091 234 5678 or +385 91 234 5678)
field-bad-email = not an email address (e.g. ana@example.com)
field-bad-date = not a date (e.g. 14.3. or 14.3.1986)
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
cli-demo-done = Added { $count } demo members.
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

## Import of till exports
help-import = Import till exports: Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle or the plain CSV
help-import-files = Export files (CSV or xlsx); the same file twice is stored once
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
