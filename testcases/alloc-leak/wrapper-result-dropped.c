// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (hid-debug.c, hid_resolv_usage()): a function of the file
 * that allocates a string only when it is given no seq_file, and prints
 * into the seq_file otherwise.  Its summary says it may return an
 * allocation, not that this depends on its argument.  foo_dump_field()
 * calls it to print and drops the result: a call made for what the
 * function does, which must stay silent.  foo_describe_bad() asks for the
 * string (no seq_file), keeps it, and leaks it on an error path.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/seq_file.h>

#define FOO_BUFSIZE	64

struct foo_field {
	unsigned int usage;
	char *name;
};

char *foo_resolv_usage(unsigned int usage, struct seq_file *f)
{
	char *buf = NULL;

	if (!f) {
		buf = kzalloc(FOO_BUFSIZE, GFP_ATOMIC);
		if (!buf)
			return NULL;
		snprintf(buf, FOO_BUFSIZE, "%04x", usage & 0xffff);
	} else {
		seq_printf(f, "%04x", usage & 0xffff);
	}
	return buf;
}

void foo_dump_field(struct foo_field *field, struct seq_file *f)
{
	seq_printf(f, "Usage(");
	foo_resolv_usage(field->usage, f);
	seq_printf(f, ")\n");
}

int foo_describe_bad(struct foo_field *field)
{
	char *name;

	name = foo_resolv_usage(field->usage, NULL);
	if (!name)
		return -ENOMEM;
	if (!field->usage) /* expect-note: alloc-leak */
		return -EINVAL; /* expect: alloc-leak */
	field->name = name;
	return 0;
}

MODULE_LICENSE("GPL");
