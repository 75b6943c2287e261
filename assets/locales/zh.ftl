# Falls back to en.ftl for every message not listed here.

## Errors (one line each, they end up on stderr)
err-unexpected = 出了点问题；未作任何更改。
err-today-format = “{ $value }”不是日期；请使用 YYYY-MM-DD，例如 2026-03-14。
err-database = 数据库错误：{ $detail }
err-file = 无法使用文件 { $path }：{ $detail }
err-config = 配置文件 { $path }:{ $line }：{ $detail }
err-config-country = “{ $value }”不是两个字母的国家代码（例如 HR、IL、US）
err-config-currency = “{ $value }”不是本应用认识的货币代码（例如 EUR、USD、ILS、DKK）
err-db-newer = 此数据库由更新版本的 regulars 写入（架构 { $found }；本应用最高支持 { $known }）。请更新应用；未作任何更改。
err-db-open = 无法打开数据库 { $path }：{ $detail }
err-db-not-sqlite = { $path } 不是 regulars 数据库（不是 SQLite 文件）；未作任何更改。
err-db-foreign = { $path } 是其他程序的 SQLite 数据库，不属于 regulars；未作任何更改。
err-no-data-dir = 找不到此用户的数据文件夹；请用 --db PATH 指定数据库。
err-member-not-found = 没有与“{ $key }”匹配的会员（请提供编号、卡号、电话或电子邮件）。
err-field = { $field }：{ $problem }
err-card-taken = 卡 { $card } 已属于 { $name }。
err-born-and-age = 请只提供 --born 或 --age 其中之一，不要同时提供。
err-age = --age 必须是整数岁数，例如 3。
err-channel = “{ $value }”不是联系渠道；请使用 sms、email、phone 或 post。

## Field problems (shown at the field in the signup form, and by the CLI)
field-required = 必填
field-bad-phone = 不是电话号码（例如 { $national } 或 { $international }）
field-bad-email = 不是电子邮件地址（例如 ana@example.com）
field-bad-date = 不是日期（例如 { $short } 或 { $full }）
field-future-date = 这个日期在未来

## Field names
field-first-name = 名
field-family-name = 姓
field-phone = 电话
field-email = 电子邮件
field-birthday = 生日
field-card = 会员卡
field-area = 地区
field-note = 备注
field-name = 名字
field-born = 出生
field-kind = 种类
field-gender = 性别

## CLI output
cli-member-added = 已添加会员 { $id }：{ $name }
cli-child-added = 已为 { $member } 添加孩子 { $name }
cli-pet-added = 已为 { $member } 添加宠物 { $name }
cli-no-match = 没有与“{ $query }”匹配的会员。
cli-possible-duplicate = 注意：此人可能与会员 { $id }（{ $name }）是同一人。
field-visits = 到店次数
field-spend = 消费
field-child = 孩子
field-pet = 宠物

## Command-line help
help = 小店的会员俱乐部：会员、生日、收银机的购买记录、积分。
help-db = 数据库文件（默认：数据文件夹中的 regulars.db）
help-today = 假装今天是这一天（YYYY-MM-DD），用于试用和测试
help-config = 配置文件（默认：配置文件夹中的 config.toml）
help-lang = 界面和消息的语言：en、he、hr、zh 或 th
help-member = 登记、查找和显示会员
help-member-add = 登记新会员
help-member-add-first = 名
help-member-add-last = 姓
help-member-add-phone = 电话，本国号码（按店铺所在国家）或带 + 国家代码
help-member-add-email = 电子邮件地址
help-member-add-birthday = 生日：YYYY-MM-DD，或不带年份的 MM-DD
help-member-add-card = 会员卡号或收银机的顾客代码
help-member-add-consent = 会员同意的联系渠道，例如 sms,email
help-member-add-area = 地区或邮政编码
help-member-add-note = 给柜台看的备注
help-member-add-json = 以 JSON 输出新会员
help-member-find = 按名字的一部分、电话数字、电子邮件或卡号查找会员
help-member-find-text = 要查找的内容
help-member-find-json = 输出 JSON（会员列表）
help-member-show = 显示一位会员
help-member-show-key = 会员编号、卡号、电话或电子邮件
help-member-show-json = 输出 JSON
help-child = 会员的孩子
help-child-add = 为会员添加孩子
help-child-add-key = 会员编号、卡号、电话或电子邮件
help-child-add-name = 孩子的名字
help-child-add-born = 出生日期，YYYY-MM-DD
help-child-add-age = 不知道确切日期时的岁数
help-child-add-gender = 性别（如果家长告知）
help-pet = 会员的宠物
help-pet-add = 为会员添加宠物
help-pet-add-key = 会员编号、卡号、电话或电子邮件
help-pet-add-name = 宠物的名字
help-pet-add-kind = 动物种类：狗、猫、兔子…
help-pet-add-born = 出生日期，YYYY-MM-DD
help-pet-add-age = 不知道确切日期时的岁数

## Demo data and birthday days
help-demo = 用虚构的会员填充数据库，以便试用本应用
help-demo-members = 要添加多少位示例会员
help-demo-seed = 生成器的起始值：相同的数字生成相同的会员
cli-demo-progress = 正在添加示例会员
day-today = 今天
day-tomorrow = 明天
day-monday = 星期一
day-tuesday = 星期二
day-wednesday = 星期三
day-thursday = 星期四
day-friday = 星期五
day-saturday = 星期六
day-sunday = 星期日
day-in-days = { $days ->
   *[other] { $days } 天后
}
err-demo-data = 示例数据文件 { $file } 已损坏：{ $detail }

## ui: the terminal screens
ui-title = regulars · { $shop }
ui-too-small = 窗口太小（{ $width }×{ $height }）。regulars 至少需要 { $min_width }×{ $min_height }：请把窗口调大或把字体调小。
ui-too-small-quit = Ctrl-C 退出。
ui-err-terminal = 无法使用此终端：{ $detail }
ui-err-member-gone = 该会员已不存在。
ui-none = —
ui-birthday-marker-plain = *生日
ui-today-short = 今天

