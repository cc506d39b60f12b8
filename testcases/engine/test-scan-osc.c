// SPDX-License-Identifier: GPL-2.0
/*
 * The scan's rounds and a value that comes back (cli/scan_osc.c).  A name
 * whose values keep changing to new ones is always propagated and its
 * file never oscillates; a name that goes back to a value it had before
 * (not its last) makes its file oscillate (a wave of its own in the next
 * rounds), is still propagated for OSC_ROUNDS rounds, then no more; a
 * revisit seen twice in one round counts once; a file that only ever
 * writes new values stays parallel.  usage: test-scan-osc
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/scan_osc.h"
#include "util/strvec.h"

static int failed;

static void expect(bool got, bool want, const char *what)
{
	if (got != want) {
		printf("FAIL %s: got %d, want %d\n", what, got, want);
		failed++;
	}
}

static bool change(struct scan_osc *o, const char *key, const char *path,
		   const char *hash)
{
	char *e = xstrfmt("%s\x1f%s\x1f%s\x1fh%s", key, path, "mod", hash);
	bool keep = osc_keep(o, e);

	free(e);
	return keep;
}

int main(void)
{
	struct scan_osc o;
	int r;

	osc_init(&o, 3);
	osc_file(&o, "a.c", 0);
	osc_file(&o, "b.c", 1);
	osc_file(&o, "c.c", 2);

	/* c.c grows: new values only */
	for (r = 1; r <= 6; r++) {
		char h[8];

		o.round = r;
		snprintf(h, sizeof(h), "c%d", r);
		expect(change(&o, "s grow", "c.c", h), true, "new value kept");
	}
	expect(osc_oscillates(&o, 2), false, "growing file does not oscillate");

	/* a.c alternates A B A B A B */
	o.round = 1;
	expect(change(&o, "s flip", "a.c", "A"), true, "round 1");
	o.round = 2;
	expect(change(&o, "s flip", "a.c", "B"), true, "round 2");
	expect(osc_oscillates(&o, 0), false, "no revisit yet");
	o.round = 3;
	expect(change(&o, "s flip", "a.c", "A"), true, "first revisit kept");
	/* a second name of the same file going back in the same round */
	expect(change(&o, "f other", "a.c", "X"), true, "other name, new");
	expect(osc_oscillates(&o, 0), true, "a.c oscillates");
	o.round = 4;
	expect(change(&o, "s flip", "a.c", "B"), true, "second revisit kept");
	o.round = 5;
	expect(change(&o, "s flip", "a.c", "A"), false, "third revisit dropped");
	expect(change(&o, "f other", "a.c", "Y"), true, "a new value still kept");

	/* b.c: the same value twice in a row is no revisit */
	o.round = 6;
	expect(change(&o, "s same", "b.c", "S"), true, "b first");
	o.round = 7;
	expect(change(&o, "s same", "b.c", "S"), true, "b same again");
	expect(osc_oscillates(&o, 1), false, "repeat of the last is no revisit");

	/* an entry without a hash (an older database's form) is kept */
	expect(osc_keep(&o, "s name\x1f" "a.c\x1fmod"), true, "no hash");
	osc_free(&o);
	printf("%s\n", failed ? "FAIL" : "ok");
	return failed ? 1 : 0;
}
