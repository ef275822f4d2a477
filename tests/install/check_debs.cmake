# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds the .debs with CPack from the build tree into OUT_DIR and checks each one's contents
# (dpkg-deb -c), control fields and Depends (dpkg-deb -f), and that lintian finds no error.
file(REMOVE_RECURSE ${OUT_DIR})

include(${CMAKE_CURRENT_LIST_DIR}/runcommand.cmake)

run(${CMAKE_COMMAND} -E chdir ${BUILD_DIR} cpack -B ${OUT_DIR})
set(release "${VERSION}-1")
set(lib usr/${LIBDIR})

# package;files it must hold;files it must not hold;Depends it must have;Section
set(runtime_files ${lib}/libqmsaudit.so.0 ${lib}/libqmsaudit.so.${VERSION} ${lib}/libqmsaudit-qml.so.${VERSION}
    ${lib}/libqmsaudit-report.so.0 ${lib}/libqmsaudit-report.so.${VERSION}
    ${lib}/qt6/plugins/qmsaudit/libqmsaudit-plugin.so ${lib}/qt6/qml/QmsAudit/qmldir
    ${lib}/qt6/qml/QmsAudit/libqmsaudit_qmlplugin.so usr/share/doc/libqmsaudit0/copyright)
set(runtime_absent ${lib}/libqmsaudit.so usr/include/qmsaudit/auditlog.h usr/bin/qms-audit)
file(STRINGS ${BUILD_DIR}/qml-runtime-depends.txt qml_depends LIMIT_COUNT 1)
string(REPLACE ", " ";" qml_depends "${qml_depends}")
set(runtime_depends libsqlcipher0 libqt6core6 libqt6gui6 libqt6qml6 libssl3 libc6 ${qml_depends})
set(dev_files usr/include/qmsaudit/auditlog.h usr/include/qmsaudit/qmsaudit_export.h usr/include/qmsaudit/qmlaudittrail.h
    usr/include/qmsaudit/reportdocument.h usr/include/qmsaudit/qmsaudit_report_export.h
    ${lib}/libqmsaudit.so ${lib}/libqmsaudit-qml.so ${lib}/libqmsaudit-report.so ${lib}/cmake/QmsAudit/QmsAuditConfig.cmake
    ${lib}/cmake/QmsAudit/QmsAuditConfigVersion.cmake ${lib}/cmake/QmsAudit/QmsAuditTargets.cmake
    ${lib}/pkgconfig/qmsaudit.pc usr/share/doc/libqmsaudit-dev/copyright)
set(dev_absent ${lib}/libqmsaudit.so.${VERSION} usr/bin/qms-audit)
set(dev_depends "libqmsaudit0 (= ${release})" qt6-base-dev)
set(tools_files usr/bin/qms-audit usr/share/man/man1/qms-audit.1.gz usr/share/doc/qmsaudit-tools/copyright)
set(tools_absent ${lib}/libqmsaudit.so.${VERSION} usr/include/qmsaudit/auditlog.h)
set(tools_depends "libqmsaudit0 (= ${release})" libpocofoundation80 libpocoutil80 libqt6core6 libqt6gui6 libc6)

foreach(component runtime dev tools)
    set(name_runtime libqmsaudit0)
    set(name_dev libqmsaudit-dev)
    set(name_tools qmsaudit-tools)
    set(section_runtime libs)
    set(section_dev libdevel)
    set(section_tools utils)
    file(GLOB deb ${OUT_DIR}/${name_${component}}_${release}_*.deb)
    if(NOT deb)
        file(GLOB made ${OUT_DIR}/*.deb)
        message(FATAL_ERROR "no ${name_${component}}_${release}_<arch>.deb; cpack made: ${made}")
    endif()
    run(dpkg-deb -c ${deb})
    set(listing "${last_output}")
    foreach(f IN LISTS ${component}_files)
        if(NOT listing MATCHES " \\./${f}( |\n)")
            message(FATAL_ERROR "${name_${component}} lacks /${f}:\n${listing}")
        endif()
    endforeach()
    foreach(f IN LISTS ${component}_absent)
        if(listing MATCHES " \\./${f}( |\n)")
            message(FATAL_ERROR "${name_${component}} must not hold /${f}")
        endif()
    endforeach()
    if(listing MATCHES "-rwx[^\n]* \\./usr/lib/[^\n]*\\.so")
        message(FATAL_ERROR "${name_${component}}: a shared object is executable:\n${listing}")
    endif()
    run(dpkg-deb -f ${deb} Package Version Section Priority Maintainer Depends Description)
    set(fields "${last_output}")
    foreach(expected "Package: ${name_${component}}" "Version: ${release}" "Section: ${section_${component}}" "Priority: optional"
                     "Maintainer: [^\n]+<[^@\n]+@[^>\n]+>" "Description: [a-z]")
        if(NOT fields MATCHES "${expected}")
            message(FATAL_ERROR "${name_${component}}: want '${expected}' in\n${fields}")
        endif()
    endforeach()
    string(REGEX MATCH "Depends: ([^\n]*)" depends "${fields}")
    foreach(dependency IN LISTS ${component}_depends)
        string(REPLACE "(" "\\(" pattern "${dependency}")
        string(REPLACE ")" "\\)" pattern "${pattern}")
        if(NOT depends MATCHES "(^|[ ,])${pattern}( |,|$)")
            message(FATAL_ERROR "${name_${component}}: Depends lacks ${dependency}: ${depends}")
        endif()
    endforeach()
    message(STATUS "${name_${component}}: ${depends}")
endforeach()

file(GLOB debs ${OUT_DIR}/*.deb)
execute_process(COMMAND lintian --fail-on error ${debs} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR out MATCHES "(^|\n)E: ")
    message(FATAL_ERROR "lintian found errors (${rc}):\n${out}\n${err}")
endif()
message(STATUS "lintian: no errors\n${out}")
