// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "sarif.h"
#include "source.h"
#include "../util/strvec.h"

#ifndef KML_VERSION
#define KML_VERSION "0.1.0"
#endif

/* A path as a URI reference: unreserved characters and '/' as they are,
 * the rest percent-encoded. */
static void uri_str(FILE *out, const char *prefix, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *buf = xmalloc(strlen(prefix) + 3 * strlen(path) + 1);
	char *p = buf + strlen(prefix);

	strcpy(buf, prefix);
	for (; *path; path++) {
		unsigned char c = (unsigned char)*path;

		if (isalnum(c) || strchr("-._~/", c)) {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	json_str(out, buf);
	free(buf);
}

static void artifact(FILE *out, const char *file)
{
	fputs("{\"uri\": ", out);
	if (file[0] == '/') {
		uri_str(out, "file://", file);
	} else {
		uri_str(out, "", file);
		fputs(", \"uriBaseId\": \"SRCROOT\"", out);
	}
	fputc('}', out);
}

static void physical(FILE *out, const char *file, unsigned line,
		     unsigned col)
{
	fputs("{\"artifactLocation\": ", out);
	artifact(out, file);
	fprintf(out, ", \"region\": {\"startLine\": %u", line ? line : 1);
	if (col)
		fprintf(out, ", \"startColumn\": %u", col);
	fputs("}}", out);
}

static int rule_index(const char *id)
{
	const struct rule_info *r;
	size_t i;

	for (i = 0; (r = rule_nth(i)); i++)
		if (!strcmp(r->id, id))
			return (int)i;
	return -1;
}

/* "UncheckedAlloc": the readable name SARIF wants besides the id */
static void name_of(FILE *out, const char *id)
{
	char buf[64];
	size_t n = 0;
	bool up = true;

	for (; *id && n < sizeof(buf) - 1; id++) {
		if (*id == '-') {
			up = true;
			continue;
		}
		buf[n++] = up ? (char)toupper((unsigned char)*id) : *id;
		up = false;
	}
	buf[n] = '\0';
	json_str(out, buf);
}

static void rules(FILE *out)
{
	const struct rule_info *r;
	size_t i;

	fputs("\"rules\": [", out);
	for (i = 0; (r = rule_nth(i)); i++) {
		char *help = xstrfmt("%s\n\nHow to fix: %s\n\nSee docs/rules.md#%s in the kmemlint sources.",
				     r->description, r->help, r->id);

		fputs(i ? ",\n        {" : "\n        {", out);
		fputs("\"id\": ", out);
		json_str(out, r->id);
		fputs(", \"name\": ", out);
		name_of(out, r->id);
		fputs(", \"shortDescription\": {\"text\": ", out);
		json_str(out, r->summary);
		fputs("}, \"fullDescription\": {\"text\": ", out);
		json_str(out, r->description);
		fputs("}, \"help\": {\"text\": ", out);
		json_str(out, help);
		fputs("}, \"defaultConfiguration\": {\"level\": ", out);
		json_str(out, r->level);
		fputs("}, \"properties\": {\"tags\": [\"memory\", \"linux-kernel\"]}}", out);
		free(help);
	}
	fputs("]", out);
}

/* The fix, when the source still has the identifier where it says. */
static void fixes(FILE *out, const struct finding *f)
{
	const char *s = source_line(f->file, f->line);
	size_t n;

	if (!f->fix_old || !f->fix_new || !s || !f->col ||
	    strlen(s) < f->col - 1)
		return;
	n = strlen(f->fix_old);
	s += f->col - 1;
	if (strncmp(s, f->fix_old, n) || isalnum((unsigned char)s[n]) ||
	    s[n] == '_')
		return;
	fputs(", \"fixes\": [{\"description\": {\"text\": ", out);
	{
		char *d = xstrfmt("Release it with %s()", f->fix_new);

		json_str(out, d);
		free(d);
	}
	fputs("}, \"artifactChanges\": [{\"artifactLocation\": ", out);
	artifact(out, f->file);
	fprintf(out, ", \"replacements\": [{\"deletedRegion\": {\"startLine\": %u, \"startColumn\": %u, \"endColumn\": %zu}, \"insertedContent\": {\"text\": ",
		f->line, f->col, f->col + n);
	json_str(out, f->fix_new);
	fputs("}}]}]}]", out);
}

static void result(FILE *out, const struct finding *f)
{
	const struct rule_info *r = rule_find(f->rule);
	char fp[17];
	int i;

	finding_fingerprint(f, fp);
	fputs("{\"ruleId\": ", out);
	json_str(out, f->rule);
	if (r)
		fprintf(out, ", \"ruleIndex\": %d, \"level\": \"%s\"",
			rule_index(f->rule), r->level);
	fputs(", \"message\": {\"text\": ", out);
	json_str(out, f->message);
	fputs("}, \"locations\": [{\"physicalLocation\": ", out);
	physical(out, f->file, f->line, f->col);
	fputs(", \"logicalLocations\": [{\"name\": ", out);
	json_str(out, f->function);
	fputs(", \"kind\": \"function\"}]}]", out);
	if (f->nnotes) {
		fputs(", \"codeFlows\": [{\"threadFlows\": [{\"locations\": [", out);
		for (i = 0; i < f->nnotes; i++) {
			fputs(i ? ", {\"location\": {\"physicalLocation\": " :
				  "{\"location\": {\"physicalLocation\": ", out);
			physical(out, f->notes[i].file, f->notes[i].line,
				 f->notes[i].col);
			fputs(", \"message\": {\"text\": ", out);
			json_str(out, f->notes[i].msg);
			fprintf(out, "}}, \"executionOrder\": %d}", i + 1);
		}
		fputs("]}]}]", out);
	}
	fputs(", \"partialFingerprints\": {\"kmemlintFingerprint/v1\": ", out);
	json_str(out, fp);
	fputs("}, \"properties\": {\"confidence\": ", out);
	json_str(out, confidence_name(f->confidence));
	/* issue 10: whether a fix is available, from --fix/--cocci's patch
	 * or the checker's replacement; "fixes" when it is known here */
	fprintf(out, ", \"fixAvailable\": %s",
		finding_fix_available(f) ? "true" : "false");
	if (f->engines)
		fprintf(out, ", \"engines\": [%s%s%s]",
			f->engines & ENGINE_KMEMLINT ? "\"kmemlint\"" : "",
			f->engines == (ENGINE_KMEMLINT | ENGINE_COCCINELLE) ?
			", " : "",
			f->engines & ENGINE_COCCINELLE ? "\"coccinelle\"" : "");
	fputs("}", out);
	fixes(out, f);
	fputs("}", out);
}

void report_sarif(FILE *out, const struct finding_list *fl, const char *cwd)
{
	size_t i;

	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
	      "    \"tool\": {\"driver\": {\"name\": \"kmemlint\", \"version\": \""
	      KML_VERSION "\", \"semanticVersion\": \"" KML_VERSION "\",\n      ", out);
	rules(out);
	fputs("}},\n", out);
	if (cwd) {
		char *dir = xstrfmt("%s/", strcmp(cwd, "/") ? cwd : "");

		fputs("    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": ", out);
		uri_str(out, "file://", dir);
		fputs("}},\n", out);
		free(dir);
	}
	fputs("    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [", out);
	for (i = 0; i < fl->n; i++) {
		fputs(i ? ",\n      " : "\n      ", out);
		result(out, &fl->v[i]);
	}
	fputs(fl->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", out);
}
