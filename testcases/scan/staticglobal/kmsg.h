/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMSG_H
#define KMSG_H

int kmsg_aux_init(void);
void kmsg_aux_exit(void);

#endif
