# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the CMake package: find_package(QmsAudit CONFIG) gives QmsAudit::Core.

set(QMSAUDIT_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/QmsAudit)

install(EXPORT QmsAuditTargets
    NAMESPACE QmsAudit::
    DESTINATION ${QMSAUDIT_CMAKE_INSTALL_DIR})

configure_package_config_file(
    ${CMAKE_CURRENT_LIST_DIR}/QmsAuditConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfig.cmake
    INSTALL_DESTINATION ${QMSAUDIT_CMAKE_INSTALL_DIR})
write_basic_package_version_file(
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfig.cmake
    ${CMAKE_CURRENT_BINARY_DIR}/QmsAuditConfigVersion.cmake
    DESTINATION ${QMSAUDIT_CMAKE_INSTALL_DIR})
