# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs QmsAudit into a scratch prefix and uses it as a stranger would, with no LD_LIBRARY_PATH:
# qms-audit creates, records and verifies a log; tests/install/consumer/ builds
# with find_package and run; `import QmsAudit` works with only QML_IMPORT_PATH set. Then the
# prefix is moved elsewhere and the tool and the QML module still work ($ORIGIN run paths).
file(REMOVE_RECURSE ${SCRATCH_DIR})
set(prefix ${SCRATCH_DIR}/prefix)
unset(ENV{LD_LIBRARY_PATH})
unset(ENV{QML_IMPORT_PATH})
unset(ENV{QML2_IMPORT_PATH})

include(${CMAKE_CURRENT_LIST_DIR}/runcommand.cmake)

run(${CMAKE_COMMAND} --install ${QMSAUDIT_BUILD_DIR} --prefix ${prefix})
set(qml_dir ${LIBDIR}/qt6/qml/QmsAudit)
foreach(f include/qmsaudit/auditlog.h include/qmsaudit/qmsaudit_export.h include/qmsaudit/reportdocument.h
          ${LIBDIR}/libqmsaudit-report.so ${LIBDIR}/cmake/QmsAudit/QmsAuditConfig.cmake
          ${LIBDIR}/pkgconfig/qmsaudit.pc bin/qms-audit ${qml_dir}/qmldir ${LIBDIR}/qt6/plugins/qmsaudit/libqmsaudit-plugin.so)
    if(NOT EXISTS ${prefix}/${f})
        message(FATAL_ERROR "not installed: ${f}")
    endif()
endforeach()

# Every installed binary that needs one of our libraries finds it relative to itself, and none
# looks into the build tree.
file(GLOB_RECURSE installed_binaries ${prefix}/bin/* ${prefix}/${LIBDIR}/*.so*)
foreach(binary IN LISTS installed_binaries)
    if(IS_SYMLINK ${binary})
        continue()
    endif()
    run(readelf -d ${binary})
    string(REGEX MATCH "Library runpath: \\[([^]]*)\\]" runpath "${last_output}")
    set(runpath "${CMAKE_MATCH_1}")
    if(runpath MATCHES "${QMSAUDIT_BUILD_DIR}" OR (last_output MATCHES "Shared library: \\[libqmsaudit" AND NOT runpath MATCHES "^\\$ORIGIN"))
        message(FATAL_ERROR "${binary}: want a RUNPATH relative to $ORIGIN, have '${runpath}'")
    endif()
endforeach()

# The tool as installed: `init` records nothing, `record` one event, `verify` its trail_verified,
# `export` its trail_exported, consumer-core one more.
set(data ${SCRATCH_DIR}/data)
file(MAKE_DIRECTORY ${data})
set(log ${data}/check.qmslog)
set(key ${data}/check.key)
run(${prefix}/bin/qms-audit init --log ${log} --generate-key-file ${key})
run(${prefix}/bin/qms-audit record --log ${log} --key-file ${key} --actor installer --action view
    --object-type procedure --object-id SOP-001)
run(${prefix}/bin/qms-audit verify --log ${log} --key-file ${key})
# A PDF report from the installed tool: fonts and the offscreen platform with no display.
run(${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM
    ${prefix}/bin/qms-audit export --log ${log} --key-file ${key} --format pdf --out ${data}/installed.pdf)
if(NOT last_output MATCHES "exported 2 events to .*installed.pdf \\(pdf\\), sha256 [0-9a-f]+")
    message(FATAL_ERROR "qms-audit export --format pdf: ${last_output}")
endif()

# The host sample (QMS Desk) has its own test, Host.HeadlessDemoAndHostTests (run_host_tests.cmake).
set(sanitize_flags)
if(HOST_SANITIZE)
    set(sanitize_flags -DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
endif()

# A consumer of the C++ API and of the QML module.
run(${CMAKE_COMMAND} -S ${QMSAUDIT_SOURCE_DIR}/tests/install/consumer -B ${SCRATCH_DIR}/consumer -G Ninja
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release ${sanitize_flags})
run(${CMAKE_COMMAND} --build ${SCRATCH_DIR}/consumer)
run(${SCRATCH_DIR}/consumer/consumer-core ${log} ${key})
if(NOT last_output MATCHES "^OK 4 events, head [0-9a-f]+")
    message(FATAL_ERROR "consumer-core: ${last_output}")
endif()
run(${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen ${SCRATCH_DIR}/consumer/consumer-report ${log} ${key} ${data}/consumer.pdf)
if(NOT last_output MATCHES "^pages 1: OK 4 events, head [0-9a-f]+")
    message(FATAL_ERROR "consumer-report: ${last_output}")
endif()
set(qml_file ${QMSAUDIT_SOURCE_DIR}/tests/install/consumer/importqmsaudit.qml)
execute_process(COMMAND ${SCRATCH_DIR}/consumer/consumer-qml ${qml_file} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(rc EQUAL 0)
    message(FATAL_ERROR "`import QmsAudit` worked with no import path: is the module installed in the system too?")
endif()
run(${CMAKE_COMMAND} -E env QML_IMPORT_PATH=${prefix}/${LIBDIR}/qt6/qml ${SCRATCH_DIR}/consumer/consumer-qml ${qml_file})
if(NOT last_output MATCHES "import QmsAudit: AuditTrail.isOpen=false")
    message(FATAL_ERROR "consumer-qml: ${last_output}")
endif()

# Moved elsewhere, the installed files still find each other.
set(moved ${SCRATCH_DIR}/moved)
file(RENAME ${prefix} ${moved})
run(${moved}/bin/qms-audit verify --log ${log} --key-file ${key})
if(NOT last_output MATCHES "^OK 4 events")
    message(FATAL_ERROR "qms-audit from the moved prefix: ${last_output}")
endif()
run(${CMAKE_COMMAND} -E env QML_IMPORT_PATH=${moved}/${LIBDIR}/qt6/qml ${SCRATCH_DIR}/consumer/consumer-qml ${qml_file})
message(STATUS "moved prefix: qms-audit verify and import QmsAudit work")
