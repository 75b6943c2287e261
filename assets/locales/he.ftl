# Falls back to en.ftl for every message not listed here.

# sink
err-stdout = לא ניתן לכתוב את הפלט ({ $detail }); האם הדיסק מלא?
