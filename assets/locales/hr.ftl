# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = Drugi program upravo piše u bazu podataka kluba { $path }; ništa nije spremljeno. Pokušajte ponovno kad završi.
err-db-busy-unnamed = Drugi program upravo piše u bazu podataka kluba; ništa nije spremljeno. Pokušajte ponovno kad završi.
err-db-no-folder = Mapa { $folder } za bazu podataka { $path } ne postoji; ništa nije stvoreno. Provjerite putanju ili najprije napravite mapu.
ui-import-waiting = Čeka se: drugi program upravo piše u bazu podataka kluba…
