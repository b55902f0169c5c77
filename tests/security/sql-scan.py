#!/usr/bin/python3
# sql-scan.py: every SQL statement is fixed text with bound values. Scans the
# C sources for SQL built from strings.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   sql-scan.py SRC_DIR
#
# The rules apply to any file under SRC_DIR, today's and tomorrow's:
#
#  1. The SQL argument of sqlite3_exec, sqlite3_prepare* and of any function
#     that takes a parameter named `sql` (the wrappers, found by their
#     declarations) must be fixed text: string literals, macros made of string
#     literals, an element of a static array of string literals, the wrapper's
#     own `sql` parameter, or a GString only ever fed string literals.
#  2. No printf-like or concatenating call (g_strdup_printf, g_string_printf,
#     g_string_append_printf, sqlite3_mprintf, sqlite3_snprintf, g_strconcat,
#     g_strjoin…) may have SQL text among its arguments.
#
# What breaks a rule is an error unless it is on the ALLOWED list below, where
# each entry says why it cannot be bound. Prints TAP; the last test checks the
# scanner itself on planted examples.

import os
import re
import sys

# (path ending, text of the call as the scanner reports it (a regex), why)
ALLOWED = [
    ('src/core/carnet-notebook.c',
     r'g_strdup_printf \("PRAGMA application_id = %d; PRAGMA user_version = %d;"',
     'PRAGMA takes no bound parameters; both numbers are compile-time constants '
     '(CARNET_APPLICATION_ID, CARNET_SCHEMA_VERSION), not input'),
    ('src/core/carnet-notebook.c',
     r'exec_sql \(self, set_version, error\)',
     'runs the PRAGMA above'),
    ('src/core/carnet-notebook-pages.c',
     r'g_string_append_printf \(sql, "SELECT %d, id, %s FROM %s WHERE trashed_utc IS NULL"',
     'table and column names from the fixed timelines[] table indexed by CarnetRecordKind, '
     'and placeholder numbers; every value is bound'),
    ('src/core/carnet-notebook-pages.c',
     r'carnet_notebook_prepare \(self, sql, error\)',
     'the interned text page_sql() builds as above'),
]

SINKS = {
    'sqlite3_exec': 1,
    'sqlite3_prepare': 1,
    'sqlite3_prepare_v2': 1,
    'sqlite3_prepare_v3': 1,
    'sqlite3_prepare16': 1,
    'sqlite3_prepare16_v2': 1,
    'sqlite3_prepare16_v3': 1,
}

BUILDERS = {
    'g_strdup_printf', 'g_strdup_vprintf', 'g_string_printf', 'g_string_append_printf',
    'g_string_vprintf', 'g_string_append_vprintf', 'sqlite3_mprintf', 'sqlite3_vmprintf',
    'sqlite3_snprintf', 'sqlite3_str_appendf', 'g_strconcat', 'g_strjoin', 'g_snprintf',
    'snprintf', 'sprintf', 'asprintf', 'g_build_string',
}

# Statement shapes, in the upper case the sources write SQL in (so that
# English such as "Select a file" does not count).
SQL_TEXT = re.compile(
    r'\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|'
    r'DELETE\s+FROM\b|REPLACE\s+INTO\b|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER|VIRTUAL)\b|'
    r'DROP\s+(TABLE|INDEX|VIEW|TRIGGER)\b|ALTER\s+TABLE\b|ATTACH\b|PRAGMA\s+\w+|'
    r'WHERE\s+\w+\s*(=|<|>|LIKE|IN|MATCH|IS)|BEGIN(\s+IMMEDIATE)?\b|COMMIT\b|ROLLBACK\b)')

STRING = r'"(?:[^"\\\n]|\\.)*"'
CHAR = r"'(?:[^'\\\n]|\\.)*'"


def strip_comments(text):
    """Comments become spaces (newlines kept); strings stay."""
    out = []
    i = 0
    pattern = re.compile(r'%s|%s|/\*[\s\S]*?\*/|//[^\n]*' % (STRING, CHAR))
    for m in pattern.finditer(text):
        out.append(text[i:m.start()])
        token = m.group(0)
        if token.startswith('/'):
            out.append(re.sub(r'[^\n]', ' ', token))
        else:
            out.append(token)
        i = m.end()
    out.append(text[i:])
    return ''.join(out)


