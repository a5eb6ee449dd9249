@echo off
rem imageprep launcher for Windows: the jars next to this file on a 64-bit Java 17+ runtime.
rem Java is looked for in IMAGEPREP_JAVA_HOME, then a runtime\ folder next to this file, then
rem JAVA_HOME, then PATH (never the current directory, which cmd searches first for a bare name).
rem JNA loads its DLL from native\ here instead of unpacking it under %TEMP%.
setlocal
set "APP=%~dp0"
set "JAVA="
for %%J in (java.exe) do set "JAVA=%%~$PATH:J"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%APP%runtime\bin\java.exe" set "JAVA=%APP%runtime\bin\java.exe"
if defined IMAGEPREP_JAVA_HOME set "JAVA=%IMAGEPREP_JAVA_HOME%\bin\java.exe"
if not defined JAVA (
  echo imageprep: no Java 17+ runtime found: set IMAGEPREP_JAVA_HOME or JAVA_HOME 1>&2
  exit /b 2
)
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData "-Djna.boot.library.path=%APP%native" -Djna.nosys=true -Djna.nounpack=true -cp "%APP%imageprep-agent.jar;%APP%lib\*" dev.imageprep.agent.Main %*
exit /b %ERRORLEVEL%
