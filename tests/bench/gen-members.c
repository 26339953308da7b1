/* gen-members -- write N generated members as a canonical members CSV to
 * stdout, the same bytes for the same N and SEED on any machine. */
#include "tests/bench/bench.h"

struct gen_name {
	const char	*kanji;
	const char	*kana;
	const char	*romaji;
};

/* Surnames, most common first (the pick favours the head of the list);
 * the last four are variant-kanji spellings search must fold. */
static const struct gen_name gen_surnames[] = {
	{ "佐藤", "サトウ", "sato" },
	{ "鈴木", "スズキ", "suzuki" },
	{ "高橋", "タカハシ", "takahashi" },
	{ "田中", "タナカ", "tanaka" },
	{ "伊藤", "イトウ", "ito" },
	{ "渡辺", "ワタナベ", "watanabe" },
	{ "山本", "ヤマモト", "yamamoto" },
	{ "中村", "ナカムラ", "nakamura" },
	{ "小林", "コバヤシ", "kobayashi" },
	{ "加藤", "カトウ", "kato" },
	{ "吉田", "ヨシダ", "yoshida" },
	{ "山田", "ヤマダ", "yamada" },
	{ "佐々木", "ササキ", "sasaki" },
	{ "山口", "ヤマグチ", "yamaguchi" },
	{ "松本", "マツモト", "matsumoto" },
	{ "井上", "イノウエ", "inoue" },
	{ "木村", "キムラ", "kimura" },
	{ "林", "ハヤシ", "hayashi" },
	{ "斎藤", "サイトウ", "saito" },
	{ "清水", "シミズ", "shimizu" },
	{ "山崎", "ヤマザキ", "yamazaki" },
	{ "森", "モリ", "mori" },
	{ "池田", "イケダ", "ikeda" },
	{ "橋本", "ハシモト", "hashimoto" },
	{ "阿部", "アベ", "abe" },
	{ "石川", "イシカワ", "ishikawa" },
	{ "山下", "ヤマシタ", "yamashita" },
	{ "中島", "ナカジマ", "nakajima" },
	{ "石井", "イシイ", "ishii" },
	{ "小川", "オガワ", "ogawa" },
	{ "前田", "マエダ", "maeda" },
	{ "岡田", "オカダ", "okada" },
	{ "長谷川", "ハセガワ", "hasegawa" },
	{ "藤田", "フジタ", "fujita" },
	{ "後藤", "ゴトウ", "goto" },
	{ "近藤", "コンドウ", "kondo" },
	{ "村上", "ムラカミ", "murakami" },
	{ "遠藤", "エンドウ", "endo" },
	{ "青木", "アオキ", "aoki" },
	{ "坂本", "サカモト", "sakamoto" },
	{ "斉藤", "サイトウ", "saito" },
	{ "福田", "フクダ", "fukuda" },
	{ "太田", "オオタ", "ota" },
	{ "西村", "ニシムラ", "nishimura" },
	{ "藤井", "フジイ", "fujii" },
	{ "金子", "カネコ", "kaneko" },
	{ "岡本", "オカモト", "okamoto" },
	{ "藤原", "フジワラ", "fujiwara" },
	{ "中野", "ナカノ", "nakano" },
	{ "三浦", "ミウラ", "miura" },
	{ "原田", "ハラダ", "harada" },
	{ "中川", "ナカガワ", "nakagawa" },
	{ "松田", "マツダ", "matsuda" },
	{ "竹内", "タケウチ", "takeuchi" },
	{ "小野", "オノ", "ono" },
	{ "田村", "タムラ", "tamura" },
	{ "中山", "ナカヤマ", "nakayama" },
	{ "和田", "ワダ", "wada" },
	{ "石田", "イシダ", "ishida" },
	{ "森田", "モリタ", "morita" },
	{ "上田", "ウエダ", "ueda" },
	{ "原", "ハラ", "hara" },
	{ "内田", "ウチダ", "uchida" },
	{ "柴田", "シバタ", "shibata" },
	{ "酒井", "サカイ", "sakai" },
	{ "宮崎", "ミヤザキ", "miyazaki" },
	{ "横山", "ヨコヤマ", "yokoyama" },
	{ "高木", "タカギ", "takagi" },
	{ "安藤", "アンドウ", "ando" },
	{ "宮本", "ミヤモト", "miyamoto" },
	{ "大野", "オオノ", "ono" },
	{ "小島", "コジマ", "kojima" },
	{ "谷口", "タニグチ", "taniguchi" },
	{ "今井", "イマイ", "imai" },
	{ "工藤", "クドウ", "kudo" },
	{ "高田", "タカダ", "takada" },
	{ "増田", "マスダ", "masuda" },
	{ "丸山", "マルヤマ", "maruyama" },
	{ "杉山", "スギヤマ", "sugiyama" },
	{ "村田", "ムラタ", "murata" },
	{ "大塚", "オオツカ", "otsuka" },
	{ "新井", "アライ", "arai" },
	{ "小山", "コヤマ", "koyama" },
	{ "平野", "ヒラノ", "hirano" },
	{ "藤本", "フジモト", "fujimoto" },
	{ "河野", "コウノ", "kono" },
	{ "上野", "ウエノ", "ueno" },
	{ "野口", "ノグチ", "noguchi" },
	{ "武田", "タケダ", "takeda" },
	{ "松井", "マツイ", "matsui" },
	{ "千葉", "チバ", "chiba" },
	{ "岩崎", "イワサキ", "iwasaki" },
	{ "菅原", "スガワラ", "sugawara" },
	{ "木下", "キノシタ", "kinoshita" },
	{ "久保", "クボ", "kubo" },
	{ "佐野", "サノ", "sano" },
	{ "野村", "ノムラ", "nomura" },
	{ "松尾", "マツオ", "matsuo" },
	{ "市川", "イチカワ", "ichikawa" },
	{ "菊地", "キクチ", "kikuchi" },
	{ "杉本", "スギモト", "sugimoto" },
	{ "古川", "フルカワ", "furukawa" },
	{ "大西", "オオニシ", "onishi" },
	{ "島田", "シマダ", "shimada" },
	{ "水野", "ミズノ", "mizuno" },
	{ "桜井", "サクライ", "sakurai" },
	{ "高野", "タカノ", "takano" },
	{ "渡部", "ワタナベ", "watanabe" },
	{ "吉川", "ヨシカワ", "yoshikawa" },
	{ "山内", "ヤマウチ", "yamauchi" },
	{ "西田", "ニシダ", "nishida" },
	{ "飯田", "イイダ", "iida" },
	{ "菊池", "キクチ", "kikuchi" },
	{ "西川", "ニシカワ", "nishikawa" },
	{ "小松", "コマツ", "komatsu" },
	{ "北村", "キタムラ", "kitamura" },
	{ "安田", "ヤスダ", "yasuda" },
	{ "五十嵐", "イガラシ", "igarashi" },
	{ "川口", "カワグチ", "kawaguchi" },
	{ "平田", "ヒラタ", "hirata" },
	{ "関", "セキ", "seki" },
	{ "中田", "ナカタ", "nakata" },
	{ "久保田", "クボタ", "kubota" },
	{ "服部", "ハットリ", "hattori" },
	{ "東", "アズマ", "azuma" },
	{ "岩田", "イワタ", "iwata" },
	{ "土屋", "ツチヤ", "tsuchiya" },
	{ "川崎", "カワサキ", "kawasaki" },
	{ "福島", "フクシマ", "fukushima" },
	{ "本田", "ホンダ", "honda" },
	{ "辻", "ツジ", "tsuji" },
	{ "樋口", "ヒグチ", "higuchi" },
	{ "秋山", "アキヤマ", "akiyama" },
	{ "田口", "タグチ", "taguchi" },
	{ "永井", "ナガイ", "nagai" },
	{ "山中", "ヤマナカ", "yamanaka" },
	{ "中西", "ナカニシ", "nakanishi" },
	{ "吉村", "ヨシムラ", "yoshimura" },
	{ "川上", "カワカミ", "kawakami" },
	{ "大橋", "オオハシ", "ohashi" },
	{ "石原", "イシハラ", "ishihara" },
	{ "松岡", "マツオカ", "matsuoka" },
	{ "浅野", "アサノ", "asano" },
	{ "荒木", "アラキ", "araki" },
	{ "大久保", "オオクボ", "okubo" },
	{ "熊谷", "クマガイ", "kumagai" },
	{ "野田", "ノダ", "noda" },
	{ "片山", "カタヤマ", "katayama" },
	{ "星野", "ホシノ", "hoshino" },
	{ "宮田", "ミヤタ", "miyata" },
	{ "岡崎", "オカザキ", "okazaki" },
	{ "望月", "モチヅキ", "mochizuki" },
	{ "髙橋", "タカハシ", "takahashi" },
	{ "山﨑", "ヤマザキ", "yamazaki" },
	{ "渡邊", "ワタナベ", "watanabe" },
	{ "齋藤", "サイトウ", "saito" },
};