def call_arguments(text, open_paren):
    """The top-level arguments of the call whose '(' is at @open_paren, and
    the index after its ')'."""
    depth = 0
    args = []
    start = open_paren + 1
    i = open_paren
    token = re.compile(r'%s|%s|[(),\[\]{}]' % (STRING, CHAR))
    while True:
        m = token.search(text, i)
        if m is None:
            return None, len(text)
        t = m.group(0)
        if t in '([{':
            depth += 1
        elif t in ')]}':
            depth -= 1
            if depth == 0:
                args.append(text[start:m.start()].strip())
                return args, m.end()
        elif t == ',' and depth == 1:
            args.append(text[start:m.start()].strip())
            start = m.end()
        i = m.end()


# Function-like macros whose body is string literals and their parameters:
# name -> number of parameters. Filled by find_macros().
TEXT_MACROS = {}


def only_literals(expression, macros):
    """String literals, macros made of them, and text macros called with
    string literals, side by side."""
    expression = expand_text_macros(expression, macros)
    if expression is None:
        return False
    rest = re.sub(STRING, ' ', expression)
    words = rest.split()
    return bool(re.search(STRING, expression)) and all(w in macros for w in words) \
        or (len(words) == 1 and words[0] in macros and not re.search(STRING, expression))


def expand_text_macros(expression, macros):
    """@expression with each call of a text macro whose arguments are all
    fixed text replaced by a literal; None if one has other arguments."""
    while True:
        m = None
        for name in TEXT_MACROS:
            m = re.search(r'\b%s\s*\(' % re.escape(name), expression)
            if m:
                break
        if m is None:
            return expression
        args, end = call_arguments(expression, m.end() - 1)
        if args is None or len(args) != TEXT_MACROS[name] or \
                not all(only_literals(arg, macros) for arg in args):
            return None
        expression = expression[:m.start()] + ' "" ' + expression[end:]


class Source:
    def __init__(self, path, text):
        self.path = path
        self.text = strip_comments(text)
        self.lines = self.text.count('\n')

    def line_of(self, index):
        return self.text.count('\n', 0, index) + 1


def find_macros(sources):
    """#define NAME "literal" "literal"…, and macros made of those."""
    macros = set()
    defines = []
    for source in sources:
        for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+((?:[^\n\\]|\\\n|\\.)*)',
                             source.text, re.M):
            defines.append((m.group(1), m.group(2).replace('\\\n', ' ')))
    for source in sources:
        for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+(\w+)\(([\w\s,]*)\)[ \t]+'
                             r'((?:[^\n\\]|\\\n|\\.)*)', source.text, re.M):
            params = [p.strip() for p in m.group(2).split(',') if p.strip()]
            body = re.sub(STRING, ' ', m.group(3).replace('\\\n', ' '))
            if re.search(STRING, m.group(3)) and all(w in params for w in body.split()):
                TEXT_MACROS[m.group(1)] = len(params)
    changed = True
    while changed:
        changed = False
        for name, body in defines:
            if name not in macros and body.strip() and only_literals(body, macros):
                macros.add(name)
                changed = True
    return macros


def find_constant_arrays(source, macros):
    """static const char *NAME[] = { "…", [X] = "…", … }; of literals only."""
    names = set()
    for m in re.finditer(r'\bconst\s+char\s*\*\s*(?:const\s+)?(\w+)\s*\[[^\]]*\]\s*=\s*\{',
                         source.text):
        body, _ = call_arguments(source.text, m.end() - 1)
        if body is None:
            continue
        items = [re.sub(r'^\[[^\]]*\]\s*=\s*', '', item) for item in body if item]
        if items and all(only_literals(item, macros) for item in items):
            names.add(m.group(1))
    for m in re.finditer(r'\bconst\s+char\s+(\w+)\s*\[\s*\]\s*=\s*(%s(?:\s*%s)*)\s*;'
                         % (STRING, STRING), source.text):
        names.add(m.group(1))
    return names


