; Inno Setup script: turns build\dist\SyncCheckup (python dev.py build, on Windows) into
; build\dist\SyncCheckup-Setup.exe — a per-user installer a bookkeeper can run without an
; administrator, with a Start-menu shortcut and an uninstaller (Settings > Apps).
;
;   iscc /DAppVersion=0.1.0 build\windows\installer.iss
;
; Paths are relative to this file. The release workflow (.github/workflows/release.yml) passes
; the version from wizard.__version__.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Sync Checkup"
#define AppExe "SyncCheckup.exe"

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{110F3079-DD2F-4611-8D89-73D3CD9C8C38}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Install for the current user unless they choose otherwise: no administrator needed.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=SyncCheckup-Setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: SyncCheckup.exe (the app), sync-checkup.exe (console, for
; support) and _internal\ with everything they load.
Source: "..\dist\SyncCheckup\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Libraries of an older version that this one no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
