# Falls back to en.ftl for every message not listed here.

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
