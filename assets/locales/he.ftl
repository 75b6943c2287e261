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
