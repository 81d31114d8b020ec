; Windows installer for Luoshi (落实): packages the one-folder bundle dist\luoshi that `make bundle`
; (PyInstaller, build\luoshi.spec) writes on Windows, with Chinese Start-menu and desktop shortcuts.
; Build on Windows with Inno Setup 6:  iscc /DAppVersion=<version> build\luoshi.iss
;   -> dist\luoshi-setup-<version>.exe
; The Chinese wizard needs ChineseSimplified.isl in Inno Setup's Languages folder (shipped with recent
; Inno Setup 6 releases; for older ones, the translation from jrsoftware.org/files/istrans).
; Saved as UTF-8 with a byte-order mark: Inno Setup 6 reads Chinese from it correctly.
; tests/test_windows_installer.py checks that these paths match the spec's output names.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define BundleDir "..\dist\luoshi"
#define ExeName "luoshi.exe"

[Setup]
AppId={{6E1C2B9A-5D3F-4C8E-9A71-2F4B8D0C1E35}
AppName=落实
AppVersion={#AppVersion}
AppVerName=落实 {#AppVersion}
AppPublisher=落实
DefaultDirName={autopf}\Luoshi
DefaultGroupName=落实
; a clerk without administrator rights installs for herself (under %LOCALAPPDATA%\Programs)
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=luoshi-setup-{#AppVersion}
SetupIconFile=..\resources\icons\luoshi.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName=落实
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\落实"; Filename: "{app}\{#ExeName}"; Comment: "实施方案落实情况报送"
Name: "{group}\卸载落实"; Filename: "{uninstallexe}"
Name: "{autodesktop}\落实"; Filename: "{app}\{#ExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "立即运行落实"; Flags: nowait postinstall skipifsilent

; The clerk's data (%LOCALAPPDATA%\Luoshi: the database, backups, logs) is not the installer's:
; uninstalling leaves it where it is.