def find_wrappers(sources):
    """Functions with a parameter named sql: name -> its index."""
    wrappers = dict(SINKS)
    declaration = re.compile(r'\b(\w+)\s*\(([^;{}()]*\bsql\b[^;{}()]*)\)\s*[{;]')
    for source in sources:
        for m in declaration.finditer(source.text):
            params = [p.strip() for p in m.group(2).split(',')]
            for index, param in enumerate(params):
                if re.search(r'\*\s*sql$', param):
                    wrappers[m.group(1)] = index
    return wrappers


def gstring_fed_literals(source, name, macros, constants):
    """Every g_string_* call on @name (and its g_string_new) takes fixed text."""
    seen = False
    for m in re.finditer(r'\b(g_string_\w+)\s*\(', source.text):
        args, _ = call_arguments(source.text, m.end() - 1)
        if not args:
            continue
        function = m.group(1)
        if function in ('g_string_new', 'g_string_new_len', 'g_string_sized_new'):
            before = source.text[max(0, m.start() - 80):m.start()]
            if not re.search(r'\b%s\s*=\s*$' % re.escape(name), before):
                continue
            seen = True
            if function == 'g_string_sized_new' or only_literals(args[0], macros):
                continue
            return False
        if args[0].lstrip('&') != name and args[0] != name:
            continue
        seen = True
        if function in ('g_string_free', 'g_string_truncate', 'g_string_set_size',
                        'g_string_free_and_steal', 'g_string_free_to_bytes'):
            continue
        if function in ('g_string_append', 'g_string_prepend', 'g_string_assign') and \
                len(args) == 2 and (only_literals(args[1], macros) or
                                    re.fullmatch(r'(\w+)(\[[^\]]*\])?', args[1]) and
                                    re.fullmatch(r'(\w+)', args[1].split('[')[0]).group(1)
                                    in constants):
            continue
        if function == 'g_string_append_c':
            continue
        return False
    return seen


def fixed_text(source, argument, macros, constants, wrapper_params):
    argument = argument.strip()
    while argument.startswith('(') and argument.endswith(')'):
        argument = argument[1:-1].strip()
    if only_literals(argument, macros):
        return True
    m = re.fullmatch(r'(\w+)\s*(\[[^\]]*\])?', argument)
    if m and (m.group(1) in constants or m.group(1) in macros):
        return True
    if m and m.group(2) is None and m.group(1) in wrapper_params:
        return True
    m = re.fullmatch(r'(\w+)\s*->\s*str', argument)
    if m and gstring_fed_literals(source, m.group(1), macros, constants):
        return True
    return False


def enclosing_parameters(source, index):
    """Parameter names of the function the index is in (the last definition
    before it)."""
    head = source.text[:index]
    definitions = list(re.finditer(r'^\w[\w\s\*]*?\b(\w+)\s*\(([^;{}()]*)\)\s*\{', head, re.M))
    if not definitions:
        return set()
    params = definitions[-1].group(2)
    return {re.split(r'[\s\*]+', p.strip())[-1] for p in params.split(',') if p.strip()}


def scan(sources):
    macros = find_macros(sources)
    wrappers = find_wrappers(sources)
    problems = []
    for source in sources:
        constants = find_constant_arrays(source, macros)
        names = '|'.join(sorted(set(wrappers) | BUILDERS, key=len, reverse=True))
        for m in re.finditer(r'\b(%s)\s*\(' % names, source.text):
            name = m.group(1)
            args, end = call_arguments(source.text, m.end() - 1)
            if args is None:
                continue
            after = source.text[end:end + 40].lstrip()
            call = ' '.join(source.text[m.start():end].split())
            line = source.line_of(m.start())
            if name in BUILDERS:
                literals = ' '.join(re.findall(STRING, ' '.join(args)))
                if SQL_TEXT.search(literals):
                    problems.append((source.path, line, call, 'SQL built with %s' % name))
                continue
            index = wrappers[name]
            # A declaration or definition, not a call.
            if after.startswith('{') or after.startswith(';') and \
                    re.search(r'\*\s*sql$', args[index] if index < len(args) else ''):
                continue
            if index >= len(args):
                continue
            if fixed_text(source, args[index], macros, constants,
                          enclosing_parameters(source, m.start()) & {'sql'}):
                continue
            problems.append((source.path, line, call,
                             'SQL argument of %s is not fixed text: %s' % (name, args[index])))
    return problems


