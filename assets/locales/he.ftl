# Falls back to en.ftl for every message not listed here.

# dbsafe
err-db-busy = תוכנה אחרת כותבת כעת למסד הנתונים של המועדון { $path }; דבר לא נשמר. נסו שוב כשהיא תסיים.
err-db-busy-unnamed = תוכנה אחרת כותבת כעת למסד הנתונים של המועדון; דבר לא נשמר. נסו שוב כשהיא תסיים.
err-db-no-folder = התיקייה { $folder } של מסד הנתונים { $path } אינה קיימת; דבר לא נוצר. בדקו את הנתיב, או צרו קודם את התיקייה.
