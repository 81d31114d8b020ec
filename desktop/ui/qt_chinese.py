"""Qt's own dialogs in Chinese: Qt's qtbase_zh_CN catalogue, and the few strings it lacks.

qtbase_zh_CN.qm (shipped with PySide6, bundled by the spec) predates some strings of Qt 6's file dialog:
"&Look in:" and "Files of &type:" stay English with it alone (measured with Qt 6.12). The supplement
answers exactly those; everything else falls through to Qt's catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

# (context, source) -> Chinese, for strings qtbase_zh_CN.qm does not translate
MISSING = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class _Supplement(QTranslator):
    # None is Qt's null string: "not mine", and the next catalogue is asked (6.9's stub says str)
    def translate(  # type: ignore[override, unused-ignore]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return MISSING.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> None:
    """Load Qt's Chinese catalogue into `app`, with the supplement for what it lacks."""
    catalogue = QTranslator(app)
    if catalogue.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(catalogue)
    supplement = _Supplement(app)
    app.installTranslator(supplement)  # installed last, asked first; it answers only what is missing


def is_installed(parent: QObject) -> bool:
    """Return True when `parent` (the application) holds the supplement."""
    return any(isinstance(child, _Supplement) for child in parent.children())
