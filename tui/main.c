/* main.c -- sanka's entry point: the command line, or the screens. */

#include "tui/cli.h"

int
main(int argc, char **argv)
{
	return (cli_main(argc, argv));
}
