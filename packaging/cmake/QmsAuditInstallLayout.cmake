# SPDX-License-Identifier: LGPL-2.1-or-later
# Where installed files go and how installed binaries find libqmsaudit: relative to themselves
# ($ORIGIN), so that `cmake --install --prefix ANY` gives tools that run without LD_LIBRARY_PATH
# and the same files work under /usr in the .deb (lintian accepts $ORIGIN run paths).
#
# Components (one .deb each, see QmsAuditPackaging.cmake): runtime (libraries, Qt plugin, QML
# module), dev (headers, CMake and pkg-config files, link names), tools (qms-audit, man page).

set(QMSAUDIT_QT_PLUGIN_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/qt6/plugins/qmsaudit)
set(QMSAUDIT_QML_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/qt6/qml/QmsAudit)

# Debian installs shared objects without the execute bit (lintian: shared-library-is-executable).
set(QMSAUDIT_LIBRARY_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

# Gives @p target, installed into @p install_dir (relative to the prefix), a RUNPATH that finds
# the libraries in CMAKE_INSTALL_LIBDIR from wherever the prefix is.
function(qmsaudit_set_install_rpath target install_dir)
    file(RELATIVE_PATH to_libdir "/${install_dir}" "/${CMAKE_INSTALL_LIBDIR}")
    if(to_libdir STREQUAL "")
        set(rpath "$ORIGIN")
    else()
        set(rpath "$ORIGIN/${to_libdir}")
    endif()
    set_target_properties(${target} PROPERTIES INSTALL_RPATH "${rpath}")
endfunction()
