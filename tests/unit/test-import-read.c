/* test-import-read.c -- encoding detection and decoding (BOM, UTF-16,
 * CP932 with NEC/IBM characters split across chunks, invalid bytes) and the
 * CSV reader's physical line numbers (quoted line feeds, CRLF, lone CR,
 * blank lines, rows across 64 KiB chunks, broken quotes). */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <csv.h>

#include "import/import-int.h"

/* --- encoding ------------------------------------------------------------ */

static void
test_sniff(void **state)
{
	unsigned char	u16[] = { 'a', 0, 'b', 0, ',', 0, 'c', 0 };

	(void)state;
	assert_int_equal(enc_sniff((const unsigned char *)"\xEF\xBB\xBFid", 5),
	    ENC_SNIFF_BOM8);
	assert_int_equal(enc_sniff((const unsigned char *)"\xFF\xFEi\0", 4),
	    ENC_SNIFF_UTF16);
	assert_int_equal(enc_sniff((const unsigned char *)"\xFE\xFF\0i", 4),
	    ENC_SNIFF_UTF16);
	assert_int_equal(enc_sniff(u16, sizeof u16), ENC_SNIFF_UTF16);
	assert_int_equal(enc_sniff((const unsigned char *)"id,name", 7),
	    ENC_SNIFF_PLAIN);
}

static bool
u8_valid(const char *s, size_t n, uint64_t *bad)
{
	struct enc_u8	st;

	enc_u8_init(&st);
	return (enc_u8_scan(&st, (const unsigned char *)s, n, true, bad));
}

static void
test_utf8(void **state)
{
	struct enc_u8	st;
	uint64_t	bad;

	(void)state;
	assert_true(u8_valid("山田 ①𠮷", strlen("山田 ①𠮷"), &bad));
	assert_false(u8_valid("\xC0\xAF", 2, &bad));		/* overlong */
	assert_int_equal(bad, 0);
	assert_false(u8_valid("ab\xED\xA0\x80", 5, &bad));	/* surrogate */
	assert_int_equal(bad, 2);
	assert_false(u8_valid("\xF4\x90\x80\x80", 4, &bad));	/* > 10FFFF */
	assert_false(u8_valid("a\xE5\xB1", 3, &bad));		/* truncated */
	assert_int_equal(bad, 1);
	/* A character split across two chunks is fine. */
	enc_u8_init(&st);
	assert_true(enc_u8_scan(&st, (const unsigned char *)"\xE5", 1, false,
	    &bad));
	assert_true(enc_u8_scan(&st, (const unsigned char *)"\xB1\xB1\n", 3,
	    true, &bad));
	assert_int_equal(st.lines, 1);
	assert_int_equal(st.multibyte, 1);
}

/* Scan N bytes of P in pieces of STEP bytes, resuming after each invalid
 * sequence as enc_guess_fd does; the bad offsets into BAD (up to 64). */
static size_t
u8_scan_all(const unsigned char *p, size_t n, size_t step, struct enc_u8 *st,
    uint64_t *bad)
{
	size_t		nbad = 0, at = 0, piece, pos;
	uint64_t	b, base;

	enc_u8_init(st);
	while (at < n) {
		piece = n - at < step ? n - at : step;
		base = st->off;
		pos = 0;
		while (!enc_u8_scan(st, p + at + pos, piece - pos,
		    at + piece == n, &b)) {
			if (nbad < 64)
				bad[nbad++] = b;
			pos = (size_t)(st->off - base);
			if (pos >= piece)
				break;
		}
		at += piece;
	}
	return (nbad);
}

/* The fast path (whole characters while 8 bytes are left) agrees with
 * the byte-at-a-time path on random mixes of ASCII, line feeds, valid and
 * invalid sequences: the same bad offsets, lines and multi-byte count. */
static void
test_utf8_fast(void **state)
{
	static const char *const pieces[] = { "a", "bc", ",", "\n", "\r\n",
	    "abcdefgh", "\xC3\xA9", "\xE5\xB1\xB1", "\xE3\x81\x82",
	    "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBD",
	    "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xC0\xAF",
	    "\xE0\x9F\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF",
	    "\x80", "\xE5\xB1", "\xC3", "\xF0\x9F\x98", "\xE5\x41\x42" };
	unsigned char	 buf[512];
	uint64_t	 bad1[64], bad2[64];
	struct enc_u8	 st1, st2;
	size_t		 n, nb1, nb2, i, k, len, steps[] = { 1, 7, 64, 512 };
	unsigned	 seed = 12345, round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		n = 0;
		for (;;) {
			seed = seed * 1103515245u + 12345u;
			/* mostly valid text, now and then a bad piece */
			k = (seed >> 16) % (round % 3 == 0 ? 24 : 14);
			len = strlen(pieces[k]);
			if (n + len > sizeof buf)
				break;
			memcpy(buf + n, pieces[k], len);
			n += len;
		}
		nb1 = u8_scan_all(buf, n, 1, &st1, bad1);
		for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
			nb2 = u8_scan_all(buf, n, steps[i], &st2, bad2);
			assert_int_equal(nb1, nb2);
			assert_memory_equal(bad1, bad2, nb1 * sizeof bad1[0]);
			assert_int_equal(st1.lines, st2.lines);
			assert_int_equal(st1.multibyte, st2.multibyte);
			assert_int_equal(st1.off, st2.off);
		}
	}
}

