#!/bin/sh
# `make run` / `make bundle`: stop on a platform the bundle cannot support, saying why (README, "支持的系统").
# LUOSHI_MACHINE and LUOSHI_GLIBC stand in for `uname -m` and the C library's version in tests.
machine=${LUOSHI_MACHINE:-$(uname -m)}
glibc=${LUOSHI_GLIBC:-$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')}
major=${glibc%%.*}
minor=${glibc#*.}
minor=${minor%%.*}
case "$machine" in
    aarch64|arm64)
        if [ -n "$glibc" ] && [ "$major" -eq 2 ] && [ "$minor" -lt 31 ]; then
            echo "本机为 ARM64（$machine），C 库 glibc $glibc 低于 2.31：PySide6（Qt）没有适用于此系统的安装包，" >&2
            echo "落实不能在此运行或打包（如麒麟 V10 飞腾/鲲鹏版）。请在 glibc 2.31 或更新的 ARM64 系统上" >&2
            echo "运行和打包，或在 x86_64 电脑上使用落实。" >&2
            exit 1
        fi
        ;;
esac
exit 0