static const struct gen_name gen_given[] = {
	{ "太郎", "タロウ", "taro" },
	{ "一郎", "イチロウ", "ichiro" },
	{ "健太", "ケンタ", "kenta" },
	{ "翔太", "ショウタ", "shota" },
	{ "大輔", "ダイスケ", "daisuke" },
	{ "拓也", "タクヤ", "takuya" },
	{ "直樹", "ナオキ", "naoki" },
	{ "浩二", "コウジ", "koji" },
	{ "健一", "ケンイチ", "kenichi" },
	{ "誠", "マコト", "makoto" },
	{ "隆", "タカシ", "takashi" },
	{ "博", "ヒロシ", "hiroshi" },
	{ "茂", "シゲル", "shigeru" },
	{ "清", "キヨシ", "kiyoshi" },
	{ "明", "アキラ", "akira" },
	{ "修", "オサム", "osamu" },
	{ "進", "ススム", "susumu" },
	{ "勇", "イサム", "isamu" },
	{ "実", "ミノル", "minoru" },
	{ "豊", "ユタカ", "yutaka" },
	{ "和夫", "カズオ", "kazuo" },
	{ "正人", "マサト", "masato" },
	{ "達也", "タツヤ", "tatsuya" },
	{ "哲也", "テツヤ", "tetsuya" },
	{ "和也", "カズヤ", "kazuya" },
	{ "雄一", "ユウイチ", "yuichi" },
	{ "洋平", "ヨウヘイ", "yohei" },
	{ "亮", "リョウ", "ryo" },
	{ "翔", "ショウ", "sho" },
	{ "大樹", "ダイキ", "daiki" },
	{ "蓮", "レン", "ren" },
	{ "悠真", "ユウマ", "yuma" },
	{ "陽翔", "ハルト", "haruto" },
	{ "湊", "ミナト", "minato" },
	{ "颯太", "ソウタ", "sota" },
	{ "大翔", "ヒロト", "hiroto" },
	{ "悠斗", "ユウト", "yuto" },
	{ "陸", "リク", "riku" },
	{ "樹", "イツキ", "itsuki" },
	{ "蒼", "アオイ", "aoi" },
	{ "智也", "トモヤ", "tomoya" },
	{ "慎一", "シンイチ", "shinichi" },
	{ "俊介", "シュンスケ", "shunsuke" },
	{ "圭介", "ケイスケ", "keisuke" },
	{ "康弘", "ヤスヒロ", "yasuhiro" },
	{ "秀樹", "ヒデキ", "hideki" },
	{ "賢治", "ケンジ", "kenji" },
	{ "雅之", "マサユキ", "masayuki" },
	{ "敏夫", "トシオ", "toshio" },
	{ "光男", "ミツオ", "mitsuo" },
	{ "勝", "マサル", "masaru" },
	{ "武", "タケシ", "takeshi" },
	{ "剛", "ツヨシ", "tsuyoshi" },
	{ "学", "マナブ", "manabu" },
	{ "稔", "ミノル", "minoru" },
	{ "弘", "ヒロシ", "hiroshi" },
	{ "裕太", "ユウタ", "yuta" },
	{ "涼介", "リョウスケ", "ryosuke" },
	{ "航", "ワタル", "wataru" },
	{ "信也", "シンヤ", "shinya" },
	{ "純一", "ジュンイチ", "junichi" },
	{ "英樹", "ヒデキ", "hideki" },
	{ "克也", "カツヤ", "katsuya" },
	{ "孝", "タカシ", "takashi" },
	{ "伸二", "シンジ", "shinji" },
	{ "聡", "サトシ", "satoshi" },
	{ "徹", "トオル", "toru" },
	{ "淳", "ジュン", "jun" },
	{ "陽介", "ヨウスケ", "yosuke" },
	{ "義男", "ヨシオ", "yoshio" },
	{ "花子", "ハナコ", "hanako" },
	{ "恵子", "ケイコ", "keiko" },
	{ "洋子", "ヨウコ", "yoko" },
	{ "幸子", "サチコ", "sachiko" },
	{ "和子", "カズコ", "kazuko" },
	{ "節子", "セツコ", "setsuko" },
	{ "京子", "キョウコ", "kyoko" },
	{ "美智子", "ミチコ", "michiko" },
	{ "久美子", "クミコ", "kumiko" },
	{ "由美子", "ユミコ", "yumiko" },
	{ "真由美", "マユミ", "mayumi" },
	{ "裕子", "ユウコ", "yuko" },
	{ "智子", "トモコ", "tomoko" },
	{ "直美", "ナオミ", "naomi" },
	{ "明美", "アケミ", "akemi" },
	{ "陽子", "ヨウコ", "yoko" },
	{ "恵美", "エミ", "emi" },
	{ "純子", "ジュンコ", "junko" },
	{ "美穂", "ミホ", "miho" },
	{ "愛", "アイ", "ai" },
	{ "舞", "マイ", "mai" },
	{ "彩", "アヤ", "aya" },
	{ "麻衣", "マイ", "mai" },
	{ "沙織", "サオリ", "saori" },
	{ "香織", "カオリ", "kaori" },
	{ "奈々", "ナナ", "nana" },
	{ "美咲", "ミサキ", "misaki" },
	{ "優子", "ユウコ", "yuko" },
	{ "由香", "ユカ", "yuka" },
	{ "理恵", "リエ", "rie" },
	{ "千尋", "チヒロ", "chihiro" },
	{ "綾香", "アヤカ", "ayaka" },
	{ "葵", "アオイ", "aoi" },
	{ "結衣", "ユイ", "yui" },
	{ "陽菜", "ヒナ", "hina" },
	{ "凛", "リン", "rin" },
	{ "芽依", "メイ", "mei" },
	{ "結菜", "ユイナ", "yuina" },
	{ "咲良", "サクラ", "sakura" },
	{ "さくら", "サクラ", "sakura" },
	{ "美月", "ミツキ", "mitsuki" },
	{ "莉子", "リコ", "riko" },
	{ "杏", "アン", "an" },
	{ "紬", "ツムギ", "tsumugi" },
	{ "楓", "カエデ", "kaede" },
	{ "遥", "ハルカ", "haruka" },
	{ "七海", "ナナミ", "nanami" },
	{ "菜々子", "ナナコ", "nanako" },
	{ "晴美", "ハルミ", "harumi" },
	{ "典子", "ノリコ", "noriko" },
	{ "弘子", "ヒロコ", "hiroko" },
	{ "文子", "フミコ", "fumiko" },
	{ "順子", "ジュンコ", "junko" },
	{ "良子", "ヨシコ", "yoshiko" },
	{ "静香", "シズカ", "shizuka" },
	{ "瞳", "ヒトミ", "hitomi" },
	{ "恵", "メグミ", "megumi" },
	{ "望", "ノゾミ", "nozomi" },
	{ "亜希子", "アキコ", "akiko" },
	{ "真理子", "マリコ", "mariko" },
	{ "千夏", "チナツ", "chinatsu" },
	{ "友美", "トモミ", "tomomi" },
	{ "加奈子", "カナコ", "kanako" },
	{ "里美", "サトミ", "satomi" },
	{ "紀子", "ノリコ", "noriko" },
	{ "正子", "マサコ", "masako" },
	{ "美紀", "ミキ", "miki" },
	{ "由紀", "ユキ", "yuki" },
	{ "茜", "アカネ", "akane" },
	{ "桃子", "モモコ", "momoko" },
	{ "絵美", "エミ", "emi" },
	{ "麻美", "アサミ", "asami" },
	{ "優花", "ユウカ", "yuka" },
	{ "琴音", "コトネ", "kotone" },
	{ "心春", "コハル", "koharu" },
	{ "詩織", "シオリ", "shiori" },
	{ "梓", "アズサ", "azusa" },
	{ "若菜", "ワカナ", "wakana" },
	{ "涼子", "リョウコ", "ryoko" },
	{ "翔子", "ショウコ", "shoko" },
	{ "史子", "フミコ", "fumiko" },
};