static void
test_cp932_chunks(void **state)
{
	/* "①髙﨑～\\\n" in CP932: 87 40, FB FC, FA B1, 81 60, 5C, 0A. */
	static const unsigned char cp[] = { 0x87, 0x40, 0xFB, 0xFC, 0xFA, 0xB1,
	    0x81, 0x60, 0x5C, 0x0A, 0xB1 };
	struct enc_dec	 dec;
	char		 all[64];
	const char	*out;
	size_t		 outlen, len = 0, i;

	(void)state;
	assert_int_equal(enc_dec_init(&dec, IMPORT_ENC_CP932, 0), 0);
	/* One byte a call: every lead byte waits for its trail. */
	for (i = 0; i < sizeof cp; i++) {
		assert_int_equal(enc_dec_feed(&dec, cp + i, 1,
		    i + 1 == sizeof cp, &out, &outlen), 0);
		memcpy(all + len, out, outlen);
		len += outlen;
	}
	all[len] = '\0';
	assert_string_equal(all, "①髙﨑～\\\nｱ");
	enc_dec_free(&dec);

	/* An invalid pair: offset and line of the bad byte. */
	assert_int_equal(enc_dec_init(&dec, IMPORT_ENC_CP932, 0), 0);
	assert_int_equal(enc_dec_feed(&dec, (const unsigned char *)"a\nb\n\x81\x20",
	    6, true, &out, &outlen), -1);
	assert_int_equal(dec.bad_off, 4);
	assert_int_equal(dec.bad_line, 3);
	enc_dec_free(&dec);
	/* A lead byte at the very end of the file is truncated. */
	assert_int_equal(enc_dec_init(&dec, IMPORT_ENC_CP932, 0), 0);
	assert_int_equal(enc_dec_feed(&dec, (const unsigned char *)"ab\x87", 3,
	    true, &out, &outlen), -1);
	assert_int_equal(dec.bad_off, 2);
	enc_dec_free(&dec);
}

/* A temporary file holding N bytes of S. */
static int
tmpfile_with(const void *s, size_t n)
{
	char	path[] = "/tmp/test-import-read.XXXXXX";
	int	fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	lseek(fd, 0, SEEK_SET);
	return (fd);
}

static void
test_guess(void **state)
{
	struct enc_guess	g;
	int			fd;
	char			big[256];

	(void)state;
	fd = tmpfile_with("id,name\n1,\x8E\x52\x93\x63\n", 16);	/* 山田 */
	assert_int_equal(enc_guess_fd(fd, &g), 0);
	assert_int_equal(g.enc, IMPORT_ENC_CP932);
	close(fd);
	fd = tmpfile_with("id,name\n1,山田\n", strlen("id,name\n1,山田\n"));
	assert_int_equal(enc_guess_fd(fd, &g), 0);
	assert_int_equal(g.enc, IMPORT_ENC_UTF8);
	close(fd);
	/* Mostly UTF-8 with one bad byte: damaged, not CP932. */
	snprintf(big, sizeof big, "id,name\n1,山田太郎山田太郎山田太郎\n2,\xFF\n");
	fd = tmpfile_with(big, strlen(big));
	assert_int_equal(enc_guess_fd(fd, &g), 0);
	assert_true(g.damaged_utf8);
	assert_int_equal(g.bad_line, 3);
	close(fd);
}

/* --- the reader ---------------------------------------------------------- */

struct got {
	size_t		n;
	uint64_t	line[64];
	size_t		cells[64];
	char		first[64][32];
	char		msgs[1024];
};

static int
got_row(void *arg, const struct csvr_row *r)
{
	struct got	*g = arg;

	if (g->n < 64) {
		g->line[g->n] = r->line;
		g->cells[g->n] = r->n;
		snprintf(g->first[g->n], sizeof g->first[0], "%s",
		    r->n > 0 ? r->cell[0] : "");
		g->n++;
	}
	return (0);
}

