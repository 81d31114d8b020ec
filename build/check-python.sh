#!/bin/sh
# `make run` / `make bundle`: stop early, with what to install, when the given python is older than 3.11.
# UOS 20 and Kylin V10 ship Python 3.7/3.8 as python3.
PYTHON=${1:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "找不到 $PYTHON。落实需要 Python 3.11 或更新版本：请先安装（Debian 12：apt-get install python3 python3-venv）。" >&2
    exit 1
fi
if "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    exit 0
fi
found=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "?")
echo "本机的 $PYTHON 是 Python $found，落实需要 Python 3.11 或更新版本。" >&2
for candidate in python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1; then
        echo "本机已有 $candidate，请改用：make $* PYTHON=$candidate" >&2
        exit 1
    fi
done
echo "请安装 Python 3.11（含 venv 模块，如 apt-get install python3.11 python3.11-venv，或从源码编译），" >&2
echo "然后运行：make run PYTHON=python3.11（打包用 make bundle PYTHON=python3.11）。" >&2
echo "只想使用程序的办事员不需要 Python：请用已打好的安装包（见 README“下载即用”）。" >&2
exit 1