#define GEN_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *gen_domains[] = {
	"example.jp", "example.co.jp", "example.ne.jp", "example.or.jp",
	"example.com", "mail.example.jp",
};

/* Prefecture and city; a town and a block number follow. */
static const char *gen_cities[] = {
	"東京都千代田区", "東京都新宿区", "東京都世田谷区", "東京都八王子市",
	"神奈川県横浜市中区", "神奈川県川崎市高津区", "埼玉県さいたま市浦和区",
	"千葉県千葉市中央区", "千葉県船橋市", "大阪府大阪市北区",
	"大阪府堺市堺区", "京都府京都市中京区", "兵庫県神戸市中央区",
	"愛知県名古屋市中区", "北海道札幌市中央区", "宮城県仙台市青葉区",
	"福岡県福岡市博多区", "広島県広島市中区", "静岡県静岡市葵区",
	"新潟県新潟市中央区", "長野県松本市", "岡山県岡山市北区",
	"熊本県熊本市中央区", "沖縄県那覇市",
};

static const char *gen_towns[] = {
	"本町", "中央", "緑が丘", "栄町", "旭町", "桜木町", "若葉", "東町",
	"西新町", "南台", "北沢", "大手町", "青葉台", "富士見", "松が枝町",
	"港町", "幸町", "柳町",
};

