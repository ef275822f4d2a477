#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks that the Debian install list covers everything the project uses.

A package installed by hand on a developer's machine hides a missing install step until a
stranger's build fails. This guard derives what must be installed from the project itself and
fails, naming the package, when the list (packaging/debian/packages.txt) does not cover it, either
directly or through the Depends/Pre-Depends of a listed package:

* QML: every `import` in the project's .qml/.js files and, transitively, in the qmldir and .qml
  files of the modules they import (QtTest's TestCase.qml imports QtQuick.Window).
* Shared libraries: the NEEDED entries (readelf -d) of every ELF file in the build tree, plus the
  libraries loaded with dlopen (--dlopen SONAME), resolved through the ldconfig cache.
* Tools: every program the tests, CMake files and scripts run, as they name them:
  `findTool(QStringLiteral("x"))`, `findExecutable(u"x"_s)`, `.start(QStringLiteral("x")`,
  `find_program(VAR x)` and `require_tools x y` in packaging/scripts/*.sh.

Exit status: 0 covered, 1 something is not covered (one sentence per finding on stderr),
2 the guard itself cannot run. With --print-qml-packages DIR it instead prints the Debian packages
that the QML module in DIR needs at run time (for the .deb's Depends).
"""

import argparse
from dataclasses import dataclass
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

SYSTEM_TOOL_DIRS = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
SOURCE_SUFFIXES = {".cpp", ".h", ".txt", ".cmake", ".sh"}
SKIPPED_DIRS = {".git", "build", "node_modules"}

QML_IMPORT = re.compile(r"^\s*\.?import\s+([A-Za-z_][\w.]*)(?:\s+[\d.]+|\s+auto)?(?:\s+as\s+\w+)?\s*;?\s*(?://.*)?$")
QMLDIR_IMPORT = re.compile(r"^\s*(?:import|depends)\s+([A-Za-z_][\w.]*)")
TOOL_PATTERNS = [
    re.compile(r'findTool\(\s*QStringLiteral\(\s*"([^"]+)"'),
    re.compile(r'findExecutable\(\s*(?:u|QStringLiteral\(\s*)?"([^"]+)"'),
    re.compile(r'\.start\(\s*QStringLiteral\(\s*"([^"/]+)"'),
    re.compile(r"find_program\(\s*\w+\s+(?:NAMES\s+)?([\w.+-]+)"),
]
REQUIRE_TOOLS = re.compile(r"^\s*require_tools\s+(.+)$")


class GuardError(Exception):
    """The guard cannot run (a missing system tool, an unreadable file): exit 2."""


def run(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise GuardError(f"cannot run {command[0]}: {error}") from error


def read_package_list(path):
    packages = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        packages.extend(line.split("#", 1)[0].split())
    return packages


class PackageDatabase:
    """The installed packages (dpkg-query), who owns which file, and the closure of a list."""

    def __init__(self):
        result = run(["dpkg-query", "-W", "-f=${Package}\t${db:Status-Abbrev}\t${Essential}\t${Depends}\t${Pre-Depends}\t${Provides}\n"])
        if result.returncode != 0:
            raise GuardError(f"dpkg-query failed: {result.stderr.strip()}")
        self.depends = {}
        self.providers = {}
        self.essential = []
        for line in result.stdout.splitlines():
            name, status, essential, depends, pre_depends, provides = (line.split("\t") + [""] * 6)[:6]
            if not status.startswith("ii"):
                continue
            if essential == "yes":
                self.essential.append(name)
            self.depends[name] = [d for d in (depends, pre_depends) if d]
            for provided in self._names(provides):
                self.providers.setdefault(provided, []).append(name)

    @staticmethod
    def _bare_name(relation):
        """`libfoo:any (>= 1.0)` -> `libfoo`."""
        return re.sub(r"\(.*?\)|:\w+", "", relation).strip()

    @classmethod
    def _names(cls, field):
        return [cls._bare_name(item) for item in field.split(",") if item.strip()]

    def installed(self, name):
        return name in self.depends

    def _resolve(self, name):
        if self.installed(name):
            return [name]
        return self.providers.get(name, [])

    def closure(self, packages):
        """Listed packages plus everything apt would install with them (first alternatives), plus
        the Essential packages that every Debian system has and nothing needs to depend on."""
        seen = set()
        pending = list(packages) + self.essential
        while pending:
            name = pending.pop()
            if name in seen or not self.installed(name):
                continue
            seen.add(name)
            for field in self.depends[name]:
                for clause in field.split(","):
                    alternatives = [self._bare_name(a) for a in clause.split("|")]
                    # apt takes the first alternative that can be had; here: the first installed one.
                    for alternative in alternatives:
                        resolved = self._resolve(alternative)
                        if resolved:
                            pending.extend(resolved)
                            break
        return seen

    @staticmethod
    def owners(paths):
        """Maps each path to the package owning it (or a /usr-merged twin of it), if any."""
        candidates = {}
        for path in paths:
            real = os.path.realpath(path)
            variants = [path, real]
            for p in (path, real):
                variants.append(p[4:] if p.startswith("/usr/") else "/usr" + p)
            candidates[path] = list(dict.fromkeys(variants))
        queried = sorted({v for vs in candidates.values() for v in vs})
        owned = {}
        if queried:
            result = run(["dpkg-query", "-S", *queried])
            for line in result.stdout.splitlines():
                owner_part, _, owned_path = line.partition(": ")
                if owned_path:
                    owned[owned_path.strip()] = [o.strip().split(":")[0] for o in owner_part.split(",")]
        return {path: next((owned[v][0] for v in variants if v in owned), None) for path, variants in candidates.items()}


@dataclass
class Finding:
    """Something the project needs: what it is and who needs it, in words for the message."""
    what: str
    guessed_package: str = ""  # for a QML module that is not installed at all: Debian's name for it


def project_files(source_dir, suffixes):
    for root, dirs, files in os.walk(source_dir):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("build")]
        for name in files:
            if Path(name).suffix in suffixes:
                yield Path(root) / name


def qml_imports_of_file(path):
    imports = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise GuardError(f"cannot read {path}: {error}") from error
    pattern = QMLDIR_IMPORT if path.name == "qmldir" else QML_IMPORT
    for line in lines:
        if path.name == "qmldir" and line.strip().startswith("optional"):
            continue  # an optional import may be absent by design
        match = pattern.match(line)
        if match:
            imports.append(match.group(1))
    return imports


def qml_module_dir(uri, import_paths):
    for base in import_paths:
        candidate = Path(base) / uri.replace(".", "/")
        if (candidate / "qmldir").is_file():
            return candidate
    return None


CPP_REGISTERED_MODULE = re.compile(r'qmlRegister\w+\(\s*"([A-Za-z_][\w.]*)"')


def cpp_registered_modules(source_dir):
    """URIs the project's C++ registers itself (qmlRegisterSingletonInstance("QmsDemo", …)): no package provides them."""
    uris = set()
    for path in project_files(source_dir, {".cpp", ".h"}):
        uris.update(CPP_REGISTERED_MODULE.findall(path.read_text(encoding="utf-8", errors="replace")))
    return uris


def qml_findings(start_files, import_paths, own_dirs, start_label, own_uris=frozenset()):
    """Walks imports from @p start_files; returns (system module qmldir paths, unresolved findings)."""
    needed = {}  # qmldir path -> Finding
    unresolved = []
    visited = set(own_uris)
    pending = [(f, start_label(f)) for f in start_files]
    while pending:
        path, chain = pending.pop()
        for uri in qml_imports_of_file(path):
            if uri in visited:
                continue
            visited.add(uri)
            module = qml_module_dir(uri, import_paths)
            label = f"QML module {uri}, imported by {chain}"
            if module is None:
                guess = "qml6-module-" + uri.lower().replace(".", "-")
                unresolved.append(Finding(label, guessed_package=guess))
                continue
            if not any(str(module).startswith(str(own)) for own in own_dirs):
                needed[str(module / "qmldir")] = Finding(label)
            inner = [module / "qmldir"] + sorted(module.glob("*.qml")) + sorted(module.glob("*.js"))
            pending.extend((f, f"{uri} ({chain})") for f in inner)
    return needed, unresolved


def elf_files(build_dir):
    for root, dirs, files in os.walk(build_dir):
        # scratch/, _CPack_Packages/: what the install tests build and remove while this runs.
        dirs[:] = [d for d in dirs if d not in ("CMakeFiles", "scratch", "_CPack_Packages") and not d.endswith("_autogen")]
        for name in files:
            path = Path(root) / name
            if path.is_symlink() or name.endswith(".o"):
                continue
            try:
                with open(path, "rb") as handle:
                    header = handle.read(18)
            except OSError:
                continue
            # ELF magic, and e_type executable (2) or shared object (3): not relocatable objects.
            if header[:4] == b"\x7fELF" and header[16] in (2, 3):
                yield path


def dynamic_entries(path):
    result = run(["readelf", "-d", "-W", str(path)])
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout)
    soname = re.findall(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", result.stdout)
    return needed, soname


def ldconfig_cache():
    """SONAME -> path from the dynamic linker's cache, preferring this machine's architecture."""
    ldconfig = next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None)
    if ldconfig is None:
        raise GuardError("ldconfig not found")
    result = run([ldconfig, "-p"])
    native = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(platform.machine(), "")
    cache = {}
    for soname, flags, path in re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", result.stdout, re.M):
        if soname not in cache or (native and native in flags and native not in cache[soname][0]):
            cache[soname] = (flags, path)
    return {soname: path for soname, (_, path) in cache.items()}


def library_findings(build_dir, dlopened):
    binaries = list(elf_files(build_dir))
    own = {p.name for p in binaries}
    needs = {}
    for binary in binaries:
        needed, soname = dynamic_entries(binary)
        own.update(soname)
        for library in needed:
            needs.setdefault(library, binary)
    for soname in dlopened:
        needs.setdefault(soname, "dlopen() in the core library")
    cache = ldconfig_cache()
    paths, unresolved = {}, []
    for library, user in sorted(needs.items()):
        if library in own:
            continue
        label = f"library {library}, needed by {Path(user).relative_to(build_dir) if isinstance(user, Path) else user}"
        if library in cache:
            paths[cache[library]] = Finding(label)
        else:
            unresolved.append(Finding(label + ", is not installed"))
    return paths, unresolved, len(binaries)


def tool_references(source_dir):
    tools = {}
    for path in project_files(source_dir, SOURCE_SUFFIXES):
        text = path.read_text(encoding="utf-8", errors="replace")
        relative = path.relative_to(source_dir)
        for pattern in TOOL_PATTERNS:
            for name in pattern.findall(text):
                tools.setdefault(name, relative)
        if path.suffix == ".sh":
            for line in text.splitlines():
                match = REQUIRE_TOOLS.match(line)
                if match:
                    for name in match.group(1).split("#", 1)[0].split():
                        tools.setdefault(name, relative)
    return tools


def tool_paths(tools, extra_dirs):
    found, unresolved = {}, []
    for name, user in sorted(tools.items()):
        label = f"tool {name}, run by {user}"
        candidates = [name] if name.startswith("/") else [os.path.join(d, name) for d in SYSTEM_TOOL_DIRS + extra_dirs]
        path = next((c for c in candidates if os.path.isfile(c) and os.access(c, os.X_OK)), None)
        if path:
            found[path] = Finding(label)
        else:
            unresolved.append(Finding(label + ", is not installed by any Debian package"))
    return found, unresolved


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--packages", help="the install list (required unless --print-qml-packages)")
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--build-dir", help="build tree whose ELF files are checked")
    parser.add_argument("--qml-import-path", action="append", default=[], help="where QML modules are looked up (repeatable)")
    parser.add_argument("--dlopen", action="append", default=[], help="a SONAME loaded with dlopen (repeatable)")
    parser.add_argument("--tool-dir", action="append", default=[], help="a directory of tools besides /usr/bin etc. (repeatable)")
    parser.add_argument("--print-qml-packages", metavar="MODULE_DIR", help="print the packages a QML module needs at run time")
    parser.add_argument("--output", help="with --print-qml-packages: write to this file instead of stdout")
    args = parser.parse_args()
    if not args.packages and not args.print_qml_packages:
        parser.error("--packages is required")

    source_dir = Path(args.source_dir).resolve()
    build_dir = Path(args.build_dir).resolve() if args.build_dir else None
    own_dirs = [d for d in (source_dir, build_dir) if d]
    import_paths = [Path(p).resolve() for p in args.qml_import_path]

    if args.print_qml_packages:
        module = Path(args.print_qml_packages).resolve()
        # The module's own files import it too (Qt 6.4 gives them its C++ types only that way): the
        # module resolves to itself, which is never a dependency.
        needed, unresolved = qml_findings([module / "qmldir"] + sorted(module.glob("*.qml")), [module.parent] + import_paths,
                                          [module], lambda f: str(f.relative_to(module.parent)))
        if unresolved:
            for finding in unresolved:
                print(f"check-deps: {finding.what} is not installed", file=sys.stderr)
            return 1
        depends = ", ".join(sorted({o for o in PackageDatabase.owners(needed).values() if o}))
        if args.output:
            Path(args.output).write_text(depends + "\n", encoding="utf-8")
        else:
            print(depends)
        return 0

    database = PackageDatabase()
    listed = read_package_list(args.packages)
    list_name = os.path.relpath(args.packages, source_dir) if args.packages.startswith(str(source_dir)) else args.packages
    closure = database.closure(listed)
    problems = []
    for name in listed:
        if not database.installed(name):
            problems.append(f"package {name} is in {list_name} but not installed: run packaging/scripts/install-deps.sh.")

    qml_files = sorted(p for p in project_files(source_dir, {".qml", ".js"}))
    qml_needed, qml_unresolved = qml_findings(qml_files, import_paths, own_dirs, lambda f: str(f.relative_to(source_dir)),
                                              cpp_registered_modules(source_dir))
    needed = dict(qml_needed)
    unresolved = list(qml_unresolved)
    libraries, binaries = {}, 0
    if build_dir:
        libraries, library_unresolved, binaries = library_findings(build_dir, args.dlopen)
        needed.update(libraries)
        unresolved.extend(library_unresolved)
    tools, tool_unresolved = tool_paths(tool_references(source_dir), args.tool_dir)
    needed.update(tools)
    unresolved.extend(tool_unresolved)

    owners = PackageDatabase.owners(needed)
    for path, finding in sorted(needed.items(), key=lambda item: item[1].what):
        owner = owners[path]
        if owner is None:
            problems.append(f"{finding.what}, is {path}, which no Debian package owns: install it from a Debian package and list that.")
        elif owner not in closure:
            problems.append(f"missing package {owner}: {finding.what}, comes from {owner}, which {list_name} does not list "
                            f"and no listed package depends on.")
    for finding in unresolved:
        if finding.guessed_package:
            listed_note = "is listed but not installed" if finding.guessed_package in listed else f"is not in {list_name}"
            problems.append(f"missing package {finding.guessed_package}: {finding.what}, is not installed "
                            f"(Debian ships it as {finding.guessed_package}, which {listed_note}).")
        else:
            problems.append(f"{finding.what}.")

    for problem in problems:
        print(f"check-deps: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check-deps: {len(listed)} listed packages ({len(closure)} with their dependencies) cover "
          f"{len(qml_needed)} QML modules, {len(libraries)} libraries "
          f"needed by {binaries} binaries, and {len(tools)} tools.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except GuardError as error:
        print(f"check-deps: {error}", file=sys.stderr)
        sys.exit(2)
