# Falls back to en.ftl for every message not listed here.

## Errors (one line each, they end up on stderr)
err-unexpected = Nešto je pošlo po zlu; ništa nije promijenjeno.
err-today-format = "{ $value }" nije datum; upišite GGGG-MM-DD, npr. 2026-03-14.
err-database = Greška baze podataka: { $detail }
err-file = Datoteka { $path } ne može se koristiti: { $detail }
err-config = Datoteka postavki { $path }:{ $line }: { $detail }
err-config-country = "{ $value }" nije dvoslovna oznaka zemlje (npr. HR, IL, US)
err-config-currency = "{ $value }" nije oznaka valute koju ovaj program poznaje (npr. EUR, USD, ILS, DKK)
err-db-newer = Ovu bazu podataka zapisala je novija verzija programa regulars (shema { $found }; ovaj program poznaje do { $known }). Ažurirajte program; ništa nije promijenjeno.
err-db-open = Baza podataka { $path } ne može se otvoriti: { $detail }
err-db-not-sqlite = { $path } nije baza podataka programa regulars (nije SQLite datoteka); ništa nije promijenjeno.
err-db-foreign = { $path } je SQLite baza podataka nekog drugog programa, a ne programa regulars; ništa nije promijenjeno.
err-no-data-dir = Nije pronađena mapa s podacima za ovog korisnika; navedite bazu podataka s --db PATH.
err-member-not-found = Nijedan član ne odgovara upitu "{ $key }" (navedite id, broj kartice, telefon ili e-poštu).
err-field = { $field }: { $problem }
err-card-taken = Kartica { $card } već pripada članu { $name }.
err-born-and-age = Navedite ili --born ili --age, ne oboje.
err-age = --age mora biti cijeli broj godina, npr. 3.
err-channel = "{ $value }" nije kanal; upišite sms, email, phone ili post.

## Field problems (shown at the field in the signup form, and by the CLI)
field-required = obavezno
field-bad-phone = nije broj telefona (npr. { $national } ili { $international })
field-bad-email = nije adresa e-pošte (npr. ana@example.com)
field-bad-date = nije datum (npr. { $short } ili { $full })
field-future-date = ovaj datum je u budućnosti

## Field names
field-first-name = Ime
field-family-name = Prezime
field-phone = Telefon
field-email = E-pošta
field-birthday = Rođendan
field-card = Kartica
field-area = Mjesto
field-note = Napomena
field-name = Ime
field-born = Rođen
field-kind = Vrsta
field-gender = Spol

## CLI output
cli-member-added = Dodan član { $id }: { $name }
cli-child-added = Dijete { $name } dodano članu { $member }
cli-pet-added = Ljubimac { $name } dodan članu { $member }
cli-no-match = Nijedan član ne odgovara upitu "{ $query }".
cli-possible-duplicate = Napomena: ovo je možda ista osoba kao član { $id } ({ $name }).
field-visits = Posjeti
field-spend = Potrošnja
field-child = Dijete
field-pet = Ljubimac

## Command-line help
help = Klub kupaca male trgovine: članovi, rođendani, kupnje s blagajne, bodovi.
help-db = Datoteka baze podataka (zadano: regulars.db u vašoj mapi s podacima)
help-today = Pretvaraj se da je danas ovaj dan (GGGG-MM-DD), za isprobavanje i testove
help-config = Datoteka postavki (zadano: config.toml u vašoj mapi postavki)
help-lang = Jezik zaslona i poruka: en, he, hr, zh ili th
help-member = Upis, traženje i prikaz članova
help-member-add = Upiši novog člana
help-member-add-first = Ime
help-member-add-last = Prezime
help-member-add-phone = Telefon, domaći (u zemlji trgovine) ili s +pozivnim brojem zemlje
help-member-add-email = Adresa e-pošte
help-member-add-birthday = Rođendan: GGGG-MM-DD ili MM-DD bez godine
help-member-add-card = Broj klupske kartice ili šifra kupca na blagajni
help-member-add-consent = Kanali na kojima je član pristao na kontakt, npr. sms,email
help-member-add-area = Mjesto ili poštanski broj
help-member-add-note = Napomena za pult
help-member-add-json = Ispiši novog člana kao JSON
help-member-find = Pronađi članove po dijelu imena, znamenkama telefona, e-pošti ili kartici
help-member-find-text = Što tražiti
help-member-find-json = Ispiši JSON (popis članova)
help-member-show = Prikaži jednog člana
help-member-show-key = Id člana, broj kartice, telefon ili e-pošta
help-member-show-json = Ispiši JSON
help-child = Djeca članova
help-child-add = Dodaj dijete članu
help-child-add-key = Id člana, broj kartice, telefon ili e-pošta
help-child-add-name = Ime djeteta
help-child-add-born = Datum rođenja, GGGG-MM-DD
help-child-add-age = Dob u godinama kad točan datum nije poznat
help-child-add-gender = Spol, ako ga je roditelj naveo
help-pet = Ljubimci članova
help-pet-add = Dodaj ljubimca članu
help-pet-add-key = Id člana, broj kartice, telefon ili e-pošta
help-pet-add-name = Ime ljubimca
help-pet-add-kind = Vrsta životinje: pas, mačka, kunić…
help-pet-add-born = Datum rođenja, GGGG-MM-DD
help-pet-add-age = Dob u godinama kad točan datum nije poznat

## Demo data and birthday days
help-demo = Napuni bazu podataka izmišljenim članovima za isprobavanje programa
help-demo-members = Koliko probnih članova dodati
help-demo-seed = Početna vrijednost generatora: isti broj daje iste članove
cli-demo-progress = Dodavanje probnih članova
day-today = danas
day-tomorrow = sutra
day-monday = ponedjeljak
day-tuesday = utorak
day-wednesday = srijeda
day-thursday = četvrtak
day-friday = petak
day-saturday = subota
day-sunday = nedjelja
day-in-days = { $days ->
    [one] za { $days } dan
    [few] za { $days } dana
   *[other] za { $days } dana
}
err-demo-data = Datoteka probnih podataka { $file } je oštećena: { $detail }

## ui: the terminal screens
ui-title = regulars · { $shop }
ui-too-small = Prozor je premalen ({ $width }×{ $height }). Program regulars treba barem { $min_width }×{ $min_height }: povećajte prozor ili smanjite slova.
ui-too-small-quit = Ctrl-C izlazi.
ui-err-terminal = Ovaj terminal se ne može koristiti: { $detail }
ui-err-member-gone = Taj član više ne postoji.
ui-none = —
ui-birthday-marker-plain = *rođ
ui-today-short = danas

# Dates: "Tue 3 Mar", "3 Mar 2025", "Mon 23 Nov 2026", "14 Mar"
ui-date-short = { $weekday } { $day }. { $month }
ui-date-year = { $day }. { $month } { $year }.
ui-date-full = { $weekday } { $day }. { $month } { $year }.
ui-date-no-year = { $day }. { $month }
ui-day-1 = pon
ui-day-2 = uto
ui-day-3 = sri
ui-day-4 = čet
ui-day-5 = pet
ui-day-6 = sub
ui-day-7 = ned
ui-month-1 = sij
ui-month-2 = velj
ui-month-3 = ožu
ui-month-4 = tra
ui-month-5 = svi
ui-month-6 = lip
ui-month-7 = srp
ui-month-8 = kol
ui-month-9 = ruj
ui-month-10 = lis
ui-month-11 = stu
ui-month-12 = pro
ui-when-weekday = u { $weekday }
ui-born-with-age = { $date } ({ $age })
ui-about-years = { $years ->
    [one] oko { $years } godinu
    [few] oko { $years } godine
   *[other] oko { $years } godina
}

# Key names in hints and help
ui-keyname-enter = Enter
ui-keyname-esc = Esc
ui-keyname-tab = Tab
ui-keyname-backtab = Shift-Tab
ui-keyname-space = Razmak
ui-keyname-pageup = PgUp
ui-keyname-pagedown = PgDn
ui-keyname-ctrl = Ctrl-

# What keys do (status bar and help)
ui-key-help = pomoć
ui-key-quit = izlaz
ui-key-quit-always = izlaz, gdje god bili
ui-key-move = pomak
ui-key-page = str. gore/dolje
ui-key-open = otvori
ui-key-clear-search = obriši upit
ui-key-search = natrag na traženje
ui-key-sign-up = upiši novog člana
ui-key-sign-up-first = upiši prvog člana
ui-key-load-demo = učitaj probne
ui-key-to-counter = natrag na pult
ui-key-next-field = iduće polje
ui-key-prev-field = prethodno polje
ui-key-save = spremi
ui-key-cancel = odustani
ui-key-toggle = označi/odznači
ui-key-choose = odaberi kanal
ui-key-open-existing = otvori člana
ui-key-save-anyway = ipak spremi
ui-key-back-to-form = natrag na obrazac
ui-key-edit = uredi
ui-key-add-child = + dijete
ui-key-add-pet = + ljubimac
ui-key-scroll = listaj
ui-key-close-help = zatvori pomoć
ui-key-yes = da
ui-key-no = ne

# Welcome (empty database)
ui-welcome-title = Dobro došli u regulars
ui-welcome-empty = { $shop } još nema članova kluba.
ui-welcome-demo = učitaj { $count } probnih članova za isprobavanje
ui-welcome-later = Probni članovi upisuju se u ovu bazu podataka. Ako samo želite isprobati program, pokrenite regulars s --db demo.db.
ui-help-more = ↓ još
ui-demo-done = { $count ->
    [one] Dodan je { $count } probni član.
    [few] Dodana su { $count } probna člana.
   *[other] Dodano je { $count } probnih članova.
}
ui-demo-none = Nije dodan nijedan probni član.

# Counter
ui-counter-search = Pronađi člana
ui-counter-placeholder = upišite ime, znamenke telefona, e-poštu ili broj kartice
ui-counter-placeholder-list = / za traženje
ui-counter-found = { $count ->
    [one] { $count } pronađen
    [few] { $count } pronađena
   *[other] { $count } pronađeno
}
ui-counter-none-found = nema
ui-counter-no-match = + Ništa ne odgovara "{ $query }" — Enter upisuje novog člana
ui-counter-signup-row = + Upiši "{ $query }" kao novog člana
ui-counter-empty = Još nema članova. Upišite ime i pritisnite Enter da nekoga upišete.
ui-col-name = Ime
ui-col-contact = Tel. / e-pošta
ui-col-tier = Razina
ui-col-points = Bodovi
ui-col-last-visit = Zadnji posjet
ui-col-birthday = Rođendan

# Signup and edit
ui-signup-title = Novi član
ui-signup-edit-title = Uredi: { $name }
ui-signup-optional = Neobavezno
ui-signup-footer = Enter sprema. Djeca i ljubimci mogu se dodati na kartici člana.
ui-signup-fix = Ispravite označena polja.
ui-field-contact = Tel. ili e-pošta
ui-field-other-contact = 2. tel./e-pošta
ui-field-consent = Pristaje na
ui-field-joined = Učlanjen
ui-field-born-or-age = Rođen
ui-channel-sms = SMS
ui-channel-email = E-pošta
ui-channel-phone = Telefon
ui-channel-post = Pošta
ui-hint-birthday = npr. { $short } ili { $full }
ui-hint-card = klupska kartica ili šifra s blagajne
ui-hint-born = datum ili dob u godinama
ui-hint-kind = pas, mačka, kunić…
ui-hint-ok = ✓ { $value }
ui-err-second-phone = telefon je već naveden gore; ovdje upišite e-poštu
ui-err-second-email = e-pošta je već navedena gore; ovdje upišite telefon
ui-err-born = nije datum ni dob (npr. { $full } ili 3)
ui-err-born-needs-year = navedite i godinu ili samo dob u godinama
ui-signed-up = Upisan član { $name }.
ui-saved = Spremljeno: { $name }.
ui-duplicate-title = Već je član?
ui-duplicate-intro = Ovo je možda netko tko je već u klubu:
ui-duplicate-since = od { $date }

# Member card
ui-card-consent = Pristaje na kontakt putem
ui-consent-yes = da, od { $date }
ui-consent-withdrawn = ne, povučeno { $date }
ui-consent-no = ne
ui-card-club = Klub
ui-card-details = Podaci
ui-card-children = Djeca
ui-card-no-children = još nema (c dodaje)
ui-card-pets = Ljubimci
ui-card-no-pets = još nema (p dodaje)
ui-card-history = Povijest posjeta
ui-card-habits = Navike
ui-card-no-purchases = još nisu uvezene kupnje
ui-visits = { $count ->
    [one] { $count } posjet
    [few] { $count } posjeta
   *[other] { $count } posjeta
}
ui-card-visits = { $visits }, zadnji { $last }
ui-card-spend = ukupno potrošeno { $spend }
ui-soon-turns = { $name } puni { $age } { $when }
ui-soon-birthday = { $name } ima rođendan { $when }
ui-family-add-child = Dodaj dijete: { $name }
ui-family-add-pet = Dodaj ljubimca: { $name }
ui-family-added = Dodano: { $name }.

# Questions before something is lost
ui-confirm-discard-title = Odbaciti?
ui-confirm-discard-new = Odbaciti ovog novog člana? Ono što ste upisali bit će izgubljeno.
ui-confirm-discard-edit = Odbaciti vaše izmjene za { $name }?
ui-confirm-discard-family = Odbaciti ono što ste upisali?

