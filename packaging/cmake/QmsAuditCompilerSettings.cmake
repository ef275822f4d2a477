# SPDX-License-Identifier: LGPL-2.1-or-later
# Warnings, hardening and sanitizers in one place; applied per target with qmsaudit_apply_settings().

add_library(qmsaudit_settings INTERFACE)
target_compile_options(qmsaudit_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wformat=2
    -fstack-protector-strong
    # _FORTIFY_SOURCE needs optimisation; glibc warns about it at -O0.
    $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
target_link_options(qmsaudit_settings INTERFACE -Wl,-z,relro,-z,now -Wl,--as-needed)
target_compile_definitions(qmsaudit_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_KEYWORDS)

if(QMSAUDIT_ENABLE_SANITIZERS)
    target_compile_options(qmsaudit_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(qmsaudit_settings INTERFACE -fsanitize=address,undefined)
endif()

function(qmsaudit_apply_settings target)
    target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:qmsaudit_settings>)
endfunction()
