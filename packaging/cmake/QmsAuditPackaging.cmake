# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the CMake package (find_package(QmsAudit CONFIG) gives QmsAudit::Core, QmsAudit::Report
# and QmsAudit::Qml) and the pkg-config file, and describes the Debian packages CPack builds from the
# install components (packaging/scripts/package.sh, docs/packages.md):
#   libqmsaudit0     runtime: libqmsaudit, libqmsaudit-report, libqmsaudit-qml, the Qt plugin, the QML module
#   libqmsaudit-dev  dev:     headers, link names, CMake config + version file, qmsaudit.pc
#   qmsaudit-tools   tools:   qms-audit and its man page

set(QMSAUDIT_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/QmsAudit)
# The directory a host adds to its QML import path (the module itself is in QmsAudit/ below it).
set(QMSAUDIT_QML_IMPORT_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/qt6/qml)

install(EXPORT QmsAuditTargets
    NAMESPACE QmsAudit::
    DESTINATION ${QMSAUDIT_CMAKE_INSTALL_DIR}
    COMPONENT dev)

configure_package_config_file(
    ${CMAKE_CURRENT_LIST_DIR}/QmsAuditConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfig.cmake
    INSTALL_DESTINATION ${QMSAUDIT_CMAKE_INSTALL_DIR}
    PATH_VARS CMAKE_INSTALL_INCLUDEDIR QMSAUDIT_QT_PLUGIN_INSTALL_DIR QMSAUDIT_QML_IMPORT_INSTALL_DIR)
write_basic_package_version_file(
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfig.cmake
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfigVersion.cmake
    DESTINATION ${QMSAUDIT_CMAKE_INSTALL_DIR}
    COMPONENT dev)

# prefix relative to the .pc file itself, so that an install into any prefix is self-consistent.
file(RELATIVE_PATH QMSAUDIT_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(${PROJECT_SOURCE_DIR}/packaging/pkgconfig/qmsaudit.pc.in ${CMAKE_CURRENT_BINARY_DIR}/qmsaudit.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/qmsaudit.pc
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    COMPONENT dev)

# --- Debian packages --------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev tools)
set(CPACK_PACKAGE_NAME qmsaudit)
set(CPACK_PACKAGE_VENDOR "The QmsAudit developers")
set(CPACK_PACKAGE_CONTACT "QmsAudit developers <qmsaudit@example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # lintian: unstripped-binary-or-object
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The tools and the plugins need libqmsaudit.so.0 (and qms-audit libqmsaudit-report.so.0) from the
# runtime package, which is not installed while packaging: dpkg-shlibdeps finds them in the build
# tree and takes its dependency from below.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR}/plugin ${PROJECT_BINARY_DIR}/plugin/report)
set(qmsaudit_runtime_dependency "libqmsaudit0 (= ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libqmsaudit0)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
# A shlibs file for the packages with shared libraries (only the runtime one); CPack 3.25 calls
# ldconfig from postinst/postrm but adds no trigger, so the runtime package brings its own.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/debian/triggers)
# SQLCipher is loaded with dlopen, which dpkg-shlibdeps cannot see. Nor can it see QML imports:
# the build derives the qml6-module-* packages the QML module needs (check-deps.py
# --print-qml-packages, transitively through the modules it imports) and cpack adds them
# (QmsAuditCPackOptions.cmake.in).
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "libsqlcipher0 (>= 3.4.1)")
set(QMSAUDIT_QML_RUNTIME_DEPENDS_FILE ${PROJECT_BINARY_DIR}/qml-runtime-depends.txt)
if(QMSAUDIT_BUILD_QML)
    find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
    add_custom_command(OUTPUT ${QMSAUDIT_QML_RUNTIME_DEPENDS_FILE}
        COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/packaging/scripts/check-deps.py
            --source-dir ${PROJECT_SOURCE_DIR}
            --print-qml-packages ${PROJECT_BINARY_DIR}/qml/QmsAudit
            --qml-import-path ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_QML}
            --output ${QMSAUDIT_QML_RUNTIME_DEPENDS_FILE}
        DEPENDS qmsaudit_qmlplugin ${PROJECT_SOURCE_DIR}/packaging/scripts/check-deps.py
        VERBATIM)
    add_custom_target(qmsaudit_qml_runtime_depends ALL DEPENDS ${QMSAUDIT_QML_RUNTIME_DEPENDS_FILE})
endif()
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "encrypted, tamper-evident audit trail for Qt QMS applications
QmsAudit records every access to and change of documented information in an
append-only, hash-chained SQLCipher log, as FDA 21 CFR Part 11 and EU GMP
Annex 11 ask of audit trails.
.
This package holds the core library, the PDF report library, the QML module
QmsAudit and the Qt plugin that host applications load with QPluginLoader.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libqmsaudit-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${qmsaudit_runtime_dependency}, qt6-base-dev (>= 6.4)")
if(QMSAUDIT_BUILD_QML)
    string(APPEND CPACK_DEBIAN_DEV_PACKAGE_DEPENDS ", qt6-declarative-dev (>= 6.4)")
endif()
set(CPACK_DEBIAN_DEV_DESCRIPTION "development files for the QmsAudit audit trail
Headers, the CMake package (find_package(QmsAudit CONFIG) gives QmsAudit::Core,
QmsAudit::Report and QmsAudit::Qml) and the pkg-config file qmsaudit, for
applications that embed the QmsAudit audit trail.")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME qmsaudit-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "${qmsaudit_runtime_dependency}")
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "command line tool for QmsAudit audit logs
qms-audit creates, records into, imports into, queries, verifies, summarises
and re-keys encrypted QmsAudit audit logs, for internal auditors and
administrators.")

configure_file(${CMAKE_CURRENT_LIST_DIR}/QmsAuditCPackOptions.cmake.in ${PROJECT_BINARY_DIR}/QmsAuditCPackOptions.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/QmsAuditCPackOptions.cmake)

# Every package carries the licence and a Debian changelog (lintian: no-copyright-file, no-changelog).
set(qmsaudit_changelog ${CMAKE_CURRENT_BINARY_DIR}/changelog.Debian)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${qmsaudit_changelog} @ONLY)
add_custom_command(OUTPUT ${qmsaudit_changelog}.gz
    COMMAND gzip -9nc ${qmsaudit_changelog} > ${qmsaudit_changelog}.gz
    DEPENDS ${qmsaudit_changelog}
    VERBATIM)
add_custom_target(qmsaudit_debian_changelog ALL DEPENDS ${qmsaudit_changelog}.gz)
foreach(component IN LISTS CPACK_COMPONENTS_ALL)
    string(TOUPPER ${component} upper)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${qmsaudit_changelog}.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${CPACK_DEBIAN_${upper}_PACKAGE_NAME}
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        COMPONENT ${component})
endforeach()

include(CPack)