static void
got_msg(enum import_msg kind, const char *line, void *arg)
{
	struct got	*g = arg;

	(void)kind;
	strncat(g->msgs, line, sizeof g->msgs - strlen(g->msgs) - 2);
	strcat(g->msgs, "\n");
}

static void
got_msg_ignore(enum import_msg kind, const char *line, void *arg)
{
	(void)kind;
	(void)line;
	(void)arg;
}

static int
read_str(const void *s, size_t n, enum import_encoding enc, struct got *g)
{
	static const char *const files[] = { "t.csv" };
	struct diag		 d;
	struct csvr_info	 info;
	int			 fd = tmpfile_with(s, n), rc;

	memset(g, 0, sizeof *g);
	diag_init(&d, files, got_msg, g);
	rc = csvr_read(fd, 0, enc, got_row, NULL, g, &info, &d);
	diag_flush(&d);
	close(fd);
	return (rc);
}

static void
test_lines(void **state)
{
	static const char csv[] =
	    "id,note\r\n"			/* 1 */
	    "a,\"x\r\ny\r\nz\"\r\n"		/* 2-4 */
	    "\r\n"				/* 5 blank */
	    ",\r\n"				/* 6 all empty */
	    "b,plain\r"				/* 7 lone CR */
	    "c,\"\"\"q\"\"\"\n"			/* 8 */
	    "\n\n"				/* 9, 10 */
	    "  d,last";				/* 11, no final LF */
	struct got	g;

	(void)state;
	assert_int_equal(read_str(csv, sizeof csv - 1, IMPORT_ENC_UTF8, &g), 0);
	assert_int_equal(g.n, 6);
	assert_int_equal(g.line[0], 1);
	assert_int_equal(g.line[1], 2);
	assert_string_equal(g.first[1], "a");
	assert_int_equal(g.line[2], 6);
	assert_int_equal(g.line[3], 7);
	assert_int_equal(g.line[4], 8);
	assert_int_equal(g.line[5], 11);
	assert_string_equal(g.first[5], "d");
	assert_string_equal(g.msgs, "");
}

static void
test_chunks(void **state)
{
	/* A quoted cell with line feeds straddles the 64 KiB boundary, and
	 * the BOM is stripped. */
	size_t		 n = 3 * IMPORT_CHUNK, i, o = 0;
	char		*buf = malloc(n + 64);
	uint64_t	 after = 1;
	struct got	 g;

	(void)state;
	o += (size_t)sprintf(buf, "\xEF\xBB\xBFid,note\n");
	for (i = 2; i < 40; i++)
		o += (size_t)sprintf(buf + o, "r%zu,text\n", i);
	o += (size_t)sprintf(buf + o, "long,\"");
	while (o < IMPORT_CHUNK + 100)
		o += (size_t)sprintf(buf + o, "line\n");
	o += (size_t)sprintf(buf + o, "\"\n");
	for (i = 0; i < o; i++)
		if (buf[i] == '\n')
			after++;
	o += (size_t)sprintf(buf + o, "after,x\n");
	assert_int_equal(read_str(buf, o, IMPORT_ENC_AUTO, &g), 0);
	assert_string_equal(g.first[0], "id");
	assert_int_equal(g.n, 41);
	assert_string_equal(g.first[39], "long");
	assert_int_equal(g.line[39], 40);
	assert_string_equal(g.first[40], "after");
	assert_int_equal(g.line[40], after);
	free(buf);
}

/* The rows of a parse, flattened: each cell then \x1E, each row then
 * \x1D. */
struct flat {
	char	*s;
	size_t	 len, cap;
};

static void
flat_add(struct flat *f, const void *p, size_t n, int end)
{
	if (f->len + n + 1 > f->cap) {
		f->cap = 2 * (f->len + n + 1);
		f->s = realloc(f->s, f->cap);
		assert_non_null(f->s);
	}
	if (n > 0)
		memcpy(f->s + f->len, p, n);
	f->len += n;
	f->s[f->len++] = (char)end;
}

static void
flat_cell(void *p, size_t n, void *arg)
{
	flat_add(arg, p, p == NULL ? 0 : n, 0x1E);
}

static void
flat_row(int c, void *arg)
{
	(void)c;
	flat_add(arg, NULL, 0, 0x1D);
}

static int
flat_csvr_row(void *arg, const struct csvr_row *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		flat_add(arg, r->cell[i], r->len[i], 0x1E);
	flat_add(arg, NULL, 0, 0x1D);
	return (0);
}