# Dates: "Tue 3 Mar", "3 Mar 2025", "Mon 23 Nov 2026", "14 Mar"
ui-date-short = { $month }{ $day }日 { $weekday }
ui-date-year = { $year }年{ $month }{ $day }日
ui-date-full = { $year }年{ $month }{ $day }日 { $weekday }
ui-date-no-year = { $month }{ $day }日
ui-day-1 = 周一
ui-day-2 = 周二
ui-day-3 = 周三
ui-day-4 = 周四
ui-day-5 = 周五
ui-day-6 = 周六
ui-day-7 = 周日
ui-month-1 = 1月
ui-month-2 = 2月
ui-month-3 = 3月
ui-month-4 = 4月
ui-month-5 = 5月
ui-month-6 = 6月
ui-month-7 = 7月
ui-month-8 = 8月
ui-month-9 = 9月
ui-month-10 = 10月
ui-month-11 = 11月
ui-month-12 = 12月
ui-when-weekday = { $weekday }
ui-born-with-age = { $date }（{ $age }）
ui-about-years = { $years ->
   *[other] 约 { $years } 岁
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
ui-key-help = 帮助
ui-key-quit = 退出
ui-key-quit-always = 随时退出
ui-key-move = 移动
ui-key-page = 上/下翻页
ui-key-open = 打开
ui-key-clear-search = 清除搜索
ui-key-search = 返回搜索
ui-key-sign-up = 登记新会员
ui-key-sign-up-first = 登记第一位会员
ui-key-load-demo = 载入示例会员
ui-key-to-counter = 返回柜台
ui-key-next-field = 下一栏
ui-key-prev-field = 上一栏
ui-key-save = 保存
ui-key-cancel = 取消
ui-key-toggle = 勾选/取消
ui-key-choose = 选择渠道
ui-key-open-existing = 打开已有的
ui-key-save-anyway = 仍然保存
ui-key-back-to-form = 返回表单
ui-key-edit = 编辑
ui-key-add-child = 加孩子
ui-key-add-pet = 加宠物
ui-key-scroll = 滚动
ui-key-close-help = 关闭帮助
ui-key-yes = 是
ui-key-no = 否

# Welcome (empty database)
ui-welcome-title = 欢迎使用 regulars
ui-welcome-empty = { $shop }还没有会员俱乐部的会员。
ui-welcome-demo = 载入 { $count } 位示例会员来试用
ui-welcome-later = 示例会员会写入这个数据库。如果只是想试用，请改用 --db demo.db 启动 regulars。
ui-help-more = ↓ 更多
ui-demo-done = { $count ->
   *[other] 已添加 { $count } 位示例会员。
}
ui-demo-none = 未添加任何示例会员。

# Counter
ui-counter-search = 查找会员
ui-counter-placeholder = 输入名字、电话数字、电子邮件或卡号
ui-counter-placeholder-list = / 搜索
ui-counter-found = { $count ->
   *[other] 找到 { $count } 位
}
ui-counter-none-found = 无匹配
ui-counter-no-match = + 没有与“{ $query }”匹配的结果 — 按 Enter 登记新会员
ui-counter-signup-row = + 将“{ $query }”登记为新会员
ui-counter-empty = 还没有会员。输入名字并按 Enter 即可登记。
ui-col-name = 名字
ui-col-contact = 电话/电子邮件
ui-col-tier = 等级
ui-col-points = 积分
ui-col-last-visit = 上次到店
ui-col-birthday = 生日

# Signup and edit
ui-signup-title = 新会员
ui-signup-edit-title = 编辑 { $name }
ui-signup-optional = 选填
ui-signup-footer = 按 Enter 保存。孩子和宠物可以在会员卡页面添加。
ui-signup-fix = 请更正标出的栏位。
ui-field-contact = 电话或电子邮件
ui-field-other-contact = 第二个电话/邮件
ui-field-consent = 同意联系
ui-field-joined = 入会
ui-field-born-or-age = 出生
ui-channel-sms = 短信
ui-channel-email = 邮件
ui-channel-phone = 电话
ui-channel-post = 邮寄
ui-hint-birthday = 例如 { $short } 或 { $full }
ui-hint-card = 会员卡或收银机代码
ui-hint-born = 日期，或岁数
ui-hint-kind = 狗、猫、兔子…
ui-hint-ok = ✓ { $value }
ui-err-second-phone = 上面已填写电话号码；这里请填电子邮件
ui-err-second-email = 上面已填写电子邮件；这里请填电话号码
ui-err-born = 不是日期或岁数（例如 { $full }，或 3）
ui-err-born-needs-year = 请同时填写年份，或只填岁数
ui-signed-up = 已登记 { $name }。
ui-saved = 已保存 { $name }。
ui-duplicate-title = 已经是会员？
ui-duplicate-intro = 此人可能已在会员俱乐部中：
ui-duplicate-since = 自 { $date } 起

# Member card
ui-card-consent = 同意的联系方式
ui-consent-yes = 是，自 { $date } 起
ui-consent-withdrawn = 否，已于 { $date } 撤回
ui-consent-no = 否
ui-card-club = 俱乐部
ui-card-details = 资料
ui-card-children = 孩子
ui-card-no-children = 暂无（按 c 添加）
ui-card-pets = 宠物
ui-card-no-pets = 暂无（按 p 添加）
ui-card-history = 到店记录
ui-card-habits = 习惯
ui-card-no-purchases = 尚未导入购买记录
ui-visits = { $count ->
   *[other] { $count } 次到店
}
ui-card-visits = { $visits }，上次 { $last }
ui-card-spend = 累计消费 { $spend }
ui-soon-turns = { $name } { $when }满 { $age } 岁
ui-soon-birthday = { $name } 的生日是{ $when }
ui-family-add-child = 为 { $name } 添加孩子
ui-family-add-pet = 为 { $name } 添加宠物
ui-family-added = 已添加 { $name }。

# Questions before something is lost
ui-confirm-discard-title = 放弃？
ui-confirm-discard-new = 放弃这位新会员？已输入的内容将丢失。
ui-confirm-discard-edit = 放弃对 { $name } 的修改？
ui-confirm-discard-family = 放弃已输入的内容？

# Help (? or F1)
ui-help-title-welcome = 帮助：欢迎
ui-help-title-counter = 帮助：柜台
ui-help-title-signup = 帮助：登记
ui-help-title-member = 帮助：会员卡
ui-help-intro-welcome = 会员俱乐部还是空的。载入示例会员来试用本应用，或登记第一位真正的会员。
ui-help-intro-counter = 输入名或姓的任意部分、电话数字、电子邮件或卡号即可查找会员；列表会随输入逐步缩小，并选中最佳匹配。除 ? 外的每个键都会输入到搜索框，所以含 q、j 或 k 的名字也能搜索。没找到？按 Enter 会用已输入的内容登记这位顾客。
ui-help-intro-signup = 前几栏是顾客在柜台通常会提供的信息；按 Tab 可到达选填栏位。不带 + 国家代码的电话号码按店铺所在国家的号码读取。在文本栏中 ? 会作为文字输入；F1 显示此帮助。
ui-help-intro-member = 会员俱乐部所知道的关于这位会员的一切。按 Esc 返回柜台。
ui-help-welcome = 在此页面
ui-help-counter-search = 在搜索框输入时
ui-help-counter-list = 在列表中（搜索为空时按 Esc）
ui-help-signup-fields = 在文本栏中
ui-help-signup-consent = 在同意联系一行
ui-help-duplicate = 显示可能重复的会员时
ui-help-member = 在会员卡上
ui-help-family-form = 添加孩子或宠物
ui-help-everywhere = 任何地方

## Import of till exports
help-import = 导入收银机导出文件：Square、Loyverse、Shopify、Odoo、SumUp、MobilePay、Zettle 或普通 CSV
help-import-files = 导出文件（CSV 或 xlsx）；同一文件导入两次只存储一次。不指定文件时：导入收件文件夹中的新文件
help-import-format = 按此格式读取：square-items、square-transactions、loyverse-receipts、loyverse-items、shopify-orders、odoo-pos、sumup、mobilepay、zettle 或 generic
help-import-country = 用于本国电话号码和日期顺序的两字母国家代码（默认：店铺所在国家）
help-import-encoding = 猜测有误时 CSV 的文本编码，例如 windows-1252、windows-1255、gbk
help-import-dry-run = 读取文件并报告将存储的内容；不存储任何内容
help-import-json = 每个文件输出一个 JSON 对象
import-done = { $file }（{ $format }）：读取行数：{ $rows }；新收据：{ $new }（退款：{ $refunds }）；已存储：{ $duplicates }；被拒绝的行：{ $rejected }
import-rejected-line = 第 { $line } 行：{ $reason }
import-more-rejected = … 另有 { $count } 行被拒绝
import-dry-run = 试运行：未存储任何内容。
import-note-already = 此文件之前已导入过（{ $file }，{ $at }）；未存储任何新内容。
import-note-day-first = 像 03/04 这样的日期可能是日在前也可能是月在前，文件中没有能确定的日期；已按 { $country } 的惯例读作日/月。
import-note-month-first = 像 03/04 这样的日期可能是日在前也可能是月在前，文件中没有能确定的日期；已按 { $country } 的惯例读作月/日。
import-err-unknown-format = { $path } 不是本应用认识的收银机导出文件（前几行中没有 Square、Loyverse、Shopify、Odoo、SumUp、MobilePay、Zettle 或普通 CSV 的标题行）；未存储任何内容。
import-hint-map-cli = 如要按原样导入，请说明每一列是什么：regulars import { $path } --map receipt=COLUMN,time=COLUMN,total=COLUMN（另有 item、qty、amount、kind、phone、email、card）。
import-err-not-format = { $path } 的前几行中没有 { $format } 格式的标题行；未存储任何内容。
import-err-format-name = “{ $value }”不是格式名；请使用以下之一：{ $names }。
import-err-country = “{ $value }”不是两个字母的国家代码（例如 HR、IL、US）。
import-err-encoding = “{ $value }”不是本应用认识的文本编码（例如 utf-8、windows-1252、windows-1255、gbk）。
import-err-cancelled = 导入已取消；未存储任何内容。
import-err-some-failed = 部分文件未导入：{ $files }
import-row-no-id = “{ $column }”中没有收据编号
import-row-no-money = “{ $column }”为空
import-row-bad-money = “{ $column }”：“{ $value }”不是金额
import-row-bad-qty = “{ $column }”：“{ $value }”不是数量
import-row-bad-date = “{ $column }”：“{ $value }”不是日期或时间
import-row-no-such-date = “{ $column }”：“{ $value }”是不存在的日期
import-row-short = 只有 { $found } 个字段，应有 { $expected } 个（文件是否被截断？）
import-row-orphan = 收据 { $id } 的后续行，但其第一行不在文件中

## Member card: visits and habits page
ui-key-purchases = 到店与习惯
ui-key-details = 资料
ui-key-scroll-history = 滚动记录
ui-help-member-purchases = 在到店与习惯页面
ui-card-title-purchases = { $name } · 到店与习惯
ui-card-more-purchases = Tab：到店记录与习惯
ui-habit-summary = 通常在{ $weekday }
ui-habit-summary-gap = 通常在{ $weekday }，每隔 { $gap }
ui-days = { $days ->
   *[other] { $days } 天
}
ui-days-ago = { $days ->
    [0] 今天
    [one] 昨天
   *[other] { $days } 天前
}
ui-habit-visits = 到店次数
ui-habit-visits-12m = 12 个月内 { $count } 次
ui-habit-spent = 消费
ui-habit-spent-12m = 12 个月内 { $amount }
ui-habit-basket = 客单价
ui-habit-basket-average = 平均 { $amount }
ui-habit-last-visit = 上次到店
ui-habit-last = { $date }，{ $ago }
ui-habit-gap = 通常间隔
ui-habit-usually = 通常时间
ui-habit-usually-hour = { $weekday }，{ $from }–{ $to }
ui-habit-favourites = 常买商品
ui-habit-categories = 类别
ui-habit-per-month = 每月到店次数
ui-habit-per-month-note = 最近 12 个月
ui-history-count = { $count ->
   *[other] { $count } 张收据
}
ui-history-refund = 退款：{ $items }
ui-history-none = 尚未导入购买记录。在柜台页面按 i 导入收银机的导出文件。
ui-history-this-shop = 本店

## Import screen and till customers without a member
ui-key-import = 导入
ui-key-unmatched = 非会员顾客
ui-key-import-file = 导入
ui-key-type-path = 输入路径
ui-key-rescan = 重新查看
ui-key-import-path = 导入输入的文件
ui-key-back-to-files = 返回文件列表
ui-key-cancel-import = 取消导入
ui-key-link = 关联到会员
ui-key-link-to-this = 关联到此会员
ui-key-sign-up-customer = 登记为新会员
ui-help-title-import = 帮助：从收银机导入
ui-help-intro-import = 从收银机导出销售记录（CSV 或 xlsx），把文件放进顶部显示的收件文件夹，或输入文件路径。Square、Loyverse、Shopify、Odoo、SumUp、MobilePay、Zettle 和普通 CSV 会按列自动识别。同一张收据导入两次只存储一次，之前导入过的文件会按内容识别出来。取消的导入不会存储任何内容。应用不认识的文件会打开一个步骤，只需说明一次每一列是什么；之后列相同的文件直接导入。
ui-help-import-files = 选择文件
ui-help-import-path = 输入路径
ui-help-import-running = 导入期间
ui-help-import-result = 导入之后
ui-help-title-unmatched = 帮助：非会员的收银顾客
ui-help-intro-unmatched = 这些人的卡号、电话、电子邮件或收银机自己的顾客编号（如 Square 的 Customer ID）出现在已导入的收据上，但不属于任何会员，按消费额从高到低排列。把其中一位关联到会员，这些收据就归该会员所有（以后的导入也会自动匹配）；或用收银机已知的信息为其登记。收据上的名字只用于辨认顾客；收据从不按名字匹配。
ui-help-unmatched = 在列表中
ui-help-unmatched-link = 选择要关联的会员
ui-import-title = 从收银机导入
ui-import-inbox = 收件文件夹：{ $path }
ui-import-no-inbox = 没有收件文件夹（此系统没有数据文件夹）；请在下方输入文件路径。
ui-import-col-file = 文件
ui-import-col-size = 大小
ui-import-col-status = 已导入
ui-import-status-new = 新
ui-import-status-done = { $date }
ui-import-empty = 收件文件夹中还没有文件。从收银机导出销售记录并把文件放进此文件夹，然后按 r，或在下方输入文件路径。
ui-import-path = 其他文件：
ui-import-path-hint = 按 Tab，然后输入路径
ui-import-note = 文件一次性存储：要么全部，要么全不。
ui-import-type-a-path = 请先输入导出文件的路径。
ui-size-b = { $n } B
ui-size-kb = { $n } KB
ui-size-mb = { $n } MB
ui-import-running = 正在导入 { $file }
ui-import-reading = 正在读取文件…
ui-import-rows = { $done } / { $total } 行
ui-import-rate = { $rows } · 每秒 { $rate } 行
ui-import-finishing = 已读完所有行 · 正在整理收据…
ui-import-cancel-note = 按 Esc 或 Ctrl-C 取消；取消的导入不会存储任何内容。
ui-import-cancelling = 正在取消… 此文件的内容都不会被存储。
ui-import-result-file = { $file }（{ $format }）
ui-import-result-rows = 读取行数
ui-import-result-new = 新收据
ui-import-result-new-refunds = { $new }（其中 { $refunds }）
ui-import-refunds = { $count ->
   *[other] { $count } 笔退款
}
ui-import-result-duplicate = 已存储
ui-import-result-rejected = 被拒绝的行
ui-import-result-unmatched = 整个俱乐部
ui-import-result-unmatched-value = { $count ->
   *[other] { $count } 位收银顾客（按 u 查看）
}
ui-import-result-unmatched-many = 超过 { $count } 位收银顾客（按 u 查看）
ui-import-errors = 被拒绝的行（已跳过；其余已导入）
ui-import-errors-first = 被拒绝的行，前 { $count } 行（已跳过；其余已导入）
ui-unmatched-title = 非会员的收银顾客
ui-unmatched-intro = 他们的卡号、电话、电子邮件或收银机自己的顾客编号出现在收据上，但不属于任何会员。按 Enter 关联到会员；按 n 登记为新会员。
ui-unmatched-col-name = 收据上的名字
ui-unmatched-col-who = 电话/邮件/卡号
ui-unmatched-col-receipts = 收据
ui-unmatched-col-spend = 消费
ui-unmatched-card = 卡 { $card }
ui-unmatched-none = 已导入收据上的每位顾客都是会员（或尚未导入任何内容）。
ui-unmatched-link-title = 将 { $who } 关联到
ui-unmatched-linked = 已将 { $who } 关联到 { $name }：{ $receipts } 现归其所有。
ui-claimed = { $count ->
   *[other] 之前的 { $count } 张收据现归其所有。
}

## Import from the command line: inbox and Ctrl-C
import-stopping = 正在停止… 正在读取的文件将被回滚（再按一次 Ctrl-C 立即退出）。
import-cancelled-file = { $file } 的导入已取消；其内容均未存储。
import-inbox-nothing = 收件文件夹中没有新文件（{ $dir }）。

## Reminders and the weekly review
err-config-lapsed = { $key } 至少要为 1（现在是 { $value }）
err-config-placeholder = { $key } 使用了 {"{"}{ $name }{"}"}，这不是占位符；请使用 {"{"}first_name{"}"}、{"{"}child_name{"}"}、{"{"}pet_name{"}"}、{"{"}turning{"}"}、{"{"}reward{"}"} 或 {"{"}shop{"}"}
review-member-turns = { $name } 满 { $age } 岁
review-member-birthday = { $name } 的生日
review-son-turns = 儿子 { $name } 满 { $age } 岁
review-daughter-turns = 女儿 { $name } 满 { $age } 岁
review-child-turns = { $name } 满 { $age } 岁
review-pet-turns = { $name }（{ $kind }）满 { $age } 岁
review-gotcha = { $name }（{ $kind }）于 { $year } 年的这一天来到家里
review-feb29 = （2 月 29 日出生）
review-lapsed = { $visits }，上次 { $last }
review-no-birthday = 无生日
review-no-consent = 未同意联系
review-no-channels = —
review-in-shop = 已在店里说过
review-reason-birthday = 生日祝福
review-reason-child-birthday = 孩子的生日
review-reason-pet-birthday = 宠物的生日
review-reason-gotcha-day = 到家纪念日
review-reason-winback = 我们想念您
cli-reminders-none = { $days ->
    [0] 今天没有生日。
    [one] 今天和明天没有生日。
   *[other] 接下来 { $days } 天内没有生日。
}
help-reminders = 接下来几天内会员、其孩子和宠物的生日（以及宠物的到家纪念日）
help-reminders-days = 从今天往后看多少天（0 = 仅今天；最多 366）
help-reminders-shop = 只看在这家分店入会或购物过的会员
help-reminders-json = 输出 JSON：{"{"}date, kind, member_id, name, turning, days_until{"}"} 的列表
help-pet-add-gotcha = 宠物来到家里的日子（“到家纪念日”），YYYY-MM-DD
field-gotcha = 到家日
ui-key-review = 每周回顾
ui-key-mark-contacted = 已联系
ui-key-copy-message = 复制
ui-key-export = 导出
ui-key-section = 分区
ui-key-days = 7/14/30天
ui-key-open-card = 打开会员卡
ui-key-mark = 标记
ui-review-exported = 已将 { $rows } 保存到 { $path }
ui-review-rows = { $count ->
   *[other] { $count } 行
}
ui-review-nothing-to-send = 这里没有要发送的内容：按 Enter 打开会员卡补填缺少的信息。
ui-review-no-message = 这一行没有消息。
ui-review-marked = 已将 { $name } 标记为已联系：{ $channel }，{ $date }。
ui-review-copied = 已复制给 { $name } 的消息（在终端允许的情况下）。
ui-err-copy-too-long = 这段文字太长，无法放入剪贴板。
ui-review-title = 每周回顾
ui-review-tab-birthdays = 生日
ui-review-tab-near-tier = 接近升级
ui-review-tab-lapsed = 不再光顾
ui-review-tab-missing = 缺少资料
ui-review-next = 接下来
ui-review-days = 天
ui-review-lapsed-intro = 在 { $months } 个月内到店 { $visits } 次以上、但最近 { $weeks } 周没有到店的常客
ui-review-missing-intro = 没有生日或未同意联系：下次他们来店时问一下
ui-review-col-day = 日期
ui-review-col-who = 谁
ui-review-col-agrees = 同意联系
ui-review-no-birthdays = { $days ->
    [one] 今天和明天没有生日。
   *[other] 接下来 { $days } 天内没有生日。
}
ui-review-no-loyalty = 忠诚度计划尚未设置：配置好等级和积分后，接近下一等级的会员会显示在这里。
ui-review-no-lapsed = 没有常客不再光顾。此列表根据从收银机导入的购买记录生成。
ui-review-no-missing = 每位会员都有生日和同意联系的记录。
ui-review-missing-hint = 按 Enter 打开会员卡补填
ui-review-done = ✓ 已联系：{ $channel }，{ $date }
ui-review-no-consent-detail = 未同意接收消息：只能在店里说
ui-review-choice-title = 是如何联系 { $name } 的？
ui-review-only-in-shop = 未同意接收消息：只能在店里说。
ui-help-title-review = 帮助：每周回顾
ui-help-intro-review = 接下来 7、14 或 30 天内会员、其孩子和宠物的生日，不再光顾的常客，以及缺少资料的记录。每行显示会员同意的联系渠道和一条用其语言写好、可直接发送的消息；按 c 把该行标记为已联系（到明年之前显示为灰色），按 y 复制消息，按 x 把列表保存为数据库旁边的 CSV 文件。
ui-help-review = 在列表中
ui-help-review-contact = 选择联系会员的方式
ui-key-section-back = 上一分区
ui-key-back = 返回
review-in-shop-short = 店内
ui-soon-gotcha = { $name } 的到家纪念日是{ $when }
ui-card-gotcha = 自 { $date } 到家
ui-card-contacted = 已联系
ui-review-nothing-to-export = 此列表为空：没有可导出的内容。

## Loyalty: points, tiers and rewards
err-config-points-range = { $key } = { $value }：请使用 0 或以上的整数
err-config-grace = grace_days = { $value }：请使用 0 到 3650 之间的天数
err-config-review-every = review_every_months = { $value }：请使用 0（每位会员只得一次评价奖励）或 1、2、3、4、6、12 个月
err-config-tiers-too-many = { $count } 个等级；最多只能有 { $max } 个
err-config-tier-name = 等级需要名称
err-config-tier-twice = 有两个等级都叫“{ $name }”
err-config-tier-first = 第一个等级（{ $name }）是每位会员的起点：其 min 必须为 0
err-config-tier-range = min = { $value }：请使用 0 或以上的整数
err-config-tier-order = { $name } 的门槛必须高于 { $below }（等级从低到高排列）
err-config-reward-name = 奖励需要名称
err-config-reward-twice = 有两个奖励都叫“{ $name }”
err-config-reward-points = 奖励“{ $name }”：points = { $value }；请使用大于 0 的整数
loyalty-err-redeem-positive = 请兑换大于 0 的整数积分。
loyalty-err-not-enough = 积分不足：余额为 { $balance }，要求兑换 { $points }（还差 { $missing }）。
loyalty-err-note-required = 手动调整需要填写原因备注。
loyalty-err-adjust-zero = 调整 0 积分不会改变任何内容；请输入例如 50 或 -20 的数字。
loyalty-err-refer-self = 会员不能推荐自己。
loyalty-gap = 距 { $tier } 还差 { $amount }
loyalty-visits = { $count ->
   *[other] { $count } 次到店
}
loyalty-reason-sale = 购买
loyalty-reason-refund = 退款
loyalty-reason-unlinked = 购买已取消关联
loyalty-reason-redeem = 已兑换
loyalty-reason-redeem-reward = 已兑换：{ $reward }
loyalty-reason-bonus = 奖励积分
loyalty-reason-bonus-signup = 入会奖励
loyalty-reason-bonus-referral = 推荐奖励
loyalty-reason-bonus-review = 评价奖励
loyalty-reason-bonus-birthday = 生日奖励
loyalty-reason-expire = 已过期（很久未到店）
loyalty-reason-adjust = 手动调整
loyalty-no-tiers = 尚未设置等级。在配置文件中添加 [[tiers]] 段即可启用。
loyalty-col-tier = 等级
loyalty-col-from = 起点
loyalty-col-members = 会员
loyalty-col-perks = 福利
loyalty-cli-month = 本月：{ $up } 位升级，{ $down } 位降级；{ $close } 位距下一等级不到 10%。
loyalty-cli-balance = { $name }（#{ $id }）：{ $balance } 积分
loyalty-cli-redeemed = 已为 { $name } 兑换 { $points }。新余额：{ $balance }。
loyalty-err-no-reward = 没有名为“{ $name }”的奖励；配置中列出的有：{ $names }。
loyalty-err-reward-points = { $name } 需要 { $points } 积分，而不是 { $given }。
help-tiers = 各等级的会员、本月升级或降级的会员，以及接近下一等级的会员（先重新计算所有等级）
help-tiers-shop = 只看在这家分店购物过的会员（等级仍按整个俱乐部计算）
help-tiers-json = 输出 JSON：等级列表，含 name、min 和 members
help-points = 会员的积分余额和积分记录
help-points-key = 会员编号、卡号、电话或电子邮件
help-points-json = 输出 JSON：member_id、balance 和积分明细行
help-redeem = 兑换会员的积分；余额不足时拒绝
help-redeem-key = 会员编号、卡号、电话或电子邮件
help-redeem-points = 要兑换多少积分
help-redeem-reward = 配置列表中的奖励，例如“Free coffee”（积分须一致）
help-adjust = 手动增加或扣除积分；必须填写原因备注
help-adjust-key = 会员编号、卡号、电话或电子邮件
help-adjust-points = 要增加的积分，例如 50，或要扣除的，例如 -20
help-adjust-note = 原因，例如“旧纸质卡上的积分”
ui-key-redeem = 兑换
ui-key-points = 积分
ui-key-tiers = 等级
ui-key-pick-reward = 选择奖励
ui-key-redeem-go = 兑换
ui-key-adjust = 手动调整
ui-key-referred-by = 推荐人…
ui-key-review-bonus = 评价奖励
ui-key-close = 关闭
ui-key-next-list = 下一列表
ui-key-prev-list = 上一列表
ui-key-open-or-edit = 打开/编辑
ui-key-edit-min = 编辑等级门槛
ui-key-save-min = 保存门槛
ui-card-tier-since = 自 { $date } 起为 { $tier }
ui-card-tier-until = { $tier } 至 { $date }
ui-card-tier-keep = 还差 { $amount } 即可保住 { $tier }
ui-card-tier-top = 最高等级
ui-card-perks = 福利
ui-points-count = { $count ->
   *[other] { $count } 积分
}
ui-redeem-title = 兑换积分：{ $name }
ui-redeem-balance = 余额
ui-redeem-points = 积分
ui-redeem-rewards = 或用 ↑↓ 选择奖励：
ui-redeem-no-rewards = 配置中未列出奖励；请输入积分数。
ui-redeem-after = 新余额
ui-redeem-not-number = 请输入整数积分
ui-redeem-confirm-title = 兑换积分？
ui-redeem-confirm = 为 { $name } 兑换 { $points }？新余额：{ $balance }。
ui-redeem-confirm-reward = 为 { $name } 兑换 { $points }（{ $reward }）？新余额：{ $balance }。
ui-redeem-done = 已兑换 { $points }并保存。新余额：{ $balance }。
ui-points-title = 积分：{ $name } · 余额 { $balance }
ui-points-empty = 还没有积分。
ui-adjust-title = 手动调整 — Enter 保存，Esc 取消
ui-adjust-points = 积分
ui-adjust-points-hint = 例如 50 或 -20
ui-adjust-note = 备注
ui-adjust-note-hint = 必填：原因
ui-adjust-bad-points = 请输入非 0 的积分数，例如 50 或 -20
ui-referral-form-title = 是谁推荐这位会员加入会员俱乐部的？— Enter 确定，Esc 取消
ui-referral-by = 推荐人
ui-referral-hint = 卡号、电话、邮件或编号
ui-referral-not-found = 没有会员使用该卡号、电话、电子邮件或编号
ui-referral-title = 记录推荐人？
ui-referral-question = { $referrer } 推荐 { $name } 加入了会员俱乐部？双方都将获得推荐奖励（{ $points } 积分）。
ui-referral-done = 已保存这位会员的推荐人；双方都已获得推荐奖励。
ui-referral-already = 这位会员已有推荐人；未作任何更改。
ui-review-bonus-none = 尚未设置评价奖励（配置文件中的 review_bonus）。
ui-review-bonus-title = 评价奖励？
ui-review-bonus-question = 给 { $name } { $points } 积分的评价奖励？每位会员只能获得一次。
ui-review-bonus-done = 已发放评价奖励。
ui-review-bonus-already = 这位会员已获得过评价奖励；每人只发一次。
ui-tiers-title = 等级 · { $basis } · 降级前有 { $days } 天宽限期
ui-tiers-on-spend = 按 12 个月消费额
ui-tiers-on-visits = 按 12 个月到店次数
ui-tiers-edit-hint = 在等级上按 Enter：试用另一个门槛，保存前先看看谁会变动。
ui-tiers-preview = 按此门槛，现在将有 { $up } 位升到 { $tier }，{ $down } 位低于其等级（当前 { $now }），{ $days } 天后降级。按 Enter 保存。
ui-tiers-not-number = 请输入整数门槛
ui-tiers-between = 门槛必须高于 { $below } 且低于 { $above }
ui-tiers-first-fixed = 第一个等级是每位会员的起点；其门槛保持为 0。
ui-tiers-no-file = 没有可保存的配置文件；请在配置文件中修改门槛。
ui-tiers-cannot-edit = 无法在 { $path } 中修改 { $tier }：其门槛没有以“min = …”的形式写在那里。请在文件中修改。
ui-tiers-saved = 新门槛已保存到配置文件；等级已重新计算。
ui-tiers-moves = 本月：升级 { $up }，降级 { $down }
ui-tiers-nudges = { $count ->
   *[other] { $count } 位距下一等级不到 10%
}
ui-tiers-none = 无人
ui-help-title-tiers = 帮助：等级
ui-help-intro-tiers = 各等级的会员、本月升级或降级的会员，以及距下一等级不到 10% 的会员（值得提醒一下）。按 Tab 在列表间切换；在会员上按 Enter 打开其会员卡。在等级上按 Enter 可试用另一个门槛：保存前页面会显示将有多少会员变动。
ui-help-tiers = 在等级页面
ui-help-tiers-edit = 试用另一个门槛
ui-help-redeem = 兑换积分
ui-help-points = 在积分记录中
ui-help-points-form = 调整积分或记录推荐人
## Member add from the command line: receipts bought before signing up
cli-member-claimed = { $count ->
   *[other] 之前的 { $count } 张收据（相同卡号、电话或电子邮件）现归其所有。
}

# dbsafe
err-db-busy = 另一个程序正在写入会员俱乐部的数据库 { $path }；未保存任何内容。请等它完成后再试。
err-db-busy-unnamed = 另一个程序正在写入会员俱乐部的数据库；未保存任何内容。请等它完成后再试。
err-db-no-folder = 数据库 { $path } 所在的文件夹 { $folder } 不存在；未创建任何内容。请检查路径，或先创建该文件夹。
ui-import-waiting = 正在等待：另一个程序正在写入会员俱乐部的数据库…
# sink
err-stdout = 无法写入输出（{ $detail }）；磁盘是否已满？
import-row-too-big = 收据 { $id }：总额 { $amount } 超过任何收据可能的金额（{ $max }）；是否有列被读错？
import-note-completed = 此前少存了明细的 { $count } 张收据（文件被截断，或导出时不含商品明细）已根据此文件补全。
import-refused-all = { $file } 未存储任何内容：其 { $rows } 行中无法读取任何收据（{ $rejected } 行被拒绝），因此未标记为已导入。请使用 --encoding（例如 utf-16le、gbk）、--format 或 --country 重试。
import-refused-most = { $file } 未存储任何内容：其 { $rows } 行中有 { $rejected } 行无法读取，因此未标记为已导入。请使用 --encoding（例如 utf-16le、gbk）、--format 或 --country 重试，或加上 --accept-rejects 以存储可读取的行。
help-import-accept-rejects = 即使超过一半的行被拒绝也存储该文件（存储可读取的行）
ui-import-errors-refused = 被拒绝的行（文件中的内容均未存储）
# parse
err-config-max-receipt = max_receipt = { $value }：请填写 1 到 { $highest } 之间的整数（以货币为单位）
import-row-over-limit = “{ $column }”：{ $value } 超过了单张收据允许的金额（{ $max }；见配置中的 max_receipt）
import-row-sum-over-limit = 此行金额合计 { $total }，超过了单张收据允许的金额（{ $max }；见配置中的 max_receipt）
import-row-receipt-over-limit = 收据 { $id }（自第 { $first } 行起）合计 { $total }，超过了单张收据允许的金额（{ $max }；见配置中的 max_receipt）；已略过该收据
import-row-qty-over-limit = “{ $column }”：{ $value } 超过了每行 { $max } 件的上限
import-row-date-out-of-range = “{ $column }”：“{ $value }”不是 { $first } 年到 { $last } 年之间的日期
import-row-cut = 文件在这一行中间结束（是否被截断？）；该行所属的收据已略过，以免在缺少部分商品的情况下保存
import-row-bad-bytes = 文件第 { $offset } 字节不是该文件编码下的文本（字节损坏？）；已跳过此行，以免保存乱码的名称
import-row-nul = 此行含有 NUL 字节（文件是否损坏，或以其他编码保存？）
import-row-huge-cell = “{ $column }”有 { $size } 字节，远超收银机在一个单元格中写入的长度（文件是否损坏？）
import-note-no-money-column = 文件中没有“{ $column }”列；每张收据按 0 计算。
import-err-empty = { $path } 是空文件；未保存任何内容。
import-err-sheet-unpacks = { $path } 解压后为 { $size }，超过了电子表格允许的 { $cap }（收银机导出的文件要小得多）；未读取，也未保存任何内容。
import-err-sheet-cells = { $path }：第一个工作表跨 { $rows } 行 × { $columns } 列，超过了收银机导出文件可能有的 { $cap } 个单元格；未读取，也未保存任何内容。
import-err-record-too-long = 第 { $line } 行开始的记录超过 { $cap } 或多于 { $cells } 个单元格（引号未闭合？）；未读取该文件

# h1
err-db-unknown-code = 数据库的 { $column } 中有“{ $code }”，此版本的 regulars 无法识别；未作任何更改。该文件是否被更新的版本使用过？

# stack
ui-key-back-to-welcome = 返回欢迎页
ui-key-back-to-signup = 返回表单
ui-key-back-to-member = 返回会员卡
ui-key-back-to-import = 返回导入
ui-key-back-to-unmatched = 返回收银顾客
ui-key-back-to-review = 返回每周回顾
ui-key-back-to-tiers = 返回等级
err-unknown-lang = regulars 不支持语言“{ $lang }”；请从以下语言中选择：{ $languages }。
msg-joined = { $first } { $second }

# jobs
ui-demo-making = 正在生成示例会员… { $done } / { $total }
ui-demo-cancel-note = 按 Esc 或 Ctrl-C 取消；取消后不会添加任何会员。
ui-demo-cancelling = 正在取消… 不会添加任何示例会员。
ui-demo-cancelled = 已取消添加示例会员；未添加任何会员。
ui-help-demo-running = 生成示例会员期间
ui-tiers-working = 正在计算每位会员的等级…
ui-tiers-working-note = 按 Esc 返回；等级仍会照常计算完成。
family-boy = 男孩
family-girl = 女孩
## The config file written at first start
config-shop-name = 我的小店
config-tier-1 = 铜卡
config-tier-2 = 银卡
config-tier-2-perks = 每次消费九五折
config-tier-3 = 金卡
config-tier-3-perks = 每次消费九折，周五免费咖啡一杯
config-reward-1 = 免费咖啡
config-reward-2 = 任选糕点一份
config-reward-3 = 帆布袋
## Usage errors on the command line
err-usage-unknown-arg = { $arg } 不是此命令的选项。
err-usage-unknown-command = “{ $command }”不是命令。
err-usage-missing = 此命令需要 { $arg }。
err-usage-bad-value = { $arg } 不接受“{ $value }”。
err-usage-bad-value-choose = { $arg } 不接受“{ $value }”；请从以下选择：{ $valid }。
err-usage-invalid = { $arg }“{ $value }”：{ $why }
err-usage-help = “regulars --help”列出所有命令，“regulars 命令 --help”列出命令的选项。

# calendar13
calendar-gregorian = 公历
calendar-hebrew = 希伯来历
calendar-chinese = 农历
calendar-hebrew-m01 = 提斯利月
calendar-hebrew-m02 = 玛西班月
calendar-hebrew-m03 = 基斯流月
calendar-hebrew-m04 = 提别月
calendar-hebrew-m05 = 细罢特月
calendar-hebrew-m05l = 亚达月 I
calendar-hebrew-m06 = 亚达月
calendar-hebrew-m07 = 尼散月
calendar-hebrew-m08 = 以珥月
calendar-hebrew-m09 = 西弯月
calendar-hebrew-m10 = 搭模斯月
calendar-hebrew-m11 = 埃波月
calendar-hebrew-m12 = 以禄月
calendar-chinese-m01 = 正月
calendar-chinese-m02 = 二月
calendar-chinese-m03 = 三月
calendar-chinese-m04 = 四月
calendar-chinese-m05 = 五月
calendar-chinese-m06 = 六月
calendar-chinese-m07 = 七月
calendar-chinese-m08 = 八月
calendar-chinese-m09 = 九月
calendar-chinese-m10 = 十月
calendar-chinese-m11 = 冬月
calendar-chinese-m12 = 腊月
calendar-chinese-leap = 闰{ $month }
calendar-hebrew-date = { $month }{ $day }日
calendar-chinese-date = { $month }{ $day }日
calendar-gregorian-day = { $month }{ $day }日
calendar-gregorian-this-year = （今年{ $gregorian }）
calendar-gregorian-next-year = （明年{ $gregorian }）
calendar-with-gregorian = { $date }{ $gregorian }
field-bad-calendar-date = 不是该历法中的日期（例如 15.8 表示农历八月十五，或希伯来历 12 Tishrei）
err-unknown-calendar = “{ $calendar }”不是可用于生日的历法；请从 { $calendars } 中选择。
help-member-add-birthday-calendar = --birthday 所用的历法：gregorian（公历）、hebrew（希伯来历，例如 12 Tishrei、14 Adar I）或 chinese（农历，日.月，例如 15.8；闰月写作 15.4L）
ui-key-birthday-calendar = 历法
ui-help-signup-birthday = 在生日一栏中
ui-hint-birthday-hebrew = 希伯来历：例如 12 Tishrei
ui-hint-birthday-chinese = 农历：例如 15.8、15.4L
ui-hint-calendar-ok = ✓ { $date } · { $gregorian }
ui-key-home-end = 最前 / 最后
import-customers-unmatched = { $count ->
   *[other] 此文件中有 { $count } 位收银机顾客没有对应会员（按 u 查看）
}
ui-import-result-unmatched-file = 此文件中
ui-import-result-unmatched-file-value = { $count ->
   *[other] { $count } 位收银机顾客无对应会员
}

# dupes14
err-phone-taken = 电话 { $phone } 已属于会员 { $id }（{ $name }）。
err-email-taken = 电子邮件 { $email } 已属于会员 { $id }（{ $name }）。
err-member-ambiguous = “{ $key }”对应多位会员：{ $ids }。请改用会员编号。
cli-duplicate-refused = 未登记：会员 { $id }（{ $name }）的姓名和生日相同。加上 --yes 仍然登记。
cli-check-none = 没有重复：每个电话、电子邮件和会员卡都只属于一位会员。
cli-check-phone = 电话 { $value } 由会员 { $members } 共用。
cli-check-email = 电子邮件 { $value } 由会员 { $members } 共用。
cli-check-card = 会员卡 { $value } 由会员 { $members } 共用。
cli-check-name_birthday = 姓名和生日相同（{ $value }）：会员 { $members }。
ui-taken-title = 已在会员俱乐部中
help-check = 检查数据库文件（完整性、行之间的关联、积分账目），并列出多位会员共用的电话、电子邮件和会员卡，以及姓名和生日相同的会员（有问题时退出码为 1）
help-member-add-yes = 即使已有姓名和生日相同的会员也登记

# perf14
ui-review-loading = 正在汇总每周回顾…按键仍可使用。

# mistakes14
err-kin-too-old = 这样算来年龄超过 { $limit } 岁，应是输入错误；请检查出生日期或年龄。
err-child-not-found = 没有编号为 { $id } 的孩子（编号见 member show --json）。
err-pet-not-found = 没有编号为 { $id } 的宠物（编号见 member show --json）。
field-passed-away = 离世日
err-kin-same-name = 该会员已有 { $name }（{ $kin }）；如仍要保存，请加上 --yes。
err-needs-yes = 此操作无法撤销：请加上 --yes 以继续。
cli-child-edited = 已修改 { $member } 的孩子 { $name }
cli-pet-edited = 已修改 { $member } 的宠物 { $name }
cli-child-removed = 已从 { $member } 移除孩子 { $name }
cli-pet-removed = 已从 { $member } 移除宠物 { $name }
cli-pet-passed-away = { $pet }，{ $date } 离世
cli-member-edited = 已修改会员 { $id }：{ $name }
help-member-edit = 修改会员资料；只改动给出的选项
help-member-edit-key = 会员编号、卡号、电话或电子邮件
help-member-edit-json = 以 JSON 输出修改后的会员
help-member-delete = 删除会员：与 member erase 相同（删除个人数据，收据保留但不含姓名）
help-member-delete-key = 会员编号、卡号、电话或电子邮件
help-member-delete-yes = 确认删除（不加则不会删除任何内容）
help-child-edit = 修改孩子的资料；只改动给出的选项
help-child-edit-id = 孩子的编号，见 member show --json
help-child-remove = 移除误加的孩子
help-child-remove-id = 孩子的编号，见 member show --json
help-pet-edit = 修改宠物的资料，或标记为已离世
help-pet-edit-id = 宠物的编号，见 member show --json
help-pet-edit-passed-away = 宠物离世的日期：仍保留在会员卡上，但不再提醒（留空则清除）
help-pet-remove = 移除误加的宠物
help-pet-remove-id = 宠物的编号，见 member show --json
ui-err-too-old = 超过 { $limit } 岁？请检查日期或年龄
ui-family-edit-child = 修改 { $name } 的孩子
ui-family-edit-pet = 修改 { $name } 的宠物
ui-family-none-to-pick = 还没有孩子或宠物：按 c 或 p 添加
ui-family-pick-first = 请先按 f 选择孩子或宠物
ui-family-pick-pet = 请先按 f 选择宠物
ui-confirm-family-remove-title = 移除？
ui-confirm-family-remove = 从会员卡上移除 { $name }？此操作无法撤销。
ui-confirm-passed-away-title = 已离世？
ui-confirm-passed-away = 将 { $name } 标记为今天离世？它仍保留在会员卡上，但不再有生日或到家日的祝福。
ui-confirm-same-name-title = 重复？
ui-confirm-same-name = 该会员已有 { $name }。仍要保存吗？
ui-family-removed = 已移除 { $name }
ui-family-passed-away = 已将 { $name } 标记为离世
ui-card-passed-away = { $date } 离世
ui-key-pick-family = 选孩子/宠物
ui-key-edit-family = 改孩子/宠物
ui-key-remove-family = 移除孩子/宠物
ui-key-pet-passed-away = 宠物离世
help-redeem-json = 输出 JSON
help-adjust-json = 输出 JSON
help-demo-json = 输出 JSON
help-child-add-json = 输出 JSON
help-child-edit-json = 输出 JSON
help-child-remove-json = 输出 JSON
help-pet-add-json = 输出 JSON
help-pet-edit-json = 输出 JSON
help-pet-remove-json = 输出 JSON
help-member-delete-json = 输出 JSON
help-child-add-yes = 即使该会员已有同名的也保存
help-child-edit-yes = 即使该会员已有同名的也保存
help-pet-add-yes = 即使该会员已有同名的也保存
help-pet-edit-yes = 即使该会员已有同名的也保存
help-child-remove-yes = 确认移除（不加则不会移除任何内容）
help-pet-remove-yes = 确认移除（不加则不会移除任何内容）

# link14
ui-link-confirm-title = 关联到此会员？
ui-link-confirm-till = 收银顾客
ui-link-confirm-member = 会员
ui-link-confirm-same = 名字一致。
ui-link-confirm-differ = ⚠ 名字不同：是同一个人吗？
ui-link-confirm-no-name = 收银机没有记录名字：请核对卡号、电话或电子邮件。
ui-help-link-confirm = 关联之前
ui-card-till-customers = 已关联的收银顾客
ui-card-till-hint = u 取消关联，l 选另一个
ui-key-pick-till-customer = 选收银顾客
ui-key-unlink = 取消关联收银顾客
ui-till-none-linked = 没有收银顾客关联到此会员。
ui-confirm-unlink-title = 取消关联？
ui-confirm-unlink = 取消 { $who }（{ $till }）与 { $name } 的关联？其收据将不再属于任何会员，以后导入时也不会再归到 { $name }。
ui-unlinked = 已取消 { $who } 与 { $name } 的关联：{ $receipts } 不再属于任何会员。
ui-card-more-below = ↓ 更多
ui-card-more-above = ↑ 更多

# fixes14
loyalty-err-below-zero = 这样余额会变成 { $balance }，低于零；未作任何更改。
cli-adjust-below-zero = 这样余额会变成 { $balance }，低于零；未作任何更改。如仍要扣除积分，请加上 { $flag }。
loyalty-adjusted-up = 已手动增加 { $points }。新余额：{ $balance }。
loyalty-adjusted-down = 已手动扣除 { $points }。新余额：{ $balance }。
ui-adjust-below-zero-title = 低于零？
ui-adjust-below-zero-question = 扣除 { $points } 后余额为 { $balance }，低于零。仍要扣除吗？
help-adjust-allow-negative = 即使余额因此低于零也扣除积分
demo-err-chain = 本店是连锁的分店（配置中有 [sync]）：示例会员会同步到所有分店。请在另一个文件中试用：regulars --db demo.db
demo-err-already = { $count ->
   *[other] 俱乐部里已有 { $count } 位示例会员
}；未添加任何会员。请先用 { $command } 移除他们。
demo-err-club-not-empty = { $count ->
   *[other] 俱乐部里已有 { $count } 位会员
}；示例会员会和他们混在一起。如仍要添加，请加上 { $flag }。
demo-err-remove-ask = { $count ->
   *[other] 这将移除 { $count } 位示例会员
}及其收据和积分；请加上 { $flag } 以执行。
cli-demo-removed = { $count ->
   *[other] 已移除 { $count } 位示例会员。
}
help-demo-yes = 也添加到已有会员的俱乐部，或配合 --remove 移除他们
help-demo-remove = 移除示例会员及其收据和积分

# setup14
field-shop-name = 店名
field-country = 国家
field-currency = 货币
field-language = 语言
field-feb29 = 2月29日生日
settings-feb29-feb28 = 其他年份在2月28日
settings-feb29-mar1 = 其他年份在3月1日
settings-language-name = 中文
settings-choose = ←→ 选择
settings-currency-usual = 当地常用：{ $currency }
settings-country-examples = 例如 { $phone }，{ $date }
ui-setup-title = 您的小店
ui-setup-intro = 欢迎！以下内容是根据电脑的语言猜测的。请修改不对的地方；按 Enter 全部接受。
ui-setup-later = 以后都可以在“设置”中修改（在柜台列表按 s，或按 F4）。
ui-settings-title = 设置
ui-settings-intro = 保存到配置文件；文件中的注释和其他设置保持不变。
ui-settings-saved = 设置已保存。
ui-settings-no-file = 没有可以保存设置的配置文件。
ui-settings-fix = 请更正标出的设置。
ui-settings-sorting = 正在按新语言排列会员列表… { $done } / { $total }
ui-settings-sorting-note = 按键照常可用；排列完成前可按 Esc 返回。
ui-key-settings = 设置
ui-key-accept = 接受
ui-help-title-setup = 帮助：您的小店
ui-help-intro-setup = 首次启动：店名、国家（电话号码、日期顺序和常用货币都依国家而定）、货币和语言。Tab 在各栏之间移动；Enter 将它们保存到配置文件。
ui-help-setup = 在此页面
ui-help-title-settings = 帮助：设置
ui-help-intro-settings = 店名、国家、货币和语言，以及2月29日的生日在其他年份哪天庆祝。Enter 将它们保存到配置文件，并保留其中的注释。
ui-help-settings = 在此页面

# import14
import-row-ambiguous-money = “{ $column }”：“{ $value }”可能是千位也可能是小数，而此列中没有其他金额能说明文件用哪个符号写小数；请写成 1234.00 或 1.234,00
import-row-ambiguous-money-mixed = “{ $column }”：“{ $value }”可能是千位也可能是小数，而此列的小数既用“.”又用“,”书写；请用同一种方式书写此列的所有金额
import-err-currency = { $file } 使用的货币是 { $currency }（第 { $line } 行），但商店的货币是 { $shop }；未存储任何内容。加上 --currency { $currency } 可按原样存储其金额。
import-note-currency = 此文件使用的货币是 { $currency }（第 { $line } 行），而商店的货币是 { $shop }；金额已按原样存储。如果 { $shop } 不对，请在配置中设置商店的货币。
import-err-currency-code = “{ $value }”不是三个字母的货币代码（例如 EUR、DKK、ILS）。
import-again-done = 已重新读取 { $file }（{ $format }）：{ $matched } 张没有会员的收据现在有了会员，{ $unmatched } 张仍然没有；被拒绝的行：{ $rejected }。其他内容均未更改。
help-import-currency = 文件的货币（例如 DKK），当它不是商店的货币时：金额按原样存储
help-import-again = 重新读取已导入过的文件（配合 --country 或 --format）：为其中没有会员的收据匹配会员；其他内容不变
ui-import-country = 国家：
ui-import-format = 格式：{ $format }
ui-import-format-detect = 自动识别
ui-import-currency-question = { $file } 使用的货币是 { $currency }，但商店的货币是 { $shop }。按原样导入其金额吗？（y / n）
ui-import-result-matched = 现在有会员
ui-key-import-country = 国家
ui-key-import-format = 格式
ui-key-import-again = 重新读取
ui-help-import-country = 输入国家
ui-import-choices-hint = c 国家 · f 格式 · a 重新读取文件

# review14
loyalty-cli-near = 距下一等级不到 10% 的会员，差额最小的在前：
loyalty-col-member = 会员
loyalty-col-to-next = 距下一等级
ui-review-col-missing = 还差
ui-review-col-next = 下一等级
ui-review-near-intro = 距下一等级不到 10% 的会员，差额最小的在前
ui-review-no-near = 目前没有会员距下一等级不到 10%。

# backup15
backup-err-exists = { $path } 已存在；备份绝不会覆盖文件。请换一个新文件名或指定一个文件夹。
backup-err-no-file = 此会员俱乐部没有可备份的数据库文件。
cli-backup-done = 已备份到 { $path }
help-backup = 将数据库复制到备份文件夹中带日期的文件（或复制到 PATH），即使应用或导入正在写入也能安全进行
help-backup-path = 副本的新文件或文件夹；不指定时，使用数据库旁边的备份文件夹
help-backup-json = 输出 JSON：副本的路径
ui-backup-failed = 今天的自动备份未完成：{ $detail }
cli-check-sound = 数据库文件完好：数据页、行之间的关联和积分账目都没有问题。
cli-check-damaged = 数据库文件已损坏（{ $detail }）。请关闭应用并恢复最近的备份（见 README）。
cli-check-missing-row = 表 { $table } 的第 { $rowid } 行引用了表 { $parent } 中不存在的行。
cli-check-bad-points = 会员 { $member }：积分记录 { $id }（{ $reason }，{ $delta }，{ $at }）不可能正确，其积分余额因此有误。

# consent15
err-consent-how = “{ $value }”不是给予同意的方式；请使用 counter、signup、import、form 或 cli。
err-consent-nothing = 请说明要改什么：--grant sms,email 或 --withdraw sms。
err-consent-both = { $channel } 不能同时同意和撤回。
consent-state-yes = 是
consent-given = 同意
consent-withdrawn = 撤回
consent-how-counter = 在柜台
consent-how-signup = 登记时
consent-how-import = 导入
consent-how-form = 表格
consent-how-cli = 命令行
cli-consent-saved = 已保存 { $name }（{ $id }）的同意：
signup-suppressed = { $name } 在 { $channels } 上没有同意：该联系方式曾要求不再联系。只有在柜台重新给予同意才能恢复。
ui-card-consent-history = 同意记录
ui-key-pick-consent = 选渠道
ui-key-change-consent = 更改同意
ui-confirm-consent-title = 更改同意？
ui-confirm-consent-grant = { $name } 从现在起同意通过 { $channel } 联系吗？
ui-confirm-consent-withdraw = { $name } 不再希望通过 { $channel } 联系吗？该联系方式将列入勿扰名单。
ui-consent-saved = 已保存 { $name } 的同意。
help-consent = 按渠道给予或撤回会员的联系同意
help-consent-key = 会员编号、卡号、电话或电子邮件
help-consent-grant = 会员从现在起同意的渠道，例如 sms,email
help-consent-withdraw = 会员不再同意的渠道，例如 sms
help-consent-how = 在哪里给予：counter、signup、import、form 或 cli
help-consent-json = 以 JSON 输出当前的同意
err-export-channel = 联系人只能按 sms 或 email 导出，不能按“{ $value }”。
cli-export-written = 已将 { $count } 个联系人写入 { $path }
cli-export-raw = 电话以 +E.164 格式写出，供短信工具使用，未做电子表格公式防护。
help-export = 用于在别处发送消息的名单
help-export-contacts = 同意通过某渠道接收消息的会员，CSV 或 vCard 格式（不含勿扰名单和已删除会员）
help-export-contacts-channel = sms 或 email
help-export-contacts-out = 要写入的文件（默认：导出文件夹）
help-export-contacts-raw = 电话用 +E.164 格式供短信工具使用，不做公式防护

# segments15
segment-err-empty = 分组为空：请写一个条件，例如 tier=Gold。
segment-err-unknown-word = 第 { $at } 个字符处的词“{ $found }”无法识别。可用的词：tier, pet, children, child_age, age, birthday_month, area, tag, language, visits_12m, spend_12m, last_visit, bought, category, source, usual_day, usual_hour, occupation。
segment-err-bad-value = “{ $found }”不是 { $word } 的有效值（第 { $at } 个字符）。
segment-err-bad-op = { $word } 不能使用“{ $found }”（第 { $at } 个字符）。
segment-err-needs-value = { $word } 需要一个值，例如 { $word }=…（第 { $at } 个字符）。
segment-err-end = 结尾缺少一个条件（第 { $at } 个字符）。
segment-err-unclosed = 第 { $at } 个字符处的“{ $found }”没有闭合。
segment-err-unexpected = 第 { $at } 个字符处出现了意外的“{ $found }”。
segment-err-unknown-tier = 没有名为“{ $tier }”的等级。现有等级：{ $tiers }。
segment-err-unknown-name = 没有名为“{ $name }”的已保存分组。
segment-err-bad-name = 分组名称不能为空，也不能包含 = 号：“{ $name }”。
segment-saved = 已保存分组“{ $name }”：{ $expr }
segment-none-saved = 还没有已保存的分组。
segment-members = { $count ->
   *[other] { $shown } 位会员
}
segment-no-data = 尚未记录任何 { $word } 信息，因此不匹配任何人。
help-segment = 保存、列出和显示分组：按表达式（例如 pet=dog and children）选出的会员
help-segment-save = 以一个名称保存表达式
help-segment-save-name = 分组名称
help-segment-save-expr = 表达式，例如 tier=Gold and pet=dog
help-segment-list = 已保存的分组及其表达式
help-segment-show = 已保存分组的表达式及其今天包含的会员数
help-segment-show-name = 分组名称
help-segment-show-json = 输出 JSON：name、expr、count 和 member_ids
ui-key-segments = 分组
ui-key-save-segment = 命名保存
ui-key-saved-segments = 已保存的分组
ui-key-load-segment = 载入
ui-key-segment-expression = 表达式
ui-segments-title = 分组
ui-segments-expression = 表达式
ui-segments-example = 例如：pet=dog and children，tier=Gold and not area=10000，visits_12m>=5 or spend_12m>=500
ui-segments-name = 保存为
ui-segments-saved = 已保存的分组
ui-help-title-segments = 帮助：分组
ui-help-intro-segments = 分组按会员俱乐部所知道的信息挑选会员。用 and、or、not 和括号组合条件：tier=Gold、pet=dog、children、child_age=3..6、age=30..45、birthday_month=12、area=10000、tag=vegan、language=he、visits_12m>=5、spend_12m>=500、last_visit<2026-09-01、bought=Birthday cake、category=Cakes、source、usual_day=sat、usual_hour=7..9、occupation。输入时即时统计会员人数；出错时会在输入框下方指出。
ui-help-segments = 输入表达式时
ui-help-segments-list = 在已保存的分组中
ui-help-segments-name = 输入保存名称时
segment-counting = 正在计数…

# tuiexport15
help-export-contacts-vcard = 以 vCard 4.0 代替 CSV，每位会员一张名片，供通讯录导入
ui-key-export-segment = 导出
ui-key-export-channel = 短信或邮件
ui-key-export-format = CSV 或 vCard
ui-key-export-write = 写入文件
ui-help-contacts-export = 导出联系人时
ui-export-title = 导出联系人：{ $name }
ui-export-channel = 渠道
ui-export-format = 格式
ui-export-csv = CSV
ui-export-vcard = vCard
ui-export-members = { $count ->
   *[other] { $count } 位会员
}
ui-export-will-write = 将写入 { $written }；{ $left } 未同意，不包括在内
ui-export-written = 已将 { $written } 写入 { $path }；{ $left } 未同意，未包括在内
ui-segments-export-empty = 请先输入分组：导出会写入该分组的会员。

# erase15
help-member-export = 会员的全部存储数据（JSON）：资料、孩子、宠物、同意记录、收据、积分、联系记录
help-member-export-key = 会员编号、卡号、电话或电子邮件（已清除的会员：编号）
help-member-export-out = 写入此文件（仅您可读），而不是直接输出
cli-member-exported = 会员 { $id } 的全部存储数据已写入 { $path }
help-member-erase = 清除会员数据：删除姓名、联系方式、生日、家人、积分和备注；收据保留但不含姓名；联系方式加入勿扰名单
help-member-erase-key = 会员编号、卡号、电话或电子邮件
help-member-erase-yes = 确认清除（不加则不会清除任何内容）
help-member-erase-json = 输出 JSON
err-erase-needs-yes = 清除会员 { $id }（{ $name }）将删除其姓名、电话、电子邮件、卡号、生日、地区、备注、服务记录、孩子、宠物、积分、等级和联系记录，以及收据上的姓名和联系方式；收据保留但不含姓名，同意记录和匿名反馈保留。此操作无法撤销：请加上 --yes 以继续。
cli-member-erased = 已清除会员 { $id }（{ $name }）。收据保留，但不含姓名。

# merge15
merge-err-same = 会员不能与自己合并（会员 { $id }）。
merge-err-erased = 会员 { $id } 已被抹除，不能合并。
merge-field-tags = 标签
merge-what-receipts = 收据
merge-what-points = 积分记录
merge-what-children = 孩子
merge-what-pets = 宠物
merge-what-consents = 同意记录
merge-what-contact_log = 联系记录
merge-what-customer_links = 已关联的收银顾客
merge-what-referred = 其介绍的会员
merge-what-feedback = 反馈答复
merge-preview-title = 将会员 { $drop }（{ $drop_name }）合并到会员 { $keep }（{ $keep_name }）：
merge-moves = 转给会员 { $keep }：
merge-fills = 从会员 { $drop } 补全：
merge-joins = 合在一起：
merge-differs = 两人都有，保留会员 { $keep } 的：
merge-points = 两人积分合计：{ $points }
merge-nothing = 无
merge-needs-yes = 未合并任何内容：加上 --yes 即可将会员 { $drop } 合并到会员 { $keep }。
merge-done = 已将会员 { $drop } 合并到会员 { $keep }（{ $name }）；现有积分：{ $points }。
help-member-merge = 将 DROP 合并到 KEEP：两人的所有收据、积分、孩子、宠物、同意记录和备注都保留在 KEEP 名下
help-member-merge-keep = 保留的会员：编号、卡号、电话或电子邮件
help-member-merge-drop = 合并到 KEEP 的会员，之后不再是会员
help-member-merge-yes = 确认合并（不加此项只显示将会发生什么）
help-member-merge-json = 输出 JSON
merge-why-phone = 电话相同
merge-why-email = 电子邮件相同
merge-why-card = 会员卡相同
merge-why-name_birthday = 姓名相近，生日相同
merge-why-till_customer = 同一收银顾客
ui-key-duplicates = 重复
ui-key-merge-preview = 查看合并结果
ui-key-swap-kept = 交换保留者
ui-key-merge = 合并
ui-duplicates-title = 重复会员
ui-duplicates-finding = 正在查找可能是同一人的会员…
ui-duplicates-none = 没有可能重复的会员：没有两位会员共用电话、电子邮件或会员卡，姓名和生日都相同，或属于同一收银顾客。
ui-help-title-duplicates = 帮助：重复会员
ui-help-intro-duplicates = 可能是同一人的会员对：电话、电子邮件或会员卡相同，姓名相近且生日相同，或同一收银顾客的收据分在两人名下。合并会把两人的所有收据、积分、孩子、宠物、同意记录和备注都保留在保留的会员名下。
ui-help-duplicates = 在会员对列表中
ui-help-duplicates-preview = 在合并预览中

# erasetui15
ui-key-erase = 清除数据
ui-key-export-member = 导出数据
ui-confirm-erase-title = 清除会员数据？
ui-confirm-erase =
    清除 { $name } 的数据？此操作无法撤销。
    删除：姓名、电话、电子邮件、卡号、生日、孩子和宠物、积分和等级、联系记录、服务记录，以及与收银顾客的关联。
    保留：其购买记录（不含姓名），因此店铺的总额不变；同意记录；其电话和电子邮件留在勿扰名单上。
ui-erased = 已清除 { $name } 的数据。购买记录保留，但不含姓名。
ui-confirm-export-member-title = 导出会员数据？
ui-confirm-export-member =
    将会员俱乐部保存的关于 { $name } 的一切（资料、孩子和宠物、同意记录、收据、积分、备注和联系记录）写入一个只有您能读取的 JSON 文件？
    文件保存在 { $folder }，以会员编号和今天的日期命名。
ui-member-exported = 关于 { $name } 的全部存储数据已写入 { $path }
ui-export-member-no-file = 这个会员俱乐部没有保存在文件中，因此没有可写入的导出文件夹。

# stats16
config-source-friend = 亲友
config-source-neighbour-shop = 邻近商店
config-source-supplier = 供应商
config-source-social-media = 社交媒体
config-source-walked-past = 路过
config-source-event = 活动
config-source-staff = 店员
config-source-business-network = 商会或商业网络
err-config-stats = { $key } = { $value } 超出范围：lapse_days 是从 1 起的整数天数，lifespan_years 是大于 0 且不超过 100 的年数
err-feedback-range = { $what } 答案 { $value } 超出范围：请使用 { $lowest } 到 { $highest } 之间的整数
err-source-unknown = “{ $name }”不是配置中的来源之一：{ $sources }
cli-feedback-saved = 已为 { $name }（#{ $id }）保存 { $what } { $score }
cli-feedback-saved-anonymous = 已匿名保存 { $what } { $score }
help-member-add-referred-by = 介绍其入会的会员：编号、卡号、电话或电子邮件
help-member-add-source = 如何得知本店，配置中的来源之一，例如“路过”
help-feedback = 记录柜台的反馈答案：NPS 0–10 或 CSAT 1–5
help-feedback-key = 会员编号、卡号、电话或电子邮件
help-feedback-anonymous = 未署名者的答案
help-feedback-nps = 推荐本店的可能性，0–10
help-feedback-csat = 满意程度，1–5
help-feedback-json = 以 JSON 输出已保存的答案
help-stats = 会员俱乐部健康度：留存率、流失率、NPS、CSAT、客户终身价值及会员销售占比
help-stats-from = 期间的第一天（默认：最后一天之前 364 天）
help-stats-to = 期间的最后一天（默认：今天）
help-stats-shop = 只看连锁中的这家分店：它的收据，以及在那里入会或购物的会员
help-stats-json = 以 JSON 输出各项数字
stats-title = 会员俱乐部健康度，{ $from } – { $to }（{ $days } 天）
stats-members = 会员
stats-new-members = 新会员
stats-active-start = 期初活跃
stats-active-end = 期末活跃
stats-lost = 期初活跃、期末不活跃
stats-retention = 留存率
stats-churn = 流失率
stats-nps = NPS
stats-csat = CSAT
stats-answers = { $count ->
   *[other] { $shown } 个答案
}
stats-cltv = 客户终身价值
stats-avg-basket = 平均客单价
stats-visits-per-year = 每年到店次数
stats-lifespan = 会员留存年数
stats-member-share = 会员销售占比
stats-undefined = —
stats-sources = 新会员如何得知本店
stats-source-line = 新增 { $count } 位，12 个月消费 { $spend }
stats-top-referrers = 介绍新会员最多的会员
err-stats-period = 期间将在 { $to } 结束，早于开始日 { $from }
cli-branch = 分店：{ $name }
err-shop-unknown = 没有名为“{ $name }”的分店。已知分店：{ $known }
err-shop-unknown-none = 没有名为“{ $name }”的分店：还没有任何收据或会员带有分店名称，本店也没有自己的名称（配置文件中的 [sync] shop）

# statsscreen16
ui-key-stats = 俱乐部数据
ui-key-stats-formula = 公式
ui-key-stats-month = ±1 个月
ui-key-stats-other = 其他指标
ui-help-stats = 在数据页面
ui-help-stats-formula = 指标的计算方法
stats-screen-working = 正在计算数据…
stats-screen-chart-working = 正在绘制最近 12 个月…
stats-screen-undefined = 无法计算
stats-screen-why-start = 无法计算：期间第一天没有活跃会员。
stats-screen-why-answers = 无法计算：期间内没有回答。
stats-screen-why-sales = 无法计算：期间内没有任何购买。
stats-screen-why-parts = 无法计算：其三个组成部分之一无法计算。
stats-screen-why-visits = 无法计算：期间内没有会员到店。
stats-screen-not-after-today = 期间不能在今天之后结束。
stats-screen-active-rule = 活跃：在该日之前的 { $days } 天内到过店。
stats-screen-chart = 最近 12 个月
stats-screen-chart-members = 会员
stats-screen-chart-active = 活跃
stats-screen-period = 期间：{ $from } – { $to }，共 { $days } 天
stats-screen-new-active = 期末活跃且在期间内加入的会员
stats-screen-answers = 回答
stats-screen-promoters = 9–10 分的回答
stats-screen-detractors = 0–6 分的回答
stats-screen-satisfied = 4 或 5 分的回答
stats-screen-member-net = 会员销售额减去退款
stats-screen-member-receipts = 会员销售小票
stats-screen-member-visits = 会员到店次数（有购买的天数）
stats-screen-members-visiting = 到过店的会员
stats-screen-all-net = 全部销售额减去退款
stats-screen-days = 期间天数
stats-screen-lifespan-setting = 配置中设定的年数
stats-formula-members = 在期间最后一天之前加入的会员；已删除的会员不计入。
stats-formula-new-members = 在期间内加入的会员，无论是否活跃。
stats-formula-active-start = S = 期间第一天的活跃会员。
stats-formula-active-end = E = 期间最后一天的活跃会员。
stats-formula-lost = 第一天活跃（S）而最后一天不再活跃（E）的会员。
stats-formula-retention = 留存率 = (E − N) ÷ S × 100
stats-formula-churn = 流失率 = 流失 ÷ S × 100
stats-formula-nps = NPS = 9–10 分回答的 % − 0–6 分回答的 %
stats-formula-csat = CSAT = 4 或 5 分回答的 %
stats-formula-cltv = 终身价值 = 平均客单价 × 每年到店次数 × 会员留存年数
stats-formula-avg-basket = 平均客单价 = 会员销售额减去退款 ÷ 其销售小票数
stats-formula-visits-per-year = 每年到店次数 = 到店次数 ÷ 到过店的会员 × 365 ÷ 期间天数
stats-formula-lifespan = 会员留存年数 = 1 ÷ 年流失率，最多 10 年（除非在配置中设定）
stats-formula-member-share = 会员销售占比 = 会员销售额 ÷ 全部销售额 × 100（已扣除退款）

# notes16
note-kind-note = 备注
note-kind-request = 请求
note-kind-complaint = 投诉
note-open = 未处理
note-resolved-on = 已于 { $date } 处理：{ $how }
err-note-kind = “{ $kind }”不是备注的类型：请使用 { $kinds } 之一
err-note-empty = 备注是空的：请写下要记住的内容
err-note-how-empty = 请写下处理时做了什么
err-note-not-found = 没有编号为 { $id } 的备注
err-note-plain = 备注 { $id } 是普通备注：只有请求和投诉需要处理
err-note-resolved = 备注 { $id } 已于 { $at } 处理过
cli-note-added = 已为 { $name } 添加{ $kind } { $id }
cli-note-none = 没有备注
cli-note-resolved = { $kind } { $id } 已处理；备注仍保留在会员的历史中
merge-what-notes = 服务备注
help-note = 服务备注：备注、请求和投诉，以及处理方式
help-note-add = 为会员添加备注、请求或投诉
help-note-add-key = 会员编号、卡号、电话或电子邮件
help-note-add-kind = note（备注）、request（请求）或 complaint（投诉）
help-note-add-text = 要记住的内容
help-note-add-json = 以 JSON 输出新备注
help-note-list = 某位会员或所有会员的备注，最新的在前
help-note-list-key = 会员编号、卡号、电话或电子邮件（不填：所有会员）
help-note-list-open = 只列出尚未处理的请求和投诉
help-note-list-json = 输出 JSON：id、member_id、kind、text、at、resolved_at、resolution
help-note-resolve = 处理请求或投诉，并写下做了什么
help-note-resolve-id = 备注编号
help-note-resolve-how = 做了什么

# feedback16
ui-key-ask-nps = 询问：推荐？0–10
ui-key-ask-csat = 询问：满意？1–5
ui-key-survey = 问卷
ui-key-feedback-score = 答案
ui-key-feedback-ten = 10
ui-key-feedback-pick = 选择
ui-key-feedback-store = 保存答案
ui-key-survey-skip = 跳过
ui-key-survey-stop = 停止
ui-feedback-title = 反馈：{ $name }
ui-feedback-title-anonymous = 反馈（匿名）
ui-feedback-nps-question = 您有多大可能向别人推荐我们？0–10
ui-feedback-nps-ends = 0 = 完全不可能，10 = 非常可能
ui-feedback-csat-question = 您今天的满意程度如何？1–5
ui-feedback-csat-ends = 1 = 非常不满意，5 = 非常满意
ui-feedback-keys = 按一个键即保存答案：{ $keys }
ui-feedback-keys-ten = 按一个键即保存答案：{ $keys }，= 表示 10
ui-feedback-esc = Esc 不询问。
ui-feedback-saved-anonymous = 已匿名保存 { $what } { $score }
ui-feedback-saved-bonus = 已为 { $name } 保存 { $what } { $score }，并给予评价奖励：{ $points }
ui-feedback-saved-no-bonus = 已为 { $name } 保存 { $what } { $score }；本次没有评价奖励（已给过或未设置）
ui-help-feedback = 反馈问题
ui-help-title-feedback = 帮助：反馈
ui-help-intro-feedback = 按原文提问，然后按下答案对应的键：答案会立即以今天的日期保存。从会员卡片提问时答案属于该会员（每个周期可获得一次评价奖励）；从柜台列表提问时为匿名答案。
ui-survey-none = 还没有问卷问题：店主可在配置的 [[survey.questions]] 下写最多五个问题
ui-survey-done = 已为 { $name } 保存 { $count } 个问卷答案
ui-survey-title = 问卷：{ $name } · 第 { $number } 题，共 { $total } 题
ui-survey-answer = 答案
ui-survey-keys-text = 输入答案，Enter 保存。Tab 跳过，Esc 停止。
ui-survey-keys-skip = Tab 或 s 跳过。Esc 停止；已给出的答案会保留。
ui-help-survey-pick = 带评分或选项的问题
ui-help-survey-text = 用文字回答的问题
ui-help-title-survey = 帮助：问卷
ui-help-intro-survey = 店主自己的问题，来自配置，逐个提问。每个答案在给出时即保存，并附上今天的日期和问题原文，因此以后修改配置不会改变旧答案的标签。
ui-stats-survey-none = 配置中还没有问卷问题：请在 [[survey.questions]] 下添加最多五个。
ui-key-stats-survey = 问卷
ui-key-stats-survey-back = 返回数据
ui-help-stats-survey = 问卷页面
ui-help-title-stats_survey = 帮助：问卷答案
ui-help-intro-stats_survey = 每个问卷问题在数据页面所选期间内的答案：评分的平均值、每个选项被选的次数、最近五条文字答案。
err-survey-too-many = 共 { $count } 个问卷问题：柜台最多提问 { $most } 个
err-survey-no-text = 第 { $number } 个问卷问题没有文字：请写出要问的问题
err-survey-twice = 第 { $number } 个问卷问题“{ $text }”出现了两次：答案按问题原文导入，因此每个问题必须不同
err-survey-choices = 第 { $number } 个问卷问题“{ $text }”：选择题需要 2 到 { $most } 个不同的选项，例如 choices = ["燕麦奶", "豆奶"]
err-survey-choices-unused = 第 { $number } 个问卷问题“{ $text }”的类型是 { $kind }，没有选项：请删除 choices，或使用 kind = "choice"
err-survey-none = 配置中没有问卷问题：请在 [[survey.questions]] 下添加最多五个，每个都要有 text 和 kind（nps、csat、choice 或 text）
survey-answer-nps = 0–10（0 = 完全不可能，10 = 非常可能）
survey-answer-csat = 1–5（1 = 非常不满意，5 = 非常满意）
survey-answer-choice = 以下之一：{ $choices }
survey-answer-text = 用您自己的话
err-survey-import-read = { $path }：无法作为 CSV 读取：{ $detail }
err-survey-import-column = { $path }：列“{ $column }”不是配置中的问卷问题（导出后修改过问题？）；未导入任何内容
err-survey-import-no-member = { $path }：没有“member”列（会员的编号、电话、电子邮件或卡号）；未导入任何内容
err-survey-import-no-question = { $path }：没有任何列以问卷问题原文为标题；未导入任何内容
err-survey-import-answer = “{ $value }”不是“{ $column }”的答案：请填写 { $expected }
err-survey-import-no-key = 有答案但没有会员：会员列为空
cli-survey-exported = 已将 { $count } 位要询问的会员写入 { $path }；问题在 { $questions }
cli-survey-skipped = { $path }:{ $line }：已跳过：{ $problem }
cli-survey-imported = 已导入 { $count } 位会员的答案（{ $answers } 个答案）；跳过 { $skipped } 行
stats-survey = 问卷
stats-survey-question = { $number }. { $question }（{ $answers }）
stats-survey-mean = 平均值
stats-survey-latest = 最新
merge-what-survey_answers = 问卷答案
help-survey = 店主的问卷：导出问题和要询问的人，导入答案
help-survey-export = 写出问题和同意联系的会员（与 export contacts 的选择方式相同）
help-survey-export-channel = sms 或 email
help-survey-export-segment = 仅此细分的会员：已保存细分的名称或表达式
help-survey-export-out = 要写入的文件（默认：导出文件夹）；问题写在旁边
help-survey-export-json = 以 JSON 输出文件、问题和会员人数
help-survey-import = 从 CSV 导入答案：一个会员列，每个问题一列
help-survey-import-file = CSV 文件，例如填好答案的导出名单
help-survey-import-json = 以 JSON 输出导入的内容和跳过的行
ui-stats-survey-title = 问卷答案，{ $from } – { $to }

# events16
event-field-date = 日期
err-event-name = 活动需要一个名称
err-event-capacity = 容量 { $value } 不是人数：请填写 1 或以上，或留空
err-event-not-found = 没有编号为 { $id } 的活动
err-event-attended-twice = { $name } 已被记录为参加了 { $event }（{ $at }）
cli-event-added = 已添加活动 { $id }：{ $name }，{ $date }
event-none = 还没有活动
event-invited-came = 已邀请 { $invited }，已到场 { $came }
event-invite-written = 已邀请 { $shown } 位会员；名单已写入 { $path }
event-invite-left-out = 分组中有 { $count } 位会员未列入：未同意此渠道、没有此渠道的联系方式，或在勿扰名单上
event-invite-over = 邀请了 { $invited } 人，名额 { $capacity } 个：超出容量 { $over } 人
event-attended = { $name } 参加了 { $event }
event-attended-uninvited = { $name } 参加了 { $event }（未受邀）
event-after-title = 活动后 90 天：{ $from } – { $to }
event-after-incomplete = 尚未结束
event-group-came = 到场的会员
event-group-others = 未受邀的活跃会员
event-group-line = { $group }：{ $members } 位会员，平均每人 { $visits } 次到店、消费 { $spend }
event-group-nobody = { $group }：无人
merge-what-event_invites = 活动邀请
merge-what-event_attendance = 参加的活动
help-event = 会员活动：添加、列出、邀请分组、记录到场、活动后 90 天
help-event-add = 添加会员活动
help-event-add-name = 活动名称
help-event-add-date = 活动日期
help-event-add-capacity = 可参加的人数（不填：不限）
help-event-add-json = 以 JSON 输出新活动
help-event-list = 所有活动，最近的在前
help-event-list-json = 输出 JSON：id, name, date, capacity, invited_count, attended_count
help-event-invite = 邀请分组中同意该渠道的会员，并写出他们的联系人名单
help-event-invite-id = 活动编号
help-event-invite-segment = 已保存分组的名称或表达式，例如 "pet=dog"
help-event-invite-channel = sms 或 email
help-event-invite-out = 要写入的文件（默认：数据库旁的导出文件夹）
help-event-attend = 记录会员参加了活动
help-event-attend-id = 活动编号
help-event-attend-key = 会员编号、卡号、电话或电子邮件
help-event-show = 谁受邀、谁到场，以及活动后 90 天
help-event-show-id = 活动编号
help-event-show-json = 输出 JSON：id, name, date, capacity, invited, attended, after_90d
ui-key-events = 活动
ui-key-new-event = 新活动
ui-key-mark-came = 到场 / 未到
ui-key-invite = 邀请
ui-key-invite-channel = 短信 / 电子邮件
ui-key-invite-write = 邀请并写出名单
ui-key-mark-picked = 参加了这个活动
ui-key-came-to-event = 参加了今天的活动
ui-key-back-to-events = 返回活动
ui-help-title-events = 帮助：活动
ui-help-intro-events = 会员活动：工作坊、品鉴会、读书时间。每行显示日期、邀请人数与容量、到场人数。n 添加活动；Enter 打开活动。
ui-help-title-event = 帮助：活动详情
ui-help-intro-event = 谁受邀、谁到场，以及活动后 90 天：到场会员平均每人的到店次数和消费，与未受邀的活跃会员对比。i 邀请分组中同意该渠道的会员并写出联系人名单；空格键标记谁到场。
ui-help-title-event-pick = 帮助：选择活动
ui-help-intro-event-pick = 选择会员参加的活动；Enter 进行标记。
ui-help-events = 活动页面
ui-help-events-form = 新活动
ui-help-event = 活动详情
ui-help-event-invite = 邀请分组
ui-help-event-pick = 选择活动
ui-events-title = 会员活动
ui-events-loading = 正在读取活动…
ui-events-empty = 还没有活动：按 n 添加（名称、日期、可参加人数）。
ui-events-col-date = 日期
ui-events-col-name = 活动
ui-events-col-invited = 已邀请
ui-events-col-came = 已到场
ui-events-form-title = 新活动
event-field-capacity = 容量
ui-events-capacity-hint = 留空：不限
ui-events-added = 已添加 { $name }，日期 { $date }
ui-event-loading = 正在计算活动后 90 天…
ui-event-guests = 受邀与到场
ui-event-no-guests = 还没有人受邀或到场：按 i 邀请分组。
ui-event-not-invited = 未受邀
ui-event-invite-title = 邀请参加 { $name }
ui-event-invite-segment = 分组
ui-event-invite-channel = 渠道
ui-event-invite-example = 已保存分组的名称或表达式，例如 pet=dog and children。只邀请同意该渠道的会员。
ui-event-invite-saved = 已保存的分组：{ $names }。只邀请同意该渠道的会员。
ui-event-pick-title = 会员参加了哪个活动？
ui-event-pick-none = 还没有活动：请在活动页面添加（在柜台列表按 e）。

# notestui16
ui-key-add-note = 加备注
ui-key-resolve-note = 处理请求/投诉
ui-key-note-kind-note = 备注
ui-key-note-kind-request = 请求
ui-key-note-kind-complaint = 投诉
ui-key-pick-open-note = 选择
ui-key-resolve-save = 处理
ui-help-note-kind = 新备注：选择类型
ui-help-note-text = 输入备注
ui-help-note-resolve = 处理请求或投诉
ui-note-add-title = 给 { $name } 的备注
ui-note-kind-title = 给 { $name } 的{ $kind }
ui-note-resolve-title = 处理 { $name } 的事项
ui-note-what-was-done = 做了什么
ui-note-which-kind = 是什么？按一个键：
ui-note-kind-esc = Esc：不加备注
ui-note-hint-note = 关于他们要记住的事
ui-note-hint-request = 他们要求的事；办好前一直未处理
ui-note-hint-complaint = 出了问题；处理前一直未处理
ui-note-which-open = 哪一项（↑↓）：
ui-note-added = 已在 { $name } 的会员卡上保存{ $kind }
ui-note-resolved = 已处理 { $name } 的{ $kind }；它仍留在备注里
ui-note-none-open = 没有未处理的请求或投诉
ui-note-open-mark = ⚑
ui-card-notes = 服务备注
ui-card-notes-hint = n 加备注，t 处理
ui-card-open-complaints = { $count ->
   *[other] ⚑ { $count } 个未处理投诉
}
ui-card-open-requests = { $count ->
   *[other] ⚑ { $count } 个未处理请求
}
ui-review-tab-open-notes = 未处理
ui-review-open-notes-intro = 未处理的请求和投诉，等得最久的在前
ui-review-no-open-notes = 没有等待中的请求或投诉：都已处理。
ui-review-col-open-since = 开始于
ui-review-open-notes-hint = Enter 打开会员卡；在卡上按 t 处理并写下做了什么

# referral16
signup-found-us = 如何得知本店
signup-found-us-title = 顾客是如何得知本店的？
signup-found-us-placeholder = 会员的部分名字、电话、卡号或电子邮件
signup-found-us-members = 由会员推荐
signup-found-us-sources = 或通过以下途径
signup-found-us-hint = 输入名字，空格：列表
signup-found-us-brought = 推荐人
signup-found-us-bonus = { $referrer } 推荐了 { $name }：双方都已获得推荐奖励（{ $points } 积分）。
signup-found-us-noted = 已记录 { $referrer } 推荐了 { $name }。
signup-found-us-key-list = 列表
signup-found-us-key-pick = 选择
signup-found-us-help = 在“如何得知本店”一行
signup-found-us-help-pick = 选择如何得知本店
stats-screen-chart-churn-title = 每月流失率
stats-screen-chart-nps-title = 每月 NPS
stats-screen-chart-churn = 流失率
stats-screen-chart-nps = NPS
stats-screen-key-period = 期间
stats-screen-key-sources = 来源
stats-screen-key-figures = 数据
stats-screen-key-show = 显示
stats-screen-help-sources = 在来源页面
stats-screen-help-period = 输入期间时
stats-period-title = 期间
stats-period-from = 从
stats-period-to = 到
stats-period-hint = 日期写法如 { $example } 或 2025-11-24。
stats-period-bad-date = { $field }：“{ $value }”不是日期；请写成 { $example } 的样式
stats-period-after-today = { $field }：期间不能在今天（{ $today }）之后结束
stats-period-order = { $from_field }（{ $from }）晚于{ $to_field }（{ $to }）
stats-sources-none = 本期间没有新会员说明来源。
stats-sources-col-source = 来源
stats-sources-col-new = 新会员
stats-sources-col-spend = 12 个月消费
stats-referrers-col-member = 会员
stats-referrers-col-brought = 推荐人数
stats-referrers-none = 本期间没有由会员推荐的新会员。

# square17
ui-unmatched-till-customer = 收银顾客 { $id }
import-note-unknown-zone = 第 { $line } 行：{ $column }“{ $value }”不是本应用认识的时区；其中的收据按所写时间保存，没有 UTC 时间。

# stats events page
stats-screen-key-events = 活动
stats-screen-help-events = 活动页
stats-events = 本期的会员活动，以及每次活动后的 90 天
stats-events-none = 本期没有活动（在柜台列表按 e 添加）。
stats-events-line = { $date } · { $name } · { $counts }

# mapping17
import-err-near-miss = { $path } 看起来是 { $format } 导出文件，但缺少列 { $missing }：{ $hint }；未存储任何内容。
import-hint-square-columns = 导出前请在 Square 后台显示所有列
import-hint-all-columns = 请带上所有列重新导出，或用 --map receipt=COLUMN,time=COLUMN,total=COLUMN 说明每一列是什么
import-export-square-items = Square Item Sales
import-export-square-transactions = Square Transactions
import-export-loyverse-receipts = Loyverse Receipts
import-export-loyverse-items = Loyverse Receipts by item
import-export-shopify-orders = Shopify Orders
import-export-odoo-pos = Odoo Point of Sale
import-export-sumup = SumUp Transactions
import-export-mobilepay = MobilePay
import-export-zettle = Zettle
import-err-map-role = --map 中的“{ $value }”不是 角色=列 的形式，角色须为 receipt、time、total、item、qty、amount、kind、phone、email、card 之一（每个只能一次）。
import-err-map-missing = --map 没有说明哪一列是 { $role }：receipt、time 和 total 是必需的。
import-err-map-column = { $path } 没有“{ $column }”列（--map 中为 { $role } 指定）；未存储任何内容。
import-err-map-twice = --map 中“{ $column }”列被指定给了两个角色。

# the import screen's mapping step
ui-map-unknown = { $file } 不是本应用认识的导出文件。请说明每一列是什么（* 为必填）；下面的前几行显示文件将如何被读取。
ui-map-near-miss = { $file } 看起来像 { $format } 导出文件，但缺少 { $missing }。请带上所有列重新导出，或在这里说明每一列是什么（* 为必填）。
ui-map-near-miss-square = { $file } 看起来像 { $format } 导出文件，但缺少 { $missing }：导出前请在 Square 后台显示所有列，或在这里说明每一列是什么（* 为必填）。
ui-map-role-receipt = 收据编号
ui-map-role-time = 日期和时间
ui-map-role-total = 总额
ui-map-role-item = 商品
ui-map-role-qty = 数量
ui-map-role-amount = 行金额
ui-map-role-kind = 销售或退款字样
ui-map-role-phone = 电话
ui-map-role-email = 电子邮件
ui-map-role-card = 会员卡
ui-map-none = 无
ui-map-col-line = 行
ui-map-col-receipt = 收据
ui-map-col-date = 日期
ui-map-col-total = 总额
ui-map-col-customer = 顾客
ui-map-missing = 请用 ←→ 选择“{ $role }”所在的列：没有它就无法读取这些行。
ui-map-rejected = { $count ->
   *[other] 其中 { $count } 行无法读取，将被跳过：是不是选错了列？
}
ui-map-ready = 按 Enter 导入文件；列的对应关系会保存，下次遇到相同列的文件直接使用。
ui-map-needed = “{ $role }”为必填：请先用 ←→ 选择它所在的列。
ui-key-map-role = 字段
ui-key-map-column = 列
ui-key-map-none = 不选列
ui-key-map-import = 导入
ui-map-by-hand = 请说明 { $file } 的每一列是什么（* 为必填）；下面几行显示它将如何被读取，按 Enter 会保存这个对应关系。
ui-map-no-header = { $file } 没有写明至少三列名称的标题行，无法说明它的列。
ui-key-map-columns = 说明每一列是什么
ui-help-import-mapping = 说明每一列是什么

# 连锁店（同步）
help-sync = 将本分店的更改发送到连锁服务器，并获取其他分店的更改（需要在配置中设置 [sync] url 和 shop）
help-sync-init = 在服务器上创建连锁的数据表，或将其更新（每个连锁一次，更新应用后再运行一次）
help-sync-json = 输出 JSON：分店、服务器（不含密码）、按类别的发送和接收数量
err-sync-no-url = 本店不属于任何连锁：请在配置中设置 [sync] url = "postgres://user:password@host/db"（或 REGULARS_SYNC_URL）。
err-sync-no-shop = 本分店在连锁中没有名称：请在配置中设置 [sync] shop = "Harbour"（或 REGULARS_SHOP）。
err-sync-unreachable = 无法连接连锁服务器 { $server }：{ $reason }。未同步任何内容；本店照常工作。
err-sync-server = 连锁服务器 { $server } 出错：{ $reason }。之前已同步的内容保留；请稍后再次同步。
err-sync-no-schema = 连锁服务器 { $server } 上还没有 regulars 的数据表（或版本较旧）：请运行一次 `regulars sync --init`。
err-sync-server-newer = 连锁服务器由更新版本的 regulars 设置（连锁架构 { $found }；本应用最高支持 { $known }）。请更新应用；未作任何更改。
err-sync-stopped = 同步已停止；已同步的内容保留，下次同步会完成其余部分。
cli-sync-init-new = 连锁的数据表已在 { $server } 上就绪。
cli-sync-init-current = { $server } 上连锁的数据表已是最新。
cli-sync-init-migrated = { $server } 上连锁的数据表已更新。
cli-sync-done = 分店 { $shop } 已与 { $server } 同步
cli-sync-sent = 已发送：{ $what }
cli-sync-received = 已接收：{ $what }
cli-sync-nothing = 无
cli-sync-list-separator = {"，"}
cli-sync-progress-push = 发送中
cli-sync-progress-pull = 接收中
cli-sync-members = { $count ->
   *[other] { $count } 位会员
}
cli-sync-receipts = { $count ->
   *[other] { $count } 张收据
}
cli-sync-ledger = { $count ->
   *[other] { $count } 条积分记录
}
cli-sync-consents = { $count ->
   *[other] { $count } 条同意记录
}
cli-sync-family = { $count ->
   *[other] { $count } 个孩子和宠物
}
cli-sync-notes = { $count ->
   *[other] { $count } 条服务备注
}
cli-sync-contacts = { $count ->
   *[other] { $count } 条联系记录
}
cli-sync-feedback = { $count ->
   *[other] { $count } 条反馈答复
}
cli-sync-events = { $count ->
   *[other] { $count } 条活动记录
}
cli-sync-erasures = { $count ->
   *[other] { $count } 次删除
}
cli-sync-merges = { $count ->
   *[other] { $count } 次合并
}
cli-sync-suppression = { $count ->
   *[other] { $count } 条勿联系记录
}

## The chain's sync in the title bar
ui-sync-starting = 正在同步…
ui-sync-just-now = 刚刚已同步
ui-sync-synced = { $minutes ->
   *[other] { $minutes } 分钟前已同步
}
ui-sync-offline = 自 { $time } 起离线
ui-sync-failed = 未能与连锁同步；本店照常工作，稍后会再试：{ $detail }
