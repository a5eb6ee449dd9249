@echo off
rem imageprep launcher for Windows: the jars next to this file on a Java 17+ runtime.
rem Java is looked for in IMAGEPREP_JAVA_HOME, then a runtime\ folder next to this file, then
rem JAVA_HOME, then PATH.
setlocal
set "APP=%~dp0"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%APP%runtime\bin\java.exe" set "JAVA=%APP%runtime\bin\java.exe"
if defined IMAGEPREP_JAVA_HOME set "JAVA=%IMAGEPREP_JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "%APP%imageprep-agent.jar;%APP%lib\*" dev.imageprep.agent.Main %*
exit /b %ERRORLEVEL%