/* Lines without a quote are split without libcsv: the same cells and rows
 * as libcsv itself gives, on random lines of cells with spaces, tabs,
 * empty cells, blank lines, CR, LF and CRLF ends, between quoted ones. */
static void
test_plain_lines(void **state)
{
	static const char *const bits[] = { "a", "bc", " ", "\t", ",", ",",
	    "あ", "\x01", "x y", "  ", "\t ," };
	static const char *const ends[] = { "\n", "\r\n", "\r" };
	static const char *const quoted[] = { "\"q,1\"", "\"multi\nline\"",
	    " \"sp\" ", "\"a\"\"b\"" };
	static const char *const files[] = { "t.csv" };
	struct flat		 want, got;
	struct csv_parser	 p;
	struct diag		 d;
	struct csvr_info	 info;
	char			*buf;
	size_t			 cap = 1 << 16, n, k, i;
	unsigned		 seed = 99, round;
	int			 fd;

	(void)state;
	buf = malloc(cap);
	assert_non_null(buf);
	for (round = 0; round < 200; round++) {
		n = (size_t)sprintf(buf, "h1,h2\n");
		for (i = 0; i < 300; i++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 10 == 0)
				n += (size_t)sprintf(buf + n, "%s,%s",
				    quoted[(seed >> 20) % 4], "x");
			else
				for (k = (seed >> 16) % 7; k > 0; k--) {
					seed = seed * 1103515245u + 12345u;
					n += (size_t)sprintf(buf + n, "%s",
					    bits[(seed >> 16) % 11]);
				}
			n += (size_t)sprintf(buf + n, "%s",
			    ends[(seed >> 24) % 3]);
		}
		memset(&want, 0, sizeof want);
		memset(&got, 0, sizeof got);
		assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI |
		    CSV_APPEND_NULL | CSV_EMPTY_IS_NULL), 0);
		assert_int_equal(csv_parse(&p, buf, n, flat_cell, flat_row,
		    &want), n);
		assert_int_equal(csv_fini(&p, flat_cell, flat_row, &want), 0);
		csv_free(&p);
		fd = tmpfile_with(buf, n);
		diag_init(&d, files, got_msg_ignore, NULL);
		assert_int_equal(csvr_read(fd, 0, IMPORT_ENC_UTF8,
		    flat_csvr_row, NULL, &got, &info, &d), 0);
		diag_free(&d);
		close(fd);
		assert_int_equal(got.len, want.len);
		assert_memory_equal(got.s, want.s, want.len);
		free(want.s);
		free(got.s);
	}
	free(buf);
}

/* Rows counted; a stop after STOP_AT rows (0: never). */
struct cnt {
	size_t		n, stop_at;
	uint64_t	last_line;
	char		msgs[1024];
};

static int
cnt_row(void *arg, const struct csvr_row *r)
{
	struct cnt	*c = arg;

	c->n++;
	c->last_line = r->line;
	return (c->stop_at != 0 && c->n == c->stop_at ? 7 : 0);
}

static void
cnt_msg(enum import_msg kind, const char *line, void *arg)
{
	struct cnt	*c = arg;

	(void)kind;
	strncat(c->msgs, line, sizeof c->msgs - strlen(c->msgs) - 2);
	strcat(c->msgs, "\n");
}

static int
read_cnt(const char *s, size_t n, struct cnt *c)
{
	static const char *const files[] = { "t.csv" };
	struct diag		 d;
	struct csvr_info	 info;
	int			 fd = tmpfile_with(s, n), rc;

	diag_init(&d, files, cnt_msg, c);
	rc = csvr_read(fd, 0, IMPORT_ENC_UTF8, cnt_row, NULL, c, &info, &d);
	diag_flush(&d);
	close(fd);
	return (rc);
}

/* With rows read ahead by a second thread: the rows before a problem of
 * the file reach the caller (up to the 64 KiB piece that holds it, as
 * read in one thread), then the problem; a caller that stops hears
 * nothing of a problem further on, read ahead or not. */
static void
test_read_ahead(void **state)
{
	size_t		 n, i, rows = 400000, bad;
	char		*buf = malloc(rows * 16 + 64);
	struct cnt	 c;
	char		 want[64];

	(void)state;
	for (bad = 20000; bad <= rows; bad += rows - 20000) {
		n = (size_t)sprintf(buf, "id,x\n");
		for (i = 2; i <= rows; i++)
			n += (size_t)sprintf(buf + n, i == bad ? "bad,\xC3\x28\n" :
			    "r%zu,text\n", i);
		memset(&c, 0, sizeof c);
		assert_int_equal(read_cnt(buf, n, &c), -1);
		assert_true(c.n < bad && c.n + IMPORT_CHUNK / 8 > bad);
		snprintf(want, sizeof want, "t.csv:%zu: invalid UTF-8", bad);
		assert_non_null(strstr(c.msgs, want));
		memset(&c, 0, sizeof c);
		c.stop_at = 3;
		assert_int_equal(read_cnt(buf, n, &c), 7);
		assert_int_equal(c.n, 3);
		assert_string_equal(c.msgs, "");
	}
	free(buf);
}

