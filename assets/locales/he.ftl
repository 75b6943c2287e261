# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = תוכנה אחרת כותבת כעת למסד הנתונים של המועדון { $path }; דבר לא נשמר. נסו שוב כשהיא תסיים.
err-db-busy-unnamed = תוכנה אחרת כותבת כעת למסד הנתונים של המועדון; דבר לא נשמר. נסו שוב כשהיא תסיים.
err-db-no-folder = התיקייה { $folder } של מסד הנתונים { $path } אינה קיימת; דבר לא נוצר. בדקו את הנתיב, או צרו קודם את התיקייה.
ui-import-waiting = ממתינים: תוכנה אחרת כותבת כעת למסד הנתונים של המועדון…
# sink
err-stdout = לא ניתן לכתוב את הפלט ({ $detail }); האם הדיסק מלא?
import-row-too-big = קבלה { $id }: הסכום { $amount } גדול מכל קבלה אפשרית ({ $max }); האם עמודה נקראה לא נכון?
import-note-completed = { $count ->
    [one] קבלה אחת שנשמרה קודם עם פחות שורות (הקובץ שלה נקטע) הושלמה מהקובץ הזה.
   *[other] { $count } קבלות שנשמרו קודם עם פחות שורות (הקובץ שלהן נקטע) הושלמו מהקובץ הזה.
}
import-refused-all = שום דבר מהקובץ { $file } לא נשמר: לא ניתן היה לקרוא אף קבלה מתוך { $rows } השורות שלו ({ $rejected } נדחו), ולכן הוא לא סומן כמיובא. נסו שוב עם --encoding (למשל utf-16le או windows-1255), --format או --country.
import-refused-most = שום דבר מהקובץ { $file } לא נשמר: { $rejected } מתוך { $rows } השורות שלו לא נקראו, ולכן הוא לא סומן כמיובא. נסו שוב עם --encoding (למשל utf-16le או windows-1255), --format או --country, או הוסיפו --accept-rejects כדי לשמור את השורות שנקראו.
help-import-accept-rejects = לשמור קובץ גם כשיותר ממחצית השורות שלו נדחו (את השורות שנקראו)
ui-import-errors-refused = שורות שנדחו (שום דבר מהקובץ לא נשמר)
# parse
err-config-max-receipt = max_receipt = { $value }: יש להזין מספר שלם של יחידות המטבע, מ-1 עד { $highest }
import-row-over-limit = "{ $column }": הסכום { $value } גבוה ממה שקבלה אחת יכולה להגיע אליו ({ $max }; max_receipt בהגדרות)
import-row-sum-over-limit = הסכומים בשורה הזו מגיעים ל-{ $total }, יותר ממה שקבלה אחת יכולה להגיע אליו ({ $max }; max_receipt בהגדרות)
import-row-receipt-over-limit = קבלה { $id } (החל משורה { $first }) מגיעה ל-{ $total }, יותר ממה שקבלה אחת יכולה להגיע אליו ({ $max }; max_receipt בהגדרות); היא לא נשמרה
import-row-qty-over-limit = "{ $column }": { $value } הם יותר מ-{ $max } פריטים בשורה אחת
import-row-date-out-of-range = "{ $column }": "{ $value }" אינו יום בין השנים { $first } ו-{ $last }
import-row-cut = הקובץ נגמר באמצע השורה הזו (האם הוא נקטע?); הקבלה שלה לא נשמרה, כדי שלא תישמר בלי חלק מהפריטים
import-row-bad-bytes = הבייט { $offset } בקובץ אינו טקסט בקידוד של הקובץ (בייט פגום?); השורה דולגה כדי שלא יישמר שם משובש
import-row-nul = בשורה יש בייטים מסוג NUL (האם הקובץ פגום, או שנשמר בקידוד אחר?)
import-row-huge-cell = "{ $column }" מכיל { $size } בייטים, הרבה יותר ממה שקופה כותבת בתא אחד (האם הקובץ פגום?)
import-note-no-money-column = אין בקובץ עמודה "{ $column }"; היא נקראת כ-0 בכל קבלה.
import-err-empty = { $path } ריק; שום דבר לא נשמר.
import-err-sheet-unpacks = { $path } נפרס ל-{ $size }, יותר מ-{ $cap } שגיליון אלקטרוני רשאי להיפרס אליהם (ייצוא מקופה קטן בהרבה); הוא לא נקרא ושום דבר לא נשמר.
import-err-sheet-cells = { $path }: הגיליון הראשון משתרע על { $rows } שורות × { $columns } עמודות, יותר מ-{ $cap } התאים שייצוא מקופה יכול להכיל; הוא לא נקרא ושום דבר לא נשמר.
import-err-record-too-long = בשורה { $line } מתחילה רשומה ארוכה מ-{ $cap } או עם יותר מ-{ $cells } תאים (מירכאה שלא נסגרה?); הקובץ לא נקרא

# h1
err-db-unknown-code = מסד הנתונים מכיל "{ $code }" בשדה { $column }, ערך שגרסה זו של regulars אינה מכירה; שום דבר לא שונה. האם הקובץ שימש גרסה חדשה יותר?

# stack
ui-key-back-to-welcome = חזרה למסך הפתיחה
ui-key-back-to-signup = חזרה לטופס
ui-key-back-to-member = חזרה לכרטיס
ui-key-back-to-import = חזרה לייבוא
ui-key-back-to-unmatched = חזרה ללקוחות הקופה
ui-key-back-to-review = חזרה לסקירה השבועית
ui-key-back-to-tiers = חזרה לדרגות