# Help (? or F1)
ui-help-title-welcome = Pomoć: dobrodošlica
ui-help-title-counter = Pomoć: pult
ui-help-title-signup = Pomoć: upis
ui-help-title-member = Pomoć: kartica člana
ui-help-intro-welcome = Klub je prazan. Učitajte probne članove za isprobavanje programa ili upišite prvog pravog člana.
ui-help-intro-counter = Tipkajte da pronađete člana po bilo kojem dijelu imena ili prezimena, znamenkama telefona, e-pošti ili broju kartice; popis se sužava dok tipkate i najbolji pogodak je odabran. Svaka tipka osim ? ide u traženje, pa rade i imena s q, j ili k. Nitko nije pronađen? Enter upisuje kupca s onim što ste upisali.
ui-help-intro-signup = Prva polja su ono što kupac obično kaže na pultu; Tab dolazi do neobaveznih. Brojevi telefona bez +pozivnog broja čitaju se kao brojevi zemlje trgovine. U tekstnim poljima ? se upisuje kao tekst; F1 prikazuje ovu pomoć.
ui-help-intro-member = Sve što klub zna o ovom članu. Esc vraća na pult.
ui-help-welcome = Na ovom zaslonu
ui-help-counter-search = Dok tipkate u traženju
ui-help-counter-list = U popisu (Esc na praznom traženju)
ui-help-signup-fields = U tekstnom polju
ui-help-signup-consent = U retku privole
ui-help-duplicate = Kad se prikaže mogući dvojnik
ui-help-member = Na kartici
ui-help-family-form = Dodavanje djeteta ili ljubimca
ui-help-everywhere = Svugdje
## Import of till exports
help-import = Uvezi izvoze s blagajne: Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle ili obični CSV
help-import-files = Datoteke izvoza (CSV ili xlsx); ista datoteka dvaput sprema se jednom. Bez datoteka: nove datoteke iz ulazne mape
help-import-format = Čitaj u ovom formatu: square-items, square-transactions, loyverse-receipts, loyverse-items, shopify-orders, odoo-pos, sumup, mobilepay, zettle ili generic
help-import-country = Dvoslovna oznaka zemlje za domaće brojeve telefona i redoslijed datuma (zadano: zemlja trgovine)
help-import-encoding = Kodiranje teksta CSV datoteke kad je pogađanje pogrešno, npr. windows-1252, windows-1255, gbk
help-import-dry-run = Pročitaj datoteke i javi što bi se spremilo; ne spremaj ništa
help-import-json = Ispiši jedan JSON objekt po datoteci
import-done = { $file } ({ $format }): pročitano redaka: { $rows }; novih računa: { $new } (povrata: { $refunds }); već spremljeno: { $duplicates }; odbijeno redaka: { $rejected }
import-rejected-line = redak { $line }: { $reason }
import-more-rejected = … i još { $count } odbijenih redaka
import-dry-run = Probni uvoz: ništa nije spremljeno.
import-note-already = Ova datoteka je već uvezena ({ $file }, { $at }); ništa novo nije spremljeno.
import-note-day-first = Datumi poput 03/04 mogu počinjati danom ili mjesecom, a nijedan datum u datoteci to ne razrješava; čitaju se kao dan/mjesec, kako je uobičajeno u zemlji { $country }.
import-note-month-first = Datumi poput 03/04 mogu počinjati danom ili mjesecom, a nijedan datum u datoteci to ne razrješava; čitaju se kao mjesec/dan, kako je uobičajeno u zemlji { $country }.
import-err-unknown-format = { $path } nije izvoz s blagajne koji ovaj program poznaje (u prvim recima nema retka zaglavlja formata Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle ni običnog CSV-a); ništa nije spremljeno.
import-hint-map-cli = Da ga uvezete kakav jest, recite koji je stupac što: regulars import { $path } --map receipt=COLUMN,time=COLUMN,total=COLUMN (također item, qty, amount, kind, phone, email, card).
import-err-not-format = { $path } u prvim recima nema redak zaglavlja formata { $format }; ništa nije spremljeno.
import-err-format-name = "{ $value }" nije format; upotrijebite jedan od: { $names }.
import-err-country = "{ $value }" nije dvoslovna oznaka zemlje (npr. HR, IL, US).
import-err-encoding = "{ $value }" nije kodiranje teksta koje ovaj program poznaje (npr. utf-8, windows-1252, windows-1255, gbk).
import-err-cancelled = Uvoz je otkazan; ništa nije spremljeno.
import-err-some-failed = Neke datoteke nisu uvezene: { $files }
import-row-no-id = nema broja računa u "{ $column }"
import-row-no-money = "{ $column }" je prazno
import-row-bad-money = "{ $column }": "{ $value }" nije iznos
import-row-bad-qty = "{ $column }": "{ $value }" nije količina
import-row-bad-date = "{ $column }": "{ $value }" nije datum ni vrijeme
import-row-no-such-date = "{ $column }": "{ $value }" je dan koji ne postoji
import-row-short = samo { $found } od { $expected } polja (je li datoteka odrezana?)
import-row-orphan = kasniji redak računa { $id } čiji prvi redak nije u datoteci

## Member card: visits and habits page
ui-key-purchases = posjeti i navike
ui-key-details = podaci
ui-key-scroll-history = listaj povijest
ui-help-member-purchases = Na stranici posjeta i navika
ui-card-title-purchases = { $name } · posjeti i navike
ui-card-more-purchases = Tab: povijest posjeta i navike
ui-habit-summary = obično u { $weekday }
ui-habit-summary-gap = obično u { $weekday }, svakih { $gap }
ui-days = { $days ->
    [one] { $days } dan
    [few] { $days } dana
   *[other] { $days } dana
}
ui-days-ago = { $days ->
    [0] danas
    [one] jučer
    [few] prije { $days } dana
   *[other] prije { $days } dana
}
ui-habit-visits = Posjeti
ui-habit-visits-12m = { $count } u 12 mjeseci
ui-habit-spent = Potrošeno
ui-habit-spent-12m = { $amount } u 12 mjeseci
ui-habit-basket = Košarica
ui-habit-basket-average = prosječno { $amount }
ui-habit-last-visit = Zadnji posjet
ui-habit-last = { $date }, { $ago }
ui-habit-gap = Razmak
ui-habit-usually = Obično
ui-habit-usually-hour = { $weekday }, { $from }–{ $to }
ui-habit-favourites = Omiljeno
ui-habit-categories = Kategorije
ui-habit-per-month = Posjeti po mjesecu
ui-habit-per-month-note = zadnjih 12 mjeseci
ui-history-count = { $count ->
    [one] { $count } račun
    [few] { $count } računa
   *[other] { $count } računa
}
ui-history-refund = povrat: { $items }
ui-history-none = Još nisu uvezene kupnje. Uvezite izvoze s blagajne tipkom i na pultu.
ui-history-this-shop = ova trgovina

## Import screen and till customers without a member
ui-key-import = uvoz
ui-key-unmatched = kupci bez člana
ui-key-import-file = uvezi
ui-key-type-path = upiši putanju
ui-key-rescan = pogledaj opet
ui-key-import-path = uvezi upisanu datoteku
ui-key-back-to-files = natrag na datoteke
ui-key-cancel-import = otkaži uvoz
ui-key-link = poveži s članom
ui-key-link-to-this = poveži s ovim članom
ui-key-sign-up-customer = upiši kao novog člana
ui-help-title-import = Pomoć: uvoz s blagajne
ui-help-intro-import = Izvezite prodaju s blagajne (CSV ili xlsx) i stavite datoteke u ulaznu mapu prikazanu na vrhu ili upišite putanju datoteke. Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle i obični CSV prepoznaju se po stupcima. Račun uvezen dvaput sprema se jednom, a već uvezena datoteka prepoznaje se po sadržaju. Otkazani uvoz ne sprema ništa. Datoteka koju aplikacija ne poznaje otvara korak u kojem jednom kažete koji je stupac što; sljedeća datoteka s istim stupcima uvozi se bez njega.
ui-help-import-files = Odabir datoteke
ui-help-import-path = Upisivanje putanje
ui-help-import-running = Tijekom uvoza
ui-help-import-result = Nakon uvoza
ui-help-title-unmatched = Pomoć: kupci s blagajne bez člana
ui-help-intro-unmatched = Osobe čija je kartica, telefon, e-pošta ili ID kupca na blagajni (Squareov Customer ID) na uvezenim računima, ali ne pripada nijednom članu, najveći potrošači prvi. Povežite nekoga s članom da mu pripišete te račune (i kasniji uvozi ih prepoznaju), ili ga upišite s već popunjenim podacima s blagajne. Imena na računima služe samo za prepoznavanje ljudi; računi se nikad ne povezuju po imenu.
ui-help-unmatched = U popisu
ui-help-unmatched-link = Odabir člana za povezivanje
ui-import-title = Uvoz s blagajne
ui-import-inbox = Ulazna mapa: { $path }
ui-import-no-inbox = Nema ulazne mape (ovaj sustav nema mapu s podacima); upišite putanju datoteke ispod.
ui-import-col-file = Datoteka
ui-import-col-size = Veličina
ui-import-col-status = Uvezeno
ui-import-status-new = nova
ui-import-status-done = { $date }
ui-import-empty = U ulaznoj mapi još nema datoteka. Izvezite prodaju s blagajne i stavite datoteke u ovu mapu, zatim pritisnite r, ili upišite putanju datoteke ispod.
ui-import-path = Druga datoteka:
ui-import-path-hint = Tab, pa upišite putanju
ui-import-note = Datoteka se sprema odjednom: cijela ili ništa.
ui-import-type-a-path = Najprije upišite putanju datoteke izvoza.
ui-size-b = { $n } B
ui-size-kb = { $n } KB
ui-size-mb = { $n } MB
ui-import-running = Uvoz: { $file }
ui-import-reading = Čitanje datoteke…
ui-import-rows = { $done } od { $total } redaka
ui-import-rate = { $rows } · { $rate } redaka/s
ui-import-finishing = Svi redci pročitani · slaganje računa…
ui-import-cancel-note = Esc ili Ctrl-C otkazuje; otkazani uvoz ne sprema ništa.
ui-import-cancelling = Otkazivanje… ništa iz ove datoteke neće biti spremljeno.
ui-import-result-file = { $file } ({ $format })
ui-import-result-rows = Pročitano redaka
ui-import-result-new = Novi računi
ui-import-result-new-refunds = { $new } (od toga { $refunds })
ui-import-refunds = { $count ->
    [one] { $count } povrat
    [few] { $count } povrata
   *[other] { $count } povrata
}
ui-import-result-duplicate = Već spremljeno
ui-import-result-rejected = Odbijeni reci
ui-import-result-unmatched = U cijelom klubu
ui-import-result-unmatched-value = { $count ->
    [one] { $count } kupac s blagajne (u ih prikazuje)
    [few] { $count } kupca s blagajne (u ih prikazuje)
   *[other] { $count } kupaca s blagajne (u ih prikazuje)
}
ui-import-result-unmatched-many = više od { $count } kupaca s blagajne (u ih prikazuje)
ui-import-errors = Odbijeni reci (preskočeni; ostalo je uvezeno)
ui-import-errors-first = Odbijeni reci, prvih { $count } (preskočeni; ostalo je uvezeno)
ui-unmatched-title = Kupci s blagajne bez člana
ui-unmatched-intro = Njihova kartica, telefon, e-pošta ili ID kupca na blagajni je na računima, ali ne pripada nijednom članu. Enter ih povezuje s članom; n ih upisuje.
ui-unmatched-col-name = Ime na računima
ui-unmatched-col-who = Tel. / e-pošta / kartica
ui-unmatched-col-receipts = Računi
ui-unmatched-col-spend = Potrošnja
ui-unmatched-card = kartica { $card }
ui-unmatched-none = Svaki kupac na uvezenim računima je član (ili još ništa nije uvezeno).
ui-unmatched-link-title = Poveži { $who } s
ui-unmatched-linked = { $who } povezan s članom { $name }: { $receipts } sada su njegovi.
ui-claimed = { $count ->
    [one] { $count } raniji račun sada pripada njemu.
    [few] { $count } ranija računa sada pripadaju njemu.
   *[other] { $count } ranijih računa sada pripada njemu.
}

## Import from the command line: inbox and Ctrl-C
import-stopping = Zaustavljanje… datoteka koja se čita vraća se na staro (ponovni Ctrl-C odmah izlazi).
import-cancelled-file = Uvoz datoteke { $file } je otkazan; ništa iz nje nije spremljeno.
import-inbox-nothing = U ulaznoj mapi nema novih datoteka ({ $dir }).