static const char *gen_buildings[] = {
	"サンカビル", "グリーンハイツ", "コーポ山手", "メゾン桜",
	"第二ビル", "パークサイド",
};

static const char *gen_org_stems[] = {
	"さくら", "みらい", "東都", "北辰", "青葉", "日本橋", "中央", "大和",
	"富士", "光陽", "三和", "新星", "朝日", "明和", "丸の内", "東洋",
	"西日本", "北海", "関東", "湘南", "信州", "瀬戸内", "九州", "平和",
	"協和", "誠和", "共栄", "大同", "太平洋", "ひまわり",
};

static const char *gen_org_kinds[] = {
	"商事", "工業", "電機", "物産", "建設", "印刷", "運輸", "ソフト",
	"システムズ", "食品", "製作所", "不動産", "薬品", "総研",
};

static const char *gen_org_npo[] = {
	"福祉会", "教育研究会", "まちづくり協会", "文化振興会", "環境ネット",
	"子ども支援センター",
};

static const char *gen_universities[] = {
	"東都大学", "青葉大学", "湘南工科大学", "北辰大学", "信州国際大学",
	"九州文化大学", "大和女子大学", "瀬戸内大学",
};

static const char *gen_notes[] = {
	"年会費納入済み", "理事の紹介", "住所変更あり", "メール不達のため郵送",
	"懇親会のみ参加希望", "車椅子を利用", "領収書の宛名は会社名で",
	"平日夜のみ連絡可", "旧姓で登録", "会報は電子版を希望",
	"2025年度より休会予定", "ボランティア登録あり",
};

