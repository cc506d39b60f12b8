#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# --format=html: a self-contained page (no URL to fetch) whose text from
# the source is escaped: a driver whose strings and comments hold
# </script> and HTML tags leaks none of it.  usage: html.sh KMEMLINT
set -u
K=$(realpath "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$TOP/testcases/ci/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
cat > evil.c <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

/* </script><script>alert("comment")</script> <img src=x onerror=alert(1)> */
int evil_copy(void)
{
	char *s = kmalloc(64, GFP_KERNEL);

	strcpy(s, "</script><b onmouseover='x'>bold</b>&amp;"); /* <!-- --> </pre> */
	kfree(s);
	return 0;
}
EXPORT_SYMBOL_GPL(evil_copy);
MODULE_LICENSE("GPL");
EOC
"$K" --format=html evil.c > r.html 2>/dev/null
check "--format=html exits 1 with a finding" test $? -eq 1
check "the finding and its code are in the page" \
	grep -q "strcpy(s, &quot;&lt;/script&gt;&lt;b onmouseover=&#39;x&#39;&gt;bold&lt;/b&gt;&amp;amp;&quot;)" r.html
check "no </script> but the report's own two" test "$(grep -o '</script>' r.html | wc -l)" -eq 2
check "no tag from the source" sh -c '! grep -q "<img\|<b \|<!--\|alert(" r.html'
check "no URL to fetch (self-contained)" sh -c '! grep -Eq "(src|href)=\"(https?:)?//" r.html'
check "filters by rule and confidence" sh -c 'grep -q "id=\"rule\"" r.html && grep -q "id=\"conf\"" r.html && grep -q "data-conf=\"high\"" r.html'
check "trace steps numbered in the code" grep -q '<span class="step">1</span>' r.html
if command -v chromium > /dev/null && [ -n "${KMEMLINT_SCREENSHOT:-}" ]; then
	"$TOP/scripts/html-screenshot.sh" r.html "$KMEMLINT_SCREENSHOT" > /dev/null
	check "chromium renders it" test -s "$KMEMLINT_SCREENSHOT"
fi
finish