struct chk {
	size_t		 n;
	uint64_t	*want;
	bool		 ok;
};

static int
chk_row(void *arg, const struct csvr_row *r)
{
	struct chk	*c = arg;

	if (c->n > 0 && r->line != c->want[c->n - 1]) {
		fprintf(stderr, "row %zu: line %llu, want %llu\n", c->n,
		    (unsigned long long)r->line,
		    (unsigned long long)c->want[c->n - 1]);
		c->ok = false;
	}
	c->n++;
	return (0);
}

static void
test_chunk_lines(void **state)
{
	/* 20,000 rows, every 7th with a quoted line feed: each row's line is
	 * exactly where it starts, across chunk boundaries. */
	static const char *const files[] = { "t.csv" };
	size_t		 n = 0, i;
	char		*buf = malloc(1 << 20);
	uint64_t	 line = 1, *want = calloc(20000, sizeof *want);
	struct diag	 d;
	struct csvr_info info;
	struct chk	 c;
	int		 fd;

	(void)state;
	n += (size_t)sprintf(buf, "id,note\n");
	for (i = 0; i < 20000; i++) {
		want[i] = ++line;
		if (i % 7 == 0) {
			n += (size_t)sprintf(buf + n, "r%zu,\"a\r\nb\"\r\n", i);
			line++;
		} else
			n += (size_t)sprintf(buf + n, "r%zu,%s\r\n", i,
			    i % 3 == 0 ? "x" : "");
	}
	c.n = 0;
	c.want = want;
	c.ok = true;
	fd = tmpfile_with(buf, n);
	diag_init(&d, files, NULL, NULL);
	assert_int_equal(csvr_read(fd, 0, IMPORT_ENC_UTF8, chk_row, NULL, &c,
	    &info, &d), 0);
	close(fd);
	assert_int_equal(c.n, 20001);
	assert_true(c.ok);
	free(buf);
	free(want);
}

static void
test_errors(void **state)
{
	struct got	g;

	(void)state;
	assert_int_equal(read_str("a,b\n1,\"open\n2,x\n", 16, IMPORT_ENC_UTF8,
	    &g), -1);
	assert_string_equal(g.msgs, "t.csv:2: a quoted cell in the row "
	    "starting here is never closed\n");
	assert_int_equal(read_str("a,b\n1,2\n3,x\"y\"\n", 15, IMPORT_ENC_UTF8,
	    &g), -1);
	assert_string_equal(g.msgs, "t.csv:3: malformed quotes: a '\"' inside "
	    "an unquoted cell, or text after a closing quote\n");
	assert_int_equal(read_str("a\tb\n1\t2\n", 8, IMPORT_ENC_UTF8, &g), -1);
	assert_non_null(strstr(g.msgs, "t.csv:1: the file is tab-separated"));
	assert_int_equal(read_str("a;b\n1;2\n", 8, IMPORT_ENC_UTF8, &g), -1);
	assert_non_null(strstr(g.msgs, "separated by ';'"));
	assert_int_equal(read_str("\xFF\xFE" "a\0", 4, IMPORT_ENC_AUTO, &g), -1);
	assert_string_equal(g.msgs, "t.csv:1: UTF-16 (Excel 'Unicode テキスト') "
	    "is not supported; save as CSV UTF-8\n");
	assert_int_equal(read_str("a,b\n1,2\n3,\xC3\x28\n", 12, IMPORT_ENC_UTF8,
	    &g), -1);
	assert_string_equal(g.msgs, "t.csv:3: invalid UTF-8: byte 0xC3 at byte "
	    "offset 10\n");
	assert_int_equal(read_str("a,b\n1,\"x\n\n\xA0\xA0\"\n", 14,
	    IMPORT_ENC_CP932, &g), -1);
	assert_string_equal(g.msgs, "t.csv:4: invalid CP932: byte 0xA0 at byte "
	    "offset 10\n");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_fast),
		cmocka_unit_test(test_cp932_chunks),
		cmocka_unit_test(test_guess),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_chunks),
		cmocka_unit_test(test_plain_lines),
		cmocka_unit_test(test_read_ahead),
		cmocka_unit_test(test_chunk_lines),
		cmocka_unit_test(test_errors),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