/* The rare notes a CSV reader must get right. */
static const char *gen_notes_comma[] = {
	"資料送付先は自宅, 平日のみ連絡可", "所属変更予定, 確認中",
};
static const char *gen_notes_quote[] = {
	"会報 \"さんか通信\" を郵送希望", "\"至急\" 連絡のこと",
};
static const char *gen_notes_newline[] = {
	"前回欠席\n次回は参加予定", "住所確認済み\n電話番号は未確認",
};

static const char *gen_event_kinds[] = {
	"総会", "定例セミナー", "交流会", "勉強会", "講演会", "研修会",
};

static const struct gen_name *
gen_pick_name(struct bench_rng *r, const struct gen_name *t, size_t n)
{
	double	u = bench_rng_unit(r);

	/* Half uniform, half skewed to the common names at the head. */
	if (bench_rng_next(r) & 1)
		u = u * u;
	return (&t[(size_t)(u * (double)n)]);
}

static const char *
gen_pick(struct bench_rng *r, const char **t, size_t n)
{
	return (t[bench_rng_below(r, n)]);
}

/* A CSV field, quoted when it holds a comma, a quote or a line break. */
static void
gen_field(struct bench_out *o, const char *s)
{
	const char	*p;

	if (strpbrk(s, ",\"\n\r") == NULL) {
		bench_out_str(o, s);
		return;
	}
	bench_out_ch(o, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			bench_out_ch(o, '"');
		bench_out_ch(o, *p);
	}
	bench_out_ch(o, '"');
}

