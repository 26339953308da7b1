/* crc.c -- CRC32C (Castagnoli), the checksum of every stored entry: the
 * SSE4.2 crc32 instruction where the processor has it (the import path
 * seals every entry it writes), a table otherwise. */

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "store/crc.h"

#define CRC32C_POLY	0x82f63b78u	/* reflected */

static uint32_t		crc_table[256];
static pthread_once_t	crc_table_once = PTHREAD_ONCE_INIT;

static void
crc_table_make(void)
{
	uint32_t	c;
	int		i, j;

	for (i = 0; i < 256; i++) {
		c = (uint32_t)i;
		for (j = 0; j < 8; j++)
			c = c & 1 ? c >> 1 ^ CRC32C_POLY : c >> 1;
		crc_table[i] = c;
	}
}

static uint32_t
crc_soft(uint32_t crc, const unsigned char *p, size_t n)
{
	(void)pthread_once(&crc_table_once, crc_table_make);
	while (n-- > 0)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ crc >> 8;
	return (crc);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <nmmintrin.h>

__attribute__((target("sse4.2"))) static uint32_t
crc_sse42(uint32_t crc, const unsigned char *p, size_t n)
{
	uint64_t	c = crc, w;

	for (; n >= 8; n -= 8, p += 8) {
		memcpy(&w, p, 8);
		c = _mm_crc32_u64(c, w);
	}
	crc = (uint32_t)c;
	while (n-- > 0)
		crc = _mm_crc32_u8(crc, *p++);
	return (crc);
}

/* libgcc reads cpuid once, before main (no state of ours for threads). */
static bool
crc_have_sse42(void)
{
	return (__builtin_cpu_supports("sse4.2") != 0);
}
#endif

uint32_t
crc32c_add(uint32_t crc, const void *data, size_t n)
{
	const unsigned char	*p = data;

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	if (crc_have_sse42())
		return (crc_sse42(crc, p, n));
#endif
	return (crc_soft(crc, p, n));
}

uint32_t
crc32c_table(uint32_t crc, const void *data, size_t n)
{
	return (crc_soft(crc, data, n));
}
