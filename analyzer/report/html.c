// SPDX-License-Identifier: GPL-2.0
/* The HTML report (html.h).  Only this file's constant strings are
 * written unescaped; everything else goes through esc(). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "rules.h"
#include "source.h"
#include "../util/strvec.h"

#ifndef KML_VERSION
#define KML_VERSION "0.1.0"
#endif

#define CONTEXT 2	/* lines of code shown around each marked line */

static void esc(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\t': fputs("        ", out); break;
		default:
			if ((unsigned char)*s < 0x20)
				fputc(' ', out);
			else
				fputc(*s, out);
		}
	}
}

static const char style[] =
	"body{font-family:sans-serif;margin:1.5em;color:#222}"
	"h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}"
	"table.sum{border-collapse:collapse;margin:.5em 2em .5em 0;display:inline-table;vertical-align:top}"
	"table.sum td,table.sum th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
	".f{border:1px solid #ddd;border-left:4px solid #c33;margin:1em 0;padding:.4em .8em}"
	".f.medium{border-left-color:#d90}"
	".msg{font-weight:bold}.meta{color:#666;font-size:.9em}"
	".conf{display:inline-block;padding:0 6px;border-radius:3px;background:#c33;color:#fff;font-size:.8em}"
	".medium .conf{background:#d90}"
	"pre{background:#f7f7f7;padding:.3em;overflow-x:auto;margin:.3em 0}"
	"pre span.l{display:block}pre span.n{color:#999;display:inline-block;width:4em}"
	"pre span.mark{background:#fff3b0}pre span.bug{background:#ffd0d0}"
	"pre span.step{display:inline-block;min-width:1.5em;margin-right:.3em;border-radius:8px;background:#36c;color:#fff;text-align:center;font-size:.8em}"
	"ol.trace{margin:.2em 0}#filters{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ddd}"
	".hidden{display:none}";

static const char script[] =
	"function kmlFilter(){"
	"var r=document.getElementById('rule').value,c=document.getElementById('conf').value,n=0;"
	"document.querySelectorAll('.f').forEach(function(e){"
	"var ok=(r===''||e.getAttribute('data-rule')===r)&&(c===''||c==='medium'||e.getAttribute('data-conf')==='high');"
	"e.classList.toggle('hidden',!ok);if(ok)n++;});"
	"document.querySelectorAll('.file').forEach(function(s){"
	"s.classList.toggle('hidden',!s.querySelector('.f:not(.hidden)'));});"
	"document.getElementById('count').textContent=n+' shown';}";

/* The lines to show for f: its own and its notes' in its file. */
static void excerpt(FILE *out, const struct finding *f)
{
	unsigned lo = f->line, hi = f->line, l, n = source_nlines(f->file);
	int k;

	if (!n)
		return;
	for (k = 0; k < f->nnotes; k++) {
		if (strcmp(f->notes[k].file, f->file))
			continue;
		if (f->notes[k].line < lo)
			lo = f->notes[k].line;
		if (f->notes[k].line > hi)
			hi = f->notes[k].line;
	}
	lo = lo > CONTEXT ? lo - CONTEXT : 1;
	hi = hi + CONTEXT < n ? hi + CONTEXT : n;
	if (hi - lo > 60)	/* a long trace: the finding's lines only */
		lo = f->line > CONTEXT ? f->line - CONTEXT : 1,
		hi = f->line + CONTEXT < n ? f->line + CONTEXT : n;
	fputs("<pre>", out);
	for (l = lo; l <= hi; l++) {
		bool marked = false;

		fprintf(out, "<span class=\"l%s\"><span class=\"n\">%u</span>",
			l == f->line ? " bug" : "", l);
		for (k = 0; k < f->nnotes; k++)
			if (f->notes[k].line == l &&
			    !strcmp(f->notes[k].file, f->file)) {
				fprintf(out, "<span class=\"step\">%d</span>", k + 1);
				marked = true;
			}
		if (marked && l != f->line)
			fputs("<span class=\"mark\">", out);
		esc(out, source_line(f->file, l));
		if (marked && l != f->line)
			fputs("</span>", out);
		fputs("</span>", out);
	}
	fputs("</pre>", out);
}

