/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_RULES_H
#define KML_RULES_H

#include <stddef.h>

/*
 * The rule ids, in the order docs/rules.md lists them.  This is the one list: the
 * scripts (testcases/run-test.py and build-check.sh, kernel-bench/score,
 * scripts/bench-speed.sh) read it from `kmemlint --list-rules`; SARIF's
rule metadata and the HTML report take the descriptions from here.  Ids are
 * part of the interface (findings, testcase expectations, truth.tsv) and
 * are never renamed.  Which rules are implemented is not said here: a
 * rule is implemented when a checker (struct checker, .rule) names it.
 */
struct rule_info {
	const char *id;		/* "unchecked-alloc" */
	const char *klass;	/* the bug class: "null", "order", ... */
	const char *summary;	/* one line, for --list-rules */
	const char *description; /* what it finds and why it is a bug */
	const char *help;	/* how to fix it */
	const char *level;	/* default severity: "error" or "warning" */
};

/* The i-th rule, or NULL past the last one. */
const struct rule_info *rule_nth(size_t i);
/* The rule with this id, or NULL. */
const struct rule_info *rule_find(const char *id);

#endif
