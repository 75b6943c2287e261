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
