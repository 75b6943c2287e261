# Falls back to en.ftl for every message not listed here.

# sink
err-stdout = 无法写入输出（{ $detail }）；磁盘是否已满？
