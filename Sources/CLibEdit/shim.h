#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
#include <stdio.h>
#include <locale.h>
#include <histedit.h>
#include <wchar.h>

/* Swift cannot call C variadic functions and rejects Glibc's mutable stdio globals under
   strict concurrency, so the few calls we need are wrapped here. */
typedef char *(*clibedit_prompt_fn)(EditLine *);
typedef unsigned char (*clibedit_cmd_fn)(EditLine *, int);

static inline FILE *clibedit_stdin(void)  { return stdin; }
static inline FILE *clibedit_stdout(void) { return stdout; }
static inline FILE *clibedit_stderr(void) { return stderr; }

/* The process environment, for the same reason (Glibc's `environ` is a mutable global). */
extern char **environ;
static inline char **clibedit_environ(void) { return environ; }

typedef int (*clibedit_getc_fn)(EditLine *, wchar_t *);
/* The function libedit reads each key with: the console looks at the line before every key. */
static inline int clibedit_set_getc(EditLine *el, clibedit_getc_fn fn) { return el_set(el, EL_GETCFN, fn); }
/* Redraws the whole line from libedit's own idea of the screen. */
static inline int clibedit_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }
/* History entries, newest first: H_FIRST, then H_NEXT until NULL. */
static inline const char *clibedit_history_walk(History *h, int first) {
    HistEvent ev; return history(h, &ev, first ? H_FIRST : H_NEXT) == -1 ? NULL : ev.str;
}
static inline int clibedit_set_prompt(EditLine *el, clibedit_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int clibedit_set_editor(EditLine *el, const char *mode)      { return el_set(el, EL_EDITOR, mode); }
static inline int clibedit_set_signal(EditLine *el, int on)                { return el_set(el, EL_SIGNAL, on); }
static inline int clibedit_set_clientdata(EditLine *el, void *d)           { return el_set(el, EL_CLIENTDATA, d); }
static inline void *clibedit_get_clientdata(EditLine *el) { void *d = NULL; el_get(el, EL_CLIENTDATA, &d); return d; }
static inline int clibedit_add_function(EditLine *el, const char *name, const char *help, clibedit_cmd_fn fn)
    { return el_set(el, EL_ADDFN, name, help, fn); }
static inline int clibedit_bind(EditLine *el, const char *key, const char *cmd)
    { return el_set(el, EL_BIND, key, cmd, (const char *)NULL); }
static inline int clibedit_attach_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

static inline int clibedit_history_setsize(History *h, int n)    { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int clibedit_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int clibedit_history_enter(History *h, const char *l) { HistEvent ev; return history(h, &ev, H_ENTER, l); }
static inline int clibedit_history_load(History *h, const char *p)  { HistEvent ev; return history(h, &ev, H_LOAD, p); }
static inline int clibedit_history_save(History *h, const char *p)  { HistEvent ev; return history(h, &ev, H_SAVE, p); }
#endif