## Reminders and the weekly review
err-config-lapsed = { $key } mora biti barem 1 (sada je { $value })
err-config-placeholder = { $key } koristi {"{"}{ $name }{"}"}, što nije zamjenska oznaka; upotrijebite {"{"}first_name{"}"}, {"{"}child_name{"}"}, {"{"}pet_name{"}"}, {"{"}turning{"}"}, {"{"}reward{"}"} ili {"{"}shop{"}"}
review-member-turns = { $name } puni { $age }
review-member-birthday = { $name } ima rođendan
review-son-turns = sin { $name } puni { $age }
review-daughter-turns = kći { $name } puni { $age }
review-child-turns = { $name } puni { $age }
review-pet-turns = { $name } ({ $kind }) puni { $age }
review-gotcha = { $name } ({ $kind }) došao je kući na ovaj dan { $year }.
review-feb29 = (rođen 29. veljače)
review-lapsed = { $visits }, zadnji { $last }
review-no-birthday = nema rođendana
review-no-consent = nema privole
review-no-channels = —
review-in-shop = razgovarali u trgovini
review-reason-birthday = rođendanska čestitka
review-reason-child-birthday = rođendan djeteta
review-reason-pet-birthday = rođendan ljubimca
review-reason-gotcha-day = dan dolaska kući
review-reason-winback = nedostajete nam
cli-reminders-none = { $days ->
    [0] Danas nema rođendana.
    [one] Danas ni sutra nema rođendana.
    [few] U sljedeća { $days } dana nema rođendana.
   *[other] U sljedećih { $days } dana nema rođendana.
}
help-reminders = Rođendani članova, njihove djece i ljubimaca (i dani dolaska ljubimaca kući) u sljedećim danima
help-reminders-days = Koliko dana unaprijed gledati, nakon danas (0 = samo danas; najviše 366)
help-reminders-shop = Samo članovi koji su se učlanili ili kupovali u ovoj poslovnici lanca
help-reminders-json = Ispiši JSON: popis {"{"}date, kind, member_id, name, turning, days_until{"}"}
help-pet-add-gotcha = Dan kad je ljubimac došao kući (njegov "dan dolaska"), GGGG-MM-DD
field-gotcha = Došao kući
ui-key-review = tjedni pregled
ui-key-mark-contacted = kontaktiran
ui-key-copy-message = kopiraj
ui-key-export = izvezi
ui-key-section = odjeljak
ui-key-days = 7/14/30 dana
ui-key-open-card = otvori karticu člana
ui-key-mark = označi
ui-review-exported = Spremljeno { $rows } u { $path }
ui-review-rows = { $count ->
    [one] { $count } redak
    [few] { $count } retka
   *[other] { $count } redaka
}
ui-review-nothing-to-send = Ovdje nema što poslati: Enter otvara karticu da popunite ono što nedostaje.
ui-review-no-message = Za ovaj redak nema poruke.
ui-review-marked = { $name } označen kao kontaktiran: { $channel }, { $date }.
ui-review-copied = Poruka za { $name } je kopirana (ako terminal to dopušta).
ui-err-copy-too-long = Ovaj tekst je predug za međuspremnik.
ui-review-title = Tjedni pregled
ui-review-tab-birthdays = Rođendani
ui-review-tab-near-tier = Iduća razina
ui-review-tab-lapsed = Prestali dolaziti
ui-review-tab-missing = Bez podataka
ui-review-next = Sljedećih
ui-review-days = dana
ui-review-lapsed-intro = Stalni kupci s { $visits }+ posjeta u { $months } mjeseci i nijednim u zadnjih { $weeks } tjedana
ui-review-missing-intro = Nema rođendana ili privole: pitajte ih kad sljedeći put dođu
ui-review-col-day = Dan
ui-review-col-who = Tko
ui-review-col-agrees = Pristaje na
ui-review-no-birthdays = { $days ->
    [one] Danas ni sutra nema rođendana.
    [few] U sljedeća { $days } dana nema rođendana.
   *[other] U sljedećih { $days } dana nema rođendana.
}
ui-review-no-loyalty = Program vjernosti još nije postavljen: članovi blizu iduće razine pojavit će se ovdje kad se postave razine i bodovi.
ui-review-no-lapsed = Nijedan stalni kupac nije prestao dolaziti. Ovaj popis nastaje iz kupnji uvezenih s blagajne.
ui-review-no-missing = Svaki član ima upisan rođendan i privolu.
ui-review-missing-hint = Enter otvara karticu da se popuni
ui-review-done = ✓ kontaktiran: { $channel }, { $date }
ui-review-no-consent-detail = nema privole za poruke: samo u trgovini
ui-review-choice-title = Kako je { $name } kontaktiran?
ui-review-only-in-shop = Nema privole za poruke: samo u trgovini.
ui-help-title-review = Pomoć: tjedni pregled
ui-help-intro-review = Rođendani članova, njihove djece i ljubimaca u sljedećih 7, 14 ili 30 dana, stalni kupci koji su prestali dolaziti i zapisi kojima nedostaju podaci. Svaki redak prikazuje kanale na koje je član pristao i poruku spremnu za slanje na njegovu jeziku; c označava redak kao kontaktiran (ostaje siv do iduće godine), y kopira poruku, x sprema popis kao CSV datoteku pokraj baze podataka.
ui-help-review = U popisu
ui-help-review-contact = Odabir načina kontakta s članom
ui-key-section-back = prethodni odjeljak
ui-key-back = natrag
review-in-shop-short = trgovina
ui-soon-gotcha = { $name } ima dan dolaska kući { $when }
ui-card-gotcha = kod kuće od { $date }
ui-card-contacted = Kontaktiran
ui-review-nothing-to-export = Ovaj popis je prazan: nema što izvesti.
## Loyalty: points, tiers and rewards
err-config-points-range = { $key } = { $value }: upišite cijeli broj od 0 naviše
err-config-grace = grace_days = { $value }: upišite broj dana od 0 do 3650
err-config-review-every = review_every_months = { $value }: upotrijebite 0 (bonus za recenziju jednom po članu) ili 1, 2, 3, 4, 6 ili 12 mjeseci
err-config-tiers-too-many = { $count } razina; moguće je najviše { $max }
err-config-tier-name = razina mora imati naziv
err-config-tier-twice = postoje dvije razine s nazivom "{ $name }"
err-config-tier-first = prva razina ({ $name }) je ona na kojoj svaki član počinje: njezin min mora biti 0
err-config-tier-range = min = { $value }: upišite cijeli broj od 0 naviše
err-config-tier-order = { $name } mora tražiti više od { $below } (razine idu od najniže)
err-config-reward-name = nagrada mora imati naziv
err-config-reward-twice = postoje dvije nagrade s nazivom "{ $name }"
err-config-reward-points = nagrada "{ $name }": points = { $value }; upišite cijeli broj veći od 0
loyalty-err-redeem-positive = Iskoristite cijeli broj bodova veći od 0.
loyalty-err-not-enough = Nema dovoljno bodova: stanje je { $balance }, traženo je { $points } (nedostaje { $missing }).
loyalty-err-note-required = Ručna promjena treba napomenu s razlogom.
loyalty-err-adjust-zero = Promjena od 0 bodova ništa ne mijenja; upišite broj poput 50 ili -20.
loyalty-err-refer-self = Član ne može dovesti sam sebe.
loyalty-gap = { $amount } do razine { $tier }
loyalty-visits = { $count ->
    [one] { $count } posjet
    [few] { $count } posjeta
   *[other] { $count } posjeta
}
loyalty-reason-sale = Kupnja
loyalty-reason-refund = Povrat
loyalty-reason-unlinked = Kupnja odvojena od člana
loyalty-reason-redeem = Iskorišteno
loyalty-reason-redeem-reward = Iskorišteno: { $reward }
loyalty-reason-bonus = Bonus
loyalty-reason-bonus-signup = Bonus za učlanjenje
loyalty-reason-bonus-referral = Bonus za preporuku
loyalty-reason-bonus-review = Bonus za recenziju
loyalty-reason-bonus-birthday = Rođendanski bonus
loyalty-reason-expire = Istekli (dugo bez posjeta)
loyalty-reason-adjust = Ručno promijenjeno
loyalty-no-tiers = Razine nisu postavljene. Dodajte blokove [[tiers]] u datoteku postavki.
loyalty-col-tier = Razina
loyalty-col-from = Od
loyalty-col-members = Članovi
loyalty-col-perks = Pogodnosti
loyalty-cli-month = Ovaj mjesec: { $up } napredovalo, { $down } nazadovalo; { $close } unutar 10 % do iduće razine.
loyalty-cli-balance = { $name } (#{ $id }): { $balance } bodova
loyalty-cli-redeemed = Iskorišteno { $points } za { $name }. Novo stanje: { $balance }.
loyalty-err-no-reward = Nijedna nagrada se ne zove "{ $name }"; u postavkama su: { $names }.
loyalty-err-reward-points = { $name } traži { $points } bodova, a ne { $given }.
help-tiers = Članovi po razinama, tko je ovaj mjesec napredovao ili nazadovao i tko je blizu iduće razine (najprije ponovno izračuna sve razine)
help-tiers-shop = Samo članovi koji su kupovali u ovoj poslovnici lanca (razine ostaju razine cijelog kluba)
help-tiers-json = Ispiši JSON: popis razina s nazivom, minimumom i članovima
help-points = Stanje bodova člana i povijest bodova
help-points-key = Id člana, broj kartice, telefon ili e-pošta
help-points-json = Ispiši JSON: member_id, stanje i retke knjige bodova
help-redeem = Iskoristi bodove člana; odbija se kad je stanje premalo
help-redeem-key = Id člana, broj kartice, telefon ili e-pošta
help-redeem-points = Koliko bodova iskoristiti
help-redeem-reward = Nagrada s popisa u postavkama, npr. "Besplatna kava" (bodovi se moraju podudarati)
help-adjust = Ručno dodaj ili oduzmi bodove; napomena s razlogom je obavezna
help-adjust-key = Id člana, broj kartice, telefon ili e-pošta
help-adjust-points = Bodovi za dodati, npr. 50, ili oduzeti, npr. -20
help-adjust-note = Zašto, npr. "bodovi sa stare papirnate kartice"
ui-key-redeem = iskoristi
ui-key-points = bodovi
ui-key-tiers = razine
ui-key-pick-reward = odaberi nagradu
ui-key-redeem-go = iskoristi
ui-key-adjust = ručna promjena
ui-key-referred-by = doveo ga je…
ui-key-review-bonus = bonus recenzije
ui-key-close = zatvori
ui-key-next-list = idući popis
ui-key-prev-list = prethodni popis
ui-key-open-or-edit = otvori/uredi
ui-key-edit-min = uredi minimum razine
ui-key-save-min = spremi minimum
ui-card-tier-since = { $tier } od { $date }
ui-card-tier-until = { $tier } do { $date }
ui-card-tier-keep = još { $amount } zadržava { $tier }
ui-card-tier-top = najviša razina
ui-card-perks = Pogodnosti
ui-points-count = { $count ->
    [one] { $count } bod
    [few] { $count } boda
   *[other] { $count } bodova
}
ui-redeem-title = Iskoristi bodove: { $name }
ui-redeem-balance = Stanje
ui-redeem-points = Bodovi
ui-redeem-rewards = Ili odaberite nagradu s ↑↓:
ui-redeem-no-rewards = U postavkama nema nagrada; upišite bodove.
ui-redeem-after = Novo stanje
ui-redeem-not-number = upišite cijeli broj bodova
ui-redeem-confirm-title = Iskoristiti bodove?
ui-redeem-confirm = Iskoristiti { $points } za { $name }? Novo stanje: { $balance }.
ui-redeem-confirm-reward = Iskoristiti { $points } ({ $reward }) za { $name }? Novo stanje: { $balance }.
ui-redeem-done = Iskorišteno { $points }; spremljeno. Novo stanje: { $balance }.
ui-points-title = Bodovi: { $name } · stanje { $balance }
ui-points-empty = Još nema bodova.
ui-adjust-title = Ručna promjena — Enter sprema, Esc odustaje
ui-adjust-points = Bodovi
ui-adjust-points-hint = npr. 50 ili -20
ui-adjust-note = Napomena
ui-adjust-note-hint = obavezno: zašto
ui-adjust-bad-points = upišite broj bodova različit od 0, npr. 50 ili -20
ui-referral-form-title = Tko je doveo ovog člana u klub? — Enter, Esc odustaje
ui-referral-by = Doveo ga je
ui-referral-hint = kartica, telefon, e-pošta ili br.
ui-referral-not-found = nijedan član nema tu karticu, telefon, e-poštu ili broj
ui-referral-title = Zapisati tko ga je doveo?
ui-referral-question = { $referrer } je doveo { $name } u klub? Oboje dobivaju bonus za preporuku ({ $points } bodova).
ui-referral-done = Spremljeno tko je doveo ovog člana; bonus za preporuku dobili su oboje.
ui-referral-already = Ovaj član već ima zapisano tko ga je doveo; ništa nije promijenjeno.
ui-review-bonus-none = Bonus za recenziju nije postavljen (review_bonus u datoteci postavki).
ui-review-bonus-title = Bonus za recenziju?
ui-review-bonus-question = Dati članu { $name } bonus za recenziju od { $points } bodova? Daje se jednom po članu.
ui-review-bonus-done = Bonus za recenziju je dodijeljen.
ui-review-bonus-already = Ovaj član je već dobio bonus za recenziju; daje se jednom.
ui-tiers-title = Razine · { $basis } · { $days } dana odgode prije spuštanja
ui-tiers-on-spend = po potrošnji u 12 mjeseci
ui-tiers-on-visits = po posjetima u 12 mjeseci
ui-tiers-edit-hint = Enter na razini: isprobajte drugi minimum i pogledajte tko bi se pomaknuo prije spremanja.
ui-tiers-preview = Uz ovaj minimum { $up } bi se sada popelo na { $tier }, a { $down } bi palo ispod svoje razine (sada { $now }) i spustilo se nakon { $days } dana. Enter sprema.
ui-tiers-not-number = upišite minimum kao cijeli broj
ui-tiers-between = minimum mora biti iznad { $below } i ispod { $above }
ui-tiers-first-fixed = Prva razina je ona na kojoj svaki član počinje; njezin minimum ostaje 0.
ui-tiers-no-file = Nema datoteke postavki u koju bi se spremilo; promijenite minimum u datoteci postavki.
ui-tiers-cannot-edit = { $tier } se ne može promijeniti u { $path }: njezin minimum ondje nije zapisan kao "min = …". Promijenite ga u datoteci.
ui-tiers-saved = Novi minimum spremljen je u datoteku postavki; razine su ponovno izračunate.
ui-tiers-moves = Ovaj mjesec: { $up } gore, { $down } dolje
ui-tiers-nudges = { $count ->
    [one] { $count } unutar 10 % do iduće razine
    [few] { $count } unutar 10 % do iduće razine
   *[other] { $count } unutar 10 % do iduće razine
}
ui-tiers-none = nitko
ui-help-title-tiers = Pomoć: razine
ui-help-intro-tiers = Članovi po razinama, tko je ovaj mjesec napredovao ili nazadovao i tko je unutar 10 % do iduće razine (vrijedi ga potaknuti). Tab prelazi s popisa na popis; Enter na članu otvara njegovu karticu. Enter na razini omogućuje da isprobate drugi minimum: zaslon pokazuje koliko bi se članova pomaknulo prije nego što ga spremite.
ui-help-tiers = Na zaslonu razina
ui-help-tiers-edit = Isprobavanje drugog minimuma
ui-help-redeem = Korištenje bodova
ui-help-points = U povijesti bodova
ui-help-points-form = Ručna promjena bodova ili unos tko je doveo člana
## Member add from the command line: receipts bought before signing up
cli-member-claimed = { $count ->
    [one] { $count } raniji račun (ista kartica, telefon ili e-pošta) sada pripada njemu.
    [few] { $count } ranija računa (ista kartica, telefon ili e-pošta) sada pripadaju njemu.
   *[other] { $count } ranijih računa (ista kartica, telefon ili e-pošta) sada pripada njemu.
}


# dbsafe
err-db-busy = Drugi program upravo piše u bazu podataka kluba { $path }; ništa nije spremljeno. Pokušajte ponovno kad završi.
err-db-busy-unnamed = Drugi program upravo piše u bazu podataka kluba; ništa nije spremljeno. Pokušajte ponovno kad završi.
err-db-no-folder = Mapa { $folder } za bazu podataka { $path } ne postoji; ništa nije stvoreno. Provjerite putanju ili najprije napravite mapu.
ui-import-waiting = Čeka se: drugi program upravo piše u bazu podataka kluba…
# sink
err-stdout = Ispis se ne može zapisati ({ $detail }); je li disk pun?
import-row-too-big = račun { $id }: iznos { $amount } veći je od bilo kojeg mogućeg računa ({ $max }); je li neki stupac krivo pročitan?
import-note-completed = { $count ->
    [one] { $count } račun spremljen ranije s manje stavki (iz odrezane datoteke ili izvoza bez stavki) dopunjen je iz ove datoteke.
    [few] { $count } računa spremljena ranije s manje stavki (iz odrezanih datoteka ili izvoza bez stavki) dopunjena su iz ove datoteke.
   *[other] { $count } računa spremljenih ranije s manje stavki (iz odrezanih datoteka ili izvoza bez stavki) dopunjeno je iz ove datoteke.
}
import-refused-all = Ništa iz { $file } nije spremljeno: iz { $rows } redaka nije se mogao pročitati nijedan račun ({ $rejected } odbijeno), pa datoteka nije označena kao uvezena. Pokušajte ponovno s --encoding (npr. utf-16le, windows-1250), --format ili --country.
import-refused-most = Ništa iz { $file } nije spremljeno: { $rejected } od { $rows } redaka nije se moglo pročitati, pa datoteka nije označena kao uvezena. Pokušajte ponovno s --encoding (npr. utf-16le, windows-1250), --format ili --country, ili dodajte --accept-rejects da se spreme reci koji su pročitani.
help-import-accept-rejects = Spremi datoteku i kad je više od pola njezinih redaka odbijeno (spremaju se pročitani reci)
ui-import-errors-refused = Odbijeni reci (ništa iz datoteke nije spremljeno)
# parse
err-config-max-receipt = max_receipt = { $value }: upišite cijeli broj jedinica valute od 1 do { $highest }
import-row-over-limit = "{ $column }": { $value } je više nego što jedan račun smije iznositi ({ $max }; max_receipt u postavkama)
import-row-sum-over-limit = iznosi ovog retka zajedno čine { $total }, više nego što jedan račun smije iznositi ({ $max }; max_receipt u postavkama)
import-row-receipt-over-limit = račun { $id } (od retka { $first }) iznosi { $total }, više nego što jedan račun smije iznositi ({ $max }; max_receipt u postavkama); izostavljen je
import-row-qty-over-limit = "{ $column }": { $value } je više od { $max } komada u jednom retku
import-row-date-out-of-range = "{ $column }": "{ $value }" nije dan između { $first }. i { $last }. godine
import-row-cut = datoteka završava usred ovog retka (je li odrezana?); njegov račun je izostavljen, a ne spremljen bez nekih stavki
import-row-bad-bytes = bajt { $offset } datoteke nije tekst u kodiranju datoteke (oštećen bajt?); redak je preskočen, a ne spremljen s iskrivljenim imenom
import-row-nul = redak sadrži NUL bajtove (je li datoteka oštećena ili spremljena u drugom kodiranju?)
import-row-huge-cell = "{ $column }" sadrži { $size } bajtova, daleko više nego što blagajna upisuje u jednu ćeliju (je li datoteka oštećena?)
import-note-no-money-column = Datoteka nema stupac "{ $column }"; čita se kao 0 na svakom računu.
import-err-empty = { $path } je prazna; ništa nije spremljeno.
import-err-sheet-unpacks = { $path } se raspakira na { $size }, više od { $cap } koliko se proračunska tablica smije raspakirati (izvoz s blagajne je daleko manji); nije pročitana i ništa nije spremljeno.
import-err-sheet-cells = { $path }: prvi list obuhvaća { $rows } redaka × { $columns } stupaca, više od { $cap } ćelija koliko izvoz s blagajne smije imati; nije pročitan i ništa nije spremljeno.
import-err-record-too-long = u retku { $line } počinje zapis dulji od { $cap } ili s više od { $cells } ćelija (navodnik koji nije zatvoren?); datoteka nije pročitana

# h1
err-db-unknown-code = Baza podataka sadrži "{ $code }" u { $column }, što ova verzija programa regulars ne poznaje; ništa nije promijenjeno. Je li datoteku koristila novija verzija?

# stack
ui-key-back-to-welcome = natrag na dobrodošlicu
ui-key-back-to-signup = natrag na obrazac
ui-key-back-to-member = natrag na karticu
ui-key-back-to-import = natrag na uvoz
ui-key-back-to-unmatched = natrag na kupce s blagajne
ui-key-back-to-review = natrag na tjedni pregled
ui-key-back-to-tiers = natrag na razine
err-unknown-lang = „{ $lang }” nije jezik koji regulars govori; odaberite jedan od: { $languages }.
msg-joined = { $first } { $second }

# jobs
ui-demo-making = Izrada probnih članova… { $done } od { $total }
ui-demo-cancel-note = Esc ili Ctrl-C otkazuje; otkazano punjenje ne dodaje nikoga.
ui-demo-cancelling = Otkazivanje… neće biti dodan nijedan probni član.
ui-demo-cancelled = Punjenje probnim članovima otkazano; nije dodan nijedan član.
ui-help-demo-running = Dok se izrađuju probni članovi
ui-tiers-working = Izračunavanje razine svakog člana…
ui-tiers-working-note = Esc vraća natrag; razine će se svejedno izračunati.
family-boy = dječak
family-girl = djevojčica
## The config file written at first start
config-shop-name = Moja trgovina
config-tier-1 = Bronca
config-tier-2 = Srebro
config-tier-2-perks = 5 % popusta na svaku kupnju
config-tier-3 = Zlato
config-tier-3-perks = 10 % popusta na svaku kupnju, besplatna kava petkom
config-reward-1 = Besplatna kava
config-reward-2 = Pecivo po izboru
config-reward-3 = Platnena torba
## Usage errors on the command line
err-usage-unknown-arg = { $arg } nije opcija ove naredbe.
err-usage-unknown-command = „{ $command }” nije naredba.
err-usage-missing = Ova naredba treba { $arg }.
err-usage-bad-value = „{ $value }” nije vrijednost koju { $arg } prima.
err-usage-bad-value-choose = „{ $value }” nije vrijednost koju { $arg } prima; odaberite jednu od: { $valid }.
err-usage-invalid = { $arg } „{ $value }”: { $why }
err-usage-help = „regulars --help” navodi naredbe, „regulars NAREDBA --help” njihove opcije.

# calendar13
calendar-gregorian = gregorijanski
calendar-hebrew = židovski
calendar-chinese = kineski
calendar-hebrew-m01 = tišri
calendar-hebrew-m02 = hešvan
calendar-hebrew-m03 = kislev
calendar-hebrew-m04 = tevet
calendar-hebrew-m05 = ševat
calendar-hebrew-m05l = adar I
calendar-hebrew-m06 = adar
calendar-hebrew-m07 = nisan
calendar-hebrew-m08 = ijar
calendar-hebrew-m09 = sivan
calendar-hebrew-m10 = tamuz
calendar-hebrew-m11 = av
calendar-hebrew-m12 = elul
calendar-chinese-m01 = prvog mjeseca
calendar-chinese-m02 = drugog mjeseca
calendar-chinese-m03 = trećeg mjeseca
calendar-chinese-m04 = četvrtog mjeseca
calendar-chinese-m05 = petog mjeseca
calendar-chinese-m06 = šestog mjeseca
calendar-chinese-m07 = sedmog mjeseca
calendar-chinese-m08 = osmog mjeseca
calendar-chinese-m09 = devetog mjeseca
calendar-chinese-m10 = desetog mjeseca
calendar-chinese-m11 = jedanaestog mjeseca
calendar-chinese-m12 = dvanaestog mjeseca
calendar-chinese-leap = prijestupnog { $month }
calendar-hebrew-date = { $day }. { $month }
calendar-chinese-date = { $day }. dan { $month }
calendar-gregorian-day = { $day }. { $month }
calendar-gregorian-this-year = ({ $gregorian } ove godine)
calendar-gregorian-next-year = ({ $gregorian } sljedeće godine)
calendar-with-gregorian = { $date } { $gregorian }
field-bad-calendar-date = nije dan tog kalendara (npr. 12 tišri, ili 15.8 za kineski kalendar)
err-unknown-calendar = „{ $calendar }” nije kalendar za rođendane; odaberite jedan od: { $calendars }.
help-member-add-birthday-calendar = Kalendar u kojem je --birthday: gregorian (gregorijanski), hebrew (židovski, npr. 12 tišri, 14 adar I) ili chinese (kineski, dan.mjesec, npr. 15.8; prijestupni mjesec 15.4L)
ui-key-birthday-calendar = kalendar
ui-help-signup-birthday = U polju rođendana
ui-hint-birthday-hebrew = židovski: npr. 12 tišri
ui-hint-birthday-chinese = kineski: npr. 15.8, 15.4L
ui-hint-calendar-ok = ✓ { $date } · { $gregorian }
ui-key-home-end = prvo / zadnje
import-customers-unmatched = { $count ->
    [one] { $count } kupac s blagajne u ovoj datoteci nema člana (prikazuje ih zaslon u)
    [few] { $count } kupca s blagajne u ovoj datoteci nemaju člana (prikazuje ih zaslon u)
   *[other] { $count } kupaca s blagajne u ovoj datoteci nema člana (prikazuje ih zaslon u)
}
ui-import-result-unmatched-file = U ovoj datoteci
ui-import-result-unmatched-file-value = { $count ->
    [one] { $count } kupac s blagajne bez člana
    [few] { $count } kupca s blagajne bez člana
   *[other] { $count } kupaca s blagajne bez člana
}

# dupes14
err-phone-taken = Telefon { $phone } već pripada članu { $id } ({ $name }).
err-email-taken = E-pošta { $email } već pripada članu { $id } ({ $name }).
err-member-ambiguous = "{ $key }" odgovara više članova: { $ids }. Umjesto toga navedite id člana.
cli-duplicate-refused = Nije upisan: član { $id } ({ $name }) ima isto ime i isti rođendan. Dodajte --yes za upis unatoč tome.
cli-check-none = Nema duplikata: svaki telefon, e-pošta i kartica pripadaju jednom članu.
cli-check-phone = Telefon { $value } dijele članovi { $members }.
cli-check-email = E-poštu { $value } dijele članovi { $members }.
cli-check-card = Karticu { $value } dijele članovi { $members }.
cli-check-name_birthday = Isto ime i rođendan ({ $value }): članovi { $members }.
ui-taken-title = Već je u klubu
help-check = Provjeri datoteku baze podataka (cjelovitost, veze među retcima, dnevnik bodova) i popiši telefone, e-poštu i kartice koje dijeli više članova te članove s istim imenom i rođendanom (izlaz 1 kad nešto nije u redu)
help-member-add-yes = Upiši i kad neki član ima isto ime i isti rođendan

# perf14
ui-review-loading = Prikupljanje tjednog pregleda… tipke i dalje rade.

# mistakes14
err-kin-too-old = Time bi bili stariji od { $limit } godina, što je vjerojatno tipfeler; provjerite datum rođenja ili dob.
err-child-not-found = Nijedno dijete nema id { $id } (id-ovi su u member show --json).
err-pet-not-found = Nijedan ljubimac nema id { $id } (id-ovi su u member show --json).
field-passed-away = Uginuo
err-kin-same-name = Ovaj član već ima { $name } ({ $kin }); dodajte --yes da se ipak spremi.
err-needs-yes = Ovo se ne može poništiti: dodajte --yes za nastavak.
cli-child-edited = Promijenjeno dijete { $name } člana { $member }
cli-pet-edited = Promijenjen ljubimac { $name } člana { $member }
cli-child-removed = Dijete { $name } uklonjeno od člana { $member }
cli-pet-removed = Ljubimac { $name } uklonjen od člana { $member }
cli-pet-passed-away = { $pet }, uginuo { $date }
cli-member-edited = Promijenjen član { $id }: { $name }
help-member-edit = Promijeni podatke člana; mijenjaju se samo navedene opcije
help-member-edit-key = Id člana, broj kartice, telefon ili e-pošta
help-member-edit-json = Ispiši promijenjenog člana kao JSON
help-member-delete = Obriši člana: isto kao member erase (osobni podaci uklanjaju se, računi ostaju bez imena)
help-member-delete-key = Id člana, broj kartice, telefon ili e-pošta
help-member-delete-yes = Da, obriši (bez toga se ništa ne briše)
help-child-edit = Promijeni podatke djeteta; mijenjaju se samo navedene opcije
help-child-edit-id = Id djeteta, kao u member show --json
help-child-remove = Ukloni dijete dodano greškom
help-child-remove-id = Id djeteta, kao u member show --json
help-pet-edit = Promijeni podatke ljubimca ili ga označi kao uginulog
help-pet-edit-id = Id ljubimca, kao u member show --json
help-pet-edit-passed-away = Dan kad je ljubimac uginuo: ostaje na kartici, bez podsjetnika (prazno briše)
help-pet-remove = Ukloni ljubimca dodanog greškom
help-pet-remove-id = Id ljubimca, kao u member show --json
ui-err-too-old = stariji od { $limit } godina? provjerite datum ili dob
ui-family-edit-child = Promijeni dijete: { $name }
ui-family-edit-pet = Promijeni ljubimca: { $name }
ui-family-none-to-pick = Još nema djece ni ljubimaca: c ili p dodaje
ui-family-pick-first = Najprije odaberite dijete ili ljubimca tipkom f
ui-family-pick-pet = Najprije odaberite ljubimca tipkom f
ui-confirm-family-remove-title = Ukloniti?
ui-confirm-family-remove = Ukloniti { $name } s kartice? Ovo se ne može poništiti.
ui-confirm-passed-away-title = Uginuo?
ui-confirm-passed-away = Označiti { $name } kao uginulog danas? Ostaje na kartici, bez čestitki za rođendan ili dan dolaska kući.
ui-confirm-same-name-title = Dvaput?
ui-confirm-same-name = Ovaj član već ima { $name }. Ipak spremiti?
ui-family-removed = Uklonjeno: { $name }
ui-family-passed-away = { $name } označen kao uginuo
ui-card-passed-away = uginuo { $date }
ui-key-pick-family = odaberi dijete/ljubimca
ui-key-edit-family = promijeni dijete/ljubimca
ui-key-remove-family = ukloni dijete/ljubimca
ui-key-pet-passed-away = ljubimac uginuo
help-redeem-json = Ispiši JSON
help-adjust-json = Ispiši JSON
help-demo-json = Ispiši JSON
help-child-add-json = Ispiši JSON
help-child-edit-json = Ispiši JSON
help-child-remove-json = Ispiši JSON
help-pet-add-json = Ispiši JSON
help-pet-edit-json = Ispiši JSON
help-pet-remove-json = Ispiši JSON
help-member-delete-json = Ispiši JSON
help-child-add-yes = Spremi i kad član već ima nekoga s tim imenom
help-child-edit-yes = Spremi i kad član već ima nekoga s tim imenom
help-pet-add-yes = Spremi i kad član već ima nekoga s tim imenom
help-pet-edit-yes = Spremi i kad član već ima nekoga s tim imenom
help-child-remove-yes = Da, ukloni (bez toga se ništa ne uklanja)
help-pet-remove-yes = Da, ukloni (bez toga se ništa ne uklanja)

# link14
ui-link-confirm-title = Povezati s ovim članom?
ui-link-confirm-till = Kupac s blagajne
ui-link-confirm-member = Član
ui-link-confirm-same = Imena se podudaraju.
ui-link-confirm-differ = ⚠ Imena se razlikuju: je li to ista osoba?
ui-link-confirm-no-name = Blagajna nije zapisala ime: provjerite karticu, telefon ili e-poštu.
ui-help-link-confirm = Prije povezivanja
ui-card-till-customers = Povezani kupci s blagajne
ui-card-till-hint = u odspaja, l bira drugog
ui-key-pick-till-customer = odaberi kupca s blagajne
ui-key-unlink = odspoji kupca s blagajne
ui-till-none-linked = Nijedan kupac s blagajne nije povezan s ovim članom.
ui-confirm-unlink-title = Odspojiti?
ui-confirm-unlink = Odspojiti { $who } ({ $till }) od člana { $name }? Njegovi računi opet neće pripadati nijednom članu, a kasniji uvozi ih neće povezati s članom { $name }.
ui-unlinked = { $who } odspojen od člana { $name }: { $receipts } opet bez člana.
ui-card-more-below = ↓ još
ui-card-more-above = ↑ još

# fixes14
loyalty-err-below-zero = Stanje bi tada bilo { $balance }, ispod nule; ništa nije promijenjeno.
cli-adjust-below-zero = Stanje bi tada bilo { $balance }, ispod nule; ništa nije promijenjeno. Dodajte { $flag } da se bodovi ipak oduzmu.
loyalty-adjusted-up = Ručno dodano: { $points }. Novo stanje: { $balance }.
loyalty-adjusted-down = Ručno oduzeto: { $points }. Novo stanje: { $balance }.
ui-adjust-below-zero-title = Ispod nule?
ui-adjust-below-zero-question = Ako se oduzme { $points }, stanje će biti { $balance }, ispod nule. Ipak oduzeti?
help-adjust-allow-negative = Oduzmi bodove i kad stanje time padne ispod nule
demo-err-chain = Ova trgovina je poslovnica lanca ([sync] u postavkama): probni članovi stigli bi u sve poslovnice. Isprobajte ih u drugoj datoteci: regulars --db demo.db
demo-err-already = { $count ->
    [one] Klub već ima { $count } probnog člana
    [few] Klub već ima { $count } probna člana
   *[other] Klub već ima { $count } probnih članova
}; ništa nije dodano. Najprije ih uklonite naredbom { $command }.
demo-err-club-not-empty = { $count ->
    [one] Klub već ima { $count } člana
    [few] Klub već ima { $count } člana
   *[other] Klub već ima { $count } članova
}; probni članovi bi se pomiješali s njima. Dodajte { $flag } da ih ipak dodate.
demo-err-remove-ask = { $count ->
    [one] Time se uklanja { $count } probni član
    [few] Time se uklanjaju { $count } probna člana
   *[other] Time se uklanja { $count } probnih članova
} s računima i bodovima; dodajte { $flag } da se to učini.
cli-demo-removed = { $count ->
    [one] Uklonjen je { $count } probni član.
    [few] Uklonjena su { $count } probna člana.
   *[other] Uklonjeno je { $count } probnih članova.
}
help-demo-yes = Dodaj ih i u klub koji već ima članove, ili ih ukloni uz --remove
help-demo-remove = Ukloni probne članove, s njihovim računima i bodovima

# setup14
field-shop-name = Naziv trgovine
field-country = Zemlja
field-currency = Valuta
field-language = Jezik
field-feb29 = Rođendan 29. 2.
settings-feb29-feb28 = 28. 2. u ostalim godinama
settings-feb29-mar1 = 1. 3. u ostalim godinama
settings-language-name = Hrvatski
settings-choose = ←→ odaberi
settings-currency-usual = ondje uobičajena: { $currency }
settings-country-examples = npr. { $phone }, { $date }
ui-setup-title = Vaša trgovina
ui-setup-intro = Dobro došli! Ovo je pogođeno prema jeziku vašeg računala. Promijenite što nije točno; Enter prihvaća sve.
ui-setup-later = Sve se kasnije može promijeniti u Postavkama (s na popisu za pultom ili F4).
ui-settings-title = Postavke
ui-settings-intro = Sprema se u datoteku postavki; njezini komentari i ostale postavke ostaju kakvi jesu.
ui-settings-saved = Postavke su spremljene.
ui-settings-no-file = Nema datoteke postavki u koju bi se postavke spremile.
ui-settings-fix = Ispravite označene postavke.
ui-settings-sorting = Popisi članova slažu se za novi jezik… { $done } od { $total }
ui-settings-sorting-note = Tipke i dalje rade; Esc vraća natrag dok se posao dovršava.
ui-key-settings = postavke
ui-key-accept = prihvati
ui-help-title-setup = Pomoć: vaša trgovina
ui-help-intro-setup = Prvo pokretanje: naziv trgovine, zemlja (prema njoj se čitaju brojevi telefona, redoslijed datuma i uobičajena valuta), valuta i jezik. Tab prelazi između njih; Enter ih sprema u datoteku postavki.
ui-help-setup = Na ovom zaslonu
ui-help-title-settings = Pomoć: postavke
ui-help-intro-settings = Naziv trgovine, zemlja, valuta i jezik te dan kad se rođendan 29. 2. slavi u ostalim godinama. Enter ih sprema u datoteku postavki i čuva njezine komentare.
ui-help-settings = Na ovom zaslonu

# import14
import-row-ambiguous-money = "{ $column }": "{ $value }" mogu biti tisuće ili decimale, a nijedan drugi iznos u ovom stupcu ne pokazuje kojim znakom datoteka piše decimale; upišite ga kao 1234.00 ili 1.234,00
import-row-ambiguous-money-mixed = "{ $column }": "{ $value }" mogu biti tisuće ili decimale, a ovaj stupac piše decimale i s "." i s ","; upišite sve iznose stupca na isti način
import-err-currency = { $file } je u valuti { $currency } (redak { $line }), a valuta trgovine je { $shop }; ništa nije spremljeno. Dodajte --currency { $currency } da se iznosi spreme kakvi jesu.
import-note-currency = Ova datoteka je u valuti { $currency } (redak { $line }), a valuta trgovine je { $shop }; iznosi su spremljeni kakvi jesu. Ako { $shop } nije točna, postavite valutu trgovine u postavkama.
import-err-currency-code = "{ $value }" nije troslovna oznaka valute (npr. EUR, DKK, ILS).
import-again-done = { $file } ({ $format }) ponovno pročitana: { $matched } računa bez člana sada ima člana, { $unmatched } ih još nema; odbijeno redaka: { $rejected }. Ništa drugo nije promijenjeno.
help-import-currency = Valuta datoteke (npr. DKK) kad nije valuta trgovine: iznosi se spremaju kakvi jesu
help-import-again = Ponovno pročitaj već uvezenu datoteku (s --country ili --format): njezini računi bez člana se povezuju; ništa se drugo ne mijenja
ui-import-country = Zemlja:
ui-import-format = Format: { $format }
ui-import-format-detect = prepoznaj
ui-import-currency-question = { $file } je u valuti { $currency }, a valuta trgovine je { $shop }. Uvesti je s iznosima kakvi jesu? (y / n)
ui-import-result-matched = Sada s članom
ui-key-import-country = zemlja
ui-key-import-format = format
ui-key-import-again = pročitaj ponovno
ui-help-import-country = Upisivanje zemlje
ui-import-choices-hint = c zemlja · f format · a pročitaj opet

# review14
loyalty-cli-near = Unutar 10 % do iduće razine, najmanji nedostatak prvi:
loyalty-col-member = Član
loyalty-col-to-next = Do iduće razine
ui-review-col-missing = Nedostaje
ui-review-col-next = Iduća razina
ui-review-near-intro = Unutar 10 % do iduće razine, najmanji nedostatak prvi
ui-review-no-near = Trenutno nijedan član nije unutar 10 % do iduće razine.

# backup15
backup-err-exists = { $path } već postoji; sigurnosna kopija nikad ne zamjenjuje datoteku. Navedite novi naziv datoteke ili mapu.
backup-err-no-file = Ovaj klub nema datoteku baze podataka za sigurnosnu kopiju.
cli-backup-done = Sigurnosna kopija spremljena u { $path }
help-backup = Kopiraj bazu podataka u datoteku s datumom u mapi sigurnosnih kopija (ili u PATH), sigurno i dok aplikacija ili uvoz pišu u nju
help-backup-path = Nova datoteka ili mapa za kopiju; bez nje, mapa sigurnosnih kopija pokraj baze podataka
help-backup-json = Ispiši JSON: putanju kopije
ui-backup-failed = Dnevna sigurnosna kopija nije napravljena: { $detail }
cli-check-sound = Datoteka baze podataka je ispravna: njezine stranice, veze među retcima i dnevnik bodova su u redu.
cli-check-damaged = Datoteka baze podataka je oštećena ({ $detail }). Zaustavite aplikaciju i vratite najnoviju sigurnosnu kopiju (vidi README).
cli-check-missing-row = Redak { $rowid } tablice { $table } upućuje na redak tablice { $parent } koji ne postoji.
cli-check-bad-points = Član { $member }: redak bodova { $id } ({ $reason }, { $delta }, { $at }) ne može biti točan i za toliko je pogrešno stanje bodova.

# consent15
err-consent-how = "{ $value }" nije način davanja privole; upišite counter, signup, import, form ili cli.
err-consent-nothing = Recite što se mijenja: --grant sms,email ili --withdraw sms.
err-consent-both = Za { $channel } privola se ne može istodobno dati i povući.
consent-state-yes = da
consent-given = dana
consent-withdrawn = povučena
consent-how-counter = na blagajni
consent-how-signup = pri upisu
consent-how-import = uvezeno
consent-how-form = na obrascu
consent-how-cli = u naredbenom retku
cli-consent-saved = Privole člana { $name } ({ $id }) spremljene:
signup-suppressed = { $name } počinje bez privole za { $channels }: taj je kontakt već tražio da ga se ne kontaktira. Vratiti ga može samo ponovno dana privola na blagajni.
ui-card-consent-history = Povijest privola
ui-key-pick-consent = odaberi kanal
ui-key-change-consent = promijeni privolu
ui-confirm-consent-title = Promijeniti privolu?
ui-confirm-consent-grant = Pristaje li { $name } od sada na kontakt putem kanala { $channel }?
ui-confirm-consent-withdraw = Povlači li { $name } privolu za kontakt putem kanala { $channel }? Kontakt ide na popis za nekontaktiranje.
ui-consent-saved = Privole člana { $name } spremljene.
help-consent = Dajte ili povucite privolu člana za kontakt, po kanalu
help-consent-key = Broj člana, broj kartice, telefon ili email
help-consent-grant = Kanali na koje član od sada pristaje, npr. sms,email
help-consent-withdraw = Kanali na koje član više ne pristaje, npr. sms
help-consent-how = Gdje je dana: counter, signup, import, form ili cli
help-consent-json = Ispiši trenutne privole kao JSON
err-export-channel = Kontakti se izvoze za sms ili email, ne za "{ $value }".
cli-export-written = { $count ->
    [one] { $count } kontakt zapisan u { $path }
    [few] { $count } kontakta zapisana u { $path }
   *[other] { $count } kontakata zapisano u { $path }
}
cli-export-raw = Telefoni su zapisani kao +E.164 za SMS alat i nisu zaštićeni od formula u tablici.
help-export = Popisi za poruke koje se šalju drugdje
help-export-contacts = Članovi koji su pristali na poruke na kanalu, kao CSV ili vCard (nisu na popisu za nekontaktiranje, nisu obrisani)
help-export-contacts-channel = sms ili email
help-export-contacts-out = Datoteka za zapis (zadano: mapa za izvoz)
help-export-contacts-raw = Telefoni kao +E.164 za SMS alate, bez zaštite od formula

# segments15
segment-err-empty = Segment je prazan: upišite uvjet poput tier=Gold.
segment-err-unknown-word = Nepoznata riječ „{ $found }” na znaku { $at }. Riječi su: tier, pet, children, child_age, age, birthday_month, area, tag, language, visits_12m, spend_12m, last_visit, bought, category, source, usual_day, usual_hour, occupation.
segment-err-bad-value = „{ $found }” nije vrijednost za { $word } (znak { $at }).
segment-err-bad-op = { $word } ne prima „{ $found }” (znak { $at }).
segment-err-needs-value = { $word } traži vrijednost, npr. { $word }=… (znak { $at }).
segment-err-end = Na kraju nedostaje uvjet (znak { $at }).
segment-err-unclosed = „{ $found }” na znaku { $at } nije zatvoren.
segment-err-unexpected = Neočekivano „{ $found }” na znaku { $at }.
segment-err-unknown-tier = Nema razine „{ $tier }”. Razine su: { $tiers }.
segment-err-unknown-name = Nema spremljenog segmenta „{ $name }”.
segment-err-bad-name = Naziv segmenta ne smije biti prazan ni sadržavati znak =: „{ $name }”.
segment-saved = Segment „{ $name }” je spremljen: { $expr }
segment-none-saved = Još nema spremljenih segmenata.
segment-members = { $count ->
    [one] { $shown } član
    [few] { $shown } člana
   *[other] { $shown } članova
}
segment-no-data = Za { $word } još ništa nije zabilježeno, pa ne odgovara nikome.
help-segment = Spremi, popiši i prikaži segmente: članove odabrane izrazom poput pet=dog and children
help-segment-save = Spremi izraz pod nazivom
help-segment-save-name = Naziv segmenta
help-segment-save-expr = Izraz, npr. tier=Gold and pet=dog
help-segment-list = Spremljeni segmenti i njihovi izrazi
help-segment-show = Izraz spremljenog segmenta i koliko članova danas obuhvaća
help-segment-show-name = Naziv segmenta
help-segment-show-json = Ispiši JSON: name, expr, count i member_ids
ui-key-segments = segmenti
ui-key-save-segment = spremi kao
ui-key-saved-segments = spremljeni segmenti
ui-key-load-segment = učitaj
ui-key-segment-expression = izraz
ui-segments-title = Segmenti
ui-segments-expression = Izraz
ui-segments-example = Na primjer: pet=dog and children, tier=Gold and not area=10000, visits_12m>=5 or spend_12m>=500
ui-segments-name = Spremi kao
ui-segments-saved = Spremljeni segmenti
ui-help-title-segments = Pomoć: segmenti
ui-help-intro-segments = Segment bira članove po onome što klub zna o njima. Uvjete spojite s and, or, not i zagradama: tier=Gold, pet=dog, children, child_age=3..6, age=30..45, birthday_month=12, area=10000, tag=vegan, language=he, visits_12m>=5, spend_12m>=500, last_visit<2026-09-01, bought=Birthday cake, category=Cakes, source, usual_day=sat, usual_hour=7..9, occupation. Broj članova računa se dok tipkate; greška se navodi ispod polja.
ui-help-segments = Dok tipkate izraz
ui-help-segments-list = U spremljenim segmentima
ui-help-segments-name = Dok tipkate naziv za spremanje
segment-counting = brojim…

# tuiexport15
help-export-contacts-vcard = vCard 4.0 umjesto CSV-a, jedna kartica po članu, za adresar
ui-key-export-segment = izvezi
ui-key-export-channel = SMS ili e-pošta
ui-key-export-format = CSV ili vCard
ui-key-export-write = zapiši datoteku
ui-help-contacts-export = Pri izvozu kontakata
ui-export-title = Izvoz kontakata: { $name }
ui-export-channel = Kanal
ui-export-format = Format
ui-export-csv = CSV
ui-export-vcard = vCard
ui-export-members = { $count ->
    [one] { $count } član
    [few] { $count } člana
   *[other] { $count } članova
}
ui-export-will-write = Zapisat će se: { $written }; bez privole izostavljeno: { $left }
ui-export-written = Zapisano u { $path }: { $written }; bez privole izostavljeno: { $left }
ui-segments-export-empty = Najprije upišite segment: izvoz zapisuje njegove članove.

# erase15
help-member-export = Sve što je spremljeno o članu, kao JSON: podaci, djeca, ljubimci, privole, računi, bodovi, zapis kontakata
help-member-export-key = Id člana, broj kartice, telefon ili e-pošta (za izbrisanog člana: id)
help-member-export-out = Zapiši u ovu datoteku (čitljivu samo vama) umjesto ispisa
cli-member-exported = Sve što je spremljeno o članu { $id } nalazi se u { $path }
help-member-erase = Izbriši podatke člana: ime, kontakti, rođendan, obitelj, bodovi i bilješke uklanjaju se; računi ostaju bez imena; kontakti idu na popis za nekontaktiranje
help-member-erase-key = Id člana, broj kartice, telefon ili e-pošta
help-member-erase-yes = Da, izbriši (bez toga se ništa ne briše)
help-member-erase-json = Ispiši JSON
err-erase-needs-yes = Brisanje člana { $id } ({ $name }) uklanja ime, telefon, e-poštu, karticu, rođendan, područje, bilješku, servisne bilješke, djecu, ljubimce, bodove, razinu i zapis kontakata, te ime i kontakte s njegovih računa; računi ostaju bez imena, a zapis privola i anonimni odgovori na anketu ostaju. Ovo se ne može poništiti: dodajte --yes za nastavak.
cli-member-erased = Izbrisan član { $id } ({ $name }). Računi ostaju, bez imena.

# merge15
merge-err-same = Član se ne može spojiti sam sa sobom (član { $id }).
merge-err-erased = Član { $id } je izbrisan i ne može se spojiti.
merge-field-tags = Oznake
merge-what-receipts = Računi
merge-what-points = Zapisi bodova
merge-what-children = Djeca
merge-what-pets = Ljubimci
merge-what-consents = Zapisi privola
merge-what-contact_log = Zapisi kontakata
merge-what-customer_links = Povezani kupci s blagajne
merge-what-referred = Članovi koje je doveo
merge-what-feedback = Odgovori na anketu
merge-preview-title = Spajanje člana { $drop } ({ $drop_name }) u člana { $keep } ({ $keep_name }):
merge-moves = Prelazi članu { $keep }:
merge-fills = Popunjeno od člana { $drop }:
merge-joins = Spojeno:
merge-differs = Imaju oba, ostaje od člana { $keep }:
merge-points = Bodovi obojice zajedno: { $points }
merge-nothing = ništa
merge-needs-yes = Ništa nije spojeno: dodajte --yes da spojite člana { $drop } u člana { $keep }.
merge-done = Član { $drop } spojen je u člana { $keep } ({ $name }); bodova sada: { $points }.
help-member-merge = Spoji DROP u KEEP: svi računi, bodovi, djeca, ljubimci, privole i bilješke obojice ostaju na KEEP
help-member-merge-keep = Član koji ostaje: id, broj kartice, telefon ili e-pošta
help-member-merge-drop = Član koji se spaja u KEEP i zatim više nije član
help-member-merge-yes = Da, spoji (bez toga se samo prikaže što bi se dogodilo)
help-member-merge-json = Ispiši JSON
merge-why-phone = isti telefon
merge-why-email = ista e-pošta
merge-why-card = ista kartica
merge-why-name_birthday = slično ime, isti rođendan
merge-why-till_customer = isti kupac s blagajne
ui-key-duplicates = duplikati
ui-key-merge-preview = što bi spajanje učinilo
ui-key-swap-kept = zamijeni tko ostaje
ui-key-merge = spoji
ui-duplicates-title = Duplikati
ui-duplicates-finding = Tražim članove koji su možda ista osoba…
ui-duplicates-none = Nema vjerojatnih duplikata: nikoja dva člana nemaju isti telefon, e-poštu ili karticu, isto ime i rođendan ni istog kupca s blagajne.
ui-help-title-duplicates = Pomoć: duplikati
ui-help-intro-duplicates = Parovi članova koji su vjerojatno ista osoba: isti telefon, e-pošta ili kartica, slično ime s istim rođendanom ili računi istog kupca s blagajne na obojici. Spajanje zadržava sve račune, bodove, djecu, ljubimce, zapise privola i bilješke obojice na članu koji ostaje.
ui-help-duplicates = Na popisu parova
ui-help-duplicates-preview = U pregledu spajanja

# erasetui15
ui-key-erase = izbriši
ui-key-export-member = izvezi podatke
ui-confirm-erase-title = Izbrisati podatke člana?
ui-confirm-erase =
    Izbrisati podatke člana { $name }? Ovo se ne može poništiti.
    Uklanja se: ime, telefon, e-pošta, kartica, rođendan, djeca i ljubimci, bodovi i razina, zapis kontakata, servisne bilješke te veze s kupcima s blagajne.
    Ostaje: njegove kupnje, bez imena, pa se iznosi trgovine ne mijenjaju; zapis privola; telefon i e-pošta na popisu za nekontaktiranje.
ui-erased = Izbrisani podaci člana { $name }. Kupnje ostaju, bez imena.
ui-confirm-export-member-title = Izvesti podatke člana?
ui-confirm-export-member =
    Zapisati sve što klub čuva o članu { $name } (podaci, djeca i ljubimci, povijest privola, računi, bodovi, bilješke i zapis kontakata) u JSON datoteku koju samo vi možete čitati?
    Datoteka ide u { $folder }, nazvana po broju člana i današnjem datumu.
ui-member-exported = Sve što je spremljeno o članu { $name } nalazi se u { $path }
ui-export-member-no-file = Ovaj klub nije spremljen u datoteku, pa nema mape za izvoz u koju bi se pisalo.

# stats16
config-source-friend = prijatelj ili obitelj
config-source-neighbour-shop = susjedna trgovina
config-source-supplier = dobavljač
config-source-social-media = društvene mreže
config-source-walked-past = prolazio pokraj trgovine
config-source-event = događaj
config-source-staff = osoblje
config-source-business-network = gospodarska komora ili poslovna mreža
err-config-stats = { $key } = { $value } je izvan raspona: lapse_days je cijeli broj dana od 1 naviše, lifespan_years broj godina veći od 0 i najviše 100
err-feedback-range = Odgovor { $what } { $value } je izvan raspona: upišite cijeli broj od { $lowest } do { $highest }
err-source-unknown = "{ $name }" nije jedan od izvora u postavkama: { $sources }
cli-feedback-saved = { $what } { $score } spremljeno za { $name } (#{ $id })
cli-feedback-saved-anonymous = { $what } { $score } spremljeno, anonimno
help-member-add-referred-by = Član koji ga je doveo: id, broj kartice, telefon ili e-pošta
help-member-add-source = Kako je saznao za trgovinu, jedan od izvora iz postavki, npr. "prolazio pokraj trgovine"
help-feedback = Upiši odgovor s pulta: NPS 0–10 ili CSAT 1–5
help-feedback-key = Id člana, broj kartice, telefon ili e-pošta
help-feedback-anonymous = Odgovor nekoga tko nije imenovan
help-feedback-nps = Koliko je vjerojatno da bi preporučio trgovinu, 0–10
help-feedback-csat = Koliko je zadovoljan, 1–5
help-feedback-json = Ispiši spremljeni odgovor kao JSON
help-stats = Zdravlje kluba: zadržavanje, odljev, NPS, CSAT, životna vrijednost kupca i udio članova u prodaji
help-stats-from = Prvi dan razdoblja (zadano: 364 dana prije zadnjeg)
help-stats-to = Zadnji dan razdoblja (zadano: danas)
help-stats-shop = Samo ova poslovnica lanca: njezini računi i članovi koji su se u njoj učlanili ili kupovali
help-stats-json = Ispiši brojke kao JSON
stats-title = Zdravlje kluba, { $from } – { $to } ({ $days } dana)
stats-members = Članovi
stats-new-members = Novi članovi
stats-active-start = Aktivni na početku
stats-active-end = Aktivni na kraju
stats-lost = Izgubljeni u razdoblju
stats-retention = Stopa zadržavanja
stats-churn = Stopa odljeva
stats-nps = NPS
stats-csat = CSAT
stats-answers = { $count ->
    [one] { $shown } odgovor
    [few] { $shown } odgovora
   *[other] { $shown } odgovora
}
stats-cltv = Životna vrijednost kupca
stats-avg-basket = Prosječna košarica
stats-visits-per-year = Posjeta godišnje
stats-lifespan = Godina koliko član ostaje
stats-member-share = Udio članova u prodaji
stats-undefined = —
stats-sources = Kako su novi članovi saznali za nas
stats-source-line = novih: { $count }, { $spend } u 12 mjeseci
stats-top-referrers = Doveli najviše novih članova
err-stats-period = Razdoblje bi završilo { $to }, prije nego što počinje { $from }
cli-branch = Poslovnica: { $name }
err-shop-unknown = Nema poslovnice „{ $name }”. Poznate poslovnice: { $known }
err-shop-unknown-none = Nema poslovnice „{ $name }”: nijedan račun ni član još ne nosi naziv poslovnice, a ova trgovina nema vlastiti naziv ([sync] shop u konfiguracijskoj datoteci)

# statsscreen16
ui-key-stats = brojke kluba
ui-key-stats-formula = formula
ui-key-stats-month = ±1 mjesec
ui-key-stats-other = druga brojka
ui-help-stats = Na zaslonu statistike
ui-help-stats-formula = Kako se brojka računa
stats-screen-working = Računam brojke…
stats-screen-chart-working = Crtam zadnjih 12 mjeseci…
stats-screen-undefined = nije definirano
stats-screen-why-start = Nije definirano: nijedan član nije bio aktivan prvog dana razdoblja.
stats-screen-why-answers = Nije definirano: nema odgovora u razdoblju.
stats-screen-why-sales = Nije definirano: u razdoblju ništa nije kupljeno.
stats-screen-why-parts = Nije definirano: jedan od njezina tri dijela nije definiran.
stats-screen-why-visits = Nije definirano: nijedan član nije došao u razdoblju.
stats-screen-not-after-today = Razdoblje ne može završiti nakon današnjeg dana.
stats-screen-active-rule = Aktivan: došao u { $days } dana do tog dana.
stats-screen-chart = Zadnjih 12 mjeseci
stats-screen-chart-members = članovi
stats-screen-chart-active = aktivni
stats-screen-period = Razdoblje: { $from } – { $to }, dana: { $days }
stats-screen-new-active = Aktivni na kraju koji su se učlanili u razdoblju
stats-screen-answers = Odgovori
stats-screen-promoters = Odgovori 9–10
stats-screen-detractors = Odgovori 0–6
stats-screen-satisfied = Odgovori 4 ili 5
stats-screen-member-net = Prodaja članovima umanjena za povrate
stats-screen-member-receipts = Računi prodaje članovima
stats-screen-member-visits = Posjeti članova (dani s kupnjom)
stats-screen-members-visiting = Članovi koji su došli
stats-screen-all-net = Sva prodaja umanjena za povrate
stats-screen-days = Dana u razdoblju
stats-screen-lifespan-setting = Godine zadane u postavkama
stats-formula-members = Članovi učlanjeni do zadnjeg dana razdoblja; izbrisani članovi se ne broje.
stats-formula-new-members = Članovi koji su se učlanili u razdoblju, aktivni ili ne.
stats-formula-active-start = S = članovi aktivni prvog dana razdoblja.
stats-formula-active-end = E = članovi aktivni zadnjeg dana razdoblja.
stats-formula-lost = Članovi aktivni prvog dana (S) koji više nisu aktivni zadnjeg (E).
stats-formula-retention = Zadržavanje = (E − N) ÷ S × 100
stats-formula-churn = Odljev = izgubljeni ÷ S × 100
stats-formula-nps = NPS = % odgovora 9–10 − % odgovora 0–6
stats-formula-csat = CSAT = % odgovora 4 ili 5
stats-formula-cltv = Životna vrijednost = prosječna košarica × posjeta godišnje × godina koliko član ostaje
stats-formula-avg-basket = Prosječna košarica = prodaja članovima umanjena za povrate ÷ njihovi računi prodaje
stats-formula-visits-per-year = Posjeta godišnje = posjeti ÷ članovi koji su došli × 365 ÷ dana u razdoblju
stats-formula-lifespan = Godina koliko član ostaje = 1 ÷ godišnji odljev, najviše 10 (osim ako je zadano u postavkama)
stats-formula-member-share = Udio članova = prodaja članovima ÷ sva prodaja × 100 (bez povrata)

# notes16
note-kind-note = Bilješka
note-kind-request = Zahtjev
note-kind-complaint = Pritužba
note-open = otvoreno
note-resolved-on = riješeno { $date }: { $how }
err-note-kind = "{ $kind }" nije vrsta bilješke: upotrijebite jedno od { $kinds }
err-note-empty = Bilješka je prazna: napišite što treba zapamtiti
err-note-how-empty = Napišite što je učinjeno da se riješi
err-note-not-found = Nema bilješke br. { $id }
err-note-plain = Bilješka br. { $id } obična je bilješka: rješavaju se samo zahtjevi i pritužbe
err-note-resolved = Bilješka br. { $id } već je riješena { $at }
cli-note-added = { $kind } br. { $id } dodano za { $name }
cli-note-none = Nema bilješki
cli-note-resolved = { $kind } br. { $id } riješeno; bilješka ostaje u povijesti člana
merge-what-notes = Bilješke o usluzi
help-note = Bilješke o usluzi: bilješke, zahtjevi i pritužbe te kako su riješeni
help-note-add = Dodaj članu bilješku, zahtjev ili pritužbu
help-note-add-key = Id člana, broj kartice, telefon ili e-pošta
help-note-add-kind = note (bilješka), request (zahtjev) ili complaint (pritužba)
help-note-add-text = Što treba zapamtiti
help-note-add-json = Ispiši novu bilješku kao JSON
help-note-list = Bilješke jednog člana ili svih, najnovije prve
help-note-list-key = Id člana, broj kartice, telefon ili e-pošta (bez: svi članovi)
help-note-list-open = Samo zahtjevi i pritužbe koji još nisu riješeni
help-note-list-json = Ispiši JSON: id, member_id, kind, text, at, resolved_at, resolution
help-note-resolve = Riješi zahtjev ili pritužbu, uz ono što je učinjeno
help-note-resolve-id = Broj bilješke
help-note-resolve-how = Što je učinjeno

# feedback16
ui-key-ask-nps = pitaj: preporuka? 0–10
ui-key-ask-csat = pitaj: zadovoljstvo? 1–5
ui-key-survey = upitnik
ui-key-feedback-score = odgovor
ui-key-feedback-ten = 10
ui-key-feedback-pick = odaberi
ui-key-feedback-store = spremi odgovor
ui-key-survey-skip = preskoči
ui-key-survey-stop = prekini
ui-feedback-title = Povratna informacija: { $name }
ui-feedback-title-anonymous = Povratna informacija (anonimno)
ui-feedback-nps-question = Koliko je vjerojatno da biste nas preporučili? 0–10
ui-feedback-nps-ends = 0 = nimalo vjerojatno, 10 = vrlo vjerojatno
ui-feedback-csat-question = Koliko ste danas bili zadovoljni? 1–5
ui-feedback-csat-ends = 1 = vrlo nezadovoljni, 5 = vrlo zadovoljni
ui-feedback-keys = Jedna tipka sprema odgovor: { $keys }
ui-feedback-keys-ten = Jedna tipka sprema odgovor: { $keys }, = za 10
ui-feedback-esc = Esc ne pita ništa.
ui-feedback-saved-anonymous = { $what } { $score } spremljeno, anonimno
ui-feedback-saved-bonus = { $what } { $score } spremljeno za { $name }, uz bonus recenzije: { $points }
ui-feedback-saved-no-bonus = { $what } { $score } spremljeno za { $name }; ovaj put bez bonusa recenzije (već dan ili nije postavljen)
ui-help-feedback = Pitanje za povratnu informaciju
ui-help-title-feedback = Pomoć: povratna informacija
ui-help-intro-feedback = Postavite pitanje kako je napisano i pritisnite tipku odgovora: sprema se odmah s današnjim datumom. S kartice člana odgovor je njegov (i jednom u razdoblju može donijeti bonus recenzije); s popisa na pultu je anoniman.
ui-survey-none = Još nema pitanja upitnika: vlasnik ih upisuje do pet u postavke, pod [[survey.questions]]
ui-survey-done = { $count ->
    [one] { $count } odgovor na upitnik spremljen za { $name }
    [few] { $count } odgovora na upitnik spremljena za { $name }
   *[other] { $count } odgovora na upitnik spremljeno za { $name }
}
ui-survey-title = Upitnik: { $name } · pitanje { $number } od { $total }
ui-survey-answer = Odgovor
ui-survey-keys-text = Upišite odgovor, Enter ga sprema. Tab preskače, Esc prekida.
ui-survey-keys-skip = Tab ili s preskače. Esc prekida; dani odgovori ostaju spremljeni.
ui-help-survey-pick = Pitanje s ljestvicom ili ponuđenim odgovorima
ui-help-survey-text = Pitanje na koje se odgovara riječima
ui-help-title-survey = Pomoć: upitnik
ui-help-intro-survey = Vlasnikova pitanja iz postavki, jedno po jedno. Svaki odgovor sprema se čim je dan, s današnjim datumom i riječima pitanja, pa ga kasnija izmjena postavki ne preimenuje.
ui-stats-survey-none = U postavkama još nema pitanja upitnika: dodajte do pet pod [[survey.questions]].
ui-key-stats-survey = upitnik
ui-key-stats-survey-back = natrag na brojke
ui-help-stats-survey = Na stranici upitnika
ui-help-title-stats_survey = Pomoć: odgovori na upitnik
ui-help-intro-stats_survey = Svako pitanje upitnika s odgovorima iz razdoblja zaslona brojki: prosjek ljestvice, koliko je tko odabrao koji odgovor, zadnjih pet odgovora riječima.
err-survey-too-many = { $count } pitanja upitnika: na pultu se postavlja najviše { $most }
err-survey-no-text = pitanje upitnika { $number } nema teksta: napišite pitanje kako se postavlja
err-survey-twice = pitanje upitnika { $number } "{ $text }" je tu dvaput: odgovori se vraćaju po riječima pitanja, pa svako mora biti drukčije
err-survey-choices = pitanje upitnika { $number } "{ $text }": pitanje s izborom treba 2 do { $most } različitih odgovora, npr. choices = ["Zobeno", "Sojino"]
err-survey-choices-unused = pitanje upitnika { $number } "{ $text }" je vrste { $kind }, koja nema ponuđenih odgovora: uklonite choices ili upotrijebite kind = "choice"
err-survey-none = U postavkama nema pitanja upitnika: dodajte do pet pod [[survey.questions]], svako s text i kind (nps, csat, choice ili text)
survey-answer-nps = 0–10 (0 = nimalo vjerojatno, 10 = vrlo vjerojatno)
survey-answer-csat = 1–5 (1 = vrlo nezadovoljni, 5 = vrlo zadovoljni)
survey-answer-choice = jedno od: { $choices }
survey-answer-text = svojim riječima
err-survey-import-read = { $path }: ne može se pročitati kao CSV: { $detail }
err-survey-import-column = { $path }: stupac "{ $column }" nije pitanje upitnika iz postavki (pitanje izmijenjeno nakon izvoza?); ništa nije uvezeno
err-survey-import-no-member = { $path }: nema stupca "member" (id, telefon, e-pošta ili kartica člana); ništa nije uvezeno
err-survey-import-no-question = { $path }: nijedan stupac nema riječi nekog pitanja upitnika; ništa nije uvezeno
err-survey-import-answer = "{ $value }" nije odgovor na "{ $column }": navedite { $expected }
err-survey-import-no-key = odgovori bez člana: stupac člana je prazan
cli-survey-exported = { $count ->
    [one] { $count } član za anketiranje zapisan u { $path }; pitanja su u { $questions }
    [few] { $count } člana za anketiranje zapisana u { $path }; pitanja su u { $questions }
   *[other] { $count } članova za anketiranje zapisano u { $path }; pitanja su u { $questions }
}
cli-survey-skipped = { $path }:{ $line }: preskočeno: { $problem }
cli-survey-imported = { $count ->
    [one] Uvezeni odgovori { $count } člana ({ $answers } odgovora); preskočeno redaka: { $skipped }
   *[other] Uvezeni odgovori { $count } članova ({ $answers } odgovora); preskočeno redaka: { $skipped }
}
stats-survey = Upitnik
stats-survey-question = { $number }. { $question } ({ $answers })
stats-survey-mean = Prosjek
stats-survey-latest = Zadnji
merge-what-survey_answers = Odgovori na upitnik
help-survey = Vlasnikov upitnik: izvoz pitanja i koga pitati, uvoz odgovora
help-survey-export = Zapiši pitanja i članove koji su pristali, koje treba pitati (kako ih bira export contacts)
help-survey-export-channel = sms ili email
help-survey-export-segment = Samo članovi ovog segmenta: ime spremljenog segmenta ili izraz
help-survey-export-out = Datoteka za zapis (zadano: mapa za izvoz); pitanja idu pokraj nje
help-survey-export-json = Ispiši datoteke, pitanja i broj članova kao JSON
help-survey-import = Vrati odgovore iz CSV-a: stupac člana i po jedan stupac za svako pitanje
help-survey-import-file = CSV datoteka, npr. izvezeni popis s upisanim odgovorima
help-survey-import-json = Ispiši što je uvezeno i preskočene retke kao JSON
ui-stats-survey-title = Odgovori na upitnik, { $from } – { $to }

# events16
event-field-date = Datum
err-event-name = Događaj treba naziv
err-event-capacity = Kapacitet { $value } nije broj ljudi: upišite 1 ili više, ili ga izostavite
err-event-not-found = Nema događaja #{ $id }
err-event-attended-twice = { $name } je već označen/a kao došao/la na { $event } ({ $at })
cli-event-added = Događaj #{ $id } dodan: { $name }, { $date }
event-none = Još nema događaja
event-invited-came = pozvano { $invited }, došlo { $came }
event-invite-written = { $count ->
    [one] { $shown } član pozvan; popis je zapisan u { $path }
    [few] { $shown } člana pozvana; popis je zapisan u { $path }
   *[other] { $shown } članova pozvano; popis je zapisan u { $path }
}
event-invite-left-out = { $count ->
    [one] { $count } član segmenta je izostavljen: nema privolu za ovaj kanal, nema kontakt za njega ili je na popisu za nekontaktiranje
    [few] { $count } člana segmenta su izostavljena: nemaju privolu za ovaj kanal, nemaju kontakt za njega ili su na popisu za nekontaktiranje
   *[other] { $count } članova segmenta je izostavljeno: nemaju privolu za ovaj kanal, nemaju kontakt za njega ili su na popisu za nekontaktiranje
}
event-invite-over = { $invited } pozvanih za { $capacity } mjesta: { $over } preko kapaciteta
event-attended = { $name } je došao/la na { $event }
event-attended-uninvited = { $name } je došao/la na { $event } (bez poziva)
event-after-title = 90 dana poslije: { $from } – { $to }
event-after-incomplete = još nije završeno
event-group-came = Došli
event-group-others = Aktivni članovi koji nisu pozvani
event-group-line = { $count ->
    [one] { $group }: { $members } član, prosječno { $visits } dolazaka i { $spend }
    [few] { $group }: { $members } člana, prosječno { $visits } dolazaka i { $spend } po članu
   *[other] { $group }: { $members } članova, prosječno { $visits } dolazaka i { $spend } po članu
}
event-group-nobody = { $group }: nitko
merge-what-event_invites = Pozivi na događaje
merge-what-event_attendance = Dolasci na događaje
help-event = Događaji kluba: dodavanje, popis, poziv segmentu, tko je došao, 90 dana poslije
help-event-add = Dodaj događaj kluba
help-event-add-name = Naziv događaja
help-event-add-date = Dan događaja
help-event-add-capacity = Koliko ljudi može doći (bez: nema ograničenja)
help-event-add-json = Ispiši novi događaj kao JSON
help-event-list = Svi događaji, najnoviji prvi
help-event-list-json = Ispiši JSON: id, name, date, capacity, invited_count, attended_count
help-event-invite = Pozovi članove segmenta koji su pristali na kanal i zapiši njihov popis kontakata
help-event-invite-id = Broj događaja
help-event-invite-segment = Naziv spremljenog segmenta ili izraz, npr. "pet=dog"
help-event-invite-channel = sms ili email
help-event-invite-out = Datoteka za zapis (zadano: mapa za izvoz pokraj baze)
help-event-attend = Označi da je član došao na događaj
help-event-attend-id = Broj događaja
help-event-attend-key = ID člana, broj kartice, telefon ili email
help-event-show = Tko je pozvan, tko je došao i 90 dana poslije
help-event-show-id = Broj događaja
help-event-show-json = Ispiši JSON: id, name, date, capacity, invited, attended, after_90d
ui-key-events = događaji
ui-key-new-event = novi događaj
ui-key-mark-came = došao / nije
ui-key-invite = pozovi
ui-key-invite-channel = SMS / email
ui-key-invite-write = pozovi i zapiši popis
ui-key-mark-picked = došao na ovaj
ui-key-came-to-event = došao na današnji događaj
ui-key-back-to-events = natrag na događaje
ui-help-title-events = Pomoć: događaji
ui-help-intro-events = Događaji kluba: radionice, degustacije, sat čitanja. Svaki red pokazuje dan, koliko je pozvano prema kapacitetu i koliko ih je došlo. n dodaje događaj; Enter ga otvara.
ui-help-title-event = Pomoć: događaj
ui-help-intro-event = Tko je pozvan i tko je došao, i 90 dana nakon događaja: dolasci i potrošnja po članu onih koji su došli, prema aktivnim članovima koji nisu pozvani. i poziva članove segmenta koji su pristali na kanal i zapisuje njihov popis kontakata; razmaknica označava tko je došao.
ui-help-title-event-pick = Pomoć: koji događaj
ui-help-intro-event-pick = Odaberite događaj na koji je član došao; Enter ga označava.
ui-help-events = Na zaslonu događaja
ui-help-events-form = Novi događaj
ui-help-event = Na događaju
ui-help-event-invite = Poziv segmentu
ui-help-event-pick = Odabir događaja
ui-events-title = Događaji kluba
ui-events-loading = Čitam događaje…
ui-events-empty = Još nema događaja: n dodaje jedan (naziv, dan, koliko ljudi može doći).
ui-events-col-date = Dan
ui-events-col-name = Događaj
ui-events-col-invited = Pozvano
ui-events-col-came = Došlo
ui-events-form-title = Novi događaj
event-field-capacity = Kapacitet
ui-events-capacity-hint = prazno: bez granice
ui-events-added = { $name } dodan za { $date }
ui-event-loading = Računam 90 dana poslije…
ui-event-guests = Pozvani i došli
ui-event-no-guests = Još nitko nije pozvan ni došao: i poziva segment.
ui-event-not-invited = bez poziva
ui-event-invite-title = Poziv na { $name }
ui-event-invite-segment = Segment
ui-event-invite-channel = Kanal
ui-event-invite-example = Naziv spremljenog segmenta ili izraz, npr. pet=dog and children. Pozivaju se samo članovi koji su pristali na kanal.
ui-event-invite-saved = Spremljeni segmenti: { $names }. Pozivaju se samo članovi koji su pristali na kanal.
ui-event-pick-title = Na koji je događaj došao/la?
ui-event-pick-none = Još nema događaja: dodajte ga na zaslonu događaja (e na popisu blagajne).

# notestui16
ui-key-add-note = + bilješka
ui-key-resolve-note = riješi zahtjev/pritužbu
ui-key-note-kind-note = bilješka
ui-key-note-kind-request = zahtjev
ui-key-note-kind-complaint = pritužba
ui-key-pick-open-note = odaberi koju
ui-key-resolve-save = riješi
ui-help-note-kind = Nova bilješka: koje je vrste
ui-help-note-text = Upisivanje bilješke
ui-help-note-resolve = Rješavanje zahtjeva ili pritužbe
ui-note-add-title = Bilješka za { $name }
ui-note-kind-title = { $kind } za { $name }
ui-note-resolve-title = Rješavanje za { $name }
ui-note-what-was-done = Što je učinjeno
ui-note-which-kind = Što je to? Jedna tipka:
ui-note-kind-esc = Esc: ipak bez bilješke
ui-note-hint-note = nešto što treba zapamtiti o njima
ui-note-hint-request = nešto što su tražili; otvoreno dok se ne učini
ui-note-hint-complaint = nešto je pošlo krivo; otvoreno dok se ne riješi
ui-note-which-open = Koju (↑↓):
ui-note-added = Spremljeno na karticu člana { $name }: { $kind }
ui-note-resolved = Riješeno za člana { $name }: { $kind }; ostaje u bilješkama
ui-note-none-open = Nema otvorenog zahtjeva ni pritužbe za rješavanje
ui-note-open-mark = ⚑
ui-card-notes = Bilješke usluge
ui-card-notes-hint = n dodaje bilješku, t rješava
ui-card-open-complaints = { $count ->
    [one] ⚑ otvorena pritužba
    [few] ⚑ { $count } otvorene pritužbe
   *[other] ⚑ { $count } otvorenih pritužbi
}
ui-card-open-requests = { $count ->
    [one] ⚑ otvoren zahtjev
    [few] ⚑ { $count } otvorena zahtjeva
   *[other] ⚑ { $count } otvorenih zahtjeva
}
ui-review-tab-open-notes = Neriješeno
ui-review-open-notes-intro = Otvoreni zahtjevi i pritužbe, najdulje čekanje prvo
ui-review-no-open-notes = Nijedan zahtjev ni pritužba ne čeka: sve je riješeno.
ui-review-col-open-since = Otvoreno od
ui-review-open-notes-hint = Enter otvara karticu; ondje t rješava i upisuje što je učinjeno

# referral16
signup-found-us = Saznali preko
signup-found-us-title = Kako su saznali za nas?
signup-found-us-placeholder = dio imena, telefona, kartice ili e-pošte člana
signup-found-us-members = Doveo ga je član
signup-found-us-sources = Ili su saznali preko
signup-found-us-hint = upišite ime, razmak: popis
signup-found-us-brought = doveo/la ga je
signup-found-us-bonus = { $referrer } je doveo { $name }: oboje su dobili bonus za preporuku ({ $points } bodova).
signup-found-us-noted = Zabilježeno da je { $referrer } doveo { $name }.
signup-found-us-key-list = popis
signup-found-us-key-pick = odaberi
signup-found-us-help = U retku "Kako su saznali za nas?"
signup-found-us-help-pick = Pri odabiru kako su saznali za nas
stats-screen-chart-churn-title = Odljev po mjesecima
stats-screen-chart-nps-title = NPS po mjesecima
stats-screen-chart-churn = odljev
stats-screen-chart-nps = NPS
stats-screen-key-period = razdoblje
stats-screen-key-sources = izvori
stats-screen-key-figures = brojke
stats-screen-key-show = prikaži
stats-screen-help-sources = Na stranici izvora
stats-screen-help-period = Pri upisu razdoblja
stats-period-title = Razdoblje
stats-period-from = Od
stats-period-to = Do
stats-period-hint = Datume pišite kao { $example } ili 2025-11-24.
stats-period-bad-date = { $field }: "{ $value }" nije datum; napišite ga kao { $example }
stats-period-after-today = { $field }: razdoblje ne može završiti nakon današnjeg dana ({ $today })
stats-period-order = { $from_field } ({ $from }) je nakon { $to_field } ({ $to })
stats-sources-none = Nijedan novi član u razdoblju nije naveo izvor.
stats-sources-col-source = Izvor
stats-sources-col-new = Novi članovi
stats-sources-col-spend = Potrošili u 12 mj.
stats-referrers-col-member = Član
stats-referrers-col-brought = Doveo
stats-referrers-none = Nijednog novog člana u razdoblju nije doveo član.

# square17
ui-unmatched-till-customer = kupac s blagajne { $id }
import-note-unknown-zone = Redak { $line }: { $column } "{ $value }" nije vremenska zona koju aplikacija poznaje; računi u njoj zadržavaju vrijeme kako je zapisano, bez vremena u UTC-u.

# stats events page
stats-screen-key-events = događaji
stats-screen-help-events = Stranica događaja
stats-events = Događaji kluba u razdoblju i 90 dana nakon svakog
stats-events-none = Nema događaja u ovom razdoblju (e na popisu na blagajni dodaje jedan).
stats-events-line = { $date } · { $name } · { $counts }

# mapping17
import-err-near-miss = { $path } izgleda kao izvoz { $format }, ali nedostaju mu stupci { $missing }: { $hint }; ništa nije spremljeno.
import-hint-square-columns = prije izvoza prikažite sve stupce na nadzornoj ploči Squarea
import-hint-all-columns = izvezite ga ponovno sa svim stupcima ili recite koji je stupac što s --map receipt=COLUMN,time=COLUMN,total=COLUMN
import-export-square-items = Square Item Sales
import-export-square-transactions = Square Transactions
import-export-loyverse-receipts = Loyverse Receipts
import-export-loyverse-items = Loyverse Receipts by item
import-export-shopify-orders = Shopify Orders
import-export-odoo-pos = Odoo Point of Sale
import-export-sumup = SumUp Transactions
import-export-mobilepay = MobilePay
import-export-zettle = Zettle
import-err-map-role = "{ $value }" u --map nije ULOGA=STUPAC s jednom od uloga receipt, time, total, item, qty, amount, kind, phone, email, card (svaka jednom).
import-err-map-missing = --map ne kaže koji je stupac { $role }: potrebni su receipt, time i total.
import-err-map-column = { $path } nema stupac "{ $column }" (zadan za { $role } u --map); ništa nije spremljeno.
import-err-map-twice = Stupac "{ $column }" zadan je za dvije uloge u --map.

# the import screen's mapping step
ui-map-unknown = { $file } nije izvoz koji aplikacija poznaje. Recite koji je stupac što (* je obavezno); prvi reci ispod pokazuju kako bi se datoteka pročitala.
ui-map-near-miss = { $file } izgleda kao izvoz { $format }, ali nedostaju mu { $missing }. Izvezite ga ponovno sa svim stupcima ili ovdje recite koji je stupac što (* je obavezno).
ui-map-near-miss-square = { $file } izgleda kao izvoz { $format }, ali nedostaju mu { $missing }: prije izvoza prikažite sve stupce na nadzornoj ploči Squarea ili ovdje recite koji je stupac što (* je obavezno).
ui-map-role-receipt = Broj računa
ui-map-role-time = Datum i vrijeme
ui-map-role-total = Ukupno
ui-map-role-item = Artikl
ui-map-role-qty = Količina
ui-map-role-amount = Iznos stavke
ui-map-role-kind = Riječ za prodaju ili povrat
ui-map-role-phone = Telefon
ui-map-role-email = E-pošta
ui-map-role-card = Klupska kartica
ui-map-none = nijedan
ui-map-col-line = Redak
ui-map-col-receipt = Račun
ui-map-col-date = Datum
ui-map-col-total = Ukupno
ui-map-col-customer = Kupac
ui-map-missing = Odaberite stupac za { $role } s ←→: bez njega se reci ne čitaju.
ui-map-rejected = { $count ->
   *[other] Nečitljivih redaka (bili bi preskočeni): { $count }. Je li neki stupac pogrešan?
}
ui-map-ready = Enter uvozi; raspored se pamti za sljedeću datoteku s istim stupcima.
ui-map-needed = { $role } je obavezno: najprije odaberite stupac s ←→.
ui-key-map-role = uloga
ui-key-map-column = stupac
ui-key-map-none = bez stupca
ui-key-map-import = uvezi
ui-map-by-hand = Recite koji je stupac datoteke { $file } što (* je obavezno); reci ispod pokazuju kako bi se pročitala, a Enter pamti ovaj raspored.
ui-map-no-header = { $file } nema redak zaglavlja s nazivima triju stupaca pa se stupci ne mogu rasporediti.
ui-key-map-columns = koji je stupac što
ui-help-import-mapping = Koji je stupac što

# Lanac trgovina (sinkronizacija)
help-sync = Pošalji promjene ove poslovnice na poslužitelj lanca i preuzmi promjene ostalih poslovnica (treba [sync] url i shop u postavkama)
help-sync-init = Napravi tablice lanca na poslužitelju ili ih ažuriraj (jednom po lancu i nakon ažuriranja)
help-sync-json = Ispiši JSON: poslovnica, poslužitelj (bez lozinke), poslano i preuzeto po vrsti
err-sync-no-url = Ova trgovina ne pripada nijednom lancu: postavite [sync] url = "postgres://user:password@host/db" u postavkama (ili REGULARS_SYNC_URL).
err-sync-no-shop = Ova poslovnica nema ime u lancu: postavite [sync] shop = "Harbour" u postavkama (ili REGULARS_SHOP).
err-sync-unreachable = Poslužitelj lanca { $server } nije dostupan: { $reason }. Ništa nije sinkronizirano; trgovina radi kao i prije.
err-sync-server = Poslužitelj lanca { $server } javio je grešku: { $reason }. Ono što je već sinkronizirano ostaje; pokrenite sinkronizaciju ponovno kasnije.
err-sync-no-schema = Na poslužitelju lanca { $server } još nema tablica za regulars (ili su starije): jednom pokrenite `regulars sync --init`.
err-sync-server-newer = Poslužitelj lanca postavila je novija verzija programa regulars (shema lanca { $found }; ovaj program poznaje do { $known }). Ažurirajte program; ništa nije promijenjeno.
err-sync-stopped = Sinkronizacija je zaustavljena; ono što je dosad sinkronizirano ostaje, a sljedeća sinkronizacija dovršit će ostalo.
cli-sync-init-new = Tablice lanca spremne su na { $server }.
cli-sync-init-current = Tablice lanca na { $server } već su bile ažurne.
cli-sync-init-migrated = Tablice lanca na { $server } su ažurirane.
cli-sync-done = Poslovnica { $shop } sinkronizirana s { $server }
cli-sync-sent = Poslano: { $what }
cli-sync-received = Preuzeto: { $what }
cli-sync-nothing = ništa
cli-sync-list-separator = {", "}
cli-sync-progress-push = Slanje
cli-sync-progress-pull = Preuzimanje
cli-sync-members = { $count ->
    [one] { $count } član
    [few] { $count } člana
   *[other] { $count } članova
}
cli-sync-receipts = { $count ->
    [one] { $count } račun
    [few] { $count } računa
   *[other] { $count } računa
}
cli-sync-ledger = { $count ->
    [one] { $count } zapis bodova
    [few] { $count } zapisa bodova
   *[other] { $count } zapisa bodova
}
cli-sync-consents = { $count ->
    [one] { $count } zapis privole
    [few] { $count } zapisa privola
   *[other] { $count } zapisa privola
}
cli-sync-family = { $count ->
    [one] { $count } zapis o djetetu ili ljubimcu
    [few] { $count } zapisa o djeci i ljubimcima
   *[other] { $count } zapisa o djeci i ljubimcima
}
cli-sync-notes = { $count ->
    [one] { $count } bilješka o usluzi
    [few] { $count } bilješke o usluzi
   *[other] { $count } bilješki o usluzi
}
cli-sync-contacts = { $count ->
    [one] { $count } zapis kontakta
    [few] { $count } zapisa kontakata
   *[other] { $count } zapisa kontakata
}
cli-sync-feedback = { $count ->
    [one] { $count } odgovor na anketu
    [few] { $count } odgovora na anketu
   *[other] { $count } odgovora na anketu
}
cli-sync-events = { $count ->
    [one] { $count } zapis događaja
    [few] { $count } zapisa događaja
   *[other] { $count } zapisa događaja
}
cli-sync-erasures = { $count ->
    [one] { $count } brisanje
    [few] { $count } brisanja
   *[other] { $count } brisanja
}
cli-sync-merges = { $count ->
    [one] { $count } spajanje
    [few] { $count } spajanja
   *[other] { $count } spajanja
}
cli-sync-suppression = { $count ->
    [one] { $count } zapis na popisu za nekontaktiranje
    [few] { $count } zapisa na popisu za nekontaktiranje
   *[other] { $count } zapisa na popisu za nekontaktiranje
}

## The chain's sync in the title bar
ui-sync-starting = sinkronizacija…
ui-sync-just-now = sinkronizirano upravo
ui-sync-synced = { $minutes ->
    [one] sinkronizirano prije { $minutes } min
    [few] sinkronizirano prije { $minutes } min
   *[other] sinkronizirano prije { $minutes } min
}
ui-sync-offline = izvan mreže od { $time }
ui-sync-failed = Lanac nije sinkroniziran; trgovina radi kao i prije i pokušat će ponovno: { $detail }