static void
gen_date(struct bench_out *o, struct bench_rng *r, const char *from,
    const char *to)
{
	long	a = bench_days_parse(from), b = bench_days_parse(to);
	char	d[11];

	bench_date(a + (long)bench_rng_below(r, (uint64_t)(b - a + 1)), d);
	bench_out_mem(o, d, 10);
}

static void
gen_member(struct bench_out *o, struct bench_rng *r, uint64_t i)
{
	const struct gen_name	*sur, *giv;
	const char		*sep;
	char			 id[24];
	uint64_t		 v;
	double			 u;
	int			 student;

	bench_member_id(i, id);
	sur = gen_pick_name(r, gen_surnames, GEN_NELEM(gen_surnames));
	giv = gen_pick_name(r, gen_given, GEN_NELEM(gen_given));
	v = bench_rng_below(r, 100);
	student = 0;

	/* member_id,name,kana */
	bench_out_str(o, id);
	bench_out_ch(o, ',');
	sep = v < 5 ? "\xe3\x80\x80" : v < 7 ? "" : " ";	/* U+3000 */
	bench_out_str(o, sur->kanji);
	bench_out_str(o, sep);
	bench_out_str(o, giv->kanji);
	bench_out_ch(o, ',');
	bench_out_str(o, sur->kana);
	bench_out_str(o, v < 5 ? "\xe3\x80\x80" : " ");
	bench_out_str(o, giv->kana);
	bench_out_ch(o, ',');

	/* email */
	v = bench_rng_below(r, 100);
	if (v >= 5) {
		if (v < 50) {
			bench_out_str(o, giv->romaji);
			bench_out_ch(o, '.');
			bench_out_str(o, sur->romaji);
		} else {
			bench_out_ch(o, giv->romaji[0]);
			bench_out_str(o, sur->romaji);
		}
		bench_out_uint(o, bench_rng_below(r, 1000), 0);
		bench_out_ch(o, '@');
		bench_out_str(o, gen_pick(r, gen_domains,
		    GEN_NELEM(gen_domains)));
	}
	bench_out_ch(o, ',');

	/* phone */
	v = bench_rng_below(r, 100);
	if (v < 70) {
		bench_out_str(o, v < 40 ? "090-" : v < 60 ? "080-" : "070-");
		bench_out_uint(o, bench_rng_below(r, 10000), 4);
		bench_out_ch(o, '-');
		bench_out_uint(o, bench_rng_below(r, 10000), 4);
	} else if (v < 95) {
		bench_out_str(o, v < 85 ? "03-" : "06-");
		bench_out_uint(o, bench_rng_below(r, 10000), 4);
		bench_out_ch(o, '-');
		bench_out_uint(o, bench_rng_below(r, 10000), 4);
	}
	bench_out_ch(o, ',');

	/* postal_code,address */
	bench_out_uint(o, bench_rng_below(r, 1000), 3);
	bench_out_ch(o, '-');
	bench_out_uint(o, bench_rng_below(r, 10000), 4);
	bench_out_ch(o, ',');
	bench_out_str(o, gen_pick(r, gen_cities, GEN_NELEM(gen_cities)));
	bench_out_str(o, gen_pick(r, gen_towns, GEN_NELEM(gen_towns)));
	bench_out_uint(o, 1 + bench_rng_below(r, 5), 0);
	bench_out_ch(o, '-');
	bench_out_uint(o, 1 + bench_rng_below(r, 30), 0);
	bench_out_ch(o, '-');
	bench_out_uint(o, 1 + bench_rng_below(r, 20), 0);
	if (bench_rng_below(r, 100) < 30) {
		bench_out_ch(o, ' ');
		bench_out_str(o, gen_pick(r, gen_buildings,
		    GEN_NELEM(gen_buildings)));
		bench_out_uint(o, 1 + bench_rng_below(r, 9), 0);
		bench_out_uint(o, 1 + bench_rng_below(r, 12), 2);
	}
	bench_out_ch(o, ',');

	/* organization,segment */
	v = bench_rng_below(r, 100);
	if (v < 15) {
		student = 1;
		bench_out_str(o, gen_pick(r, gen_universities,
		    GEN_NELEM(gen_universities)));
		bench_out_str(o, ",学生会員,");
	} else {
		u = bench_rng_unit(r);
		if (u < 0.45) {
			bench_out_str(o, "株式会社");
			bench_out_str(o, gen_pick(r, gen_org_stems,
			    GEN_NELEM(gen_org_stems)));
			bench_out_str(o, gen_pick(r, gen_org_kinds,
			    GEN_NELEM(gen_org_kinds)));
		} else if (u < 0.60) {
			bench_out_str(o, gen_pick(r, gen_org_stems,
			    GEN_NELEM(gen_org_stems)));
			bench_out_str(o, gen_pick(r, gen_org_kinds,
			    GEN_NELEM(gen_org_kinds)));
			bench_out_str(o, "株式会社");
		} else if (u < 0.75) {
			bench_out_str(o, bench_rng_next(r) & 1 ?
			    "NPO法人" : "一般社団法人");
			bench_out_str(o, gen_pick(r, gen_org_stems,
			    GEN_NELEM(gen_org_stems)));
			bench_out_str(o, gen_pick(r, gen_org_npo,
			    GEN_NELEM(gen_org_npo)));
		}
		bench_out_str(o, v < 85 ? ",正会員," : ",賛助会員,");
	}

	/* status,mail_opt_out,joined_on */
	v = bench_rng_below(r, 100);
	bench_out_str(o, v < 93 ? "有効" : v < 96 ? "休会" : "退会");
	bench_out_ch(o, ',');
	if (bench_rng_below(r, 100) < 4)
		bench_out_ch(o, '1');
	bench_out_ch(o, ',');
	if (student)
		gen_date(o, r, "2022-04-01", "2026-03-31");
	else
		gen_date(o, r, "2000-04-01", "2026-03-31");
	bench_out_ch(o, ',');

	/* notes: about 0.4 % hold a comma, 0.3 % a quote, 0.3 % a newline */
	v = bench_rng_below(r, 100000);
	if (v < 400)
		gen_field(o, gen_pick(r, gen_notes_comma,
		    GEN_NELEM(gen_notes_comma)));
	else if (v < 700)
		gen_field(o, gen_pick(r, gen_notes_quote,
		    GEN_NELEM(gen_notes_quote)));
	else if (v < 1000)
		gen_field(o, gen_pick(r, gen_notes_newline,
		    GEN_NELEM(gen_notes_newline)));
	else if (v < 25000)
		gen_field(o, gen_pick(r, gen_notes, GEN_NELEM(gen_notes)));
	bench_out_ch(o, ',');

	/* past_count,past_last_date,past_last_event: 30 % carried over */
	if (bench_rng_below(r, 100) < 30) {
		u = bench_rng_unit(r);
		bench_out_uint(o, 1 + (uint64_t)(u * u * 25), 0);
		bench_out_ch(o, ',');
		gen_date(o, r, "2016-04-01", "2025-03-31");
		bench_out_ch(o, ',');
		bench_out_uint(o, 2016 + bench_rng_below(r, 9), 0);
		bench_out_str(o, "年度 ");
		bench_out_str(o, gen_pick(r, gen_event_kinds,
		    GEN_NELEM(gen_event_kinds)));
	} else
		bench_out_str(o, ",,");
	bench_out_ch(o, '\n');
}

int
main(int argc, char **argv)
{
	static struct bench_out	 out;
	struct bench_rng	 r;
	uint64_t		 n, seed, i;

	if (argc != 3) {
		fprintf(stderr, "usage: gen-members N SEED > members.csv\n");
		return (2);
	}
	n = bench_arg(argv[1], "N");
	seed = bench_arg(argv[2], "SEED");
	if (n > 9999999) {
		fprintf(stderr, "gen-members: N is at most 9999999\n");
		return (2);
	}
	bench_rng_seed(&r, seed, 1);
	bench_out_str(&out, "member_id,name,kana,email,phone,postal_code,"
	    "address,organization,segment,status,mail_opt_out,joined_on,"
	    "notes,past_count,past_last_date,past_last_event\n");
	for (i = 0; i < n; i++)
		gen_member(&out, &r, i);
	bench_out_flush(&out);
	return (0);
}
