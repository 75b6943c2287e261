# Falls back to en.ftl for every message not listed here.

## Errors (one line each, they end up on stderr)
err-unexpected = משהו השתבש; דבר לא שונה.
err-today-format = "{ $value }" אינו תאריך; השתמשו ב-YYYY-MM-DD, למשל 2026-03-14.
err-database = שגיאת מסד נתונים: { $detail }
err-file = לא ניתן להשתמש בקובץ { $path }: { $detail }
err-config = קובץ ההגדרות { $path }:{ $line }: { $detail }
err-config-country = "{ $value }" אינו קוד מדינה בן שתי אותיות (למשל HR, IL, US)
err-config-currency = "{ $value }" אינו קוד מטבע שהתוכנה מכירה (למשל EUR, USD, ILS, DKK)
err-db-newer = מסד הנתונים הזה נכתב בגרסה חדשה יותר של regulars (סכמה { $found }; התוכנה מכירה עד { $known }). עדכנו את התוכנה; דבר לא שונה.
err-db-open = לא ניתן לפתוח את מסד הנתונים { $path }: { $detail }
err-db-not-sqlite = { $path } אינו מסד נתונים של regulars (זה אינו קובץ SQLite); דבר לא שונה.
err-db-foreign = { $path } הוא מסד נתונים SQLite של תוכנה אחרת, לא של regulars; דבר לא שונה.
err-no-data-dir = לא נמצאה תיקיית נתונים למשתמש הזה; ציינו את מסד הנתונים עם --db PATH.
err-member-not-found = אין חבר מועדון שמתאים ל-"{ $key }" (ציינו מזהה, מספר כרטיס, טלפון או אימייל).
err-field = { $field }: { $problem }
err-card-taken = הכרטיס { $card } כבר שייך ל-{ $name }.
err-born-and-age = ציינו --born או --age, לא את שניהם.
err-age = --age חייב להיות מספר שלם של שנים, למשל 3.
err-channel = "{ $value }" אינו ערוץ; השתמשו ב-sms, email, phone או post.

## Field problems (shown at the field in the signup form, and by the CLI)
field-required = שדה חובה
field-bad-phone = אינו מספר טלפון (למשל { $national } או { $international })
field-bad-email = אינה כתובת אימייל (למשל ana@example.com)
field-bad-date = אינו תאריך (למשל { $short } או { $full })
field-future-date = התאריך הזה בעתיד

## Field names
field-first-name = שם פרטי
field-family-name = שם משפחה
field-phone = טלפון
field-email = אימייל
field-birthday = יום הולדת
field-card = כרטיס
field-area = אזור
field-note = הערה
field-name = שם
field-born = תאריך לידה
field-kind = סוג
field-gender = מין

## CLI output
cli-member-added = נוסף חבר מועדון { $id }: { $name }
cli-child-added = הילד/ה { $name } נוסף/ה ל-{ $member }
cli-pet-added = חיית המחמד { $name } נוספה ל-{ $member }
cli-no-match = אין חבר מועדון שמתאים ל-"{ $query }".
cli-possible-duplicate = שימו לב: ייתכן שזה אותו אדם כמו חבר המועדון { $id } ({ $name }).
field-visits = ביקורים
field-spend = הוצאה
field-child = ילד/ה
field-pet = חיית מחמד

## Command-line help
help = מועדון הלקוחות של חנות קטנה: חברי מועדון, ימי הולדת, קניות מהקופה, נקודות.
help-db = קובץ מסד הנתונים (ברירת מחדל: regulars.db בתיקיית הנתונים שלכם)
help-today = להתנהג כאילו היום הוא היום הזה (YYYY-MM-DD), לניסויים ולבדיקות
help-config = קובץ ההגדרות (ברירת מחדל: config.toml בתיקיית ההגדרות שלכם)
help-lang = שפת המסכים וההודעות: en, he, hr, zh או th
help-member = הרשמה, חיפוש והצגה של חברי מועדון
help-member-add = רישום חבר מועדון חדש
help-member-add-first = שם פרטי
help-member-add-last = שם משפחה
help-member-add-phone = טלפון, מקומי (במדינת החנות) או עם קידומת +מדינה
help-member-add-email = כתובת אימייל
help-member-add-birthday = יום הולדת: YYYY-MM-DD, או MM-DD בלי השנה
help-member-add-card = מספר כרטיס מועדון או קוד הלקוח בקופה
help-member-add-consent = הערוצים שחבר המועדון הסכים לקבל בהם פניות, למשל sms,email
help-member-add-area = אזור או מיקוד
help-member-add-note = הערה לדלפק
help-member-add-json = הדפסת חבר המועדון החדש כ-JSON
help-member-find = חיפוש חברי מועדון לפי חלק מהשם, ספרות טלפון, אימייל או כרטיס
help-member-find-text = מה לחפש
help-member-find-json = הדפסת JSON (רשימת חברי מועדון)
help-member-show = הצגת חבר מועדון אחד
help-member-show-key = מזהה חבר, מספר כרטיס, טלפון או אימייל
help-member-show-json = הדפסת JSON
help-child = ילדים של חברי מועדון
help-child-add = הוספת ילד/ה לחבר מועדון
help-child-add-key = מזהה חבר, מספר כרטיס, טלפון או אימייל
help-child-add-name = שם הילד/ה
help-child-add-born = תאריך לידה, YYYY-MM-DD
help-child-add-age = גיל בשנים כשהתאריך המדויק אינו ידוע
help-child-add-gender = מין, אם ההורה סיפר
help-pet = חיות מחמד של חברי מועדון
help-pet-add = הוספת חיית מחמד לחבר מועדון
help-pet-add-key = מזהה חבר, מספר כרטיס, טלפון או אימייל
help-pet-add-name = שם חיית המחמד
help-pet-add-kind = סוג החיה: כלב, חתול, ארנב…
help-pet-add-born = תאריך לידה, YYYY-MM-DD
help-pet-add-age = גיל בשנים כשהתאריך המדויק אינו ידוע

## Demo data and birthday days
help-demo = מילוי מסד הנתונים בחברי מועדון מומצאים כדי לנסות את התוכנה
help-demo-members = כמה חברי מועדון לדוגמה להוסיף
help-demo-seed = ערך התחלתי של המחולל: אותו מספר נותן אותם חברי מועדון
cli-demo-progress = מוסיפים חברי מועדון לדוגמה
day-today = היום
day-tomorrow = מחר
day-monday = יום שני
day-tuesday = יום שלישי
day-wednesday = יום רביעי
day-thursday = יום חמישי
day-friday = יום שישי
day-saturday = שבת
day-sunday = יום ראשון
day-in-days = { $days ->
    [one] בעוד יום אחד
    [two] בעוד יומיים
   *[other] בעוד { $days } ימים
}
err-demo-data = קובץ נתוני הדוגמה { $file } פגום: { $detail }

## ui: the terminal screens
ui-title = regulars · { $shop }
ui-too-small = החלון קטן מדי ({ $width }×{ $height }). regulars צריכה לפחות { $min_width }×{ $min_height }: הגדילו את החלון או הקטינו את הגופן.
ui-too-small-quit = Ctrl-C ליציאה.
ui-err-terminal = לא ניתן להשתמש במסוף הזה: { $detail }
ui-err-member-gone = חבר המועדון הזה כבר לא קיים.
ui-none = —
ui-birthday-marker-plain = *יו״ה
ui-today-short = היום

