# SPDX-License-Identifier: LGPL-2.1-or-later
# Fails when QML_FILE has a test function that tests/qml/CMakeLists.txt does not register.
# FUNCTIONS: the registered names, comma-separated.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "," ";" FUNCTIONS "${FUNCTIONS}")
file(STRINGS ${QML_FILE} lines REGEX "^[ \t]*function test_[A-Za-z0-9_]*\\(")
set(missing "")
foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*function (test_[A-Za-z0-9_]*)\\(.*" "\\1" name "${line}")
    if(NOT name IN_LIST FUNCTIONS)
        list(APPEND missing ${name})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "not registered in tests/qml/CMakeLists.txt: ${missing}")
endif()
list(LENGTH lines count)
message(STATUS "${count} test functions, all registered")
