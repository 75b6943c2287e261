# Falls back to en.ftl for every message not listed here.