# Dates: "Tue 3 Mar", "3 Mar 2025", "Mon 23 Nov 2026", "14 Mar"
ui-date-short = { $weekday } { $day } ב{ $month }
ui-date-year = { $day } ב{ $month } { $year }
ui-date-full = { $weekday } { $day } ב{ $month } { $year }
ui-date-no-year = { $day } ב{ $month }
ui-day-1 = ב׳
ui-day-2 = ג׳
ui-day-3 = ד׳
ui-day-4 = ה׳
ui-day-5 = ו׳
ui-day-6 = שבת
ui-day-7 = א׳
ui-month-1 = ינו׳
ui-month-2 = פבר׳
ui-month-3 = מרץ
ui-month-4 = אפר׳
ui-month-5 = מאי
ui-month-6 = יוני
ui-month-7 = יולי
ui-month-8 = אוג׳
ui-month-9 = ספט׳
ui-month-10 = אוק׳
ui-month-11 = נוב׳
ui-month-12 = דצמ׳
ui-when-weekday = ב{ $weekday }
ui-born-with-age = { $date } ({ $age })
ui-about-years = { $years ->
    [one] בערך שנה
    [two] בערך שנתיים
   *[other] בערך { $years } שנים
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
ui-key-help = עזרה
ui-key-quit = יציאה
ui-key-quit-always = יציאה, מכל מקום
ui-key-move = מעבר
ui-key-page = דפדוף
ui-key-open = פתיחה
ui-key-clear-search = ניקוי חיפוש
ui-key-search = חזרה לחיפוש
ui-key-sign-up = רישום חבר חדש
ui-key-sign-up-first = רישום החבר הראשון
ui-key-load-demo = טעינת חברים לדוגמה
ui-key-to-counter = חזרה לדלפק
ui-key-next-field = השדה הבא
ui-key-prev-field = השדה הקודם
ui-key-save = שמירה
ui-key-cancel = ביטול
ui-key-toggle = סימון / ביטול
ui-key-choose = בחירת ערוץ
ui-key-open-existing = פתיחת הקיים
ui-key-save-anyway = לשמור בכל זאת
ui-key-back-to-form = חזרה לטופס
ui-key-edit = עריכה
ui-key-add-child = הוספת ילד
ui-key-add-pet = הוספת חיה
ui-key-scroll = גלילה
ui-key-close-help = סגירת העזרה
ui-key-yes = כן
ui-key-no = לא

# Welcome (empty database)
ui-welcome-title = ברוכים הבאים ל-regulars
ui-welcome-empty = ל-{ $shop } עדיין אין חברי מועדון.
ui-welcome-demo = טעינת { $count } חברי מועדון לדוגמה כדי לנסות
ui-welcome-later = חברי הדוגמה נכנסים למסד הנתונים הזה. כדי רק לנסות, הפעילו במקום זאת את הפקודה regulars --db demo.db
ui-help-more = ↓ עוד
ui-demo-done = { $count ->
    [one] נוסף חבר מועדון אחד לדוגמה.
   *[other] נוספו { $count } חברי מועדון לדוגמה.
}
ui-demo-none = לא נוספו חברי מועדון לדוגמה.

# Counter
ui-counter-search = חיפוש חבר מועדון
ui-counter-placeholder = הקלידו שם, ספרות טלפון, אימייל או מספר כרטיס
ui-counter-placeholder-list = / לחיפוש
ui-counter-found = { $count ->
    [one] נמצא אחד
   *[other] נמצאו { $count }
}
ui-counter-none-found = אין התאמה
ui-counter-no-match = + אין התאמה ל-"{ $query }" — Enter רושם חבר מועדון חדש
ui-counter-signup-row = + רישום "{ $query }" כחבר מועדון חדש
ui-counter-empty = עדיין אין חברי מועדון. הקלידו שם ולחצו Enter כדי לרשום מישהו.
ui-col-name = שם
ui-col-contact = טלפון / אימייל
ui-col-tier = דרגה
ui-col-points = נקודות
ui-col-last-visit = ביקור אחרון
ui-col-birthday = יום הולדת

# Signup and edit
ui-signup-title = חבר מועדון חדש
ui-signup-edit-title = עריכת { $name }
ui-signup-optional = רשות
ui-signup-footer = Enter שומר. ילדים וחיות מחמד אפשר להוסיף בכרטיס של חבר המועדון.
ui-signup-fix = נא לתקן את השדות המסומנים.
ui-field-contact = טלפון או אימייל
ui-field-other-contact = טלפון/אימייל נוסף
ui-field-consent = מסכים/ה ל
ui-field-joined = הצטרפות
ui-field-born-or-age = נולד/ה
ui-channel-sms = SMS
ui-channel-email = אימייל
ui-channel-phone = טלפון
ui-channel-post = דואר
ui-hint-birthday = למשל { $short } או { $full }
ui-hint-card = כרטיס מועדון או קוד בקופה
ui-hint-born = תאריך, או גיל בשנים
ui-hint-kind = כלב, חתול, ארנב…
ui-hint-ok = ✓ { $value }
ui-err-second-phone = כבר הוזן מספר טלפון למעלה; כתבו כאן אימייל
ui-err-second-email = כבר הוזן אימייל למעלה; כתבו כאן מספר טלפון
ui-err-born = אינו תאריך או גיל (למשל { $full }, או 3)
ui-err-born-needs-year = ציינו גם את השנה, או רק את הגיל בשנים
ui-signed-up = { $name } נרשם/ה למועדון.
ui-saved = { $name } נשמר/ה.
ui-duplicate-title = כבר חבר מועדון?
ui-duplicate-intro = ייתכן שזה מישהו שכבר חבר במועדון:
ui-duplicate-since = מאז { $date }

# Member card
ui-card-consent = מסכים/ה לפניות דרך
ui-consent-yes = כן, מאז { $date }
ui-consent-withdrawn = לא, בוטל ב-{ $date }
ui-consent-no = לא
ui-card-club = מועדון
ui-card-details = פרטים
ui-card-children = ילדים
ui-card-no-children = עדיין אין (c מוסיף)
ui-card-pets = חיות מחמד
ui-card-no-pets = עדיין אין (p מוסיף)
ui-card-history = היסטוריית ביקורים
ui-card-habits = הרגלים
ui-card-no-purchases = עדיין לא יובאו קניות
ui-visits = { $count ->
    [one] ביקור אחד
    [two] שני ביקורים
   *[other] { $count } ביקורים
}
ui-card-visits = { $visits }, האחרון { $last }
ui-card-spend = { $spend } הוצאה בסך הכול
ui-soon-turns = { $name } חוגג/ת { $age } { $when }
ui-soon-birthday = יום ההולדת של { $name } { $when }
ui-family-add-child = הוספת ילד/ה של { $name }
ui-family-add-pet = הוספת חיית מחמד של { $name }
ui-family-added = { $name } נוסף/ה.

# Questions before something is lost
ui-confirm-discard-title = לבטל?
ui-confirm-discard-new = לוותר על חבר המועדון החדש? מה שהקלדתם יאבד.
ui-confirm-discard-edit = לוותר על השינויים ב-{ $name }?
ui-confirm-discard-family = לוותר על מה שהקלדתם?

# Help (? or F1)
ui-help-title-welcome = עזרה: פתיחה
ui-help-title-counter = עזרה: דלפק
ui-help-title-signup = עזרה: הרשמה
ui-help-title-member = עזרה: כרטיס חבר
ui-help-intro-welcome = המועדון ריק. טענו חברי מועדון לדוגמה כדי לנסות את התוכנה, או רשמו את חבר המועדון האמיתי הראשון.
ui-help-intro-counter = הקלידו כדי למצוא חבר מועדון לפי כל חלק של שם פרטי או שם משפחה, ספרות טלפון, אימייל או מספר כרטיס; הרשימה מצטמצמת תוך כדי הקלדה וההתאמה הטובה ביותר נבחרת. כל מקש מלבד ? נכנס לחיפוש, כך ששמות עם q, j או k עובדים. לא נמצא אף אחד? Enter רושם את הלקוח עם מה שהקלדתם.
ui-help-intro-signup = השדות הראשונים הם מה שלקוח נותן בדרך כלל בדלפק; Tab מגיע לשדות הרשות. מספרי טלפון בלי +מדינה נקראים כמספרים של מדינת החנות. בשדות טקסט ? מוקלד כטקסט; F1 מציג את העזרה הזו.
ui-help-intro-member = כל מה שהמועדון יודע על חבר המועדון הזה. Esc חוזר לדלפק.
ui-help-welcome = במסך הזה
ui-help-counter-search = בזמן הקלדה בחיפוש
ui-help-counter-list = ברשימה (Esc בחיפוש ריק)
ui-help-signup-fields = בשדה טקסט
ui-help-signup-consent = בשורת ההסכמה
ui-help-duplicate = כשמוצגת כפילות אפשרית
ui-help-member = בכרטיס
ui-help-family-form = הוספת ילד/ה או חיית מחמד
ui-help-everywhere = בכל מקום
## Import of till exports
help-import = ייבוא ייצואים מהקופה: Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle או CSV פשוט
help-import-files = קובצי ייצוא (CSV או xlsx); אותו קובץ פעמיים נשמר פעם אחת. בלי קבצים: הקבצים החדשים בתיקיית תיבת הדואר הנכנס
help-import-format = קריאה בפורמט הזה: square-items, square-transactions, loyverse-receipts, loyverse-items, shopify-orders, odoo-pos, sumup, mobilepay, zettle או generic
help-import-country = מדינה בשתי אותיות למספרי טלפון מקומיים ולסדר התאריך (ברירת מחדל: של החנות)
help-import-encoding = קידוד הטקסט של CSV כשהניחוש שגוי, למשל windows-1252, windows-1255, gbk
help-import-dry-run = לקרוא את הקבצים ולדווח מה היה נשמר; לא לשמור דבר
help-import-json = הדפסת אובייקט JSON אחד לכל קובץ
import-done = { $file } ({ $format }): שורות שנקראו: { $rows }; קבלות חדשות: { $new } (החזרים: { $refunds }); כבר שמורות: { $duplicates }; שורות שנדחו: { $rejected }
import-rejected-line = שורה { $line }: { $reason }
import-more-rejected = … ועוד { $count } שורות שנדחו
import-dry-run = הרצת ניסיון: דבר לא נשמר.
import-note-already = הקובץ הזה כבר יובא ({ $file }, { $at }); שום דבר חדש לא נשמר.
import-note-day-first = תאריכים כמו 03/04 יכולים להתחיל ביום או בחודש ואף תאריך בקובץ לא מכריע; נקראו כיום/חודש, כמקובל ב-{ $country }.
import-note-month-first = תאריכים כמו 03/04 יכולים להתחיל ביום או בחודש ואף תאריך בקובץ לא מכריע; נקראו כחודש/יום, כמקובל ב-{ $country }.
import-err-unknown-format = { $path } אינו ייצוא קופה שהתוכנה מכירה (אין בשורות הראשונות שלו שורת כותרת של Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle או CSV פשוט); דבר לא נשמר.
import-hint-map-cli = כדי לייבא אותו כמו שהוא, ציינו איזו עמודה היא מה: regulars import { $path } --map receipt=COLUMN,time=COLUMN,total=COLUMN (וגם item, qty, amount, kind, phone, email, card).
import-err-not-format = ל-{ $path } אין בשורות הראשונות שורת כותרת של הפורמט { $format }; דבר לא נשמר.
import-err-format-name = "{ $value }" אינו פורמט; השתמשו באחד מ-{ $names }.
import-err-country = "{ $value }" אינו קוד מדינה בן שתי אותיות (למשל HR, IL, US).
import-err-encoding = "{ $value }" אינו קידוד טקסט שהתוכנה מכירה (למשל utf-8, windows-1252, windows-1255, gbk).
import-err-cancelled = הייבוא בוטל; דבר לא נשמר.
import-err-some-failed = חלק מהקבצים לא יובאו: { $files }
import-row-no-id = אין מזהה קבלה ב-"{ $column }"
import-row-no-money = "{ $column }" ריק
import-row-bad-money = "{ $column }": "{ $value }" אינו סכום
import-row-bad-qty = "{ $column }": "{ $value }" אינו כמות
import-row-bad-date = "{ $column }": "{ $value }" אינו תאריך או שעה
import-row-no-such-date = "{ $column }": "{ $value }" הוא יום שאינו קיים
import-row-short = רק { $found } מתוך { $expected } שדות (האם הקובץ נקטע?)
import-row-orphan = שורה מאוחרת של { $id } שהשורה הראשונה שלה אינה בקובץ

## Member card: visits and habits page
ui-key-purchases = ביקורים והרגלים
ui-key-details = פרטים
ui-key-scroll-history = גלילת היסטוריה
ui-help-member-purchases = בעמוד הביקורים וההרגלים
ui-card-title-purchases = { $name } · ביקורים והרגלים
ui-card-more-purchases = Tab: היסטוריית ביקורים והרגלים
ui-habit-summary = בדרך כלל ב{ $weekday }
ui-habit-summary-gap = בדרך כלל ב{ $weekday }, כל { $gap }
ui-days = { $days ->
    [one] יום אחד
    [two] יומיים
   *[other] { $days } ימים
}
ui-days-ago = { $days ->
    [0] היום
    [one] אתמול
    [two] שלשום
   *[other] לפני { $days } ימים
}
ui-habit-visits = ביקורים
ui-habit-visits-12m = { $count } ב-12 חודשים
ui-habit-spent = הוצאה
ui-habit-spent-12m = { $amount } ב-12 חודשים
ui-habit-basket = סל
ui-habit-basket-average = { $amount } בממוצע
ui-habit-last-visit = ביקור אחרון
ui-habit-last = { $date }, { $ago }
ui-habit-gap = מרווח רגיל
ui-habit-usually = בדרך כלל
ui-habit-usually-hour = { $weekday }, { $from }–{ $to }
ui-habit-favourites = מועדפים
ui-habit-categories = קטגוריות
ui-habit-per-month = ביקורים בחודש
ui-habit-per-month-note = 12 החודשים האחרונים
ui-history-count = { $count ->
    [one] קבלה אחת
    [two] שתי קבלות
   *[other] { $count } קבלות
}
ui-history-refund = החזר: { $items }
ui-history-none = עדיין לא יובאו קניות. ייבאו את הייצואים מהקופה עם i בדלפק.
ui-history-this-shop = החנות הזו

## Import screen and till customers without a member
ui-key-import = ייבוא
ui-key-unmatched = לקוחות ללא חבר
ui-key-import-file = ייבוא
ui-key-type-path = הקלדת נתיב
ui-key-rescan = בדיקה מחדש
ui-key-import-path = ייבוא הקובץ שהוקלד
ui-key-back-to-files = חזרה לקבצים
ui-key-cancel-import = ביטול הייבוא
ui-key-link = קישור לחבר
ui-key-link-to-this = קישור לחבר הזה
ui-key-sign-up-customer = רישום כחבר חדש
ui-help-title-import = עזרה: ייבוא מהקופה
ui-help-intro-import = ייצאו מכירות מהקופה (CSV או xlsx) ושימו את הקבצים בתיקיית תיבת הדואר הנכנס שמוצגת למעלה, או הקלידו נתיב של קובץ. Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle ו-CSV פשוט מזוהים לפי העמודות שלהם. קבלה שיובאה פעמיים נשמרת פעם אחת, וקובץ שיובא קודם מזוהה לפי התוכן שלו. ייבוא שבוטל לא שומר דבר. קובץ שהאפליקציה אינה מכירה פותח שלב שבו מציינים פעם אחת איזו עמודה היא מה; הקובץ הבא עם אותן עמודות מיובא בלעדיו.
ui-help-import-files = בחירת קובץ
ui-help-import-path = הקלדת נתיב
ui-help-import-running = בזמן הייבוא
ui-help-import-result = אחרי הייבוא
ui-help-title-unmatched = עזרה: לקוחות קופה ללא חבר מועדון
ui-help-intro-unmatched = אנשים שהכרטיס, הטלפון, האימייל או מזהה הלקוח של הקופה שלהם (Customer ID של Square) מופיעים בקבלות שיובאו אך אינם שייכים לאף חבר מועדון, מהמוציאים הגדולים ביותר ומטה. קשרו אחד מהם לחבר מועדון כדי לתת לו את הקבלות האלה (גם ייבואים מאוחרים יותאמו אליו), או רשמו אותו עם מה שהקופה יודעת כבר ממולא. השמות בקבלות הם רק לזיהוי אנשים; קבלות לעולם אינן מותאמות לפי שם.
ui-help-unmatched = ברשימה
ui-help-unmatched-link = בחירת חבר המועדון לקישור
ui-import-title = ייבוא מהקופה
ui-import-inbox = תיבת דואר נכנס: { $path }
ui-import-no-inbox = אין תיקיית דואר נכנס (אין למערכת הזו תיקיית נתונים); הקלידו נתיב של קובץ למטה.
ui-import-col-file = קובץ
ui-import-col-size = גודל
ui-import-col-status = יובא
ui-import-status-new = חדש
ui-import-status-done = ב-{ $date }
ui-import-empty = עדיין אין קבצים בתיבת הדואר הנכנס. ייצאו את המכירות מהקופה ושימו את הקבצים בתיקייה הזו, ואז לחצו r, או הקלידו נתיב של קובץ למטה.
ui-import-path = קובץ אחר:
ui-import-path-hint = Tab, ואז הקלידו את הנתיב
ui-import-note = קובץ נשמר בבת אחת: כולו, או כלום.
ui-import-type-a-path = הקלידו קודם את הנתיב של קובץ ייצוא.
ui-size-b = { $n } B
ui-size-kb = { $n } KB
ui-size-mb = { $n } MB
ui-import-running = מייבאים את { $file }
ui-import-reading = קוראים את הקובץ…
ui-import-rows = { $done } מתוך { $total } שורות
ui-import-rate = { $rows } · { $rate } שורות/שנ׳
ui-import-finishing = כל השורות נקראו · מסדרים את הקבלות…
ui-import-cancel-note = Esc או Ctrl-C מבטלים; ייבוא שבוטל לא שומר דבר.
ui-import-cancelling = מבטלים… שום דבר מהקובץ הזה לא יישמר.
ui-import-result-file = { $file } ({ $format })
ui-import-result-rows = שורות שנקראו
ui-import-result-new = קבלות חדשות
ui-import-result-new-refunds = { $new } (מתוכן { $refunds })
ui-import-refunds = { $count ->
    [one] החזר אחד
    [two] שני החזרים
   *[other] { $count } החזרים
}
ui-import-result-duplicate = כבר שמורות
ui-import-result-rejected = שורות שנדחו
ui-import-result-unmatched = בכל המועדון
ui-import-result-unmatched-value = { $count ->
    [one] לקוח קופה אחד (u מציג)
   *[other] { $count } לקוחות קופה (u מציג אותם)
}
ui-import-result-unmatched-many = יותר מ-{ $count } לקוחות קופה (u מציג אותם)
ui-import-errors = שורות שנדחו (דולגו; השאר יובא)
ui-import-errors-first = שורות שנדחו, { $count } הראשונות (דולגו; השאר יובא)
ui-unmatched-title = לקוחות קופה ללא חבר מועדון
ui-unmatched-intro = הכרטיס, הטלפון, האימייל או מזהה הלקוח של הקופה שלהם מופיעים בקבלות אך אינם שייכים לאף חבר מועדון. Enter מקשר לקוח לחבר מועדון; n רושם אותו.
ui-unmatched-col-name = שם בקבלות
ui-unmatched-col-who = טלפון / אימייל / כרטיס
ui-unmatched-col-receipts = קבלות
ui-unmatched-col-spend = הוצאה
ui-unmatched-card = כרטיס { $card }
ui-unmatched-none = כל לקוח בקבלות שיובאו הוא חבר מועדון (או שעדיין לא יובא דבר).
ui-unmatched-link-title = קישור { $who } אל
ui-unmatched-linked = { $who } קושר ל-{ $name }: { $receipts } שייכות לו עכשיו.
ui-claimed = { $count ->
    [one] קבלה מוקדמת אחת שייכת לו עכשיו.
   *[other] { $count } קבלות מוקדמות שייכות לו עכשיו.
}

## Import from the command line: inbox and Ctrl-C
import-stopping = עוצרים… הקובץ שנקרא מבוטל (Ctrl-C נוסף יוצא מיד).
import-cancelled-file = הייבוא של { $file } בוטל; דבר ממנו לא נשמר.
import-inbox-nothing = אין קבצים חדשים בתיבת הדואר הנכנס ({ $dir }).

## Reminders and the weekly review
err-config-lapsed = { $key } חייב להיות לפחות 1 (הוא { $value })
err-config-placeholder = { $key } משתמש ב-{"{"}{ $name }{"}"}, שאינו ממלא מקום; השתמשו ב-{"{"}first_name{"}"}, {"{"}child_name{"}"}, {"{"}pet_name{"}"}, {"{"}turning{"}"}, {"{"}reward{"}"} או {"{"}shop{"}"}
review-member-turns = { $name } חוגג/ת { $age }
review-member-birthday = יום ההולדת של { $name }
review-son-turns = הבן { $name } חוגג { $age }
review-daughter-turns = הבת { $name } חוגגת { $age }
review-child-turns = { $name } חוגג/ת { $age }
review-pet-turns = { $name } ({ $kind }) חוגג/ת { $age }
review-gotcha = { $name } ({ $kind }) הגיע/ה הביתה ביום הזה בשנת { $year }
review-feb29 = (נולד/ה ב-29 בפברואר)
review-lapsed = { $visits }, האחרון { $last }
review-no-birthday = אין יום הולדת
review-no-consent = אין הסכמה
review-no-channels = —
review-in-shop = דיברנו בחנות
review-reason-birthday = ברכת יום הולדת
review-reason-child-birthday = יום הולדת של ילד/ה
review-reason-pet-birthday = יום הולדת של חיית מחמד
review-reason-gotcha-day = יום האימוץ
review-reason-winback = מתגעגעים אליך
cli-reminders-none = { $days ->
    [0] אין ימי הולדת היום.
    [one] אין ימי הולדת היום או מחר.
   *[other] אין ימי הולדת ב-{ $days } הימים הקרובים.
}
help-reminders = ימי הולדת של חברי מועדון, ילדיהם וחיות המחמד שלהם (וימי האימוץ של חיות המחמד) בימים הקרובים
help-reminders-days = כמה ימים קדימה לבדוק, אחרי היום (0 = רק היום; לכל היותר 366)
help-reminders-shop = רק חברי מועדון שנרשמו או קנו בסניף הזה של הרשת
help-reminders-json = הדפסת JSON: רשימה של {"{"}date, kind, member_id, name, turning, days_until{"}"}
help-pet-add-gotcha = היום שבו חיית המחמד הגיעה הביתה (“יום האימוץ” שלה), YYYY-MM-DD
field-gotcha = הגיע/ה הביתה
ui-key-review = סקירה שבועית
ui-key-mark-contacted = נוצר קשר
ui-key-copy-message = העתקה
ui-key-export = ייצוא
ui-key-section = חלק
ui-key-days = 7/14/30 ימים
ui-key-open-card = פתיחת כרטיס החבר
ui-key-mark = סימון
ui-review-exported = נשמרו { $rows } ב-{ $path }
ui-review-rows = { $count ->
    [one] שורה אחת
    [two] שתי שורות
   *[other] { $count } שורות
}
ui-review-nothing-to-send = אין מה לשלוח כאן: Enter פותח את הכרטיס כדי למלא את מה שחסר.
ui-review-no-message = אין הודעה לשורה הזו.
ui-review-marked = { $name } סומן/ה כמי שנוצר איתו קשר: { $channel }, { $date }.
ui-review-copied = ההודעה ל-{ $name } הועתקה (במקום שהמסוף מאפשר זאת).
ui-err-copy-too-long = הטקסט הזה ארוך מדי ללוח ההעתקה.
ui-review-title = סקירה שבועית
ui-review-tab-birthdays = ימי הולדת
ui-review-tab-near-tier = דרגה הבאה
ui-review-tab-lapsed = הפסיקו להגיע
ui-review-tab-missing = נתונים חסרים
ui-review-next = הבאים
ui-review-days = ימים
ui-review-lapsed-intro = לקוחות קבועים עם { $visits }+ ביקורים ב-{ $months } חודשים ואף לא אחד ב-{ $weeks } השבועות האחרונים
ui-review-missing-intro = אין יום הולדת או אין הסכמה: שאלו אותם בפעם הבאה שהם מגיעים
ui-review-col-day = יום
ui-review-col-who = מי
ui-review-col-agrees = מסכים/ה ל
ui-review-no-birthdays = { $days ->
    [one] אין ימי הולדת היום או מחר.
   *[other] אין ימי הולדת ב-{ $days } הימים הקרובים.
}
ui-review-no-loyalty = תוכנית הנאמנות עדיין לא הוגדרה: חברי מועדון שקרובים לדרגה הבאה יופיעו כאן אחרי שיוגדרו דרגות ונקודות.
ui-review-no-lapsed = אף לקוח קבוע לא הפסיק להגיע. הרשימה הזו נבנית מהקניות שיובאו מהקופה.
ui-review-no-missing = לכל חבר מועדון רשומים יום הולדת והסכמה.
ui-review-missing-hint = Enter פותח את הכרטיס כדי למלא
ui-review-done = ✓ נוצר קשר: { $channel }, { $date }
ui-review-no-consent-detail = אין הסכמה להודעות: רק בחנות
ui-review-choice-title = איך נוצר קשר עם { $name }?
ui-review-only-in-shop = אין הסכמה להודעות: רק בחנות.
ui-help-title-review = עזרה: סקירה שבועית
ui-help-intro-review = ימי הולדת של חברי מועדון, ילדיהם וחיות המחמד שלהם ב-7, 14 או 30 הימים הקרובים, לקוחות קבועים שהפסיקו להגיע ורשומות שחסרים בהן נתונים. כל שורה מציגה את הערוצים שחבר המועדון הסכים להם והודעה מוכנה לשליחה בשפה שלו; c מסמן שנוצר קשר (השורה נשארת אפורה עד השנה הבאה), y מעתיק את ההודעה, x שומר את הרשימה כקובץ CSV ליד מסד הנתונים.
ui-help-review = ברשימה
ui-help-review-contact = בחירת הדרך שבה נוצר קשר עם חבר המועדון
ui-key-section-back = החלק הקודם
ui-key-back = חזרה
review-in-shop-short = חנות
ui-soon-gotcha = יום האימוץ של { $name } { $when }
ui-card-gotcha = בבית מאז { $date }
ui-card-contacted = נוצר קשר
ui-review-nothing-to-export = הרשימה הזו ריקה: אין מה לייצא.
## Loyalty: points, tiers and rewards
err-config-points-range = { $key } = { $value }: השתמשו במספר שלם מ-0 ומעלה
err-config-grace = grace_days = { $value }: השתמשו במספר ימים מ-0 עד 3650
err-config-review-every = review_every_months = { $value }: השתמשו ב-0 (בונוס המשוב פעם אחת לכל חבר מועדון) או ב-1, 2, 3, 4, 6 או 12 חודשים
err-config-tiers-too-many = { $count } דרגות; אפשר לכל היותר { $max }
err-config-tier-name = לדרגה צריך שם
err-config-tier-twice = יש שתי דרגות בשם "{ $name }"
err-config-tier-first = הדרגה הראשונה ({ $name }) היא המקום שבו כל חבר מועדון מתחיל: ה-min שלה חייב להיות 0
err-config-tier-range = min = { $value }: השתמשו במספר שלם מ-0 ומעלה
err-config-tier-order = { $name } חייבת לדרוש יותר מ-{ $below } (הדרגות מהנמוכה לגבוהה)
err-config-reward-name = להטבה צריך שם
err-config-reward-twice = יש שתי הטבות בשם "{ $name }"
err-config-reward-points = ההטבה "{ $name }": points = { $value }; השתמשו במספר שלם גדול מ-0
loyalty-err-redeem-positive = יש לממש מספר שלם של נקודות, גדול מ-0.
loyalty-err-not-enough = אין מספיק נקודות: היתרה היא { $balance }, התבקשו { $points } (חסרות { $missing }).
loyalty-err-note-required = תיקון ידני צריך הערה שמסבירה למה.
loyalty-err-adjust-zero = תיקון של 0 נקודות לא משנה דבר; ציינו מספר כמו 50 או -20.
loyalty-err-refer-self = חבר מועדון לא יכול להביא את עצמו.
loyalty-gap = { $amount } עד { $tier }
loyalty-visits = { $count ->
    [one] ביקור אחד
    [two] שני ביקורים
   *[other] { $count } ביקורים
}
loyalty-reason-sale = קנייה
loyalty-reason-refund = החזר
loyalty-reason-unlinked = קנייה נותקה מהחבר
loyalty-reason-redeem = מימוש
loyalty-reason-redeem-reward = מימוש: { $reward }
loyalty-reason-bonus = בונוס
loyalty-reason-bonus-signup = בונוס הצטרפות
loyalty-reason-bonus-referral = בונוס חבר מביא חבר
loyalty-reason-bonus-review = בונוס ביקורת
loyalty-reason-bonus-birthday = בונוס יום הולדת
loyalty-reason-expire = פג תוקף (לא היה ביקור זמן רב)
loyalty-reason-adjust = תיקון ידני
loyalty-no-tiers = לא הוגדרו דרגות. הוסיפו בלוקים של [[tiers]] לקובץ ההגדרות כדי שיהיו.
loyalty-col-tier = דרגה
loyalty-col-from = מ-
loyalty-col-members = חברים
loyalty-col-perks = הטבות
loyalty-cli-month = החודש: { $up } עלו בדרגה, { $down } ירדו בדרגה; { $close } במרחק של עד 10% מהדרגה הבאה.
loyalty-cli-balance = { $name } (#{ $id }): { $balance } נקודות
loyalty-cli-redeemed = מומשו { $points } עבור { $name }. יתרה חדשה: { $balance }.
loyalty-err-no-reward = אין הטבה בשם "{ $name }"; בהגדרות רשומות: { $names }.
loyalty-err-reward-points = { $name } עולה { $points } נקודות, לא { $given }.
help-tiers = חברי מועדון לפי דרגה, מי עלה או ירד החודש ומי קרוב לדרגה הבאה (מחשב קודם מחדש את כל הדרגות)
help-tiers-shop = רק חברי המועדון שקנו בסניף הזה של הרשת (הדרגות נשארות של המועדון כולו)
help-tiers-json = הדפסת JSON: רשימת דרגות עם name, min ו-members
help-points = יתרת הנקודות והיסטוריית הנקודות של חבר מועדון
help-points-key = מזהה חבר, מספר כרטיס, טלפון או אימייל
help-points-json = הדפסת JSON: member_id, balance ושורות היומן
help-redeem = מימוש נקודות של חבר מועדון; נדחה כשהיתרה נמוכה מדי
help-redeem-key = מזהה חבר, מספר כרטיס, טלפון או אימייל
help-redeem-points = כמה נקודות לממש
help-redeem-reward = ההטבה מהרשימה שבהגדרות, למשל "Free coffee" (הנקודות שלה חייבות להתאים)
help-adjust = הוספה או הורדה של נקודות ידנית; חובה הערה שמסבירה למה
help-adjust-key = מזהה חבר, מספר כרטיס, טלפון או אימייל
help-adjust-points = נקודות להוספה, למשל 50, או להורדה, למשל -20
help-adjust-note = למה, למשל "נקודות מכרטיס הנייר הישן"
ui-key-redeem = מימוש
ui-key-points = נקודות
ui-key-tiers = דרגות
ui-key-pick-reward = בחירת הטבה
ui-key-redeem-go = מימוש
ui-key-adjust = תיקון ידני
ui-key-referred-by = הובא ע״י…
ui-key-review-bonus = בונוס ביקורת
ui-key-close = סגירה
ui-key-next-list = רשימה הבאה
ui-key-prev-list = רשימה קודמת
ui-key-open-or-edit = פתיחה / עריכה
ui-key-edit-min = עריכת מינימום הדרגה
ui-key-save-min = שמירת המינימום
ui-card-tier-since = { $tier } מאז { $date }
ui-card-tier-until = { $tier } עד { $date }
ui-card-tier-keep = עוד { $amount } שומרים על { $tier }
ui-card-tier-top = הדרגה העליונה
ui-card-perks = הטבות
ui-points-count = { $count ->
    [one] נקודה אחת
    [two] שתי נקודות
   *[other] { $count } נקודות
}
ui-redeem-title = מימוש נקודות: { $name }
ui-redeem-balance = יתרה
ui-redeem-points = נקודות
ui-redeem-rewards = או בחרו הטבה עם ↑↓:
ui-redeem-no-rewards = לא רשומות הטבות בהגדרות; הקלידו את הנקודות.
ui-redeem-after = יתרה חדשה
ui-redeem-not-number = הקלידו מספר שלם של נקודות
ui-redeem-confirm-title = לממש נקודות?
ui-redeem-confirm = לממש { $points } עבור { $name }? יתרה חדשה: { $balance }.
ui-redeem-confirm-reward = לממש { $points } ({ $reward }) עבור { $name }? יתרה חדשה: { $balance }.
ui-redeem-done = מומשו { $points }; נשמר. יתרה חדשה: { $balance }.
ui-points-title = נקודות: { $name } · יתרה { $balance }
ui-points-empty = עדיין אין נקודות.
ui-adjust-title = תיקון ידני — Enter שומר, Esc מבטל
ui-adjust-points = נקודות
ui-adjust-points-hint = למשל 50 או -20
ui-adjust-note = הערה
ui-adjust-note-hint = חובה: למה
ui-adjust-bad-points = הקלידו מספר נקודות שונה מ-0, למשל 50 או -20
ui-referral-form-title = מי הביא את חבר המועדון הזה למועדון? — Enter, Esc מבטל
ui-referral-by = הובא על ידי
ui-referral-hint = כרטיס, טלפון, אימייל או מס׳
ui-referral-not-found = לאף חבר מועדון אין את הכרטיס, הטלפון, האימייל או המספר הזה
ui-referral-title = לרשום מי הביא אותו?
ui-referral-question = { $referrer } הביא/ה את { $name } למועדון? שניהם יקבלו את בונוס חבר מביא חבר ({ $points } נקודות).
ui-referral-done = נשמר מי הביא את חבר המועדון הזה; בונוס חבר מביא חבר ניתן לשניהם.
ui-referral-already = לחבר המועדון הזה כבר רשום מי שהביא אותו; דבר לא שונה.
ui-review-bonus-none = לא הוגדר בונוס ביקורת (review_bonus בקובץ ההגדרות).
ui-review-bonus-title = בונוס ביקורת?
ui-review-bonus-question = לתת ל-{ $name } את בונוס הביקורת של { $points } נקודות? הוא ניתן פעם אחת לכל חבר מועדון.
ui-review-bonus-done = בונוס הביקורת ניתן.
ui-review-bonus-already = חבר המועדון הזה כבר קיבל את בונוס הביקורת; הוא ניתן פעם אחת.
ui-tiers-title = דרגות · { $basis } · { $days } ימי חסד לפני ירידה בדרגה
ui-tiers-on-spend = לפי הוצאה ב-12 חודשים
ui-tiers-on-visits = לפי ביקורים ב-12 חודשים
ui-tiers-edit-hint = Enter על דרגה: נסו מינימום אחר וראו מי יזוז לפני השמירה.
ui-tiers-preview = במינימום הזה { $up } יעלו עכשיו ל-{ $tier } ו-{ $down } ירדו מתחת לדרגה שלהם (עכשיו { $now }), וירדו בדרגה אחרי { $days } ימים. Enter שומר.
ui-tiers-not-number = הקלידו את המינימום כמספר שלם
ui-tiers-between = המינימום חייב להיות מעל { $below } ומתחת ל-{ $above }
ui-tiers-first-fixed = הדרגה הראשונה היא המקום שבו כל חבר מועדון מתחיל; המינימום שלה נשאר 0.
ui-tiers-no-file = אין קובץ הגדרות לשמור אליו; שנו את המינימום בקובץ ההגדרות.
ui-tiers-cannot-edit = לא ניתן לשנות את { $tier } ב-{ $path }: המינימום שלה לא כתוב שם כ-"min = …". שנו אותו בקובץ.
ui-tiers-saved = המינימום החדש נשמר בקובץ ההגדרות; הדרגות חושבו מחדש.
ui-tiers-moves = החודש: { $up } עלו, { $down } ירדו
ui-tiers-nudges = { $count ->
    [one] אחד במרחק של עד 10% מהדרגה הבאה
   *[other] { $count } במרחק של עד 10% מהדרגה הבאה
}
ui-tiers-none = אף אחד
ui-help-title-tiers = עזרה: דרגות
ui-help-intro-tiers = חברי מועדון לפי דרגה, מי עלה או ירד החודש, ומי במרחק של עד 10% מהדרגה הבאה (שווה דחיפה קטנה). Tab עובר מרשימה לרשימה; Enter על חבר מועדון פותח את הכרטיס שלו. Enter על דרגה מאפשר לנסות מינימום אחר: המסך מראה כמה חברי מועדון הוא יזיז לפני שתשמרו.
ui-help-tiers = במסך הדרגות
ui-help-tiers-edit = ניסיון מינימום אחר
ui-help-redeem = מימוש נקודות
ui-help-points = בהיסטוריית הנקודות
ui-help-points-form = תיקון נקודות או רישום מי הביא חבר מועדון
## Member add from the command line: receipts bought before signing up
cli-member-claimed = { $count ->
    [one] קבלה מוקדמת אחת (אותו כרטיס, טלפון או אימייל) שייכת לו עכשיו.
   *[other] { $count } קבלות מוקדמות (אותו כרטיס, טלפון או אימייל) שייכות לו עכשיו.
}


# dbsafe
err-db-busy = תוכנה אחרת כותבת כעת למסד הנתונים של המועדון { $path }; דבר לא נשמר. נסו שוב כשהיא תסיים.
err-db-busy-unnamed = תוכנה אחרת כותבת כעת למסד הנתונים של המועדון; דבר לא נשמר. נסו שוב כשהיא תסיים.
err-db-no-folder = התיקייה { $folder } של מסד הנתונים { $path } אינה קיימת; דבר לא נוצר. בדקו את הנתיב, או צרו קודם את התיקייה.
ui-import-waiting = ממתינים: תוכנה אחרת כותבת כעת למסד הנתונים של המועדון…
# sink
err-stdout = לא ניתן לכתוב את הפלט ({ $detail }); האם הדיסק מלא?
import-row-too-big = קבלה { $id }: הסכום { $amount } גדול מכל קבלה אפשרית ({ $max }); האם עמודה נקראה לא נכון?
import-note-completed = { $count ->
    [one] קבלה אחת שנשמרה קודם עם פחות שורות (מקובץ שנקטע, או מייצוא בלי שורות פריטים) הושלמה מהקובץ הזה.
   *[other] { $count } קבלות שנשמרו קודם עם פחות שורות (מקובץ שנקטע, או מייצוא בלי שורות פריטים) הושלמו מהקובץ הזה.
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
err-unknown-lang = “{ $lang }” אינה שפה ש-regulars מדברת; יש לבחור אחת מאלה: { $languages }.
msg-joined = { $first } { $second }

# jobs
ui-demo-making = יוצרים חברי מועדון לדוגמה… { $done } מתוך { $total }
ui-demo-cancel-note = Esc או Ctrl-C מבטלים; מילוי שבוטל לא מוסיף אף אחד.
ui-demo-cancelling = מבטלים… לא יתווסף אף חבר מועדון לדוגמה.
ui-demo-cancelled = מילוי הדוגמה בוטל; לא נוספו חברי מועדון.
ui-help-demo-running = בזמן יצירת חברי מועדון לדוגמה
ui-tiers-working = מחשבים את הדרגה של כל חבר מועדון…
ui-tiers-working-note = Esc חוזר אחורה; הדרגות יחושבו בכל מקרה.
family-boy = בן
family-girl = בת
## The config file written at first start
config-shop-name = החנות שלי
config-tier-1 = ארד
config-tier-2 = כסף
config-tier-2-perks = 5% הנחה על כל קנייה
config-tier-3 = זהב
config-tier-3-perks = 10% הנחה על כל קנייה, קפה חינם בימי שישי
config-reward-1 = קפה חינם
config-reward-2 = מאפה לבחירה
config-reward-3 = תיק בד
## Usage errors on the command line
err-usage-unknown-arg = { $arg } אינה אפשרות של פקודה זו.
err-usage-unknown-command = “{ $command }” אינה פקודה.
err-usage-missing = פקודה זו צריכה את { $arg }.
err-usage-bad-value = “{ $value }” אינו ערך ש-{ $arg } מקבלת.
err-usage-bad-value-choose = “{ $value }” אינו ערך ש-{ $arg } מקבלת; יש לבחור אחד מאלה: { $valid }.
err-usage-invalid = { $arg } “{ $value }”: { $why }
err-usage-help = “regulars --help” מציגה את הפקודות, “regulars COMMAND --help” את האפשרויות שלהן.

# calendar13
calendar-gregorian = לועזי
calendar-hebrew = עברי
calendar-chinese = סיני
calendar-hebrew-m01 = תשרי
calendar-hebrew-m02 = חשוון
calendar-hebrew-m03 = כסלו
calendar-hebrew-m04 = טבת
calendar-hebrew-m05 = שבט
calendar-hebrew-m05l = אדר א׳
calendar-hebrew-m06 = אדר
calendar-hebrew-m07 = ניסן
calendar-hebrew-m08 = אייר
calendar-hebrew-m09 = סיוון
calendar-hebrew-m10 = תמוז
calendar-hebrew-m11 = אב
calendar-hebrew-m12 = אלול
calendar-chinese-m01 = חודש ראשון
calendar-chinese-m02 = חודש שני
calendar-chinese-m03 = חודש שלישי
calendar-chinese-m04 = חודש רביעי
calendar-chinese-m05 = חודש חמישי
calendar-chinese-m06 = חודש שישי
calendar-chinese-m07 = חודש שביעי
calendar-chinese-m08 = חודש שמיני
calendar-chinese-m09 = חודש תשיעי
calendar-chinese-m10 = חודש עשירי
calendar-chinese-m11 = חודש אחד־עשר
calendar-chinese-m12 = חודש שנים־עשר
calendar-chinese-leap = { $month } מעובר
calendar-hebrew-date = { $day } ב{ $month }
calendar-chinese-date = { $day } ב{ $month }
calendar-gregorian-day = { $day } ב{ $month }
calendar-gregorian-this-year = ({ $gregorian } השנה)
calendar-gregorian-next-year = ({ $gregorian } בשנה הבאה)
calendar-with-gregorian = { $date } { $gregorian }
field-bad-calendar-date = אינו יום בלוח הזה (למשל 12 תשרי, או 15.8 בלוח הסיני)
err-unknown-calendar = “{ $calendar }” אינו לוח שנה לימי הולדת; יש לבחור אחד מאלה: { $calendars }.
help-member-add-birthday-calendar = לוח השנה של --birthday: gregorian (לועזי), hebrew (עברי, למשל 12 תשרי, 14 אדר א) או chinese (סיני, יום.חודש, למשל 15.8; חודש מעובר 15.4L)
ui-key-birthday-calendar = לוח שנה
ui-help-signup-birthday = בשדה יום ההולדת
ui-hint-birthday-hebrew = עברי: למשל 12 תשרי
ui-hint-birthday-chinese = סיני: למשל 15.8, 15.4L
ui-hint-calendar-ok = ✓ { $date } · { $gregorian }
ui-key-home-end = ראשון / אחרון
import-customers-unmatched = { $count ->
    [one] ללקוח קופה אחד בקובץ זה אין חבר מועדון (במסך u רואים אותם)
   *[other] ל-{ $count } לקוחות קופה בקובץ זה אין חבר מועדון (במסך u רואים אותם)
}
ui-import-result-unmatched-file = בקובץ זה
ui-import-result-unmatched-file-value = { $count ->
    [one] לקוח קופה אחד ללא חבר מועדון
   *[other] { $count } לקוחות קופה ללא חבר מועדון
}

# dupes14
err-phone-taken = הטלפון { $phone } כבר שייך לחבר המועדון { $id } ({ $name }).
err-email-taken = האימייל { $email } כבר שייך לחבר המועדון { $id } ({ $name }).
err-member-ambiguous = "{ $key }" מתאים לכמה חברי מועדון: { $ids }. ציינו את מזהה חבר המועדון במקום.
cli-duplicate-refused = לא נרשם: לחבר המועדון { $id } ({ $name }) יש אותו שם ואותו יום הולדת. הוסיפו --yes כדי לרשום בכל זאת.
cli-check-none = אין כפילויות: כל טלפון, אימייל וכרטיס שייכים לחבר מועדון אחד.
cli-check-phone = הטלפון { $value } משותף לחברי המועדון { $members }.
cli-check-email = האימייל { $value } משותף לחברי המועדון { $members }.
cli-check-card = הכרטיס { $value } משותף לחברי המועדון { $members }.
cli-check-name_birthday = אותו שם ואותו יום הולדת ({ $value }): חברי המועדון { $members }.
ui-taken-title = כבר במועדון
help-check = בדיקת קובץ מסד הנתונים (שלמות, קישורים בין שורות, יומן הנקודות) ורשימת טלפונים, אימיילים וכרטיסים המשותפים לכמה חברי מועדון, וחברי מועדון עם אותו שם ואותו יום הולדת (יציאה עם 1 כשמשהו לא תקין)
help-member-add-yes = לרשום גם כשלחבר מועדון אחר יש אותו שם ואותו יום הולדת

# perf14
ui-review-loading = אוספים את הסקירה השבועית… המקשים ממשיכים לעבוד.

# mistakes14
err-kin-too-old = זה אומר שהם מבוגרים מ-{ $limit } שנים, וזו כנראה טעות הקלדה; בדקו את תאריך הלידה או הגיל.
err-child-not-found = אין ילד/ה עם המזהה { $id } (המזהים מופיעים ב-member show --json).
err-pet-not-found = אין חיית מחמד עם המזהה { $id } (המזהים מופיעים ב-member show --json).
field-passed-away = נפטר/ה
err-kin-same-name = לחבר המועדון כבר יש את { $name } ({ $kin }); הוסיפו --yes כדי לשמור בכל זאת.
err-needs-yes = אי אפשר לבטל את זה: הוסיפו --yes כדי להמשיך.
cli-child-edited = הפרטים של הילד/ה { $name } של { $member } עודכנו
cli-pet-edited = הפרטים של חיית המחמד { $name } של { $member } עודכנו
cli-child-removed = הילד/ה { $name } הוסר/ה מ-{ $member }
cli-pet-removed = חיית המחמד { $name } הוסרה מ-{ $member }
cli-pet-passed-away = { $pet }, נפטר/ה ב-{ $date }
cli-member-edited = פרטי חבר המועדון { $id } עודכנו: { $name }
help-member-edit = שינוי פרטים של חבר מועדון; רק האפשרויות שניתנו משתנות
help-member-edit-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-member-edit-json = הדפסת חבר המועדון המעודכן כ-JSON
help-member-delete = מחיקת חבר מועדון: כמו member erase (הנתונים האישיים נמחקים, הקבלות נשארות בלי שם)
help-member-delete-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-member-delete-yes = כן, למחוק (בלי זה שום דבר לא נמחק)
help-child-edit = שינוי פרטים של ילד/ה; רק האפשרויות שניתנו משתנות
help-child-edit-id = המזהה של הילד/ה, כמו ב-member show --json
help-child-remove = הסרת ילד/ה שנוסף/ה בטעות
help-child-remove-id = המזהה של הילד/ה, כמו ב-member show --json
help-pet-edit = שינוי פרטים של חיית מחמד, או סימון שנפטרה
help-pet-edit-id = המזהה של חיית המחמד, כמו ב-member show --json
help-pet-edit-passed-away = היום שבו חיית המחמד נפטרה: היא נשארת בכרטיס, בלי תזכורות נוספות (ריק מוחק)
help-pet-remove = הסרת חיית מחמד שנוספה בטעות
help-pet-remove-id = המזהה של חיית המחמד, כמו ב-member show --json
ui-err-too-old = מבוגר/ת מ-{ $limit } שנים? בדקו את התאריך או הגיל
ui-family-edit-child = שינוי פרטים של ילד/ה של { $name }
ui-family-edit-pet = שינוי פרטים של חיית מחמד של { $name }
ui-family-none-to-pick = אין עדיין ילדים או חיות מחמד: c או p מוסיפים
ui-family-pick-first = בחרו קודם ילד/ה או חיית מחמד עם f
ui-family-pick-pet = בחרו קודם חיית מחמד עם f
ui-confirm-family-remove-title = להסיר?
ui-confirm-family-remove = להסיר את { $name } מהכרטיס? אי אפשר לבטל את זה.
ui-confirm-passed-away-title = נפטר/ה?
ui-confirm-passed-away = לסמן ש-{ $name } נפטר/ה היום? הוא/היא נשאר/ת בכרטיס, בלי עוד ברכות יום הולדת או יום הגעה הביתה.
ui-confirm-same-name-title = פעמיים?
ui-confirm-same-name = לחבר המועדון כבר יש את { $name }. לשמור בכל זאת?
ui-family-removed = { $name } הוסר/ה
ui-family-passed-away = { $name } סומן/ה כמי שנפטר/ה
ui-card-passed-away = נפטר/ה { $date }
ui-key-pick-family = בחירת ילד/חיה
ui-key-edit-family = שינוי ילד/חיה
ui-key-remove-family = הסרת ילד/חיה
ui-key-pet-passed-away = חיית מחמד נפטרה
help-redeem-json = הדפסת JSON
help-adjust-json = הדפסת JSON
help-demo-json = הדפסת JSON
help-child-add-json = הדפסת JSON
help-child-edit-json = הדפסת JSON
help-child-remove-json = הדפסת JSON
help-pet-add-json = הדפסת JSON
help-pet-edit-json = הדפסת JSON
help-pet-remove-json = הדפסת JSON
help-member-delete-json = הדפסת JSON
help-child-add-yes = לשמור גם כשלחבר המועדון כבר יש אחד בשם הזה
help-child-edit-yes = לשמור גם כשלחבר המועדון כבר יש אחד בשם הזה
help-pet-add-yes = לשמור גם כשלחבר המועדון כבר יש אחד בשם הזה
help-pet-edit-yes = לשמור גם כשלחבר המועדון כבר יש אחד בשם הזה
help-child-remove-yes = כן, להסיר (בלי זה שום דבר לא מוסר)
help-pet-remove-yes = כן, להסיר (בלי זה שום דבר לא מוסר)

# link14
ui-link-confirm-title = לקשר לחבר המועדון הזה?
ui-link-confirm-till = לקוח קופה
ui-link-confirm-member = חבר מועדון
ui-link-confirm-same = השמות תואמים.
ui-link-confirm-differ = ⚠ השמות שונים: האם זה אותו אדם?
ui-link-confirm-no-name = הקופה לא רשמה שם: בדקו לפי הכרטיס, הטלפון או האימייל.
ui-help-link-confirm = לפני הקישור
ui-card-till-customers = לקוחות קופה מקושרים
ui-card-till-hint = u מבטל קישור, l בוחר אחר
ui-key-pick-till-customer = בחירת לקוח קופה
ui-key-unlink = ביטול קישור ללקוח קופה
ui-till-none-linked = אין לקוח קופה שמקושר לחבר המועדון הזה.
ui-confirm-unlink-title = לבטל את הקישור?
ui-confirm-unlink = לבטל את הקישור של { $who } ({ $till }) ל-{ $name }? הקבלות שלו יחזרו להיות ללא חבר מועדון, וייבוא מאוחר יותר לא ישייך אותן ל-{ $name }.
ui-unlinked = הקישור של { $who } ל-{ $name } בוטל: { $receipts } חזרו להיות ללא חבר מועדון.
ui-card-more-below = ↓ עוד
ui-card-more-above = ↑ עוד

# fixes14
loyalty-err-below-zero = היתרה הייתה יורדת אל { $balance }, מתחת לאפס; דבר לא שונה.
cli-adjust-below-zero = היתרה הייתה יורדת אל { $balance }, מתחת לאפס; דבר לא שונה. הוסיפו { $flag } כדי להוריד את הנקודות בכל זאת.
loyalty-adjusted-up = הוספה ידנית: { $points }. יתרה חדשה: { $balance }.
loyalty-adjusted-down = הורדה ידנית: { $points }. יתרה חדשה: { $balance }.
ui-adjust-below-zero-title = מתחת לאפס?
ui-adjust-below-zero-question = הורדה של { $points } משאירה יתרה של { $balance }, מתחת לאפס. להוריד בכל זאת?
help-adjust-allow-negative = הורדת הנקודות גם כשהיתרה יורדת מתחת לאפס
demo-err-chain = החנות הזו היא סניף של רשת ([sync] בהגדרות): חברי הדגמה היו מגיעים לכל הסניפים. נסו אותם בקובץ אחר: regulars --db demo.db
demo-err-already = { $count ->
    [one] במועדון כבר יש חבר מועדון אחד לדוגמה
   *[other] במועדון כבר יש { $count } חברי מועדון לדוגמה
}; דבר לא נוסף. הסירו אותם קודם עם { $command }.
demo-err-club-not-empty = { $count ->
    [one] במועדון כבר יש חבר מועדון אחד
   *[other] במועדון כבר יש { $count } חברי מועדון
}; חברי מועדון לדוגמה היו מתערבבים איתם. הוסיפו { $flag } כדי להוסיף אותם בכל זאת.
demo-err-remove-ask = { $count ->
    [one] פעולה זו מסירה חבר מועדון אחד לדוגמה
   *[other] פעולה זו מסירה { $count } חברי מועדון לדוגמה
} עם הקבלות והנקודות שלהם; הוסיפו { $flag } כדי לבצע אותה.
cli-demo-removed = { $count ->
    [one] הוסר חבר מועדון אחד לדוגמה.
   *[other] הוסרו { $count } חברי מועדון לדוגמה.
}
help-demo-yes = הוספה גם למועדון שכבר יש בו חברים, או הסרה עם --remove
help-demo-remove = הסרת חברי המועדון לדוגמה, עם הקבלות והנקודות שלהם

# setup14
field-shop-name = שם החנות
field-country = מדינה
field-currency = מטבע
field-language = שפה
field-feb29 = יום הולדת ב-29 בפברואר
settings-feb29-feb28 = ב-28 בפברואר בשנים אחרות
settings-feb29-mar1 = ב-1 במרץ בשנים אחרות
settings-language-name = עברית
settings-choose = ←→ בחירה
settings-currency-usual = המקובל שם: { $currency }
settings-country-examples = למשל { $phone }, { $date }
ui-setup-title = החנות שלך
ui-setup-intro = ברוכים הבאים! את אלה ניחשנו לפי שפת המחשב. תקנו את מה שלא נכון; Enter מאשר הכול.
ui-setup-later = אפשר לשנות הכול מאוחר יותר בהגדרות (s ברשימה שבדלפק, או F4).
ui-settings-title = הגדרות
ui-settings-intro = נשמר בקובץ ההגדרות; ההערות וההגדרות האחרות בו נשארות כפי שהן.
ui-settings-saved = ההגדרות נשמרו.
ui-settings-no-file = אין קובץ הגדרות שאפשר לשמור בו את ההגדרות.
ui-settings-fix = נא לתקן את ההגדרות המסומנות.
ui-settings-sorting = ממיינים את רשימות חברי המועדון לפי השפה החדשה… { $done } מתוך { $total }
ui-settings-sorting-note = המקשים ממשיכים לעבוד; Esc חוזר אחורה בזמן שהמיון מסתיים.
ui-key-settings = הגדרות
ui-key-accept = אישור
ui-help-title-setup = עזרה: החנות שלך
ui-help-intro-setup = ההפעלה הראשונה: שם החנות, המדינה (מספרי הטלפון, סדר התאריך והמטבע המקובל נקבעים לפיה), המטבע והשפה. Tab עובר ביניהם; Enter שומר אותם בקובץ ההגדרות.
ui-help-setup = במסך הזה
ui-help-title-settings = עזרה: הגדרות
ui-help-intro-settings = שם החנות, המדינה, המטבע והשפה, והיום שבו חוגגים יום הולדת של 29 בפברואר בשנים אחרות. Enter שומר אותם בקובץ ההגדרות, וההערות שבו נשמרות.
ui-help-settings = במסך הזה

# import14
import-row-ambiguous-money = "{ $column }": "{ $value }" יכול להיות אלפים או שברים, ואף סכום אחר בעמודה הזו לא מראה באיזה סימן הקובץ כותב שברים; כתבו אותו כ-1234.00 או כ-1.234,00
import-row-ambiguous-money-mixed = "{ $column }": "{ $value }" יכול להיות אלפים או שברים, והעמודה הזו כותבת שברים גם עם "." וגם עם ","; כתבו את כל הסכומים בעמודה באותה צורה
import-err-currency = { $file } הוא ב-{ $currency } (שורה { $line }), אבל המטבע של החנות הוא { $shop }; דבר לא נשמר. הוסיפו --currency { $currency } כדי לשמור את הסכומים כפי שהם.
import-note-currency = הקובץ הזה הוא ב-{ $currency } (שורה { $line }) והמטבע של החנות הוא { $shop }; הסכומים נשמרו כפי שהם. אם { $shop } אינו נכון, הגדירו את המטבע של החנות בקובץ ההגדרות.
import-err-currency-code = "{ $value }" אינו קוד מטבע בן שלוש אותיות (למשל EUR, DKK, ILS).
import-again-done = { $file } ({ $format }) נקרא שוב: ל-{ $matched } קבלות בלי חבר מועדון יש עכשיו חבר מועדון, ל-{ $unmatched } עדיין אין; שורות שנדחו: { $rejected }. שום דבר אחר לא שונה.
help-import-currency = המטבע של הקובץ (למשל DKK) כשהוא אינו המטבע של החנות: הסכומים נשמרים כפי שהם
help-import-again = לקרוא שוב קובץ שכבר יובא (עם --country או --format): הקבלות שלו בלי חבר מועדון מותאמות; שום דבר אחר לא משתנה
ui-import-country = מדינה:
ui-import-format = פורמט: { $format }
ui-import-format-detect = זיהוי אוטומטי
ui-import-currency-question = { $file } הוא ב-{ $currency }, אבל המטבע של החנות הוא { $shop }. לייבא אותו עם הסכומים כפי שהם? (y / n)
ui-import-result-matched = עכשיו עם חבר מועדון
ui-key-import-country = מדינה
ui-key-import-format = פורמט
ui-key-import-again = קריאה מחדש
ui-help-import-country = הקלדת המדינה
ui-import-choices-hint = c מדינה · f פורמט · a קריאה מחדש

# review14
loyalty-cli-near = במרחק של עד 10% מהדרגה הבאה, החסר הקטן ביותר ראשון:
loyalty-col-member = חבר מועדון
loyalty-col-to-next = עד הדרגה הבאה
ui-review-col-missing = חסר
ui-review-col-next = הדרגה הבאה
ui-review-near-intro = במרחק של עד 10% מהדרגה הבאה, החסר הקטן ביותר ראשון
ui-review-no-near = כרגע אף חבר מועדון אינו במרחק של עד 10% מהדרגה הבאה.

# backup15
backup-err-exists = { $path } כבר קיים; גיבוי לעולם אינו מחליף קובץ. תנו שם קובץ חדש או תיקייה.
backup-err-no-file = למועדון הזה אין קובץ מסד נתונים לגבות.
cli-backup-done = הגיבוי נשמר ב־{ $path }
help-backup = העתקת מסד הנתונים לקובץ עם תאריך בתיקיית הגיבויים (או ל־PATH), בבטחה גם בזמן שהאפליקציה או ייבוא כותבים אליו
help-backup-path = קובץ חדש או תיקייה להעתק; בלעדיו, תיקיית הגיבויים שליד מסד הנתונים
help-backup-json = הדפסת JSON: הנתיב של ההעתק
ui-backup-failed = הגיבוי היומי לא נעשה: { $detail }
cli-check-sound = קובץ מסד הנתונים תקין: הדפים שלו, הקישורים בין השורות ויומן הנקודות תקינים.
cli-check-damaged = קובץ מסד הנתונים פגום ({ $detail }). עצרו את האפליקציה ושחזרו את הגיבוי האחרון (ראו README).
cli-check-missing-row = שורה { $rowid } בטבלה { $table } מפנה לשורה בטבלה { $parent } שאינה קיימת.
cli-check-bad-points = חבר מועדון { $member }: שורת נקודות { $id } ({ $reason }, { $delta } ב־{ $at }) אינה יכולה להיות נכונה, ויתרת הנקודות שלו שגויה בגללה.

# consent15
err-consent-how = "{ $value }" אינה דרך למתן הסכמה; השתמשו ב-counter, signup, import, form או cli.
err-consent-nothing = ציינו מה משתנה: ‎--grant sms,email או ‎--withdraw sms.
err-consent-both = אי אפשר גם לתת וגם לבטל הסכמה ל-{ $channel } באותו זמן.
consent-state-yes = כן
consent-given = ניתנה
consent-withdrawn = בוטלה
consent-how-counter = בדלפק
consent-how-signup = בהרשמה
consent-how-import = מיובא
consent-how-form = בטופס
consent-how-cli = בשורת הפקודה
cli-consent-saved = ההסכמות של { $name } ({ $id }) נשמרו:
signup-suppressed = { $name } מתחיל/ה בלי הסכמה ל-{ $channels }: איש הקשר הזה ביקש בעבר לא לפנות אליו. רק הסכמה חדשה שניתנת בדלפק מחזירה אותו.
ui-card-consent-history = היסטוריית הסכמות
ui-key-pick-consent = בחירת ערוץ
ui-key-change-consent = שינוי הסכמה
ui-confirm-consent-title = לשנות הסכמה?
ui-confirm-consent-grant = האם { $name } מסכים/ה לפניות דרך { $channel } מעכשיו?
ui-confirm-consent-withdraw = האם { $name } כבר לא רוצה פניות דרך { $channel }? איש הקשר יעבור לרשימת "לא לפנות".
ui-consent-saved = ההסכמות של { $name } נשמרו.
help-consent = מתן או ביטול הסכמה של חבר מועדון לפניות, לפי ערוץ
help-consent-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-consent-grant = ערוצים שחבר המועדון מסכים להם מעכשיו, למשל sms,email
help-consent-withdraw = ערוצים שחבר המועדון כבר לא מסכים להם, למשל sms
help-consent-how = איפה ניתנה: counter, signup, import, form או cli
help-consent-json = הדפסת ההסכמות הנוכחיות כ-JSON
err-export-channel = אנשי קשר מיוצאים עבור sms או email, לא "{ $value }".
cli-export-written = { $count ->
    [one] איש קשר אחד נכתב אל { $path }
   *[other] { $count } אנשי קשר נכתבו אל { $path }
}
cli-export-raw = מספרי הטלפון נכתבים בצורת ‎+E.164 לכלי SMS ואינם מוגנים מפני נוסחאות בגיליון אלקטרוני.
help-export = רשימות להודעות שנשלחות ממקום אחר
help-export-contacts = חברי מועדון שהסכימו להודעות בערוץ, כ-CSV או vCard (לא ברשימת "לא לפנות", לא נמחקו)
help-export-contacts-channel = sms או email
help-export-contacts-out = הקובץ לכתיבה (ברירת מחדל: תיקיית הייצוא)
help-export-contacts-raw = טלפונים בצורת ‎+E.164 לכלי SMS, בלי הגנה מפני נוסחאות

# segments15
segment-err-empty = הפילוח ריק: כתבו תנאי כמו tier=Gold.
segment-err-unknown-word = מילה לא מוכרת „{ $found }” בתו { $at }. המילים הן: tier, pet, children, child_age, age, birthday_month, area, tag, language, visits_12m, spend_12m, last_visit, bought, category, source, usual_day, usual_hour, occupation.
segment-err-bad-value = „{ $found }” אינו ערך עבור { $word } (תו { $at }).
segment-err-bad-op = { $word } לא מקבל „{ $found }” (תו { $at }).
segment-err-needs-value = ל־{ $word } חסר ערך, למשל { $word }=… (תו { $at }).
segment-err-end = חסר תנאי בסוף (תו { $at }).
segment-err-unclosed = „{ $found }” בתו { $at } לא נסגר.
segment-err-unexpected = „{ $found }” לא צפוי בתו { $at }.
segment-err-unknown-tier = אין דרגה „{ $tier }”. הדרגות הן: { $tiers }.
segment-err-unknown-name = אין פילוח שמור בשם „{ $name }”.
segment-err-bad-name = שם של פילוח לא יכול להיות ריק או להכיל את הסימן =: „{ $name }”.
segment-saved = הפילוח „{ $name }” נשמר: { $expr }
segment-none-saved = עדיין אין פילוחים שמורים.
segment-members = { $count ->
    [one] חבר מועדון אחד
   *[other] { $shown } חברי מועדון
}
segment-no-data = עדיין לא נרשם דבר עבור { $word }, ולכן התנאי לא מתאים לאף אחד.
help-segment = שמירה, רשימה והצגה של פילוחים: חברי מועדון שנבחרו לפי ביטוי כמו pet=dog and children
help-segment-save = שמירת ביטוי בשם
help-segment-save-name = שם הפילוח
help-segment-save-expr = הביטוי, למשל tier=Gold and pet=dog
help-segment-list = הפילוחים השמורים והביטויים שלהם
help-segment-show = הביטוי של פילוח שמור וכמה חברי מועדון יש בו היום
help-segment-show-name = שם הפילוח
help-segment-show-json = הדפסת JSON: name, expr, count ו־member_ids
ui-key-segments = פילוחים
ui-key-save-segment = שמירה בשם
ui-key-saved-segments = פילוחים שמורים
ui-key-load-segment = טעינה
ui-key-segment-expression = הביטוי
ui-segments-title = פילוחים
ui-segments-expression = ביטוי
ui-segments-example = למשל: pet=dog and children, tier=Gold and not area=10000, visits_12m>=5 or spend_12m>=500
ui-segments-name = שמירה בשם
ui-segments-saved = פילוחים שמורים
ui-help-title-segments = עזרה: פילוחים
ui-help-intro-segments = פילוח בוחר חברי מועדון לפי מה שהמועדון יודע עליהם. מחברים תנאים עם and, or, not וסוגריים: tier=Gold, pet=dog, children, child_age=3..6, age=30..45, birthday_month=12, area=10000, tag=vegan, language=he, visits_12m>=5, spend_12m>=500, last_visit<2026-09-01, bought=Birthday cake, category=Cakes, source, usual_day=sat, usual_hour=7..9, occupation. מספר חברי המועדון נספר תוך כדי הקלדה; טעות מוצגת מתחת לשדה.
ui-help-segments = בהקלדת הביטוי
ui-help-segments-list = ברשימת הפילוחים השמורים
ui-help-segments-name = בהקלדת השם לשמירה
segment-counting = סופרים…

# tuiexport15
help-export-contacts-vcard = כרטיסי vCard 4.0 במקום CSV, כרטיס אחד לכל חבר מועדון, לפנקס כתובות
ui-key-export-segment = ייצוא
ui-key-export-channel = SMS או אימייל
ui-key-export-format = CSV או vCard
ui-key-export-write = כתיבת הקובץ
ui-help-contacts-export = בייצוא אנשי קשר
ui-export-title = ייצוא אנשי קשר: { $name }
ui-export-channel = ערוץ
ui-export-format = פורמט
ui-export-csv = CSV
ui-export-vcard = vCard
ui-export-members = { $count ->
    [one] חבר מועדון אחד
    [two] שני חברי מועדון
   *[other] { $count } חברי מועדון
}
ui-export-will-write = ייכתבו { $written }; { $left } בלי הסכמה לא ייכללו
ui-export-written = נכתבו { $written } אל { $path }; { $left } בלי הסכמה לא נכללו
ui-segments-export-empty = כתבו קודם פילוח: הייצוא כותב את חברי המועדון שבו.

# erase15
help-member-export = כל מה שנשמר על חבר מועדון, כ-JSON: פרטים, ילדים, חיות מחמד, הסכמות, קבלות, נקודות, יומן פניות
help-member-export-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל (של חבר שנמחק: המזהה)
help-member-export-out = כתיבה לקובץ הזה (רק אתם יכולים לקרוא אותו) במקום הדפסה
cli-member-exported = כל מה שנשמר על חבר המועדון { $id } נמצא ב-{ $path }
help-member-erase = מחיקת נתוני חבר מועדון: שם, פרטי קשר, יום הולדת, משפחה, נקודות והערות נמחקים; הקבלות נשארות בלי שם; פרטי הקשר נכנסים לרשימת "לא ליצור קשר"
help-member-erase-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-member-erase-yes = כן, למחוק (בלי זה שום דבר לא נמחק)
help-member-erase-json = הדפסת JSON
err-erase-needs-yes = מחיקת חבר המועדון { $id } ({ $name }) מסירה את השם, הטלפון, האימייל, הכרטיס, יום ההולדת, האזור, ההערה, הערות השירות, הילדים, חיות המחמד, הנקודות, הדרגה ויומן הפניות, וגם את השם ופרטי הקשר שעל הקבלות; הקבלות נשארות בלי שם ויומן ההסכמות ותשובות המשוב (בלי שם) נשארים. אי אפשר לבטל את זה: הוסיפו --yes כדי להמשיך.
cli-member-erased = נתוני חבר המועדון { $id } ({ $name }) נמחקו. הקבלות נשארות, בלי שם.

# merge15
merge-err-same = אי אפשר למזג חבר מועדון עם עצמו (חבר המועדון { $id }).
merge-err-erased = חבר המועדון { $id } נמחק לצמיתות ואי אפשר למזג אותו.
merge-field-tags = תגיות
merge-what-receipts = קבלות
merge-what-points = רשומות נקודות
merge-what-children = ילדים
merge-what-pets = חיות מחמד
merge-what-consents = רשומות הסכמה
merge-what-contact_log = רשומות יצירת קשר
merge-what-customer_links = לקוחות קופה מקושרים
merge-what-referred = חברי מועדון שהביא
merge-what-feedback = תשובות משוב
merge-preview-title = מיזוג חבר המועדון { $drop } ({ $drop_name }) לתוך חבר המועדון { $keep } ({ $keep_name }):
merge-moves = עובר לחבר המועדון { $keep }:
merge-fills = מושלם מחבר המועדון { $drop }:
merge-joins = מאוחד:
merge-differs = לשניהם יש, של חבר המועדון { $keep } נשאר:
merge-points = הנקודות של שניהם יחד: { $points }
merge-nothing = כלום
merge-needs-yes = לא מוזג דבר: הוסיפו --yes כדי למזג את חבר המועדון { $drop } לתוך חבר המועדון { $keep }.
merge-done = חבר המועדון { $drop } מוזג לתוך חבר המועדון { $keep } ({ $name }); הנקודות עכשיו: { $points }.
help-member-merge = מיזוג DROP לתוך KEEP: כל הקבלות, הנקודות, הילדים, חיות המחמד, ההסכמות וההערות של שניהם נשמרים אצל KEEP
help-member-merge-keep = חבר המועדון שנשאר: מזהה, מספר כרטיס, טלפון או אימייל
help-member-merge-drop = חבר המועדון שממוזג לתוך KEEP ואחר כך כבר אינו חבר מועדון
help-member-merge-yes = כן, למזג (בלי זה רק מוצג מה יקרה)
help-member-merge-json = הדפסת JSON
merge-why-phone = אותו טלפון
merge-why-email = אותו אימייל
merge-why-card = אותו כרטיס
merge-why-name_birthday = שם דומה, אותו יום הולדת
merge-why-till_customer = אותו לקוח קופה
ui-key-duplicates = כפילויות
ui-key-merge-preview = מה המיזוג יעשה
ui-key-swap-kept = החלפת מי נשאר
ui-key-merge = מיזוג
ui-duplicates-title = כפילויות
ui-duplicates-finding = מחפשים חברי מועדון שאולי הם אותו אדם…
ui-duplicates-none = אין כפילויות סבירות: אין שני חברי מועדון עם אותו טלפון, אימייל או כרטיס, אותו שם ויום הולדת, או אותו לקוח קופה.
ui-help-title-duplicates = עזרה: כפילויות
ui-help-intro-duplicates = זוגות של חברי מועדון שכנראה הם אותו אדם: אותו טלפון, אימייל או כרטיס, שם דומה עם אותו יום הולדת, או קבלות של אותו לקוח קופה אצל שניהם. המיזוג שומר את כל הקבלות, הנקודות, הילדים, חיות המחמד, רשומות ההסכמה וההערות של שניהם אצל חבר המועדון שנשאר.
ui-help-duplicates = ברשימת הזוגות
ui-help-duplicates-preview = במה שהמיזוג יעשה

# erasetui15
ui-key-erase = מחיקת נתונים
ui-key-export-member = ייצוא נתונים
ui-confirm-erase-title = למחוק את נתוני חבר המועדון?
ui-confirm-erase =
    למחוק את הנתונים של { $name }? אי אפשר לבטל את זה.
    נמחקים: שם, טלפון, אימייל, כרטיס, יום הולדת, ילדים וחיות מחמד, נקודות ודרגה, יומן הפניות, הערות השירות והקישורים ללקוחות קופה.
    נשמרים: הקניות, בלי שם, כך שהסכומים של החנות לא משתנים; יומן ההסכמות; הטלפון והאימייל ברשימת "לא ליצור קשר".
ui-erased = הנתונים של { $name } נמחקו. הקניות נשארות, בלי שם.
ui-confirm-export-member-title = לייצא את נתוני חבר המועדון?
ui-confirm-export-member =
    לכתוב את כל מה שהמועדון שומר על { $name } (פרטים, ילדים וחיות מחמד, היסטוריית הסכמות, קבלות, נקודות, הערות ויומן פניות) לקובץ JSON שרק אתם יכולים לקרוא?
    הקובץ נשמר בתיקייה { $folder }, בשם עם המספר של חבר המועדון ותאריך היום.
ui-member-exported = כל מה שנשמר על { $name } נמצא ב-{ $path }
ui-export-member-no-file = המועדון הזה לא נשמר בקובץ, ולכן אין תיקיית ייצוא לכתוב אליה.

# stats16
config-source-friend = חבר או משפחה
config-source-neighbour-shop = חנות שכנה
config-source-supplier = ספק
config-source-social-media = רשתות חברתיות
config-source-walked-past = עבר ליד החנות
config-source-event = אירוע
config-source-staff = צוות החנות
config-source-business-network = לשכת המסחר או רשת עסקית
err-config-stats = { $key } = { $value } מחוץ לטווח: lapse_days הוא מספר שלם של ימים מ-1 ומעלה, lifespan_years הוא מספר שנים גדול מ-0 ועד 100
err-feedback-range = תשובת { $what } { $value } מחוץ לטווח: השתמשו במספר שלם מ-{ $lowest } עד { $highest }
err-source-unknown = "{ $name }" אינו אחד המקורות שבהגדרות: { $sources }
cli-feedback-saved = { $what } { $score } נשמר עבור { $name } (#{ $id })
cli-feedback-saved-anonymous = { $what } { $score } נשמר, בעילום שם
help-member-add-referred-by = חבר המועדון שהביא אותם: מזהה, מספר כרטיס, טלפון או אימייל
help-member-add-source = איך הגיעו לחנות, אחד המקורות שבהגדרות, למשל "עבר ליד החנות"
help-feedback = רישום תשובת משוב מהדלפק: NPS ‏0–10 או CSAT ‏1–5
help-feedback-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-feedback-anonymous = תשובה ממישהו שלא נמסר שמו
help-feedback-nps = עד כמה סביר שימליצו על החנות, 0–10
help-feedback-csat = עד כמה הם מרוצים, 1–5
help-feedback-json = הדפסת התשובה שנשמרה כ-JSON
help-stats = בריאות המועדון: שימור, נטישה, NPS,‏ CSAT, ערך לקוח לאורך זמן וחלקם של חברי המועדון במכירות
help-stats-from = היום הראשון של התקופה (ברירת מחדל: 364 ימים לפני היום האחרון)
help-stats-to = היום האחרון של התקופה (ברירת מחדל: היום)
help-stats-shop = רק הסניף הזה של הרשת: הקבלות שלו וחברי המועדון שנרשמו או קנו בו
help-stats-json = הדפסת הנתונים כ-JSON
stats-title = בריאות המועדון, { $from } – { $to } ({ $days } ימים)
stats-members = חברי מועדון
stats-new-members = חברי מועדון חדשים
stats-active-start = פעילים בתחילת התקופה
stats-active-end = פעילים בסוף התקופה
stats-lost = פעילים בתחילה ולא בסוף
stats-retention = שיעור שימור
stats-churn = שיעור נטישה
stats-nps = NPS
stats-csat = CSAT
stats-answers = { $count ->
    [one] תשובה אחת
   *[other] { $shown } תשובות
}
stats-cltv = ערך לקוח לאורך זמן
stats-avg-basket = סל ממוצע
stats-visits-per-year = ביקורים בשנה
stats-lifespan = שנים שחבר מועדון נשאר
stats-member-share = נתח חברי המועדון במכירות
stats-undefined = —
stats-sources = איך חברי המועדון החדשים הגיעו אלינו
stats-source-line = { $count } חדשים, { $spend } ב-12 חודשים
stats-top-referrers = הביאו הכי הרבה חברי מועדון חדשים
err-stats-period = התקופה הייתה מסתיימת ב-{ $to }, לפני שהיא מתחילה ב-{ $from }
cli-branch = סניף: { $name }
err-shop-unknown = אין סניף בשם "{ $name }". סניפים מוכרים: { $known }
err-shop-unknown-none = אין סניף בשם "{ $name }": אף קבלה או חבר מועדון עדיין לא נושאים שם של סניף, ולחנות הזו אין שם משלה ([sync] shop בקובץ ההגדרות)

# statsscreen16
ui-key-stats = נתוני המועדון
ui-key-stats-formula = נוסחה
ui-key-stats-month = ±חודש
ui-key-stats-other = נתון אחר
ui-help-stats = במסך הנתונים
ui-help-stats-formula = איך נתון מחושב
stats-screen-working = מחשב את הנתונים…
stats-screen-chart-working = משרטט את 12 החודשים האחרונים…
stats-screen-undefined = לא מוגדר
stats-screen-why-start = לא מוגדר: אף חבר מועדון לא היה פעיל ביום הראשון של התקופה.
stats-screen-why-answers = לא מוגדר: אין תשובות בתקופה.
stats-screen-why-sales = לא מוגדר: לא נקנה דבר בתקופה.
stats-screen-why-parts = לא מוגדר: אחד משלושת חלקיו אינו מוגדר.
stats-screen-why-visits = לא מוגדר: אף חבר מועדון לא ביקר בתקופה.
stats-screen-not-after-today = התקופה לא יכולה להסתיים אחרי היום.
stats-screen-active-rule = פעיל: ביקר ב-{ $days } הימים שעד אותו יום.
stats-screen-chart = 12 החודשים האחרונים
stats-screen-chart-members = חברי מועדון
stats-screen-chart-active = פעילים
stats-screen-period = תקופה: { $from } – { $to }, { $days } ימים
stats-screen-new-active = פעילים בסוף שהצטרפו בתקופה
stats-screen-answers = תשובות
stats-screen-promoters = תשובות 9–10
stats-screen-detractors = תשובות 0–6
stats-screen-satisfied = תשובות 4 או 5
stats-screen-member-net = מכירות לחברי המועדון פחות החזרות
stats-screen-member-receipts = קבלות מכירה של חברי המועדון
stats-screen-member-visits = ביקורי חברי המועדון (ימים עם קנייה)
stats-screen-members-visiting = חברי מועדון שביקרו
stats-screen-all-net = כל המכירות פחות החזרות
stats-screen-days = ימים בתקופה
stats-screen-lifespan-setting = שנים שנקבעו בהגדרות
stats-formula-members = חברי מועדון שהצטרפו עד היום האחרון של התקופה; חברים שנמחקו אינם נספרים.
stats-formula-new-members = חברי מועדון שהצטרפו בתקופה, פעילים או לא.
stats-formula-active-start = S = חברי מועדון פעילים ביום הראשון של התקופה.
stats-formula-active-end = E = חברי מועדון פעילים ביום האחרון של התקופה.
stats-formula-lost = חברי מועדון פעילים ביום הראשון (S) שכבר אינם פעילים באחרון (E).
stats-formula-retention = שימור = (E − N) ÷ S × 100
stats-formula-churn = נטישה = שעזבו ÷ S × 100
stats-formula-nps = NPS = % תשובות 9–10 − % תשובות 0–6
stats-formula-csat = CSAT = % תשובות 4 או 5
stats-formula-cltv = ערך לאורך זמן = סל ממוצע × ביקורים בשנה × שנים שחבר מועדון נשאר
stats-formula-avg-basket = סל ממוצע = מכירות לחברי המועדון פחות החזרות ÷ קבלות המכירה שלהם
stats-formula-visits-per-year = ביקורים בשנה = ביקורים ÷ חברי מועדון שביקרו × 365 ÷ ימים בתקופה
stats-formula-lifespan = שנים שחבר מועדון נשאר = 1 ÷ נטישה שנתית, לכל היותר 10 (אלא אם נקבע בהגדרות)
stats-formula-member-share = חלק חברי המועדון = מכירות לחברי המועדון ÷ כל המכירות × 100 (אחרי החזרות)

# notes16
note-kind-note = הערה
note-kind-request = בקשה
note-kind-complaint = תלונה
note-open = פתוחה
note-resolved-on = טופלה ב-{ $date }: { $how }
err-note-kind = "{ $kind }" אינו סוג של הערה: השתמשו באחד מ-{ $kinds }
err-note-empty = ההערה ריקה: כתבו מה צריך לזכור
err-note-how-empty = כתבו מה נעשה כדי לטפל בזה
err-note-not-found = אין הערה מספר { $id }
err-note-plain = הערה מספר { $id } היא הערה רגילה: רק בקשות ותלונות מטופלות
err-note-resolved = הערה מספר { $id } כבר טופלה ב-{ $at }
cli-note-added = { $kind } מספר { $id } נוספה ל-{ $name }
cli-note-none = אין הערות
cli-note-resolved = { $kind } מספר { $id } טופלה; ההערה נשארת בהיסטוריה של חבר המועדון
merge-what-notes = הערות שירות
help-note = הערות שירות: הערות, בקשות ותלונות, ואיך טופלו
help-note-add = הוספת הערה, בקשה או תלונה לחבר מועדון
help-note-add-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-note-add-kind = note (הערה), request (בקשה) או complaint (תלונה)
help-note-add-text = מה צריך לזכור
help-note-add-json = הדפסת ההערה החדשה כ-JSON
help-note-list = הערות של חבר מועדון, או של כולם, מהחדשה לישנה
help-note-list-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל (בלי: כל חברי המועדון)
help-note-list-open = רק בקשות ותלונות שעדיין לא טופלו
help-note-list-json = הדפסת JSON: id, member_id, kind, text, at, resolved_at, resolution
help-note-resolve = טיפול בבקשה או בתלונה, עם מה שנעשה
help-note-resolve-id = מספר ההערה
help-note-resolve-how = מה נעשה

# feedback16
ui-key-ask-nps = לשאול: תמליצו עלינו? 0–10
ui-key-ask-csat = לשאול: מרוצים היום? 1–5
ui-key-survey = שאלון
ui-key-feedback-score = תשובה
ui-key-feedback-ten = 10
ui-key-feedback-pick = בחירה
ui-key-feedback-store = שמירת התשובה
ui-key-survey-skip = דילוג
ui-key-survey-stop = עצירה
ui-feedback-title = משוב: { $name }
ui-feedback-title-anonymous = משוב (בעילום שם)
ui-feedback-nps-question = עד כמה סביר שתמליצו עלינו? 0–10
ui-feedback-nps-ends = 0 = בכלל לא סביר, 10 = סביר מאוד
ui-feedback-csat-question = עד כמה הייתם מרוצים היום? 1–5
ui-feedback-csat-ends = 1 = לא מרוצים בכלל, 5 = מרוצים מאוד
ui-feedback-keys = מקש אחד שומר את התשובה: { $keys }
ui-feedback-keys-ten = מקש אחד שומר את התשובה: { $keys }, ‏= עבור 10
ui-feedback-esc = Esc לא שואל כלום.
ui-feedback-saved-anonymous = { $what } { $score } נשמר, בעילום שם
ui-feedback-saved-bonus = { $what } { $score } נשמר עבור { $name }, עם בונוס הביקורת: { $points }
ui-feedback-saved-no-bonus = { $what } { $score } נשמר עבור { $name }; בלי בונוס ביקורת הפעם (כבר ניתן, או שלא הוגדר)
ui-help-feedback = שאלת המשוב
ui-help-title-feedback = עזרה: משוב
ui-help-intro-feedback = שאלו את השאלה כפי שהיא כתובה ולחצו על מקש התשובה: היא נשמרת מיד עם תאריך היום. מכרטיס של חבר המועדון התשובה שלו (ועשויה לזכות בבונוס הביקורת פעם בתקופה); מרשימת הדלפק היא בעילום שם.
ui-survey-none = אין עדיין שאלות סקר: בעל החנות כותב עד חמש בהגדרות, תחת [[survey.questions]]
ui-survey-done = { $count ->
    [one] תשובת סקר אחת נשמרה עבור { $name }
   *[other] { $count } תשובות סקר נשמרו עבור { $name }
}
ui-survey-title = סקר: { $name } · שאלה { $number } מתוך { $total }
ui-survey-answer = תשובה
ui-survey-keys-text = הקלידו את התשובה, Enter שומר. Tab מדלג, Esc עוצר.
ui-survey-keys-skip = Tab או s מדלגים. Esc עוצר; התשובות שניתנו נשמרות.
ui-help-survey-pick = שאלה עם סולם או אפשרויות
ui-help-survey-text = שאלה שעונים עליה במילים
ui-help-title-survey = עזרה: הסקר
ui-help-intro-survey = השאלות של בעל החנות, מההגדרות, אחת אחרי השנייה. כל תשובה נשמרת ברגע שהיא ניתנת, עם תאריך היום ומילות השאלה, כך ששינוי מאוחר בהגדרות לא משנה את התווית שלה.
ui-stats-survey-none = אין עדיין שאלות סקר בהגדרות: הוסיפו עד חמש תחת [[survey.questions]].
ui-key-stats-survey = סקר
ui-key-stats-survey-back = חזרה לנתונים
ui-help-stats-survey = בעמוד הסקר
ui-help-title-stats_survey = עזרה: תשובות הסקר
ui-help-intro-stats_survey = כל שאלת סקר עם התשובות בתקופה של מסך הנתונים: הממוצע של סולם, כמה בחרו כל אפשרות, חמש התשובות האחרונות במילים.
err-survey-too-many = { $count } שאלות סקר: לכל היותר { $most } נשאלות בדלפק
err-survey-no-text = לשאלת הסקר { $number } אין טקסט: כתבו את השאלה כפי שהיא נשאלת
err-survey-twice = שאלת הסקר { $number } "{ $text }" מופיעה פעמיים: התשובות נקלטות לפי מילות השאלה, ולכן כל שאלה צריכה להיות שונה
err-survey-choices = שאלת הסקר { $number } "{ $text }": שאלת בחירה צריכה 2 עד { $most } אפשרויות שונות, למשל choices = ["Oat", "Soy"]
err-survey-choices-unused = שאלת הסקר { $number } "{ $text }" היא מסוג { $kind }, שאין לו אפשרויות: הסירו את choices, או השתמשו ב-kind = "choice"
err-survey-none = אין שאלות סקר בהגדרות: הוסיפו עד חמש תחת [[survey.questions]], כל אחת עם text ו-kind ‏(nps, csat, choice או text)
survey-answer-nps = 0–10 (0 = בכלל לא סביר, 10 = סביר מאוד)
survey-answer-csat = 1–5 (1 = לא מרוצים בכלל, 5 = מרוצים מאוד)
survey-answer-choice = אחת מתוך: { $choices }
survey-answer-text = במילים שלכם
err-survey-import-read = { $path }: לא ניתן לקרוא אותו כ-CSV: { $detail }
err-survey-import-column = { $path }: העמודה "{ $column }" אינה שאלה של הסקר שבהגדרות (שאלה שנערכה מאז הייצוא?); דבר לא יובא
err-survey-import-no-member = { $path }: אין עמודת "member" (מזהה, טלפון, אימייל או כרטיס של חבר המועדון); דבר לא יובא
err-survey-import-no-question = { $path }: אף עמודה אינה נושאת את מילות שאלת סקר; דבר לא יובא
err-survey-import-answer = "{ $value }" אינו תשובה ל-"{ $column }": ציינו { $expected }
err-survey-import-no-key = תשובות בלי חבר מועדון: עמודת החבר ריקה
cli-survey-exported = { $count ->
    [one] חבר מועדון אחד לשאול נכתב אל { $path }; השאלות נמצאות ב-{ $questions }
   *[other] { $count } חברי מועדון לשאול נכתבו אל { $path }; השאלות נמצאות ב-{ $questions }
}
cli-survey-skipped = { $path }:{ $line }: דולג: { $problem }
cli-survey-imported = { $count ->
    [one] יובאו תשובות של חבר מועדון אחד ({ $answers } תשובות); { $skipped } שורות דולגו
   *[other] יובאו תשובות של { $count } חברי מועדון ({ $answers } תשובות); { $skipped } שורות דולגו
}
stats-survey = סקר
stats-survey-question = { $number }. { $question } ({ $answers })
stats-survey-mean = ממוצע
stats-survey-latest = אחרונות
merge-what-survey_answers = תשובות סקר
help-survey = הסקר של בעל החנות: ייצוא השאלות ומי לשאול, ייבוא התשובות
help-survey-export = כתיבת השאלות וחברי המועדון שהסכימו, לשאול (כפי ש-export contacts בוחר אותם)
help-survey-export-channel = sms או email
help-survey-export-segment = רק חברי הפלח הזה: שם של פלח שמור או ביטוי
help-survey-export-out = הקובץ לכתיבה (ברירת מחדל: תיקיית הייצוא); השאלות נכתבות לידו
help-survey-export-json = הדפסת הקבצים, השאלות ומספר חברי המועדון כ-JSON
help-survey-import = קליטת תשובות מקובץ CSV: עמודת חבר ועמודה לכל שאלה
help-survey-import-file = קובץ ה-CSV, למשל הרשימה המיוצאת לאחר מילוי
help-survey-import-json = הדפסת מה שיובא והשורות שדולגו כ-JSON
ui-stats-survey-title = תשובות הסקר, { $from } – { $to }

# events16
event-field-date = תאריך
err-event-name = לאירוע צריך שם
err-event-capacity = { $value } אינו מספר אנשים: כתבו 1 או יותר, או השאירו ריק
err-event-not-found = אין אירוע מספר { $id }
err-event-attended-twice = { $name } כבר סומן/ה כמי שהגיע/ה לאירוע { $event } ({ $at })
cli-event-added = אירוע מספר { $id } נוסף: { $name } ב-{ $date }
event-none = עדיין אין אירועים
event-invited-came = הוזמנו { $invited }, הגיעו { $came }
event-invite-written = { $count ->
    [one] חבר מועדון אחד הוזמן; הרשימה נכתבה אל { $path }
   *[other] { $shown } חברי מועדון הוזמנו; הרשימה נכתבה אל { $path }
}
event-invite-left-out = { $count ->
    [one] חבר מועדון אחד מהפילוח לא נכלל: אין הסכמה בערוץ הזה, אין לו פרטי קשר בערוץ, או שהוא ברשימת "לא לפנות"
   *[other] { $count } חברי מועדון מהפילוח לא נכללו: אין הסכמה בערוץ הזה, אין להם פרטי קשר בערוץ, או שהם ברשימת "לא לפנות"
}
event-invite-over = { $invited } הוזמנו ל-{ $capacity } מקומות: { $over } מעבר למכסה
event-attended = { $name } הגיע/ה לאירוע { $event }
event-attended-uninvited = { $name } הגיע/ה לאירוע { $event } (בלי הזמנה)
event-after-title = 90 הימים שאחרי: { $from } – { $to }
event-after-incomplete = עדיין לא הושלמו
event-group-came = הגיעו
event-group-others = חברי מועדון פעילים שלא הוזמנו
event-group-line = { $count ->
    [one] { $group }: חבר מועדון אחד, { $visits } ביקורים ו-{ $spend } בממוצע
   *[other] { $group }: { $members } חברי מועדון, { $visits } ביקורים ו-{ $spend } לכל אחד בממוצע
}
event-group-nobody = { $group }: אף אחד
merge-what-event_invites = הזמנות לאירועים
merge-what-event_attendance = אירועים שבהם השתתף
help-event = אירועי המועדון: הוספה, רשימה, הזמנת פילוח, סימון מי הגיע, 90 הימים שאחרי
help-event-add = הוספת אירוע מועדון
help-event-add-name = שם האירוע
help-event-add-date = יום האירוע
help-event-add-capacity = כמה אנשים יכולים להגיע (בלי: ללא הגבלה)
help-event-add-json = הדפסת האירוע החדש כ-JSON
help-event-list = כל האירועים, מהאחרון לראשון
help-event-list-json = הדפסת JSON: id, name, date, capacity, invited_count, attended_count
help-event-invite = הזמנת חברי המועדון בפילוח שהסכימו לערוץ, וכתיבת רשימת אנשי הקשר שלהם
help-event-invite-id = מספר האירוע
help-event-invite-segment = שם של פילוח שמור או ביטוי, למשל "pet=dog"
help-event-invite-channel = sms או email
help-event-invite-out = הקובץ לכתיבה (ברירת מחדל: תיקיית הייצוא ליד מסד הנתונים)
help-event-attend = סימון חבר מועדון כמי שהגיע לאירוע
help-event-attend-id = מספר האירוע
help-event-attend-key = מזהה חבר מועדון, מספר כרטיס, טלפון או אימייל
help-event-show = מי הוזמן, מי הגיע, ו-90 הימים שאחרי
help-event-show-id = מספר האירוע
help-event-show-json = הדפסת JSON: id, name, date, capacity, invited, attended, after_90d
ui-key-events = אירועים
ui-key-new-event = אירוע חדש
ui-key-mark-came = הגיע / לא
ui-key-invite = הזמנה
ui-key-invite-channel = SMS / אימייל
ui-key-invite-write = הזמנה וכתיבת הרשימה
ui-key-mark-picked = הגיע לאירוע הזה
ui-key-came-to-event = הגיע לאירוע של היום
ui-key-back-to-events = חזרה לאירועים
ui-help-title-events = עזרה: אירועים
ui-help-intro-events = אירועי המועדון: סדנאות, טעימות, שעת סיפור. כל שורה מציגה את היום, כמה הוזמנו מול המכסה וכמה הגיעו. n מוסיף אירוע; Enter פותח אותו.
ui-help-title-event = עזרה: אירוע
ui-help-intro-event = מי הוזמן ומי הגיע, ו-90 הימים שאחרי האירוע: ביקורים וקניות לכל חבר מועדון של מי שהגיעו, מול חברי המועדון הפעילים שלא הוזמנו. i מזמין את חברי המועדון בפילוח שהסכימו לערוץ וכותב את רשימת אנשי הקשר שלהם; רווח מסמן מי הגיע.
ui-help-title-event-pick = עזרה: איזה אירוע
ui-help-intro-event-pick = בחרו את האירוע שחבר המועדון הגיע אליו; Enter מסמן אותו.
ui-help-events = במסך האירועים
ui-help-events-form = אירוע חדש
ui-help-event = באירוע
ui-help-event-invite = הזמנת פילוח
ui-help-event-pick = בחירת האירוע
ui-events-title = אירועי המועדון
ui-events-loading = קוראים את האירועים…
ui-events-empty = עדיין אין אירועים: n מוסיף אירוע (שם, יום, כמה יכולים להגיע).
ui-events-col-date = יום
ui-events-col-name = אירוע
ui-events-col-invited = הוזמנו
ui-events-col-came = הגיעו
ui-events-form-title = אירוע חדש
event-field-capacity = מכסה
ui-events-capacity-hint = ריק: ללא הגבלה
ui-events-added = { $name } נוסף ל-{ $date }
ui-event-loading = מחשבים את 90 הימים שאחרי…
ui-event-guests = הוזמנו והגיעו
ui-event-no-guests = עדיין אף אחד לא הוזמן או הגיע: i מזמין פילוח.
ui-event-not-invited = בלי הזמנה
ui-event-invite-title = הזמנה לאירוע: { $name }
ui-event-invite-segment = פילוח
ui-event-invite-channel = ערוץ
ui-event-invite-example = שם של פילוח שמור או ביטוי, למשל pet=dog and children. רק חברי מועדון שהסכימו לערוץ מוזמנים.
ui-event-invite-saved = פילוחים שמורים: { $names }. רק חברי מועדון שהסכימו לערוץ מוזמנים.
ui-event-pick-title = לאיזה אירוע הגיע/ה?
ui-event-pick-none = עדיין אין אירועים: הוסיפו אירוע במסך האירועים (e ברשימת הדלפק).

# notestui16
ui-key-add-note = הוספת הערה
ui-key-resolve-note = טיפול בבקשה/תלונה
ui-key-note-kind-note = הערה
ui-key-note-kind-request = בקשה
ui-key-note-kind-complaint = תלונה
ui-key-pick-open-note = בחירה
ui-key-resolve-save = סימון כטופלה
ui-help-note-kind = הערה חדשה: מה סוגה
ui-help-note-text = כתיבת ההערה
ui-help-note-resolve = טיפול בבקשה או בתלונה
ui-note-add-title = הערה עבור { $name }
ui-note-kind-title = { $kind } עבור { $name }
ui-note-resolve-title = טיפול עבור { $name }
ui-note-what-was-done = מה נעשה
ui-note-which-kind = מה זה? מקש אחד:
ui-note-kind-esc = Esc: בלי הערה
ui-note-hint-note = משהו שכדאי לזכור עליהם
ui-note-hint-request = משהו שביקשו; פתוחה עד שתטופל
ui-note-hint-complaint = משהו השתבש; פתוחה עד שתטופל
ui-note-which-open = איזו מהן (↑↓):
ui-note-added = { $kind } נשמרה בכרטיס של { $name }
ui-note-resolved = { $kind } של { $name } טופלה; היא נשארת בהערות
ui-note-none-open = אין בקשה או תלונה פתוחה לטיפול
ui-note-open-mark = ⚑
ui-card-notes = הערות שירות
ui-card-notes-hint = n מוסיף הערה, t מטפל
ui-card-open-complaints = { $count ->
    [one] ⚑ תלונה פתוחה
   *[other] ⚑ { $count } תלונות פתוחות
}
ui-card-open-requests = { $count ->
    [one] ⚑ בקשה פתוחה
   *[other] ⚑ { $count } בקשות פתוחות
}
ui-review-tab-open-notes = לא טופלו
ui-review-open-notes-intro = בקשות ותלונות פתוחות, הממתינות הכי הרבה זמן קודם
ui-review-no-open-notes = אין בקשה או תלונה שממתינה: כולן טופלו.
ui-review-col-open-since = פתוחה מאז
ui-review-open-notes-hint = Enter פותח את הכרטיס; שם t מטפל בה ורושם מה נעשה

# referral16
signup-found-us = איך הגיעו אלינו
signup-found-us-title = איך הגיעו אלינו?
signup-found-us-placeholder = חלק משם, טלפון, כרטיס או אימייל של חבר מועדון
signup-found-us-members = הובא/ה על ידי חבר מועדון
signup-found-us-sources = או הגיע/ה דרך
signup-found-us-hint = הקלידו שם, רווח: רשימה
signup-found-us-brought = הביא/ה אותם
signup-found-us-bonus = { $referrer } הביא/ה את { $name }: שניהם קיבלו את בונוס חבר מביא חבר ({ $points } נקודות).
signup-found-us-noted = נרשם ש-{ $referrer } הביא/ה את { $name }.
signup-found-us-key-list = רשימה
signup-found-us-key-pick = בחירה
signup-found-us-help = בשורה "איך הגיעו אלינו?"
signup-found-us-help-pick = בבחירת הדרך שבה הגיעו אלינו
stats-screen-chart-churn-title = נטישה לפי חודש
stats-screen-chart-nps-title = NPS לפי חודש
stats-screen-chart-churn = נטישה
stats-screen-chart-nps = NPS
stats-screen-key-period = תקופה
stats-screen-key-sources = מקורות
stats-screen-key-figures = נתונים
stats-screen-key-show = הצגה
stats-screen-help-sources = בעמוד המקורות
stats-screen-help-period = בהקלדת התקופה
stats-period-title = תקופה
stats-period-from = מתאריך
stats-period-to = עד תאריך
stats-period-hint = כתבו תאריכים כמו { $example } או 2025-11-24.
stats-period-bad-date = { $field }: "{ $value }" אינו תאריך; כתבו אותו כמו { $example }
stats-period-after-today = { $field }: התקופה לא יכולה להסתיים אחרי היום ({ $today })
stats-period-order = { $from_field } ({ $from }) מאוחר מ{ $to_field } ({ $to })
stats-sources-none = אף חבר מועדון חדש בתקופה לא ציין מקור.
stats-sources-col-source = מקור
stats-sources-col-new = חדשים
stats-sources-col-spend = קנו ב-12 חודשים
stats-referrers-col-member = חבר מועדון
stats-referrers-col-brought = הביא/ה
stats-referrers-none = אף חבר מועדון חדש בתקופה לא הובא על ידי חבר מועדון.

# square17
ui-unmatched-till-customer = לקוח קופה { $id }
import-note-unknown-zone = שורה { $line }: { $column } "{ $value }" אינו אזור זמן שהאפליקציה מכירה; הקבלות בו שומרות את השעה כפי שנכתבה, ללא שעת UTC.

# stats events page
stats-screen-key-events = אירועים
stats-screen-help-events = עמוד האירועים
stats-events = אירועי המועדון בתקופה, ו-90 הימים שאחרי כל אחד
stats-events-none = אין אירועים בתקופה הזו (e ברשימת הדלפק מוסיף אירוע).
stats-events-line = { $date } · { $name } · { $counts }

# mapping17
import-err-near-miss = { $path } נראה כמו ייצוא { $format }, אבל חסרות בו העמודות { $missing }: { $hint }; דבר לא נשמר.
import-hint-square-columns = הציגו את כל העמודות בלוח הבקרה של Square לפני הייצוא
import-hint-all-columns = ייצאו אותו שוב עם כל העמודות, או ציינו איזו עמודה היא מה עם --map receipt=COLUMN,time=COLUMN,total=COLUMN
import-export-square-items = Square Item Sales
import-export-square-transactions = Square Transactions
import-export-loyverse-receipts = Loyverse Receipts
import-export-loyverse-items = Loyverse Receipts by item
import-export-shopify-orders = Shopify Orders
import-export-odoo-pos = Odoo Point of Sale
import-export-sumup = SumUp Transactions
import-export-mobilepay = MobilePay
import-export-zettle = Zettle
import-err-map-role = "{ $value }" ב-‎--map אינו ROLE=COLUMN עם אחד התפקידים receipt, time, total, item, qty, amount, kind, phone, email, card (כל אחד פעם אחת).
import-err-map-missing = ‏--map לא מציין איזו עמודה היא { $role }: נדרשים receipt, time ו-total.
import-err-map-column = ב-{ $path } אין עמודה "{ $column }" (שניתנה עבור { $role } ב-‎--map); דבר לא נשמר.
import-err-map-twice = העמודה "{ $column }" ניתנה לשני תפקידים ב-‎--map.

# the import screen's mapping step
ui-map-unknown = { $file } אינו ייצוא שהאפליקציה מכירה. ציינו איזו עמודה היא מה (* נדרש); השורות הראשונות למטה מראות איך הקובץ ייקרא.
ui-map-near-miss = { $file } נראה כמו ייצוא { $format }, אבל חסרות בו { $missing }. ייצאו אותו שוב עם כל העמודות, או ציינו כאן איזו עמודה היא מה (* נדרש).
ui-map-near-miss-square = { $file } נראה כמו ייצוא { $format }, אבל חסרות בו { $missing }: הציגו את כל העמודות בלוח הבקרה של Square לפני הייצוא, או ציינו כאן איזו עמודה היא מה (* נדרש).
ui-map-role-receipt = מספר קבלה
ui-map-role-time = תאריך ושעה
ui-map-role-total = סכום כולל
ui-map-role-item = פריט
ui-map-role-qty = כמות
ui-map-role-amount = סכום השורה
ui-map-role-kind = מילת מכירה או החזר
ui-map-role-phone = טלפון
ui-map-role-email = אימייל
ui-map-role-card = כרטיס מועדון
ui-map-none = אין
ui-map-col-line = שורה
ui-map-col-receipt = קבלה
ui-map-col-date = תאריך
ui-map-col-total = סכום
ui-map-col-customer = לקוח
ui-map-missing = בחרו עם ←→ את העמודה של { $role }: בלעדיה אי אפשר לקרוא את השורות.
ui-map-rejected = { $count ->
    [one] שורה אחת מאלה אינה נקראת ותדולג: אולי עמודה שגויה?
    [two] שתי שורות מאלה אינן נקראות ויודלגו: אולי עמודה שגויה?
   *[other] { $count } מהשורות האלה אינן נקראות ויודלגו: אולי עמודה שגויה?
}
ui-map-ready = Enter מייבא את הקובץ; המיפוי נשמר לקובץ הבא עם אותן עמודות.
ui-map-needed = { $role } נדרש: בחרו קודם את העמודה שלו עם ←→.
ui-key-map-role = תפקיד
ui-key-map-column = עמודה
ui-key-map-none = בלי עמודה
ui-key-map-import = ייבוא
ui-map-by-hand = ציינו איזו עמודה ב-{ $file } היא מה (* נדרש); השורות למטה מראות איך הוא ייקרא, ו-Enter שומר את המיפוי הזה.
ui-map-no-header = ב-{ $file } אין שורת כותרת שמציינת שלוש עמודות, ולכן אי אפשר למפות את העמודות שלו.
ui-key-map-columns = איזו עמודה היא מה
ui-help-import-mapping = איזו עמודה היא מה

# רשת סניפים (סנכרון)
help-sync = שליחת השינויים של הסניף הזה לשרת של הרשת וקבלת השינויים של הסניפים האחרים (דורש [sync] url ו-shop בהגדרות)
help-sync-init = יצירת הטבלאות של הרשת בשרת, או עדכונן (פעם אחת לכל רשת, ואחרי עדכון)
help-sync-json = הדפסת JSON: סניף, שרת (בלי סיסמה), מה נשלח ומה התקבל לפי סוג
err-sync-no-url = החנות הזו אינה שייכת לרשת: הגדירו [sync] url = "postgres://user:password@host/db" בהגדרות (או REGULARS_SYNC_URL).
err-sync-no-shop = לסניף הזה אין שם ברשת: הגדירו [sync] shop = "Harbour" בהגדרות (או REGULARS_SHOP).
err-sync-unreachable = לא ניתן להגיע לשרת של הרשת { $server }: { $reason }. דבר לא סונכרן; החנות ממשיכה לעבוד כרגיל.
err-sync-server = השרת של הרשת { $server } נכשל: { $reason }. מה שסונכרן קודם נשאר; הריצו סנכרון שוב מאוחר יותר.
err-sync-no-schema = בשרת של הרשת { $server } עדיין אין טבלאות של regulars (או שיש ישנות): הריצו `regulars sync --init` פעם אחת.
err-sync-server-newer = השרת של הרשת הוקם בגרסה חדשה יותר של regulars (סכמת רשת { $found }; התוכנה מכירה עד { $known }). עדכנו את התוכנה; דבר לא שונה.
err-sync-stopped = הסנכרון נעצר; מה שסונכרן עד עכשיו נשאר, והסנכרון הבא ישלים את השאר.
cli-sync-init-new = הטבלאות של הרשת מוכנות ב-{ $server }.
cli-sync-init-current = הטבלאות של הרשת ב-{ $server } כבר היו מעודכנות.
cli-sync-init-migrated = הטבלאות של הרשת ב-{ $server } עודכנו.
cli-sync-done = הסניף { $shop } סונכרן עם { $server }
cli-sync-sent = נשלחו: { $what }
cli-sync-received = התקבלו: { $what }
cli-sync-nothing = כלום
cli-sync-list-separator = {", "}
cli-sync-progress-push = שולח
cli-sync-progress-pull = מקבל
cli-sync-members = { $count ->
    [one] חבר מועדון אחד
   *[other] { $count } חברי מועדון
}
cli-sync-receipts = { $count ->
    [one] קבלה אחת
   *[other] { $count } קבלות
}
cli-sync-ledger = { $count ->
    [one] רשומת נקודות אחת
   *[other] { $count } רשומות נקודות
}
cli-sync-consents = { $count ->
    [one] רשומת הסכמה אחת
   *[other] { $count } רשומות הסכמה
}
cli-sync-family = { $count ->
    [one] ילד או חיית מחמד אחד
   *[other] { $count } ילדים וחיות מחמד
}
cli-sync-notes = { $count ->
    [one] הערת שירות אחת
   *[other] { $count } הערות שירות
}
cli-sync-contacts = { $count ->
    [one] רשומת יצירת קשר אחת
   *[other] { $count } רשומות יצירת קשר
}
cli-sync-feedback = { $count ->
    [one] תשובת משוב אחת
   *[other] { $count } תשובות משוב
}
cli-sync-events = { $count ->
    [one] רשומת אירוע אחת
   *[other] { $count } רשומות אירועים
}
cli-sync-erasures = { $count ->
    [one] מחיקה אחת
   *[other] { $count } מחיקות
}
cli-sync-merges = { $count ->
    [one] מיזוג אחד
   *[other] { $count } מיזוגים
}
cli-sync-suppression = { $count ->
    [one] רשומה אחת ברשימת "לא לפנות"
   *[other] { $count } רשומות ברשימת "לא לפנות"
}

## The chain's sync in the title bar
ui-sync-starting = מסנכרן…
ui-sync-just-now = סונכרן עכשיו
ui-sync-synced = { $minutes ->
    [one] סונכרן לפני דקה
   *[other] סונכרן לפני { $minutes } דק׳
}
ui-sync-offline = לא מחובר מאז { $time }
ui-sync-failed = לא ניתן היה לסנכרן עם הרשת; החנות עובדת כרגיל ותנסה שוב: { $detail }
