/* encoding.c -- detect the encoding of a CSV file, decode it to UTF-8. */

#include <sys/types.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import-int.h"

enum enc_sniff
enc_sniff(const unsigned char *p, size_t n)
{
	size_t	i, nul = 0, look = n < 4096 ? n : 4096;

	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return (ENC_SNIFF_BOM8);
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
	    (p[0] == 0xFE && p[1] == 0xFF)))
		return (ENC_SNIFF_UTF16);
	/* UTF-16 without a byte order mark: every other byte is NUL. */
	for (i = 0; i < look; i++)
		if (p[i] == 0)
			nul++;
	if (look >= 4 && nul * 4 >= look)
		return (ENC_SNIFF_UTF16);
	return (ENC_SNIFF_PLAIN);
}

void
enc_u8_init(struct enc_u8 *st)
{
	memset(st, 0, sizeof *st);
}

/* Skip whole valid characters from P[I] while 8 bytes are left, counting
 * line feeds: ASCII 8 bytes a step, two- and three-byte sequences (kana,
 * kanji) one test each.  Stops before anything else (a four-byte or
 * invalid sequence, the end) for the careful path; returns the new I. */
static size_t
enc_u8_fast(struct enc_u8 *st, const unsigned char *p, size_t n, size_t i)
{
	const uint64_t	hi = 0x8080808080808080ULL;
	const uint64_t	lo7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t	w, t, z;
	unsigned char	c, c1;

	while (i + 8 <= n) {
		memcpy(&w, p + i, 8);
		if ((w & hi) == 0) {
			/* 0x80 in each byte that is a line feed */
			t = w ^ 0x0A0A0A0A0A0A0A0AULL;
			z = ~(((t & lo7) + lo7) | t | lo7);
			for (; z != 0; z &= z - 1)
				st->lines++;
			i += 8;
			continue;
		}
		c = p[i];
		if (c < 0x80) {
			if (c == '\n')
				st->lines++;
			i++;
			continue;
		}
		c1 = p[i + 1];
		if (c >= 0xE0 && c <= 0xEF) {
			if ((p[i + 2] & 0xC0) != 0x80)
				break;
			if (c == 0xE0 ? c1 < 0xA0 || c1 > 0xBF :
			    c == 0xED ? c1 < 0x80 || c1 > 0x9F :
			    (c1 & 0xC0) != 0x80)
				break;
			i += 3;
			st->multibyte++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF && (c1 & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		break;
	}
	return (i);
}

bool
enc_u8_scan(struct enc_u8 *st, const unsigned char *p, size_t n, bool final,
    uint64_t *bad)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n; i++) {
		if (st->need == 0) {
			if ((i = enc_u8_fast(st, p, n, i)) >= n)
				break;
			c = p[i];
			if (c < 0x80) {
				if (c == '\n')
					st->lines++;
				continue;
			}
			st->seq_off = st->off + i;
			st->lo = 0x80;
			st->hi = 0xBF;
			if (c >= 0xC2 && c <= 0xDF)
				st->need = 1;
			else if (c == 0xE0) {
				st->need = 2;
				st->lo = 0xA0;
			} else if (c == 0xED) {
				st->need = 2;
				st->hi = 0x9F;
			} else if (c >= 0xE1 && c <= 0xEF)
				st->need = 2;
			else if (c == 0xF0) {
				st->need = 3;
				st->lo = 0x90;
			} else if (c >= 0xF1 && c <= 0xF3)
				st->need = 3;
			else if (c == 0xF4) {
				st->need = 3;
				st->hi = 0x8F;
			} else {
				*bad = st->off + i;
				goto fail;
			}
			continue;
		}
		c = p[i];
		if (c < st->lo || c > st->hi) {
			*bad = st->seq_off;
			goto fail;
		}
		st->lo = 0x80;
		st->hi = 0xBF;
		if (--st->need == 0 && st->off + i - st->seq_off >= 2)
			st->multibyte++;
	}
	st->off += n;
	if (final && st->need != 0) {
		*bad = st->seq_off;
		st->need = 0;
		return (false);
	}
	return (true);
fail:
	st->need = 0;
	st->off += i + 1;
	return (false);
}