def allowed(problem):
    path, _, call, _ = problem
    return any(path.endswith(suffix) and re.search(pattern, call)
               for suffix, pattern, _ in ALLOWED)


def read_tree(root):
    sources = []
    for directory, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith(('.c', '.h')):
                path = os.path.join(directory, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    sources.append(Source(os.path.relpath(path, os.path.dirname(root)), f.read()))
    return sources


PLANTED_BAD = r'''
CarnetCachedStmt *carnet_notebook_prepare (CarnetNotebook *self, const char *sql, GError **error);

static gboolean
find (sqlite3 *db, const char *name)
{
  g_autofree char *q = g_strdup_printf ("SELECT id FROM results WHERE name = '%s'", name);
  sqlite3_stmt *stmt;
  g_autoptr(GString) where = g_string_new ("SELECT id FROM results WHERE ");

  g_string_append (where, name);
  sqlite3_prepare_v2 (db, where->str, -1, &stmt, NULL);
  return sqlite3_exec (db, q, NULL, NULL, NULL) == SQLITE_OK;
}

static void
run (CarnetNotebook *self, const char *table)
{
  char *sql = sqlite3_mprintf ("DELETE FROM %s", table);

  carnet_notebook_prepare (self, sql, NULL);
}
'''

PLANTED_GOOD = r'''
#define COLUMNS "id, name"
#define COUNT_OF(table) "SELECT count(*) FROM " table
static const char *purge_sql[] = {
  [0] = "DELETE FROM results WHERE trashed_utc < ?1",
  [1] = "DELETE FROM questions WHERE trashed_utc < ?1",
  [2] = COUNT_OF ("results") ";" COUNT_OF ("questions"),
};

CarnetCachedStmt *
carnet_notebook_prepare (CarnetNotebook  *self,
                         const char      *sql,
                         GError         **error)
{
  return sqlite3_prepare_v3 (self->db, sql, -1, 0, NULL, NULL);
}

static void
good (CarnetNotebook *self, sqlite3 *db, int kind, gboolean trashed)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " COLUMNS " FROM results");
  g_autofree char *label = g_strdup_printf ("Select a file (%d)", kind);

  if (trashed)
    g_string_append (sql, " WHERE trashed_utc IS NOT NULL");
  sqlite3_prepare_v2 (db, sql->str, -1, NULL, NULL);
  carnet_notebook_prepare (self, purge_sql[kind], NULL);
  carnet_notebook_prepare (self, "SELECT " COLUMNS " FROM results WHERE id = ?1", NULL);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
}
'''


def main():
    root = sys.argv[1]
    sources = read_tree(root)
    print('1..3')
    problems = scan(sources)
    bad = [p for p in problems if not allowed(p)]
    status = 0
    if bad:
        status = 1
        print('not ok 1 - SQL is fixed text with bound values, in %d files' % len(sources))
        for path, line, call, why in bad:
            print('# %s:%d: %s\n#   %s' % (path, line, why, call[:200]))
    else:
        print('ok 1 - SQL is fixed text with bound values, in %d files (%d allowed exceptions)'
              % (len(sources), len(problems)))

    # Every allowed exception of a file that is there is still needed: the
    # list does not rot.
    paths = [source.path for source in sources]
    unused = [entry for entry in ALLOWED
              if any(path.endswith(entry[0]) for path in paths) and
              not any(p[0].endswith(entry[0]) and re.search(entry[1], p[2]) for p in problems)]
    if unused:
        status = 1
        print('not ok 2 - every allowed exception is used')
        for suffix, pattern, _ in unused:
            print('# unused: %s %s' % (suffix, pattern))
    else:
        print('ok 2 - every allowed exception is used')

    # The scanner catches what it must, and only that.
    found_bad = scan([Source('planted/bad.c', PLANTED_BAD)])
    found_good = scan([Source('planted/good.c', PLANTED_GOOD)])
    if len(found_bad) == 5 and not found_good:
        print('ok 3 - the scanner finds the 5 planted string-built statements and no false alarm')
    else:
        status = 1
        print('not ok 3 - the scanner on planted examples')
        for problem in found_bad + found_good:
            print('# %s:%d: %s: %s' % problem)
    return status


if __name__ == '__main__':
    sys.exit(main())
