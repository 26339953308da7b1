#!/bin/sh
# demo.sh DIR -- (re)create a demo database in DIR through the command line:
# about 200 members with Japanese names, a dozen events over fiscal 2025 and
# 2026 (past ones relative to $SANKA_TODAY or today carry final statuses,
# the latest past one is still mostly pending, future ones have invitations
# and responses), and the seed member 山田 史郎 (M001: 3 from before sanka,
# E004 and E005 attended, E006 pending).  Deterministic for a given today.
# The bulk goes through the CLI's batch paths: `import` for the members and
# the records of the older events (one transaction each), `invite` with
# many members; the latest and the future events, and M001, get one
# respond/mark command per record, as staff would type them.
set -u
[ $# -eq 1 ] || { echo "usage: tests/demo.sh DIR" >&2; exit 2; }
DIR=$1
SANKA=${SANKA:-$(cd "$(dirname "$0")/.." && pwd)/sanka}
[ -x "$SANKA" ] || { echo "demo.sh: $SANKA is not built (make sanka)" >&2; exit 3; }
export TZ=${TZ:-Asia/Tokyo}
unset SANKA_DB SANKA_MAP_SIZE
export SANKA_USER=${SANKA_USER:-デモ}

# Only ever remove a directory that holds a sanka database (or nothing).
if [ -e "$DIR" ]; then
	if [ -n "$(ls -A "$DIR")" ] && [ ! -f "$DIR/data.mdb" ]; then
		echo "demo.sh: $DIR exists and is not a sanka database; not touching it" >&2
		exit 1
	fi
	rm -rf "$DIR"
fi
today=${SANKA_TODAY:-$(date +%F)}
work=$(mktemp -d "${TMPDIR:-/tmp}/sanka-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s%N)

# The generator writes shell scripts of sanka commands: members.N (four
# chunks), events, invite, and one script per event for responses and
# final statuses.  Every value is single-quoted (none holds a quote).
awk -v today="$today" -v out="$work" '
function rnd(n) {	# Park-Miller: exact in doubles, the same on every awk
	seed = (seed * 16807) % 2147483647
	return int(seed / 2147483647 * n)
}
function pick(list,    a, n) { n = split(list, a, " "); return a[1 + rnd(n)] }
function q(s) { return "\047" s "\047" }
function c(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }	# a CSV cell
BEGIN {
	seed = 20250401
	ns = split("佐藤:サトウ:sato 鈴木:スズキ:suzuki 高橋:タカハシ:takahashi " \
	    "田中:タナカ:tanaka 伊藤:イトウ:ito 渡辺:ワタナベ:watanabe " \
	    "山本:ヤマモト:yamamoto 中村:ナカムラ:nakamura " \
	    "小林:コバヤシ:kobayashi 加藤:カトウ:kato 吉田:ヨシダ:yoshida " \
	    "山田:ヤマダ:yamada 佐々木:ササキ:sasaki 山口:ヤマグチ:yamaguchi " \
	    "松本:マツモト:matsumoto 井上:イノウエ:inoue 木村:キムラ:kimura " \
	    "林:ハヤシ:hayashi 斎藤:サイトウ:saito 清水:シミズ:shimizu " \
	    "山崎:ヤマザキ:yamazaki 森:モリ:mori 池田:イケダ:ikeda " \
	    "橋本:ハシモト:hashimoto 阿部:アベ:abe 石川:イシカワ:ishikawa " \
	    "前田:マエダ:maeda 藤田:フジタ:fujita 小川:オガワ:ogawa " \
	    "岡田:オカダ:okada 後藤:ゴトウ:goto 長谷川:ハセガワ:hasegawa " \
	    "村上:ムラカミ:murakami 近藤:コンドウ:kondo 石井:イシイ:ishii " \
	    "坂本:サカモト:sakamoto 遠藤:エンドウ:endo 青木:アオキ:aoki " \
	    "藤井:フジイ:fujii 西村:ニシムラ:nishimura 髙橋:タカハシ:takahashi " \
	    "齋藤:サイトウ:saito 渡邊:ワタナベ:watanabe 山﨑:ヤマザキ:yamazaki " \
	    "金子:カネコ:kaneko 太田:オオタ:ota 三浦:ミウラ:miura", sur, " ")
	ng = split("太郎:タロウ:taro 花子:ハナコ:hanako 健一:ケンイチ:kenichi " \
	    "美咲:ミサキ:misaki 大輔:ダイスケ:daisuke 陽子:ヨウコ:yoko " \
	    "翔太:ショウタ:shota さくら:サクラ:sakura 直樹:ナオキ:naoki " \
	    "由美:ユミ:yumi 拓也:タクヤ:takuya 恵:メグミ:megumi 誠:マコト:makoto " \
	    "愛:アイ:ai 浩二:コウジ:koji 裕子:ユウコ:yuko 亮:リョウ:ryo " \
	    "真由美:マユミ:mayumi 和也:カズヤ:kazuya 智子:トモコ:tomoko " \
	    "隆:タカシ:takashi 明美:アケミ:akemi 悠斗:ユウト:yuto 結衣:ユイ:yui " \
	    "健太:ケンタ:kenta 奈々:ナナ:nana 修:オサム:osamu 千尋:チヒロ:chihiro " \
	    "学:マナブ:manabu 香織:カオリ:kaori 浩:ヒロシ:hiroshi " \
	    "久美子:クミコ:kumiko 蓮:レン:ren 葵:アオイ:aoi 正人:マサト:masato " \
	    "美穂:ミホ:miho", giv, " ")
	norg = split("株式会社みらい商事 東西電機株式会社 合同会社グリーンリーフ " \
	    "NPO法人ひまわりの会 医療法人さくら会 有限会社山本工務店 " \
	    "株式会社ネクストステージ 一般社団法人地域振興協会 北斗信用金庫 " \
	    "青葉市役所 株式会社オーシャンフーズ 社会福祉法人やまびこ", org, " ")
	nuni = split("青葉大学 東都大学 港北工業大学 緑ヶ丘短期大学", uni, " ")
	npl = split("東京都千代田区:100 東京都世田谷区:154 神奈川県横浜市中区:231 " \
	    "大阪府大阪市北区:530 埼玉県さいたま市浦和区:330 " \
	    "千葉県千葉市中央区:260 愛知県名古屋市中区:460 " \
	    "京都府京都市左京区:606 福岡県福岡市博多区:812 " \
	    "北海道札幌市中央区:060 宮城県仙台市青葉区:980", pl, " ")
	nbr = split("関東 関西 東海 九州 北海道 東北", br, " ")

	# Events: fiscal 2025 (E001-E007) and fiscal 2026 (E008-E012).
	nev = split("E001:2025-05-24:2025年度 定時総会:本部 大会議室:120|" \
	    "E002:2025-07-12:初夏の会員交流会:カフェ・ソレイユ:40|" \
	    "E003:2025-09-27:防災ワークショップ:市民活動センター 多目的室:30|" \
	    "E004:2025-11-15:秋季セミナー「地域と共に」:青葉市民会館 小ホール:80|" \
	    "E005:2026-01-18:新春講演会:ホテル青葉 鳳凰の間:100|" \
	    "E006:2026-02-20:会員交流会（2月）:本部 大会議室:50|" \
	    "E007:2026-03-14:年度末活動報告会:オンライン（Zoom）:0|" \
	    "E008:2026-05-23:2026年度 定時総会:本部 大会議室:120|" \
	    "E009:2026-07-11:夏の親子防災キャンプ:青葉の森キャンプ場:30|" \
	    "E010:2026-10-17:秋季セミナー2026:青葉市民会館 小ホール:80|" \
	    "E011:2026-12-12:年末交流会:カフェ・ソレイユ:40|" \
	    "E012:2027-02-13:新春講演会2027:ホテル青葉 鳳凰の間:100", e, "|")
	last_past = 0
	for (i = 1; i <= nev; i++) {
		split(e[i], f, ":")
		code[i] = f[1]; date[i] = f[2]
		if (date[i] <= today)
			last_past = i
		printf "sk add event --code %s --name %s --date %s --venue %s " \
		    "--capacity %s\n", q(f[1]), q(f[3]), q(f[2]), q(f[4]),
		    q(f[5]) > (out "/events")
	}

	# Members.  M001 is the README's seed member (added by a command); the
	# rest are generated into members.csv for one `import`.
	nm = 200
	printf "sk add member --id M001 --name %s --kana %s --email %s " \
	    "--phone 090-1234-5678 --postal-code 100-0001 " \
	    "--address %s --organization %s --segment 正会員 " \
	    "--joined-on 2015-04-01 --past-count 3 --past-last-date 2024-03-09 " \
	    "--past-last-event %s --attr 支部=関東\n", q("山田 史郎"),
	    q("ヤマダ シロウ"), q("shiro.yamada@example.jp"),
	    q("東京都千代田区千代田1-1"), q("株式会社みらい商事"),
	    q("2023年度 活動報告会") > (out "/seed.0")
	mcsv = out "/members.csv"
	print "member_id,name,kana,email,phone,postal_code,address," \
	    "organization,segment,status,mail_opt_out,joined_on,notes," \
	    "past_count,past_last_date,past_last_event,支部" > mcsv
	for (m = 2; m <= nm; m++) {
		split(sur[1 + rnd(ns)], s, ":")
		split(giv[1 + rnd(ng)], g, ":")
		r = rnd(100)
		if (r < 60) seg = "正会員"
		else if (r < 85) seg = "賛助会員"
		else seg = "学生会員"
		o = seg == "学生会員" ? uni[1 + rnd(nuni)] : org[1 + rnd(norg)]
		split(pl[1 + rnd(npl)], p, ":")
		pc = ""; pd = ""; pe = ""
		if (rnd(100) < 40) {	# carried over from the old Excel sheets
			pc = 1 + rnd(12)
			pd = sprintf("%04d-%02d-%02d", 2019 + rnd(6), 1 + rnd(12),
			    1 + rnd(28))
			pe = pick("定時総会 交流会 講演会 セミナー 見学会") "（旧記録）"
		}
		r = rnd(100)
		st = r < 6 ? "suspended" : r < 10 ? "left" : "active"
		active[m] = st == "active"
		printf "M%03d,%s,%s,%s,%s,%s-%04d,%s,%s,%s,%s,%s,%04d-%02d-%02d," \
		    "%s,%s,%s,%s,%s\n", m, c(s[1] " " g[1]), c(s[2] " " g[2]),
		    c(g[3] "." s[3] m "@" \
		    pick("example.jp example.com example.org")),
		    sprintf("0%d0-%04d-%04d", 7 + rnd(3), rnd(10000), rnd(10000)),
		    p[2], rnd(10000),
		    c(sprintf("%s%d-%d-%d", p[1], 1 + rnd(5), 1 + rnd(30),
		    1 + rnd(20))), c(o), seg, st, rnd(100) < 8 ? "yes" : "no",
		    2008 + rnd(18), 1 + rnd(12), 1 + rnd(28),
		    rnd(100) < 5 ? c("請求書は郵送希望。\n連絡は午後に。") : "",
		    pc, pd, c(pe), rnd(100) < 30 ? br[1 + rnd(nbr)] : "" > mcsv
	}

	# Records.  The older past events go into attendance.csv for one
	# `import` (invited a month before, with walk-ins); the latest past
	# event and the future ones get `invite` (all members at once) and one
	# respond/mark command per record.
	acsv = out "/attendance.csv"
	print "event_code,member_id,invited_on,response,status,walk_in" > acsv
	for (i = 1; i <= nev; i++) {
		bulk = date[i] <= today && i != last_past
		split(date[i], d, "-")
		inv = d[2] > 1 ? sprintf("%s-%02d-%02d", d[1], d[2] - 1,
		    d[3] > 28 ? 28 : d[3]) : sprintf("%d-12-%s", d[1] - 1, d[3])
		list = ""
		file = out "/att." code[i]
		delete seen
		for (m = 2; m <= nm; m++) {
			if (!active[m] || rnd(100) >= 30)
				continue
			id = sprintf("M%03d", m)
			seen[id] = 1
			r = rnd(100)
			resp = r < 55 ? "accepted" : r < 75 ? "declined" : \
			    r < 85 ? "tentative" : ""
			fin = ""
			# past events have finals, except most of the latest
			# one (still to do) and a few forgotten elsewhere
			if (date[i] <= today &&
			    !(i == last_past && rnd(100) < 70) &&
			    !(i != last_past && rnd(100) < 4)) {
				r = rnd(100)
				if (resp == "accepted")
					fin = r < 85 ? "attended" : r < 90 ? \
					    "no_show" : r < 95 ? "absent" : \
					    "cancelled"
				else if (resp == "declined")
					fin = "absent"
				else
					fin = r < 40 ? "attended" : r < 80 ? \
					    "absent" : "no_show"
			}
			if (bulk) {
				print code[i] "," id "," inv "," resp "," fin \
				    ",0" > acsv
				continue
			}
			list = list " " id
			if (resp != "")
				print "sk respond " code[i] " " id " " resp > file
			if (fin != "")
				print "sk mark " code[i] " " id " " fin > file
		}
		# a few walk-ins at the older events: came without an invitation
		for (k = 0; bulk && k < 2; k++) {
			id = sprintf("M%03d", 2 + rnd(nm - 1))
			if (!(id in seen))
				print code[i] "," id ",," "," "attended,1" > acsv
			seen[id] = 1
		}
		if (list != "")
			print "sk invite " code[i] list > (out "/invite")
	}
	# the seed member, as staff would type it
	print "sk invite E004 M001\nsk invite E005 M001\nsk invite E006 M001" \
	    > (out "/seed.1")
	print "sk respond E004 M001 accepted\nsk mark E004 M001 attended" > (out "/seed.1")
	print "sk respond E005 M001 accepted\nsk mark E005 M001 出席" > (out "/seed.1")
	print "sk respond E006 M001 参加予定" > (out "/seed.1")
}' </dev/null || exit 1

# run SCRIPT...: run scripts of sanka commands side by side, stop on error.
run() {
	pids=
	for f in "$@"; do
		[ -f "$f" ] || continue
		( sk() { "$SANKA" -d "$DIR" "$@" >/dev/null || exit 1; }
		  . "$f" ) &
		pids="$pids $!"
	done
	st=0
	for p in $pids; do wait "$p" || st=1; done
	[ $st -eq 0 ] || { echo "demo.sh: a sanka command failed (above)" >&2; exit 1; }
}
# import FILE: one `sanka import`; its warnings (same names) only on failure.
import() {
	"$SANKA" -d "$DIR" import "$1" >/dev/null 2>"$work/import.err" || {
		cat "$work/import.err" >&2
		echo "demo.sh: importing $1 failed" >&2; exit 1; }
}
run "$work/seed.0"
import "$work/members.csv"
run "$work/events"
import "$work/attendance.csv"
run "$work/invite"
run "$work"/att.* "$work/seed.1"

ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$SANKA" -d "$DIR" check >/dev/null || { echo "demo.sh: check failed" >&2; exit 1; }
ncmd=$(cat "$work"/seed.* "$work/events" "$work/invite" "$work"/att.* |
    grep -c '^sk ')
echo "demo database in $DIR (today $today): 1 + $(($(grep -c '^M' "$work/members.csv"))) members, $((ncmd + 2)) sanka commands (2 imports: $(grep -c '^E' "$work/attendance.csv") records) in $ms ms"
for e in $(awk '{ print $5 }' "$work/events" | tr -d "'"); do
	"$SANKA" -d "$DIR" show event "$e"
done | awk -F ': ' '
	$1 == "code" { c = $2 }
	$1 == "name" || $1 == "date" || $1 == "invited" || $1 == "accepted" ||
	    $1 == "attended" { v[$1] = $2 }
	$1 == "pending" {
		printf "  %s %s  invited %3d  accepted %3d  attended %3d  pending %3d  %s\n",
		    c, v["date"], v["invited"], v["accepted"], v["attended"], $2,
		    v["name"]
		ni += v["invited"]; na += v["attended"]; np += $2; ne++
	}
	END { printf "  %d events, %d records, %d attended, %d pending\n", ne, ni, na, np }'
echo "seed member M001:"
"$SANKA" -d "$DIR" explain M001 | sed 's/^/  /'
