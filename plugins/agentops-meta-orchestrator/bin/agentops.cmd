@echo off
rem Launcher for the agentops tool on Windows, from cmd.exe or PowerShell (which runs .cmd files):
rem   "%CLAUDE_PLUGIN_ROOT%\bin\agentops.cmd" <verb> [args...]
rem The same search as bin/agentops (which Claude Code's hooks run through Git Bash):
rem   1. %AGENTOPS_TOOL%  2. tool\<rid>\agentops.exe  3. tool\agentops.dll with dotnet  4. agentops.exe on PATH
rem `record` never fails a hook: it always exits 0 and prints nothing on stdout.
setlocal EnableExtensions
set "VERB=%~1"
set "ROOT=%~dp0.."
if defined CLAUDE_PLUGIN_ROOT if exist "%CLAUDE_PLUGIN_ROOT%\bin\" set "ROOT=%CLAUDE_PLUGIN_ROOT%"

set "RID=%AGENTOPS_RID%"
if not defined RID (
  set "RID=win-x64"
  if /i "%PROCESSOR_ARCHITECTURE%"=="ARM64" set "RID=win-arm64"
  if /i "%PROCESSOR_ARCHITEW6432%"=="ARM64" set "RID=win-arm64"
)
set "REASON="

if defined AGENTOPS_TOOL (
  if /i "%AGENTOPS_TOOL:~-4%"==".dll" (
    if exist "%AGENTOPS_TOOL%" where dotnet >nul 2>&1 && (set "RUN=dotnet "%AGENTOPS_TOOL%"" & goto run)
    set "REASON=AGENTOPS_TOOL=%AGENTOPS_TOOL% is not a file, or dotnet is not on PATH."
  ) else (
    if exist "%AGENTOPS_TOOL%" (set "RUN="%AGENTOPS_TOOL%"" & goto run)
    set "REASON=AGENTOPS_TOOL=%AGENTOPS_TOOL% is not a file."
  )
)

rem Windows on Arm runs x64 programs through its own emulation.
if /i "%RID%"=="win-arm64" if not exist "%ROOT%\tool\win-arm64\" if not exist "%ROOT%\tool\win-arm64.tar.gz" set "RID=win-x64"
set "NATIVE=%ROOT%\tool\%RID%\agentops.exe"
rem A release packs the build as tool\<rid>.tar.gz: unpacked beside on first use (tar.exe ships with Windows 10
rem and later), then renamed into place so a concurrent first run never sees half a folder.
if not exist "%NATIVE%" if exist "%ROOT%\tool\%RID%.tar.gz" (
  set "UNPACK=%ROOT%\tool\%RID%.unpack-%RANDOM%%RANDOM%"
  call :unpack
)
if exist "%NATIVE%" (set "RUN="%NATIVE%"" & goto run)

if exist "%ROOT%\tool\agentops.dll" (
  where dotnet >nul 2>&1 && (set "RUN=dotnet "%ROOT%\tool\agentops.dll"" & goto run)
  set "REASON=%REASON% The plugin ships tool\agentops.dll (needs .NET 10) but 'dotnet' is not on PATH."
)

rem agentops.exe, never agentops.cmd: that would be this launcher calling itself.
for /f "delims=" %%F in ('where agentops.exe 2^>nul') do (set "RUN="%%F"" & goto run)

set "REASON=%REASON% No native build for %RID% in %ROOT%\tool\."
>&2 echo agentops: the agentops .NET tool is not installed for this machine (%RID%), so '%VERB%' did not run.
>&2 echo agentops:%REASON%
if /i "%VERB%"=="record" exit /b 0
>&2 echo agentops: get it in one of these ways:
>&2 echo   - the release archive for your machine (agentops-^<version^>-%RID%.tar.gz), unpacked anywhere,
>&2 echo     with AGENTOPS_TOOL pointing at its agentops.exe;
>&2 echo   - with the .NET 10 SDK: dotnet tool install --global AgentOps.Cli
>&2 echo   - or point AGENTOPS_TOOL at an agentops.dll or an agentops.exe.
exit /b 127

:unpack
mkdir "%UNPACK%" >nul 2>&1
tar -xzf "%ROOT%\tool\%RID%.tar.gz" -C "%UNPACK%" >nul 2>&1 && if not exist "%ROOT%\tool\%RID%\" move "%UNPACK%" "%ROOT%\tool\%RID%" >nul 2>&1
if exist "%UNPACK%\" rmdir /s /q "%UNPACK%" >nul 2>&1
if not exist "%NATIVE%" set "REASON=%REASON% Could not unpack %ROOT%\tool\%RID%.tar.gz (needs tar.exe and a writable plugin folder)."
exit /b 0

:run
if /i "%VERB%"=="record" (
  %RUN% %* >nul
  exit /b 0
)
%RUN% %*
exit /b %ERRORLEVEL%