int
enc_guess_fd(int fd, struct enc_guess *g)
{
	unsigned char	*buf;
	struct enc_u8	 st;
	ssize_t		 got;
	uint64_t	 bad, base, invalid = 0, first = 0;
	size_t		 pos;
	bool		 start = true, fin;
	int		 rc = -1;

	memset(g, 0, sizeof *g);
	g->enc = IMPORT_ENC_UTF8;
	buf = xmalloc(IMPORT_CHUNK);
	enc_u8_init(&st);
	for (;;) {
		const unsigned char	*p = buf;
		size_t			 n;

		got = read(fd, buf, IMPORT_CHUNK);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		n = (size_t)got;
		fin = got == 0;
		if (start) {
			start = false;
			switch (enc_sniff(buf, n)) {
			case ENC_SNIFF_UTF16:
				g->utf16 = true;
				g->enc = IMPORT_ENC_AUTO;
				rc = 0;
				goto out;
			case ENC_SNIFF_BOM8:
				/* Trust the mark; decoding still validates. */
				g->bom = true;
				rc = 0;
				goto out;
			case ENC_SNIFF_PLAIN:
				break;
			}
		}
		base = st.off;
		pos = 0;
		while (!enc_u8_scan(&st, p + pos, n - pos, fin, &bad)) {
			if (invalid++ == 0) {
				first = st.multibyte;
				g->bad_off = bad;
				g->bad_line = st.lines + 1;
			}
			/* Resume just after the byte that failed. */
			pos = (size_t)(st.off - base);
			if (pos >= n)
				break;
		}
		if (fin)
			break;
	}
	if (invalid > 0) {
		if (first >= 8 && st.multibyte >= 4 * invalid)
			g->damaged_utf8 = true;
		else
			g->enc = IMPORT_ENC_CP932;
	}
	rc = 0;
out:
	free(buf);
	if (lseek(fd, 0, SEEK_SET) == (off_t)-1)
		rc = -1;
	return (rc);
}

int
enc_dec_init(struct enc_dec *dec, enum import_encoding enc, uint64_t off)
{
	memset(dec, 0, sizeof *dec);
	dec->enc = enc;
	dec->off = off;
	enc_u8_init(&dec->u8);
	dec->u8.off = off;
	if (enc == IMPORT_ENC_CP932) {
		iconv_t	cd = iconv_open("UTF-8", "CP932");

		if (cd == (iconv_t)-1)
			return (-1);
		dec->cd = cd;
	}
	return (0);
}

void
enc_dec_free(struct enc_dec *dec)
{
	if (dec->cd != NULL)
		iconv_close((iconv_t)dec->cd);
	free(dec->in);
	free(dec->out);
	memset(dec, 0, sizeof *dec);
}

static uint64_t
enc_count_lf(const unsigned char *p, size_t n)
{
	const unsigned char	*e = p + n, *q;
	uint64_t		 lines = 0;

	while (p < e && (q = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		lines++;
		p = q + 1;
	}
	return (lines);
}

int
enc_dec_feed(struct enc_dec *dec, const unsigned char *p, size_t n,
    bool final, const char **out, size_t *outlen)
{
	char	*ip, *op;
	size_t	 inleft, outleft, total;

	if (dec->enc != IMPORT_ENC_CP932) {
		uint64_t	bad;

		if (!enc_u8_scan(&dec->u8, p, n, final, &bad)) {
			dec->bad_off = bad;
			dec->bad_line = dec->u8.lines + 1;
			dec->bad_byte = bad >= dec->off && bad < dec->off + n ?
			    p[bad - dec->off] : 0;
			return (-1);
		}
		dec->off += n;
		dec->lines = dec->u8.lines;
		*out = (const char *)p;
		*outlen = n;
		return (0);
	}

	total = dec->ncarry + n;
	util_grow(&dec->in, &dec->incap, total + 1);
	memcpy(dec->in + dec->ncarry, p, n);
	util_grow(&dec->out, &dec->outcap, 3 * total + 16);
	ip = (char *)dec->in;
	inleft = total;
	op = dec->out;
	outleft = dec->outcap;
	while (inleft > 0) {
		if (iconv((iconv_t)dec->cd, &ip, &inleft, &op, &outleft) !=
		    (size_t)-1)
			continue;
		if (errno == EINVAL && !final)
			break;		/* a lead byte at the end: carry it */
		/* EILSEQ, or a truncated character at the end of the file. */
		{
			size_t	used = (size_t)((unsigned char *)ip - dec->in);

			dec->bad_off = dec->off - dec->ncarry + used;
			dec->bad_line = dec->lines +
			    enc_count_lf(dec->in, used) + 1;
			dec->bad_byte = *(unsigned char *)ip;
		}
		return (-1);
	}
	{
		size_t	used = (size_t)((unsigned char *)ip - dec->in);

		dec->lines += enc_count_lf(dec->in, used);
		dec->off += n;
		dec->ncarry = inleft;
		if (inleft > 0)
			memmove(dec->in, ip, inleft);
	}
	*out = dec->out;
	*outlen = (size_t)(op - dec->out);
	return (0);
}
