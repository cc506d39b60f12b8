/* SPDX-License-Identifier: GPL-2.0 */
#define BIG_COUNT 4

struct big_priv {
	int count;
};
