/* crc.h -- CRC32C, private to store/. */
#ifndef SANKA_STORE_CRC_H
#define SANKA_STORE_CRC_H

#include <stddef.h>
#include <stdint.h>

/* Continue CRC (start: CRC32C_INIT) over N bytes of DATA; the checksum is
 * the final value xor CRC32C_INIT. */
#define CRC32C_INIT	0xffffffffu
uint32_t crc32c_add(uint32_t crc, const void *data, size_t n);
/* The same without the processor's instruction (the test compares them). */
uint32_t crc32c_table(uint32_t crc, const void *data, size_t n);

#endif
