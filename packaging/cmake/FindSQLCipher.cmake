# SPDX-License-Identifier: LGPL-2.1-or-later
#[=======================================================================[.rst:
FindSQLCipher
-------------
Finds SQLCipher (Debian: libsqlcipher-dev).

Imported targets:
``SQLCipher::Headers``   include directory only (for code that binds the library at run time)
``SQLCipher::SQLCipher`` headers + the shared library (direct linking)

Result variables: ``SQLCipher_FOUND``, ``SQLCipher_VERSION``, ``SQLCipher_INCLUDE_DIR``,
``SQLCipher_LIBRARY``, ``SQLCipher_SONAME`` (file name to dlopen, e.g. libsqlcipher.so.0).
#]=======================================================================]
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(PC_SQLCipher QUIET sqlcipher)
endif()

find_path(SQLCipher_INCLUDE_DIR NAMES sqlcipher/sqlite3.h HINTS ${PC_SQLCipher_INCLUDEDIR})
find_library(SQLCipher_LIBRARY NAMES sqlcipher HINTS ${PC_SQLCipher_LIBDIR})

if(SQLCipher_INCLUDE_DIR AND EXISTS "${SQLCipher_INCLUDE_DIR}/sqlcipher/sqlite3.h")
    set(SQLCipher_VERSION "${PC_SQLCipher_VERSION}")
endif()
if(SQLCipher_LIBRARY)
    # Resolve the symlink chain to the SONAME link that the runtime package ships.
    get_filename_component(_sqlcipher_real "${SQLCipher_LIBRARY}" REALPATH)
    get_filename_component(_sqlcipher_name "${_sqlcipher_real}" NAME)
    string(REGEX REPLACE "^(libsqlcipher\\.so\\.[0-9]+).*$" "\\1" SQLCipher_SONAME "${_sqlcipher_name}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SQLCipher
    REQUIRED_VARS SQLCipher_LIBRARY SQLCipher_INCLUDE_DIR SQLCipher_SONAME
    VERSION_VAR SQLCipher_VERSION)

if(SQLCipher_FOUND AND NOT TARGET SQLCipher::Headers)
    add_library(SQLCipher::Headers INTERFACE IMPORTED)
    # The header must see SQLITE_HAS_CODEC or sqlite3_key is undeclared (docs/design-notes.md, pitfall 2).
    set_target_properties(SQLCipher::Headers PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${SQLCipher_INCLUDE_DIR}"
        INTERFACE_COMPILE_DEFINITIONS "SQLITE_HAS_CODEC=1")
    add_library(SQLCipher::SQLCipher UNKNOWN IMPORTED)
    set_target_properties(SQLCipher::SQLCipher PROPERTIES
        IMPORTED_LOCATION "${SQLCipher_LIBRARY}"
        INTERFACE_LINK_LIBRARIES SQLCipher::Headers)
endif()
mark_as_advanced(SQLCipher_INCLUDE_DIR SQLCipher_LIBRARY)
