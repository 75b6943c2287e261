# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = Drugi program upravo piše u bazu podataka kluba { $path }; ništa nije spremljeno. Pokušajte ponovno kad završi.
err-db-busy-unnamed = Drugi program upravo piše u bazu podataka kluba; ništa nije spremljeno. Pokušajte ponovno kad završi.
err-db-no-folder = Mapa { $folder } za bazu podataka { $path } ne postoji; ništa nije stvoreno. Provjerite putanju ili najprije napravite mapu.
ui-import-waiting = Čeka se: drugi program upravo piše u bazu podataka kluba…
# sink
err-stdout = Ispis se ne može zapisati ({ $detail }); je li disk pun?
import-row-too-big = račun { $id }: iznos { $amount } veći je od bilo kojeg mogućeg računa ({ $max }); je li neki stupac krivo pročitan?
import-note-completed = { $count ->
    [one] { $count } račun spremljen ranije s manje stavki (datoteka mu je bila odrezana) dopunjen je iz ove datoteke.
    [few] { $count } računa spremljena ranije s manje stavki (datoteke su im bile odrezane) dopunjena su iz ove datoteke.
   *[other] { $count } računa spremljenih ranije s manje stavki (datoteke su im bile odrezane) dopunjeno je iz ove datoteke.
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
