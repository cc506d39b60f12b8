// SPDX-License-Identifier: GPL-2.0
/*
 * Past the exploration budget the engine joins the paths that reach a
 * block.  At an unwind label, a path that left before the second
 * allocation meets one that made it and stored it in a field of the
 * first: the joined state knows the object from one side only, and the
 * field that held it holds "some value".  The release helper then frees
 * that field without naming the object, which must not be reported as
 * leaked: the join, not the code, lost its reference (the shape of
 * uvc_parse_streaming() in drivers/media/usb/uvc/uvc_driver.c, the
 * format table freed by uvc_stream_delete()).  foo_parse_good() is
 * silent; foo_parse_bad() leaks its scratch buffer on the -EINVAL return,
 * before any join.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_format {
	u32 fourcc;
	u32 nframes;
};

struct foo_stream {
	struct foo_format *format;
	u8 *controls;
	unsigned int nformats;
	u32 mode;
};

static void foo_stream_delete(struct foo_stream *s)
{
	kfree(s->format);
	kfree(s->controls);
	kfree(s);
}

static int foo_parse_format(struct foo_stream *s, struct foo_format *f,
			    const u8 *buf, int len)
{
	if (len < 4 || buf[0] > len)
		return -EINVAL;
	f->fourcc = buf[1];
	f->nframes = buf[2];
	s->nformats++;
	return buf[0];
}

int foo_parse(const u8 *buf, int len, u32 mode, struct foo_stream **out)
{
	struct foo_stream *s;
	struct foo_format *format;
	unsigned int nformats = 0, n, i;
	int ret = -EINVAL, a = 0, b = 0, c = 0, d = 0;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	if (mode & BIT(0))
		a = 1;
	if (mode & BIT(1))
		b = 2;
	if (mode & BIT(2))
		c = 3;
	if (mode & BIT(3))
		d = 4;
	if (len < 8)
		goto error;
	if (mode & BIT(4))
		a += 5;
	if (mode & BIT(5))
		b += 6;
	if (mode & BIT(6))
		c += 7;
	if (mode & BIT(7))
		d += 8;
	n = buf[0];
	if (n > len - 1)
		goto error;
	s->controls = kmemdup(&buf[1], n, GFP_KERNEL);
	if (!s->controls) {
		ret = -ENOMEM;
		goto error;
	}
	for (i = 0; i < (unsigned int)len; i += buf[i] ? buf[i] : 1) {
		if (buf[i] > 2)
			nformats++;
		if (mode & BIT(8))
			a++;
		if (mode & BIT(9))
			b++;
	}
	if (nformats == 0)
		goto error;
	format = kcalloc(nformats, sizeof(*format), GFP_KERNEL);
	if (!format) {
		ret = -ENOMEM;
		goto error;
	}
	s->format = format;
	while (len > 2 && buf[1] == 0x24) {
		if (mode & BIT(10))
			c++;
		if (mode & BIT(11))
			d++;
		ret = foo_parse_format(s, format, buf, len);
		if (ret < 0)
			goto error;
		if (!ret)
			break;
		format++;
		len -= ret;
		buf += ret;
	}
	s->mode = a + b + c + d;
	*out = s;
	return 0;

error:
	foo_stream_delete(s);
	return ret;
}

int foo_parse_bad(const u8 *buf, int len)
{
	u8 *scratch = kmalloc(len, GFP_KERNEL);

	if (!scratch)
		return -ENOMEM;
	if (len > 64)
		return -EINVAL; /* expect: alloc-leak */
	memcpy(scratch, buf, len);
	kfree(scratch);
	return 0;
}

MODULE_LICENSE("GPL");
