# Falls back to en.ftl for every message not listed here.

# sink
err-stdout = Ispis se ne može zapisati ({ $detail }); je li disk pun?
