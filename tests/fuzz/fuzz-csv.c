/* fuzz-csv.c -- libFuzzer target: the encoding guess, the decoders, the
 * streaming CSV reader, header recognition and the value parsers on
 * arbitrary bytes.  Parse only: no database is opened. */

#define _GNU_SOURCE	/* memfd_create */

#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import-int.h"

static const char *const fuzz_files[] = { "fuzz.csv" };

/* Every cell through every parser; the header through the table. */
static int
fuzz_row(void *arg, const struct csvr_row *r)
{
	char	 out[STORE_DATE_SIZE], why[512], buf[IMPORT_TEXT_MAX + 1];
	char	 key[STORE_ID_MAX + 1], *c, *t;
	size_t	 i, n;
	long	 v;
	bool	 b;
	struct store_error err;

	(void)arg;
	if (r->line == 1) {
		(void)hdr_detect(r->cell, r->n);
		for (i = 0; i < r->n; i++)
			(void)hdr_lookup(IMPORT_KIND_MEMBERS, r->cell[i]);
	}
	for (i = 0; i < r->n; i++) {
		c = r->cell[i];
		(void)store_date_parse(c, out, why, sizeof why);
		(void)store_int_parse(c, 0, INT32_MAX, &v, why, sizeof why);
		(void)store_bool_parse(c, &b);
		(void)store_nfkc(c, r->len[i], buf, sizeof buf);
		(void)store_key_fold(c, key, "id", &err);
		(void)store_final_parse(c);
		n = r->len[i];
		t = val_trim(c, &n);
		val_crlf(t, &n);
		val_unguard(t, &n);
		(void)val_has_ctl(t, n, true);
		(void)val_guarded(t);
	}
	return (0);
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum import_encoding encs[] = { IMPORT_ENC_AUTO,
	    IMPORT_ENC_UTF8, IMPORT_ENC_CP932 };
	struct csvr_info	 info;
	struct diag		 d;
	size_t			 i;
	int			 fd;

	if ((fd = memfd_create("fuzz", MFD_CLOEXEC)) == -1)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	for (i = 0; i < sizeof encs / sizeof encs[0]; i++) {
		lseek(fd, 0, SEEK_SET);
		diag_init(&d, fuzz_files, NULL, NULL);
		(void)csvr_read(fd, 0, encs[i], fuzz_row, NULL, NULL, &info,
		    &d);
		diag_free(&d);
	}
	close(fd);
	return (0);
}
