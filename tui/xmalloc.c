/* xmalloc.c -- allocation that exits on failure. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/xmalloc.h"

static void
tui_alloc_fail(void)
{
	static const char	msg[] = "sanka: out of memory\n";

	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(3);
	_exit(3);
}

void *
tui_malloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		tui_alloc_fail();
	return (p);
}

void *
tui_calloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		tui_alloc_fail();
	return (p);
}

void *
tui_reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		tui_alloc_fail();
	if ((p = realloc(p, n * size == 0 ? 1 : n * size)) == NULL)
		tui_alloc_fail();
	return (p);
}

char *
tui_strdup(const char *s)
{
	char	*p;

	if ((p = strdup(s == NULL ? "" : s)) == NULL)
		tui_alloc_fail();
	return (p);
}

char *
tui_asprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		tui_alloc_fail();
	p = tui_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return (p);
}