static int count_rule(const struct finding_list *fl, const char *rule,
		      int conf)
{
	size_t i;
	int n = 0;

	for (i = 0; i < fl->n; i++)
		if (!strcmp(fl->v[i].rule, rule) &&
		    (conf < 0 || (int)fl->v[i].confidence == conf))
			n++;
	return n;
}

void report_html(FILE *out, const struct finding_list *fl, const char *cwd)
{
	const struct rule_info *r;
	size_t i, j;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
	      "<title>kmemlint report</title><style>", out);
	fputs(style, out);
	fputs("</style><script>", out);
	fputs(script, out);
	fputs("</script></head><body>\n<h1>kmemlint " KML_VERSION " report</h1>\n<p class=\"meta\">", out);
	fprintf(out, "%zu finding%s", fl->n, fl->n == 1 ? "" : "s");
	if (cwd) {
		fputs(", paths relative to ", out);
		esc(out, cwd);
	}
	fputs("</p>\n<table class=\"sum\"><tr><th>rule</th><th>findings</th><th>high</th><th>medium</th></tr>", out);
	for (i = 0; (r = rule_nth(i)); i++) {
		int n = count_rule(fl, r->id, -1);

		if (!n)
			continue;
		fputs("<tr><td title=\"", out);
		esc(out, r->summary);
		fputs("\">", out);
		esc(out, r->id);
		fprintf(out, "</td><td>%d</td><td>%d</td><td>%d</td></tr>", n,
			count_rule(fl, r->id, CONF_HIGH),
			count_rule(fl, r->id, CONF_MEDIUM));
	}
	fputs("</table><table class=\"sum\"><tr><th>file</th><th>findings</th></tr>", out);
	for (i = 0; i < fl->n; i = j) {
		for (j = i; j < fl->n && !strcmp(fl->v[j].file, fl->v[i].file); j++)
			;
		fprintf(out, "<tr><td><a href=\"#file%zu\">", i);
		esc(out, fl->v[i].file);
		fprintf(out, "</a></td><td>%zu</td></tr>", j - i);
	}
	fputs("</table>\n<div id=\"filters\">rule <select id=\"rule\" onchange=\"kmlFilter()\"><option value=\"\">all</option>", out);
	for (i = 0; (r = rule_nth(i)); i++) {
		if (!count_rule(fl, r->id, -1))
			continue;
		fputs("<option value=\"", out);
		esc(out, r->id);
		fputs("\">", out);
		esc(out, r->id);
		fputs("</option>", out);
	}
	fputs("</select> confidence <select id=\"conf\" onchange=\"kmlFilter()\">"
	      "<option value=\"medium\">medium and high</option><option value=\"high\">high only</option></select> "
	      "<span id=\"count\" class=\"meta\"></span></div>\n", out);
	for (i = 0; i < fl->n; i = j) {
		fprintf(out, "<section class=\"file\" id=\"file%zu\"><h2>", i);
		esc(out, fl->v[i].file);
		fputs("</h2>\n", out);
		for (j = i; j < fl->n && !strcmp(fl->v[j].file, fl->v[i].file); j++) {
			const struct finding *f = &fl->v[j];
			const char *c = confidence_name(f->confidence);
			int k;

			fprintf(out, "<div class=\"f %s\" data-conf=\"%s\" data-rule=\"", c, c);
			esc(out, f->rule);
			fputs("\"><div class=\"msg\">", out);
			esc(out, f->message);
			fprintf(out, "</div><div class=\"meta\">line %u, column %u, in ",
				f->line, f->col);
			esc(out, f->function);
			fputs("() &middot; ", out);
			esc(out, f->rule);
			fprintf(out, " &middot; <span class=\"conf\">%s confidence</span></div>", c);
			excerpt(out, f);
			fputs("<ol class=\"trace\">", out);
			for (k = 0; k < f->nnotes; k++) {
				fputs("<li>", out);
				if (strcmp(f->notes[k].file, f->file)) {
					esc(out, f->notes[k].file);
					fputc(':', out);
				}
				fprintf(out, "%u: ", f->notes[k].line);
				esc(out, f->notes[k].msg);
				fputs("</li>", out);
			}
			fputs("</ol></div>\n", out);
		}
		fputs("</section>\n", out);
	}
	fputs("<script>kmlFilter()</script></body></html>\n", out);
}
