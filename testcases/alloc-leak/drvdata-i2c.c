// SPDX-License-Identifier: GPL-2.0
/*
 * Ownership handed to the device core with i2c_set_clientdata() (an
 * owner line): remove() frees what probe() stored there.  foo_probe_good()
 * stores its private data before the last step that can fail and frees
 * it there; foo_probe_bad() returns the chip-id error before storing it,
 * and the private data leaks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/i2c.h>

#define FOO_REG_ID	0x00
#define FOO_CHIP_ID	0x5a

struct foo_data {
	struct i2c_client *client;
	u8 id;
};

static int foo_probe_bad(struct i2c_client *client)
{
	struct foo_data *data;
	int ret;

	data = kzalloc(sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->client = client;
	ret = i2c_smbus_read_byte_data(client, FOO_REG_ID);
	if (ret < 0) /* expect-note: alloc-leak */
		return ret; /* expect: alloc-leak */
	data->id = ret;
	i2c_set_clientdata(client, data);
	return 0;
}

static int foo_probe_good(struct i2c_client *client)
{
	struct foo_data *data;
	int ret;

	data = kzalloc(sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->client = client;
	i2c_set_clientdata(client, data);
	ret = i2c_smbus_read_byte_data(client, FOO_REG_ID);
	if (ret < 0)
		return ret;
	if (ret != FOO_CHIP_ID)
		return -ENODEV;
	data->id = ret;
	return 0;
}

static void foo_remove(struct i2c_client *client)
{
	kfree(i2c_get_clientdata(client));
}

static struct i2c_driver foo_bad_driver = {
	.driver = { .name = "foo-bad" },
	.probe_new = foo_probe_bad,
	.remove = foo_remove,
};

static struct i2c_driver foo_good_driver = {
	.driver = { .name = "foo-good" },
	.probe_new = foo_probe_good,
	.remove = foo_remove,
};

static int __init foo_init(void)
{
	int ret = i2c_add_driver(&foo_bad_driver);

	if (ret)
		return ret;
	ret = i2c_add_driver(&foo_good_driver);
	if (ret)
		i2c_del_driver(&foo_bad_driver);
	return ret;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	i2c_del_driver(&foo_good_driver);
	i2c_del_driver(&foo_bad_driver);
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
